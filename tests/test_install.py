"""The wheel as a user gets it: built offline from the repository's files, installed into a fresh
virtual environment, every command run from a folder outside the repository.

The new environment gets the project's dependencies by a .pth line naming this interpreter's
site-packages (no network); the package itself comes only from the wheel.
"""

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

import uk_small_boats
from uk_small_boats.paths import REPO

pytestmark = pytest.mark.slow

ARTICLE = ("About 705 migrants crossed the Channel in 12 boats on Tuesday, the Home Office said. "
           "So far this year 10,000 people have made the crossing.\n")
# What the commands read at run time, relative to the repository root (the wheel's _resources/).
ROOT_FILES = (["datapackage.json", "archive/data_small_boats_time_series.ods",
               "archive/LICENCE-OGL-3.0.txt", "archive/README.md"]
              + [p.relative_to(REPO).as_posix() for d in ("schemas", "data") for p in sorted((REPO / d).iterdir())])
PACKAGE_FILES = (["uk_small_boats/publish/views.sql"]
                 + [p.relative_to(REPO).as_posix() for p in sorted((REPO / "uk_small_boats/site/assets").iterdir())])


def repo_files() -> list[str]:
    """The files a clean checkout has: tracked plus new, not ignored (no .venv, build/, node_modules)."""
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                         cwd=REPO, capture_output=True, text=True, check=True).stdout
    return [f for f in out.split("\0") if f and (REPO / f).is_file()]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src, dist = tmp_path_factory.mktemp("src"), tmp_path_factory.mktemp("dist")
    for rel in repo_files():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_bytes((REPO / rel).read_bytes())
    # sdist first, then the wheel from it (what `python -m build` does): both must carry the files
    subprocess.run([sys.executable, "-c", "import sys; from setuptools import build_meta as b; "
                    "b.build_sdist(sys.argv[1])", str(dist)], cwd=src, check=True, capture_output=True)
    sdist, = dist.glob("uk_small_boats-*.tar.gz")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--no-index", "--quiet", "-w", str(dist), str(sdist)], check=True, capture_output=True)
    whl, = dist.glob("uk_small_boats-*.whl")
    return whl


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    env_dir = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    py = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps",
                    "--no-index", "--quiet", str(wheel)], check=True, capture_output=True)
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    lines = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    if "COVERAGE_PROCESS_CONFIG" in os.environ:  # under pytest --cov: measure the installed runs too
        lines.append("import coverage; coverage.process_startup()")
    (Path(site) / "project-deps.pth").write_text("\n".join(lines) + "\n")
    return env_dir


@pytest.fixture
def run(venv, tmp_path):
    """Run a command of the installed package in an empty folder outside the repository."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "UK_SMALL_BOATS_ARCHIVE"}}
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")

    def run_(*args: str, module: bool = False) -> subprocess.CompletedProcess:
        cmd = [str(venv / "bin" / "python"), "-m", "uk_small_boats"] if module else [str(venv / "bin" / "uk-small-boats")]
        return subprocess.run(cmd + list(args), cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=300)
    run_.cwd = tmp_path
    return run_


def test_wheel_carries_the_run_time_files_unchanged(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        for rel in ROOT_FILES:
            assert z.read(f"uk_small_boats/_resources/{rel}") == (REPO / rel).read_bytes(), rel
        for rel in PACKAGE_FILES:
            assert z.read(rel) == (REPO / rel).read_bytes(), rel
        assert [n for n in names if n.endswith(".dist-info/licenses/archive/LICENCE-OGL-3.0.txt")]
    assert not [n for n in names if n.startswith(("tests/", "bench/", "build/", "docs/"))]


def test_installed_package_is_the_wheel_not_the_checkout(run, venv):
    py = str(venv / "bin" / "python")
    r = subprocess.run([py, "-c", "import uk_small_boats, uk_small_boats.paths as p; "
                        "print(uk_small_boats.__file__); print(p.INSTALLED); print(p.SOURCE_DESCRIPTOR)"],
                       cwd=run.cwd, capture_output=True, text=True, check=True)
    module_file, installed, descriptor = r.stdout.split("\n")[:3]
    assert Path(module_file).is_relative_to(venv) and installed == "True"
    assert Path(descriptor).is_relative_to(venv) and Path(descriptor).is_file()


@pytest.mark.parametrize("module", [False, True], ids=["console-script", "python-m"])
def test_version(run, module):
    r = run("--version", module=module)
    assert r.returncode == 0 and r.stdout.strip() == f"uk-small-boats {uk_small_boats.__version__}"


def test_extract_and_check_from_any_folder(run):
    r = run("extract", "article.txt", "--published", "2025-04-16", "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [(x["figure_text"], x["metric"]) for x in rows] == [
        ("705", "people_arrived"), ("12", "boats_arrived"), ("10,000", "people_arrived")]
    r = run("check", "article.txt", "--published", "2025-04-16", "--format", "json")
    assert r.returncode == 0, r.stderr
    checks = {x["figure_text"]: x for x in json.loads(r.stdout)}
    # the packaged ODS: Tuesday 15 April 2025 had 705 people in 12 boats
    assert (checks["705"]["official_value"], checks["705"]["verdict"]) == (705, "match")
    assert (checks["12"]["official_value"], checks["12"]["verdict"]) == (12, "match")
    assert checks["10,000"]["verdict"] == "discrepancy"  # 8,888 to that day: more than a rounding


def test_build_validate_info_from_the_packaged_data(run, venv):
    r = run("build", "--out", "out")
    assert r.returncode == 0, r.stderr
    out = run.cwd / "out"
    report = json.loads((out / "build_report.json").read_text())
    assert all(Path(p).is_relative_to(venv) for p in report["archive"]["search_path"])
    assert report["archive"]["verified"] == ["homeoffice-small-boats-ts"]  # the packaged ODS, hash checked
    for name in ("claims", "evidence", "sources"):
        committed = (REPO / "data" / f"{name}.csv").read_text(encoding="utf-8").count("\n") - 1
        assert report["rows"][name] == committed
        assert (out / "data" / f"{name}.parquet").is_file()
    assert report["rows"]["official_daily"] > 3000
    r = run("validate", "--out", "out")
    assert r.returncode == 0 and "valid" in r.stdout, r.stderr
    r = run("info", "--out", "out")
    assert r.returncode == 0 and "not re-verified" in r.stdout, r.stderr
    assert not (run.cwd / "build").exists()  # --out was honoured; nothing else written


def test_default_out_is_the_callers_build_folder(run):
    r = run("build")
    assert r.returncode == 0, r.stderr
    assert (run.cwd / "build" / "datapackage.json").is_file()


@pytest.mark.parametrize("args, says", [
    (["build", "--site", "--out", "out"], "checkout of the repository"),
    (["curate"], "run it in a checkout"),
])
def test_checkout_only_commands_say_so(run, args, says):
    r = run(*args)
    assert r.returncode == 1 and "Traceback" not in r.stderr and says in r.stderr
    assert not (run.cwd / "out").exists()
