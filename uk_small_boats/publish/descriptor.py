"""Write build/datapackage.json from the source descriptor and the Table Schemas.

Deterministic: keys sorted, no timestamps; every resource carries the sha256 and bytes of its CSV
and of its Parquet twin.
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

from ..metadata.schemas import ResourceSpec, package_descriptor


def file_stats(path: Path) -> dict:
    """The sha256 (``sha256:HEX``) and size in bytes of a file, as a descriptor records them."""
    data = path.read_bytes()
    return {"hash": "sha256:" + hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def input_descriptor(specs: list[ResourceSpec]) -> dict:
    """The curated resources (basepath: the parent of their data directory), for validating
    inputs before anything runs. Without foreign keys: validate.keys holds those on the frames."""
    return {"name": "uk-small-boats-inputs", "resources": [
        {"name": s.name, "path": f"{s.data_path.parent.name}/{s.data_path.name}",
         "schema": {k: v for k, v in s.schema.items() if k != "foreignKeys"}, "format": "csv"}
        for s in specs if s.data_path is not None]}


def output_descriptor(specs: list[ResourceSpec], out: Path, extra_descriptions: dict[str, str]) -> dict:
    """The published descriptor: each resource with its schema inlined, its licences written out,
    and the hash and size of its CSV and Parquet files in ``out``."""
    base = copy.deepcopy(package_descriptor())
    base["description"] = base["description"].split(" This file is the source descriptor")[0]
    licences = {lic["name"]: lic for lic in base["licenses"]}
    resources = []
    for spec in specs:
        entry = {k: v for k, v in spec.descriptor.items() if k not in {"schema", "path", "origin"}}
        entry["licenses"] = [licences[lic["name"]] for lic in entry.get("licenses", [])]
        desc = spec.schema.get("description", "")
        if spec.name in extra_descriptions:
            desc += "\n\n" + extra_descriptions[spec.name]
        csv_rel, pq_rel = f"data/{spec.name}.csv", f"data/{spec.name}.parquet"
        entry.update({
            "path": csv_rel, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "description": desc, "schema": spec.schema,
            **file_stats(out / csv_rel),
            "x-origin": spec.descriptor.get("origin", "derived"),
            "x-parquet": {"path": pq_rel, "mediatype": "application/vnd.apache.parquet",
                          **file_stats(out / pq_rel)},
        })
        resources.append(entry)
    base["resources"] = resources
    return base


def dump(descriptor: dict, path: Path) -> None:
    """Write a descriptor as indented UTF-8 JSON, keys in the order given."""
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False, sort_keys=False) + "\n",
                    encoding="utf-8")
