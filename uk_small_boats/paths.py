"""Where things live: the package's data files, the default build folder, and the archive search path.

The repository's root files (datapackage.json, schemas/, data/, archive/) are the source. A wheel
carries copies of them under ``uk_small_boats/_resources`` (setup.py copies them at build time, so
no second copy is committed); a checkout or an editable install reads them where they are.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from .errors import PipelineError

REPO = Path(__file__).resolve().parent.parent  # the checkout, when running from one


def _packaged_root() -> Path | None:
    """The wheel's copy of the root files. A wheel installs unpacked, so they are real files."""
    res = files(__package__) / "_resources"
    return Path(str(res)) if isinstance(res, Path) and res.is_dir() else None


PACKAGED = _packaged_root()
INSTALLED = PACKAGED is not None  # running from an installed wheel, not from a checkout
ROOT = PACKAGED or REPO  # where the root files are read
DATA = ROOT / "data"
SCHEMAS = ROOT / "schemas"
SOURCE_DESCRIPTOR = ROOT / "datapackage.json"
VENDORED_ARCHIVE = ROOT / "archive"  # the Home Office ODS with its licence
# In a checkout the build goes into the repo's build/; installed, into ./build of the caller.
DEFAULT_BUILD = Path("build") if INSTALLED else REPO / "build"
ARCHIVE_ENV = "UK_SMALL_BOATS_ARCHIVE"
# Inside a build directory: written last, so its presence marks a finished build.
REPORT_NAME = "build_report.json"
DUCKDB_NAME = "uk_small_boats.duckdb"


def archive_search_path(archive: str | os.PathLike | None = None, only: bool = False) -> list[Path]:
    """--archive DIR first, then $UK_SMALL_BOATS_ARCHIVE, the vendored archive/ (the repo's, or
    the wheel's copy when installed), then ../shared/archive and ../shared/corpus/articles beside a
    checkout.

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
    candidates.append(VENDORED_ARCHIVE)
    if not INSTALLED:  # beside a checkout: the shared news archive and the labelled real-text corpus
        candidates += [REPO.parent / "shared" / "archive", REPO.parent / "shared" / "corpus" / "articles"]
    seen, unique = set(), []
    for c in candidates:
        key = c.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return unique
