"""Where a checkout reads its files from, and the archive search order."""

from uk_small_boats import paths
from uk_small_boats.paths import ARCHIVE_ENV, REPO, archive_search_path


def test_a_checkout_reads_the_repository_files():
    assert not paths.INSTALLED and paths.PACKAGED is None
    assert paths.SOURCE_DESCRIPTOR == REPO / "datapackage.json" and paths.DATA == REPO / "data"
    assert paths.DEFAULT_BUILD == REPO / "build"


SHARED = [REPO.parent / "shared" / "archive", REPO.parent / "shared" / "corpus" / "articles"]


def test_archive_search_order(monkeypatch, tmp_path):
    (tmp_path / "env").mkdir()
    monkeypatch.setenv(ARCHIVE_ENV, str(tmp_path / "env"))
    assert archive_search_path(tmp_path / "arg") == [
        tmp_path / "arg", tmp_path / "env", REPO / "archive", *SHARED]
    assert archive_search_path(tmp_path / "arg", only=True) == [tmp_path / "arg"]


def test_archive_search_path_names_each_folder_once(monkeypatch):
    monkeypatch.setenv(ARCHIVE_ENV, str(REPO / "archive"))
    assert archive_search_path(REPO / "archive") == [REPO / "archive", *SHARED]
    monkeypatch.delenv(ARCHIVE_ENV)
    assert archive_search_path() == [REPO / "archive", *SHARED]
