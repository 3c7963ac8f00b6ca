"""The output directory: one build at a time, only a previous build is replaced, the swap survives a kill."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from uk_small_boats.errors import PipelineError
from uk_small_boats.paths import REPO
from uk_small_boats.pipeline import build
from uk_small_boats.publish import outdir

from .test_faults import digest, edit


@pytest.fixture
def published(built, tmp_path) -> Path:
    out = tmp_path / "published"
    shutil.copytree(built, out)
    return out


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_second_build_is_refused_while_the_first_writes(published, tmp_path):
    """A second build (here one with bad data) must neither wait forever nor break the first."""
    bad = tmp_path / "bad"
    shutil.copytree(REPO / "data", bad)
    edit(bad / "claims.csv", 3, "value", "seven hundred")
    lock = outdir.lock_path(published)
    first = subprocess.Popen([sys.executable, "-m", "uk_small_boats.cli", "build", "--out", str(published)],
                             cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (lock.exists() and lock.read_text().strip() == str(first.pid)):
        assert first.poll() is None and time.monotonic() < deadline, "first build never took the lock"
        time.sleep(0.02)
    with pytest.raises(PipelineError) as e:
        build(published, data_dir=bad)
    assert e.value.rule == "output-locked" and f"another build is writing {published}" in str(e.value)
    assert first.wait(timeout=120) == 0, first.stderr.read()
    assert (published / "uk_small_boats.duckdb").is_file()
    assert not list(published.parent.glob(f".{published.name}.tmp-*"))


def test_only_temp_folders_of_dead_builds_are_swept(tmp_path):
    out = tmp_path / "build"
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live_tmp = tmp_path / f".build.tmp-{alive.pid}"
        dead_tmp = tmp_path / f".build.tmp-{dead_pid()}"
        live_tmp.mkdir()
        dead_tmp.mkdir()
        with outdir.locked(out):
            outdir.prepare(out)
        assert live_tmp.is_dir() and not dead_tmp.exists()
    finally:
        alive.kill()
        alive.wait()


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_out_that_is_not_a_build_is_refused(tmp_path, kind):
    target = tmp_path / "target"
    if kind == "file":
        target.write_text('{"name": "my source descriptor"}')
    else:
        target.mkdir()
        (target / "notes.txt").write_text("my notes")
    before = target.read_bytes() if kind == "file" else digest(target)
    with pytest.raises(PipelineError) as e:
        build(target)
    assert e.value.rule == "output-is-build" and e.value.file == str(target)
    assert (target.read_bytes() if kind == "file" else digest(target)) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["target"]  # no lock file left beside it


def test_cli_out_naming_a_file_exits_with_an_error(tmp_path):
    target = tmp_path / "datapackage.json"
    target.write_text("{}")
    r = subprocess.run([sys.executable, "-m", "uk_small_boats.cli", "build", "--out", str(target)],
                       cwd=REPO, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "Traceback" not in r.stderr and "output-is-build" in r.stderr
    assert target.read_text() == "{}"


def test_empty_folder_and_previous_build_are_accepted(tmp_path, published):
    empty = tmp_path / "empty"
    empty.mkdir()
    for out in (empty, published):
        with outdir.locked(out):
            outdir.prepare(out)


def test_swap_replaces_in_one_step(tmp_path):
    out, tmp = tmp_path / "build", tmp_path / ".build.tmp-1"
    out.mkdir()
    (out / "build_report.json").write_text("old")
    tmp.mkdir()
    (tmp / "build_report.json").write_text("new")
    method = outdir.swap(tmp, out)
    assert (out / "build_report.json").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]
    if sys.platform == "linux":
        assert method == "exchange"  # renameat2(RENAME_EXCHANGE): the path is never missing


KILL_BETWEEN_RENAMES = """
import os, sys
from pathlib import Path
from uk_small_boats.publish import outdir
outdir.exchange = lambda a, b: False            # the two-rename fallback
real = os.rename
def rename(a, b):
    real(a, b)
    os._exit(9)                                  # killed right after the first rename
os.rename = rename
outdir.swap(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def test_kill_between_the_two_renames_is_undone_on_the_next_run(published, tmp_path):
    before = digest(published)
    tmp = tmp_path / ".published.tmp-99999999"
    tmp.mkdir()
    (tmp / "build_report.json").write_text("{}")
    r = subprocess.run([sys.executable, "-c", KILL_BETWEEN_RENAMES, str(tmp), str(published)], cwd=REPO)
    assert r.returncode == 9 and not published.exists()  # the window the fallback leaves
    info = subprocess.run([sys.executable, "-m", "uk_small_boats.cli", "info", "--out", str(published)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert info.returncode == 0, info.stderr
    assert digest(published) == before
    with outdir.locked(published):
        outdir.prepare(published)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".published.")) == [".published.lock"]
