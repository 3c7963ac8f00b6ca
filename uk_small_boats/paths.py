"""Where things live: the repository, its curated data, and the archive search path."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import PipelineError

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
SCHEMAS = REPO / "schemas"
SOURCE_DESCRIPTOR = REPO / "datapackage.json"
DEFAULT_BUILD = REPO / "build"
ARCHIVE_ENV = "UK_SMALL_BOATS_ARCHIVE"
# Inside a build directory: written last, so its presence marks a finished build.
REPORT_NAME = "build_report.json"
DUCKDB_NAME = "uk_small_boats.duckdb"


def archive_search_path(archive: str | os.PathLike | None = None, only: bool = False) -> list[Path]:
    """--archive DIR first, then $UK_SMALL_BOATS_ARCHIVE, the repo's archive/, then ../shared/archive.

    ``only`` restricts the search to DIR (to build as a machine without the news texts would).
    """
    candidates: list[Path] = []
    if archive is not None:
        candidates.append(Path(archive))
        if only:
            return candidates
    if os.environ.get(ARCHIVE_ENV):
        env = Path(os.environ[ARCHIVE_ENV])
        if not env.is_dir():  # a typo must not silently fall through to other archives
            raise PipelineError(f"${ARCHIVE_ENV} names a folder that does not exist", file=str(env),
                                rule="archive-env-dir")
        candidates.append(env)
    candidates += [REPO / "archive", REPO.parent / "shared" / "archive"]
    seen, unique = set(), []
    for c in candidates:
        key = c.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return unique
