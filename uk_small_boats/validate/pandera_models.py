"""pandera models generated from the Table Schemas, plus the rules a Table Schema cannot say.

Validation is lazy: every failure is collected and reported at once, each naming file, row,
column and rule (pandera#1164: users want all errors, not the first).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pandas as pd
import pandera.pandas as pa
import pycountry

from ..errors import PipelineError
from ..metadata.schemas import PANDAS_DTYPES, ResourceSpec

# Extra dataframe-level rules per resource: name -> (check over the frame -> boolean Series).
FrameRule = Callable[[pd.DataFrame], pd.Series]
FRAME_RULES: dict[str, dict[str, FrameRule]] = {}
# The column a frame rule is about, where it is about one (its failures are located there).
FRAME_RULE_COLUMN: dict[tuple[str, str], str] = {}


def frame_rule(resource: str, name: str, column: str | None = None) -> Callable[[FrameRule], FrameRule]:
    """Register the decorated function as the rule ``name`` over every row of ``resource``
    (``column``: the one column it judges, named in its errors)."""
    def register(fn: FrameRule) -> FrameRule:
        FRAME_RULES.setdefault(resource, {})[name] = fn
        if column:
            FRAME_RULE_COLUMN[(resource, name)] = column
        return fn
    return register


@cache
def codelist(name: str) -> frozenset[str]:
    """Code lists named by a field's x-codelist, from pycountry (ISO 3166-1, ISO 4217);
    "+EU" adds EU, the code ISO 3166-1 reserves for the European Union (a party to agreements)."""
    if name == "ISO-3166-1-alpha-2":
        return frozenset(c.alpha_2 for c in pycountry.countries)
    if name == "ISO-3166-1-alpha-2+EU":
        return codelist("ISO-3166-1-alpha-2") | {"EU"}
    if name == "ISO-4217":
        return frozenset(c.alpha_3 for c in pycountry.currencies)
    raise KeyError(f"unknown code list {name!r}")


def _codes_ok(values: pd.Series, name: str, sep: str | None) -> pd.Series:
    valid = codelist(name)
    if sep:
        return values.map(lambda v: v is pd.NA or v is None or all(x in valid for x in str(v).split(sep)))
    return values.isna() | values.isin(valid)


INFINITE = [float("inf"), float("-inf")]


def _field_checks(field: dict) -> list[pa.Check]:
    c = field.get("constraints", {})
    checks = []
    if field["type"] == "number":  # Table Schema allows INF; a published amount or count never is
        checks.append(pa.Check(lambda s: ~s.isin(INFINITE), name="finite", ignore_na=True))
    if "x-codelist" in field:
        name, sep = field["x-codelist"], field.get("x-codelist-separator")
        checks.append(pa.Check(lambda s, n=name, sp=sep: _codes_ok(s, n, sp), name=name,
                               ignore_na=True))
    if "enum" in c:
        checks.append(pa.Check.isin(c["enum"], name="enum"))
    if "minimum" in c:
        checks.append(pa.Check.ge(c["minimum"], name="minimum"))
    if "maximum" in c:
        checks.append(pa.Check.le(c["maximum"], name="maximum"))
    if "pattern" in c:
        checks.append(pa.Check.str_matches(f"(?:{c['pattern']})$", name="pattern"))
    if "minLength" in c:
        checks.append(pa.Check.str_length(min_value=c["minLength"], name="minLength"))
    return checks


def model_for(spec: ResourceSpec) -> pa.DataFrameSchema:
    """The pandera model of a resource: its schema's types, constraints and keys, plus its frame rules."""
    columns = {
        f["name"]: pa.Column(PANDAS_DTYPES[f["type"]], checks=_field_checks(f),
                             nullable=not f.get("constraints", {}).get("required", False),
                             unique=bool(f.get("constraints", {}).get("unique", False)),
                             coerce=False)
        for f in spec.fields
    }
    checks = [pa.Check(fn, name=name, element_wise=False)
              for name, fn in FRAME_RULES.get(spec.name, {}).items()]
    return pa.DataFrameSchema(columns, checks=checks, strict=True, ordered=True,
                              unique=spec.primary_key or None, name=spec.name)


def validate_frame(df: pd.DataFrame, spec: ResourceSpec, *, origin: str,
                   row_offset: int = 2) -> None:
    """Raise one PipelineError listing every failure; rows are numbered as in the CSV file.

    A failure of one column comes first (it is usually why a rule across columns fails too, as an
    infinite amount breaks amount_gbp = amount); a rule across columns is one line per row, not
    one per column pandera lists, and names no column."""
    try:
        model_for(spec).validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        across = (cases["schema_context"] == "DataFrameSchema") & cases["check"].isin(list(FRAME_RULES.get(spec.name, {})))
        rows = cases[across].drop_duplicates(["check", "index"])
        rows = rows.assign(column=[FRAME_RULE_COLUMN.get((spec.name, str(c))) for c in rows["check"]],
                           failure_case=None)
        cases = pd.concat([cases[~across], rows], ignore_index=True)

        def row_of(idx: object) -> int | None:  # None for a failure of the whole table
            try:
                return int(idx) + row_offset  # type: ignore[call-overload]
            except (TypeError, ValueError):
                return None

        details = []
        for fc in cases.itertuples(index=False):
            row = row_of(fc.index)
            value = f" (value {fc.failure_case!r})" if fc.failure_case is not None else ""
            details.append(f"row {row if row is not None else '-'}, column {fc.column or '-'}: "
                           f"rule {fc.check} failed{value}")
        first = cases.iloc[0]
        raise PipelineError(f"{len(details)} pandera check failure(s) in {spec.name}",
                            file=origin, row=row_of(first["index"]), column=first["column"] or None,
                            rule=str(first["check"]), details=details[:50]) from None
