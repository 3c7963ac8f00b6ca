"""Rules a Table Schema cannot state: within-row logic and rules across tables.

Frame rules are attached to the generated pandera models (one boolean per row, failing rows are
reported with their row numbers); cross-table rules get all frames and raise a located error.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pandas as pd

from ..errors import PipelineError
from .pandera_models import frame_rule


def _ordered(df: pd.DataFrame, start: str, end: str) -> pd.Series:
    return df[start].isna() | df[end].isna() | (df[start] <= df[end])


def _both_or_neither(df: pd.DataFrame, a: str, b: str) -> pd.Series:
    return df[a].isna() == df[b].isna()


# Date pairs that must not run backwards, and columns that are given together or not at all.
ORDERED = {"claims": [("period_start", "period_end"), ("compare_start", "compare_end")],
           "returns": [("period_start", "period_end")], "funding": [("period_start", "period_end")],
           "events": [("start_date", "end_date")]}
TOGETHER = {"claims": [("compare_start", "compare_end")], "participants": [("count", "count_qualifier")],
            "returns": [("count", "qualifier"), ("period_start", "period_end"), ("period_start", "date_basis")],
            "events": [("start_date", "date_basis"), ("place", "place_basis")],
            "policies": [("start_date", "start_precision")]}
for _res, _pairs in ORDERED.items():
    for _a, _b in _pairs:
        frame_rule(_res, f"{_a}<={_b}", column=_b)(partial(_ordered, start=_a, end=_b))
for _res, _pairs in TOGETHER.items():
    for _a, _b in _pairs:
        frame_rule(_res, f"{_a}-with-{_b}")(partial(_both_or_neither, a=_a, b=_b))


@frame_rule("claims", "figure-inside-quote")
def _claims_figure_in_quote(df: pd.DataFrame) -> pd.Series:
    return (df["char_start"] <= df["figure_start"]) & (df["figure_end"] <= df["char_end"]) & \
        (df["char_end"] - df["char_start"] == df["quote"].str.len())


@frame_rule("claims", "claim_id=source_id-figure_start")
def _claims_id(df: pd.DataFrame) -> pd.Series:
    return df["claim_id"] == df["source_id"] + "-" + df["figure_start"].astype("string")


@frame_rule("claims", "percent-has-unit-percent")
def _claims_units(df: pd.DataFrame) -> pd.Series:
    pct = df["metric"].isin(["percent_change", "percent_share"])
    money = df["metric"] == "money"
    return (pct == (df["unit"] == "percent")) & (money == df["unit"].isin(["GBP", "EUR", "USD"]))


@frame_rule("claims", "counts-have-their-unit")
def _claims_count_units(df: pd.DataFrame) -> pd.Series:
    """A count of boats is in boats, a count of people in people ("43 boats" is not "43 people")."""
    boats = df["metric"].str.startswith("boats_")
    people = df["metric"].str.startswith("people_")
    return (~boats | (df["unit"] == "boats")) & (~people | (df["unit"] == "people"))


@frame_rule("claims", "only-a-change-is-negative")
def _claims_sign(df: pd.DataFrame) -> pd.Series:
    return (df["value"] >= 0) | (df["metric"] == "percent_change")


def _row_error(name: str, origin: str, bad: pd.DataFrame, column: str, rule: str, msg: str) -> PipelineError:
    rows = [int(i) + 2 for i in bad.index]
    return PipelineError(msg, file=origin, row=rows[0], column=column, rule=rule,
                         details=[f"row {r}: {bad.iloc[k][column]!r}" for k, r in enumerate(rows[:20])])


def cross_table(frames: dict[str, pd.DataFrame], origins: dict[str, str]) -> None:
    """Rules across resources, each failure located in the file that must change."""
    sources = frames["sources"].set_index("source_id")
    ref = sources["published_date"].copy()
    for sid, parent in sources["derived_from"].dropna().items():
        if pd.isna(ref.get(sid)):
            ref[sid] = ref.get(parent)
    claims = frames.get("claims")
    if claims is not None:
        # A count of something that happened cannot end after the source was written;
        # money (commitments over years) may.
        when = claims["source_id"].map(ref)
        bad = claims[(claims["metric"] != "money") & when.notna() & claims["period_end"].notna()
                     & (claims["period_end"] > when)]
        if len(bad):
            raise _row_error("claims", origins["claims"], bad, "period_end", "period-not-after-source",
                             "a claim's period ends after its source was published")
    if "evidence" in frames:
        policy_rules(frames, origins, ref)
    rewrites = frames["sources"][frames["sources"]["kind"] == "unattributed_rewrite"]
    bad = rewrites[rewrites["derived_from"].isna() | rewrites["publisher"].notna()]
    if len(bad):
        raise _row_error("sources", origins["sources"], bad, "derived_from", "rewrite-linked-unattributed",
                         "an unattributed rewrite must name what it rewrites and carry no invented publisher")


@frame_rule("sources", "published-not-in-the-future", column="published_date")
def _published_by_now(df: pd.DataFrame) -> pd.Series:
    """A source is not published after tomorrow (the day it is already somewhere on Earth), as
    `--published` of extract and check is refused past it: a far-future date is a typo."""
    tomorrow = pd.Timestamp(dt.date.today() + dt.timedelta(days=1))
    return df["published_date"].isna() | (df["published_date"] <= tomorrow)


@frame_rule("source_differences", "one-side-at-least")
def _diff_sides(df: pd.DataFrame) -> pd.Series:
    return df["quote"].notna() | df["original_quote"].notna()


@frame_rule("source_differences", "quote-and-offsets-together")
def _diff_offsets(df: pd.DataFrame) -> pd.Series:
    return (_both_or_neither(df, "quote", "char_start") & _both_or_neither(df, "quote", "char_end")
            & _both_or_neither(df, "original_quote", "original_char_start")
            & _both_or_neither(df, "original_quote", "original_char_end"))


@frame_rule("participants", "named-or-counted")
def _participant_identified(df: pd.DataFrame) -> pd.Series:
    return df["actor_id"].notna() | df["country_code"].notna() | df["count"].notna()


@frame_rule("funding", "amount_gbp-equals-amount-in-GBP")
def _funding_gbp(df: pd.DataFrame) -> pd.Series:
    return (df["currency"] != "GBP") | (df["amount_gbp"] == df["amount"])


@frame_rule("evidence", "evidence_id=source_id-char_start")
def _evidence_id(df: pd.DataFrame) -> pd.Series:
    return df["evidence_id"] == df["source_id"] + "-" + df["char_start"].astype("string")


POLICY_TABLES = ["actors", "policies", "events", "participants", "returns", "funding"]
# Dates that a row asserts happened; they cannot be after the source that reports them.
HAPPENED = {"returns": ("period_end", "status", "carried_out"), "events": ("start_date", None, None),
            "funding": ("announced_date", None, None)}


def policy_rules(frames: dict[str, pd.DataFrame], origins: dict[str, str], ref: pd.Series) -> None:
    """Policy rows cite no unattributed rewrite and assert nothing that happened after their source."""
    ev = frames["evidence"].set_index("evidence_id")
    kinds = frames["sources"].set_index("source_id")["kind"]
    for name in POLICY_TABLES:
        df = frames.get(name)
        if df is None:
            continue
        src = df["evidence_id"].map(ev["source_id"])
        # The rewrite contributes nothing its original does not support: cite the original.
        bad = df[src.map(kinds) == "unattributed_rewrite"]
        if len(bad):
            raise _row_error(name, origins[name], bad, "evidence_id", "no-evidence-from-rewrite",
                             "a policy row cites the unattributed rewrite; cite the original instead")
        if name in HAPPENED:
            col, status_col, status = HAPPENED[name]
            when = src.map(ref)
            mask = df[col].notna() & when.notna() & (df[col] > when)
            if status_col:
                mask &= df[status_col] == status
            if mask.any():
                raise _row_error(name, origins[name], df[mask], col, "not-after-source",
                                 f"{col} is after the publication date of the source that reports it")
