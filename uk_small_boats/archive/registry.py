"""Locate each registered source on the archive search path and verify its sha256.

A missing document is not an error (the build falls back to committed data and says so);
a document whose bytes differ from the registry is, because every offset would be suspect.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import utf8
from ..errors import PipelineError
from ..paths import archive_search_path


def sha256_of(path: Path) -> str:
    """The hex sha256 of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class Archive:
    """The search path, the sources found on it (sha256 verified) and those not found."""

    search_path: list[Path]
    found: dict[str, Path] = field(default_factory=dict)  # source_id -> verified file
    missing: dict[str, str] = field(default_factory=dict)  # source_id -> file name

    _texts: dict[str, str] | None = field(default=None, repr=False)

    def texts(self) -> dict[str, str]:
        """The verified text documents (not the spreadsheet), read once per archive."""
        if self._texts is None:
            self._texts = {sid: utf8.decode(p.read_bytes(), file=str(p)) for sid, p in self.found.items()
                           if p.suffix == ".txt"}
        return self._texts


def _locate(source_id: str, name: str, search_path: list[Path]) -> Path | None:
    """The first archive folder holding ``name``, which must be a bare file name and, if a symlink,
    must stay inside its folder (sources.csv is data: it must not open any file on the machine)."""
    if Path(name).name != name or name in {".", ".."} or "\\" in name:
        raise PipelineError(f"file_name of {source_id} must be a bare file name, not a path",
                            file="sources.csv", column="file_name", rule="archive-file-name")
    for d in search_path:
        hit = d / name
        if hit.is_file():
            if not hit.resolve().is_relative_to(d.resolve()):
                raise PipelineError(f"a symlink leading out of the archive folder (to {hit.resolve()}) is "
                                    f"refused", file=str(hit), rule="archive-symlink")
            return hit
    return None


def open_archive(sources: pd.DataFrame, archive_dir: str | Path | None = None,
                 dependants: dict[str, list[str]] | None = None, only: bool = False) -> Archive:
    """Find and verify every source of the registry; ``dependants`` names what rests on each file."""
    if archive_dir is not None and not Path(archive_dir).is_dir():
        raise PipelineError("archive directory does not exist or is not a directory",
                            file=str(archive_dir), rule="archive-dir-exists")
    arc = Archive(archive_search_path(archive_dir, only))
    for row in sources.itertuples(index=False):
        hit = _locate(row.source_id, row.file_name, arc.search_path)
        if hit is None:
            arc.missing[row.source_id] = row.file_name
            continue
        found = sha256_of(hit)
        if found != row.sha256:
            deps = (dependants or {}).get(row.source_id, [])
            raise PipelineError(
                f"sha256 mismatch: expected {row.sha256}, found {found}; the file is not the one "
                f"curated, so quotes and offsets cannot be trusted",
                file=str(hit), rule="archive-sha256",
                details=[f"{len(deps)} rows depend on source {row.source_id}: "
                         + ", ".join(deps[:20]) + (" ..." if len(deps) > 20 else "")] if deps else None)
        arc.found[row.source_id] = hit
    return arc
