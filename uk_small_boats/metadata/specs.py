"""The source descriptor and its Table Schemas as plain data (no pandas: fast to import).

Commands that only need column names (``uk-small-boats extract``) read them here; the typed-frame
helpers in ``schemas`` build on the same specs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..paths import REPO, SOURCE_DESCRIPTOR


@dataclass(frozen=True)
class ResourceSpec:
    name: str
    title: str
    origin: str  # curated | official | derived
    schema: dict
    descriptor: dict  # the resource entry of the source descriptor, as written
    data_path: Path | None  # committed CSV for curated resources

    @property
    def fields(self) -> list[dict]:
        return self.schema["fields"]

    @property
    def field_names(self) -> list[str]:
        return [f["name"] for f in self.fields]

    @property
    def primary_key(self) -> list[str]:
        pk = self.schema.get("primaryKey", [])
        return [pk] if isinstance(pk, str) else list(pk)

    @property
    def foreign_keys(self) -> list[dict]:
        return self.schema.get("foreignKeys", [])

    def referenced_resource(self, fk: dict) -> str:
        return fk["reference"]["resource"] or self.name


@cache
def package_descriptor() -> dict:
    return json.loads(SOURCE_DESCRIPTOR.read_text(encoding="utf-8"))


@cache
def resources() -> tuple[ResourceSpec, ...]:
    specs = []
    for entry in package_descriptor()["resources"]:
        schema = json.loads((REPO / entry["schema"]).read_text(encoding="utf-8"))
        path = REPO / entry["path"] if entry.get("path") else None
        specs.append(ResourceSpec(entry["name"], entry.get("title", entry["name"]),
                                  entry.get("origin", "derived"), schema, entry, path))
    return tuple(specs)


def resource(name: str) -> ResourceSpec:
    for spec in resources():
        if spec.name == name:
            return spec
    raise KeyError(name)
