import shutil
import signal
from pathlib import Path

import pytest

from uk_small_boats.pipeline import build
from uk_small_boats.paths import REPO

SHARED_ARCHIVE = REPO.parent / "shared" / "archive"
ODS = REPO / "archive" / "data_small_boats_time_series.ods"


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """One full build (with the news archive when it is beside the repo) shared by read-only tests."""
    out = tmp_path_factory.mktemp("build") / "build"
    build(out)
    return out


@pytest.fixture
def empty_archive(tmp_path) -> Path:
    """An archive directory holding only the vendored ODS (no news texts)."""
    d = tmp_path / "archive"
    d.mkdir()
    shutil.copy(ODS, d / ODS.name)
    return d


def news_archive_present() -> bool:
    return SHARED_ARCHIVE.is_dir() and any(SHARED_ARCHIVE.glob("00*_*.txt"))


def ctrl_c_default() -> None:
    """``preexec_fn`` for a child a test will Ctrl-C: SIGINT as a terminal user's process gets it, even when
    the test run itself was started with SIGINT ignored (a background job of a shell without job control,
    whose children would otherwise inherit the ignore and never see the signal)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
