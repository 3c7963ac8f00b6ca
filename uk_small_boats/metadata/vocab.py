"""Shared fields and vocabularies (schemas/fields.json), read without pandas so that the extractor
starts fast. A resource schema names a shared field with ``"field": NAME``; ``expand`` merges the
shared definition under the resource's own properties and turns ``categories`` into the enum
constraint frictionless validates, so every vocabulary is written once."""

from __future__ import annotations

import json
from functools import cache

from ..paths import SCHEMAS

FIELDS_FILE = SCHEMAS / "fields.json"


@cache
def shared_fields() -> dict[str, dict]:
    """The shared field definitions of schemas/fields.json by name, read once."""
    return json.loads(FIELDS_FILE.read_text(encoding="utf-8"))["fields"]


def vocabulary(name: str) -> dict[str, str]:
    """The values of a shared vocabulary with their labels, in the order the schema lists them."""
    return {c["value"]: c["label"] for c in shared_fields()[name]["categories"]}


def expand_field(field: dict) -> dict:
    """A field with its shared definition merged under it and its categories as an enum constraint."""
    base = shared_fields()[field["field"]] if "field" in field else {}
    out = {**base, **{k: v for k, v in field.items() if k != "field"}}
    constraints = {**base.get("constraints", {}), **field.get("constraints", {})}
    if out.get("categories"):
        constraints["enum"] = [c["value"] if isinstance(c, dict) else c for c in out["categories"]]
    if constraints:
        out["constraints"] = constraints
    return out


def expand(schema: dict) -> dict:
    """A resource schema with every shared field written out (anything malformed is left for the
    schema check to report, with its file)."""
    fields = schema.get("fields") if isinstance(schema, dict) else None
    if not isinstance(fields, list) or not all(isinstance(f, dict) for f in fields):
        return schema
    unknown = [f["field"] for f in fields if "field" in f and f["field"] not in shared_fields()]
    if unknown:
        return schema
    return {**schema, "fields": [expand_field(f) for f in fields]}
