"""Hostile or broken input anywhere gets one located line (file, row, column, rule), never a traceback."""

import csv
import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from uk_small_boats.errors import PipelineError
from uk_small_boats.metadata import schemas as metadata_schemas
from uk_small_boats.paths import REPO
from uk_small_boats.pipeline import build

from .conftest import ODS
from .test_faults import data, digest, edit, fails, published  # noqa: F401 (fixtures)

ARTICLE = REPO / "tests" / "data" / "article_2025-04-16.txt"  # written for the tests


def cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "uk_small_boats.cli", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def one_line_error(r, *expected):
    assert r.returncode != 0 and "Traceback" not in r.stderr, r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip() and not ln.startswith("✓")]  # not progress
    assert len(lines) == 1 and lines[0].startswith("error:"), r.stderr
    for e in expected:
        assert e in lines[0], (e, lines[0])


def row_of(path: Path, column: str, value: str) -> int:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    return next(i for i, r in enumerate(rows, start=2) if r[column] == value)


# Curated CSVs ---------------------------------------------------------------------------------------

def test_latin1_curated_csv(published, data):
    path = data / "actors.csv"
    row = row_of(path, "name", "Home Office")
    path.write_bytes(path.read_text(encoding="utf-8").replace("Home Office", "Home Offic\u00e9").encode("latin-1"))
    err = fails(published, data)
    assert (err.file, err.row, err.column, err.rule) == (str(path), row, "name", "utf8")
    assert "0xe9" in err.message


def test_integer_beyond_int64(published, data):
    edit(data / "returns.csv", 2, "count", "99999999999999999999")
    err = fails(published, data)
    assert (err.file, err.row, err.column, err.rule) == (str(data / "returns.csv"), 2, "count", "integer-range")


@pytest.mark.parametrize("value", ["inf", "1e400"])
def test_infinite_number(published, data, value):
    edit(data / "claims.csv", 3, "value", value)
    err = fails(published, data)
    assert (err.file, err.row, err.column, err.rule) == (str(data / "claims.csv"), 3, "value", "finite")


def test_infinite_amount_is_named_by_its_column_not_by_the_rule_it_also_breaks(published, data):
    """An infinite amount also breaks amount_gbp = amount (a rule across columns): the headline is
    the amount's own failure, and the cross-column rule is one line for the row, not one per column."""
    edit(data / "funding.csv", 2, "amount", "inf")
    err = fails(published, data)
    assert (err.file, err.row, err.column, err.rule) == (str(data / "funding.csv"), 2, "amount", "finite")
    assert err.details == ["row 2, column amount: rule finite failed (value inf)",
                           "row 2, column -: rule amount_gbp-equals-amount-in-GBP failed"]


def test_source_published_in_the_future(published, data):
    """As `--published` is refused past tomorrow, so is a source dated there (a typo for a year)."""
    row = row_of(data / "sources.csv", "source_id", "bbc-2025-04-16")
    edit(data / "sources.csv", row, "published_date", "2205-04-16")
    err = fails(published, data)
    assert (err.file, err.row, err.column, err.rule) == (str(data / "sources.csv"), row, "published_date",
                                                         "published-not-in-the-future")


def test_a_date_before_year_1000_is_published_with_four_digits(data, tmp_path):
    """Year 1 was written "1-01-01", so the built CSV failed its own schema and the error named a
    file in the deleted temporary folder; dates are written ISO 8601 whatever the year."""
    row = row_of(data / "claims.csv", "claim_id", "bbc-2025-04-16-4124")  # a duration: no series needed
    edit(data / "claims.csv", row, "period_start", "0001-01-01")
    edit(data / "claims.csv", row, "period_end", "0001-01-01")
    out = tmp_path / "out"
    build(out, data_dir=data)
    cells = next(r for r in csv.DictReader((out / "data" / "claims.csv").open(encoding="utf-8"))
                 if r["claim_id"] == "bbc-2025-04-16-4124")
    assert (cells["period_start"], cells["period_end"]) == ("0001-01-01", "0001-01-01")


def test_missing_column_is_named(published, data):
    path = data / "returns.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, [c for c in rows[0] if c != "nationality"], extrasaction="ignore",
                           lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    err = fails(published, data)
    assert (err.file, err.row, err.column, err.rule) == (str(path), 1, "nationality", "missing-column")


# Archive -------------------------------------------------------------------------------------------

def test_registered_news_text_that_is_not_utf8(published, data, tmp_path):
    arc = tmp_path / "arc"
    arc.mkdir()
    shutil.copy(ODS, arc / ODS.name)
    text = b"Small boats.\nAbout 705 migrants crossed on Tuesday, a caf\xe9 owner said.\n"
    (arc / "planted.txt").write_bytes(text)
    row = row_of(data / "sources.csv", "source_id", "bbc-2025-04-16")
    edit(data / "sources.csv", row, "file_name", "planted.txt")
    edit(data / "sources.csv", row, "sha256", hashlib.sha256(text).hexdigest())
    edit(data / "sources.csv", row, "bytes", str(len(text)))
    err = fails(published, data, archive_dir=arc, archive_only=True)
    assert (err.file, err.row, err.rule) == (str(arc / "planted.txt"), 2, "utf8")


def test_nonexistent_archive_environment_variable(published, data, monkeypatch, tmp_path):
    monkeypatch.setenv("UK_SMALL_BOATS_ARCHIVE", str(tmp_path / "no-such-dir"))
    err = fails(published, data)
    assert (err.file, err.rule) == (str(tmp_path / "no-such-dir"), "archive-env-dir")
    r = cli("check", str(ARTICLE), "--published", "2024-08-12",
            env={"UK_SMALL_BOATS_ARCHIVE": str(tmp_path / "no-such-dir")})
    one_line_error(r, "UK_SMALL_BOATS_ARCHIVE", "archive-env-dir")


@pytest.mark.parametrize("name", ["../../../../etc/passwd", "/etc/passwd", "sub/file.txt", ".."])
def test_file_name_must_be_a_bare_name(published, data, name):
    row = row_of(data / "sources.csv", "source_id", "bbc-2025-04-16")
    edit(data / "sources.csv", row, "file_name", name)
    edit(data / "sources.csv", row, "sha256", hashlib.sha256(Path("/etc/passwd").read_bytes()).hexdigest())
    err = fails(published, data)
    assert (err.file, err.row, err.column) == (str(data / "sources.csv"), row, "file_name")


def test_archive_refuses_a_path_even_without_schema_validation(tmp_path):
    """`curate` reads sources.csv without frictionless: the registry itself refuses paths."""
    import pandas as pd
    from uk_small_boats.archive.registry import open_archive
    sources = pd.DataFrame({"source_id": ["x"], "file_name": ["../../../../etc/passwd"],
                            "sha256": [hashlib.sha256(Path("/etc/passwd").read_bytes()).hexdigest()]})
    with pytest.raises(PipelineError) as e:
        open_archive(sources, tmp_path, only=True)
    assert (e.value.column, e.value.rule) == ("file_name", "archive-file-name")


def test_symlink_out_of_the_archive_folder_is_refused(published, data, tmp_path):
    arc, outside = tmp_path / "arc", tmp_path / "outside.txt"
    arc.mkdir()
    shutil.copy(ODS, arc / ODS.name)
    outside.write_bytes(b"Planted: 999 migrants crossed.\n")
    row = row_of(data / "sources.csv", "source_id", "bbc-2025-04-16")
    name = data.joinpath("sources.csv").read_text(encoding="utf-8").splitlines()[row - 1].split(",")[1]
    (arc / name).symlink_to(outside)
    edit(data / "sources.csv", row, "sha256", hashlib.sha256(outside.read_bytes()).hexdigest())
    err = fails(published, data, archive_dir=arc, archive_only=True)
    assert (err.file, err.rule) == (str(arc / name), "archive-symlink")


def test_symlink_inside_the_archive_folder_is_followed(tmp_path):
    import pandas as pd
    from uk_small_boats.archive.registry import open_archive
    arc = tmp_path / "arc"
    (arc / "store").mkdir(parents=True)
    shutil.copy(ODS, arc / "store" / ODS.name)
    (arc / ODS.name).symlink_to(Path("store") / ODS.name)
    sources = pd.DataFrame({"source_id": ["ods"], "file_name": [ODS.name],
                            "sha256": [hashlib.sha256(ODS.read_bytes()).hexdigest()]})
    assert open_archive(sources, arc, only=True).found == {"ods": arc / ODS.name}


# Schemas and the source descriptor -----------------------------------------------------------------

@pytest.fixture
def meta(tmp_path) -> Path:
    d = tmp_path / "repo"
    d.mkdir()
    shutil.copy(REPO / "datapackage.json", d / "datapackage.json")
    shutil.copytree(REPO / "schemas", d / "schemas")
    return d


def edit_schema(path: Path, fn) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    fn(schema)
    path.write_text(json.dumps(schema, indent=2), encoding="utf-8")


def field(schema, name):
    return next(f for f in schema["fields"] if f["name"] == name)


@pytest.mark.parametrize("case, row, column, rule", [
    ("invalid-json", 4, None, "schema-json"),
    ("missing", None, None, "schema-present"),
    ("bad-regex", None, "source_id", "schema-pattern"),
    ("unknown-primary-key", None, "sourceid", "schema-primary-key"),
    ("type-any", None, "publisher", "schema-field-type"),
    ("unknown-foreign-key", None, "no_such_field", "schema-foreign-key"),
    ("not-a-schema", None, None, "schema-error"),
])
def test_broken_schema(meta, case, row, column, rule):
    path = meta / "schemas" / "sources.json"
    if case == "invalid-json":
        lines = path.read_text(encoding="utf-8").splitlines()
        lines[3] = lines[3].replace('"source_id"', "source_id", 1)
        path.write_text("\n".join(lines), encoding="utf-8")
    elif case == "missing":
        path.unlink()
    elif case == "bad-regex":
        edit_schema(path, lambda s: field(s, "source_id")["constraints"].update(pattern="^[a-z"))
    elif case == "unknown-primary-key":
        edit_schema(path, lambda s: s.update(primaryKey=["sourceid"]))
    elif case == "type-any":
        edit_schema(path, lambda s: field(s, "publisher").update(type="any"))
    elif case == "unknown-foreign-key":
        edit_schema(path, lambda s: s["foreignKeys"][0].update(fields=["no_such_field"]))
    else:
        edit_schema(path, lambda s: s.update(fields="none"))
    with pytest.raises(PipelineError) as e:
        metadata_schemas.load_resources(meta / "datapackage.json")
    assert (e.value.file, e.value.row, e.value.column, e.value.rule) == (str(path), row, column, rule)


@pytest.mark.parametrize("case, rule", [("truncated", "descriptor-json"), ("no-resources", "descriptor-shape"),
                                        ("resource-without-schema", "descriptor-shape")])
def test_broken_source_descriptor(meta, case, rule):
    path = meta / "datapackage.json"
    if case == "truncated":
        path.write_text(path.read_text(encoding="utf-8")[:300], encoding="utf-8")
    else:
        d = json.loads(path.read_text(encoding="utf-8"))
        if case == "no-resources":
            del d["resources"]
        else:
            del d["resources"][2]["schema"]
        path.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(PipelineError) as e:
        metadata_schemas.load_resources(path)
    assert (e.value.file, e.value.rule) == (str(path), rule)
    if case == "truncated":
        assert e.value.row is not None


# Command line --------------------------------------------------------------------------------------

@pytest.mark.parametrize("day", ["0001-01-01", "2017-12-31", "2999-01-01"])
@pytest.mark.parametrize("command", ["extract", "check"])
def test_published_date_out_of_range(command, day):
    one_line_error(cli(command, str(ARTICLE), "--published", day), "--published", day)


@pytest.mark.parametrize("command", ["extract", "check"])
def test_unknown_format(command):
    one_line_error(cli(command, str(ARTICLE), "--published", "2024-08-12", "--format", "bogus"),
                   "--format", "bogus")


BROKEN_SCHEMA_RUN = """
import sys
from pathlib import Path
import uk_small_boats.metadata.specs as specs
specs.SOURCE_DESCRIPTOR = Path(sys.argv[1])  # a copy of the metadata with a broken schema
from uk_small_boats.cli import main
sys.argv = ["uk-small-boats", *sys.argv[2:]]
main()
"""


@pytest.mark.parametrize("command", ["build", "check", "check-corpus"])
def test_broken_schema_met_while_loading_a_command_is_one_unwrapped_line(meta, tmp_path, command):
    """The stages read the schemas as they are imported, before a command's own error handler:
    the error is still one line, not wrapped at the 80 columns rich assumes off a terminal."""
    path = meta / "schemas" / "claims.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"claim_id"', "claim_id", 1), encoding="utf-8")
    args = {"build": ["build", "--out", str(tmp_path / "out")],
            "check": ["check", str(ARTICLE), "--published", "2025-04-16"],
            "check-corpus": ["check-corpus", str(ARTICLE), "--out", str(tmp_path / "out")]}[command]
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES"}}
    r = subprocess.run([sys.executable, "-c", BROKEN_SCHEMA_RUN, str(meta / "datapackage.json"), *args],
                       cwd=REPO, capture_output=True, text=True, timeout=120, env=env)
    one_line_error(r, str(path), "schema-json")


MARKUP = "About 705 migrants [/x] crossed the Channel [bold]on Tuesday :smile: [/]."


@pytest.mark.parametrize("fmt", ["table", "json"])
@pytest.mark.parametrize("command", ["extract", "check"])
def test_text_that_looks_like_console_markup_prints_as_it_is(tmp_path, command, fmt):
    """Square brackets in an article are text: rich must not read them as markup (a closing tag
    with no opening one raised MarkupError, a traceback) nor ':smile:' as an emoji code."""
    (tmp_path / "[").mkdir()
    art = tmp_path / "[" / "x] [bold]article.txt"  # the path holds '[/x]'
    art.write_text(MARKUP + "\n", encoding="utf-8")
    r = cli(command, str(art), "--published", "2025-04-16", "--format", fmt, env={"COLUMNS": "400"})
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    if (command, fmt) != ("extract", "table"):  # that table has no quote column
        assert "[/x]" in r.stdout and "[bold]on" in r.stdout and ":smile:" in r.stdout
    if fmt == "table":
        assert "[bold]article.txt" in r.stdout  # the title names the file as it is


def test_an_error_naming_markup_prints_as_it_is(tmp_path):
    missing = tmp_path / "[" / "x] [bold]gone.txt"
    one_line_error(cli("extract", str(missing), "--published", "2025-04-16"), str(missing), "input-exists")


def test_validate_on_a_corrupt_built_descriptor(published):
    dp = published / "datapackage.json"
    dp.write_text(dp.read_text(encoding="utf-8")[:500], encoding="utf-8")
    one_line_error(cli("validate", "--out", str(published)), str(dp), "descriptor-json")


def test_info_on_a_corrupt_build_report(published):
    rep = published / "build_report.json"
    rep.write_text('{"rows": ', encoding="utf-8")
    one_line_error(cli("info", "--out", str(published)), str(rep), "report-json")


# Writing the build ---------------------------------------------------------------------------------

@pytest.fixture
def read_only_parent(built):
    """A previous build inside a folder this user cannot write (root ignores mode bits, so as root
    the command runs as nobody, which needs a folder outside pytest's private tmp)."""
    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv")
    parent = Path(tempfile.mkdtemp(prefix="uk-small-boats-ro-"))
    shutil.copytree(built, parent / "published")
    os.chmod(parent, 0o755)
    yield parent
    os.chmod(parent, 0o755)
    shutil.rmtree(parent)


@pytest.mark.parametrize("lock_exists", [False, True])
def test_read_only_output_folder(read_only_parent, lock_exists):
    out = read_only_parent / "published"
    if lock_exists:  # the lock opens, the temporary folder cannot be made
        (read_only_parent / ".published.lock").touch(mode=0o666)
        os.chmod(read_only_parent / ".published.lock", 0o666)
    os.chmod(read_only_parent, 0o555)
    before = digest(out)
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
    # the other user cannot write coverage's data file: measure this run without it
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE")}
    r = subprocess.run(prefix + [sys.executable, "-m", "uk_small_boats.cli", "build", "--out", str(out)],
                       cwd=REPO, capture_output=True, text=True, timeout=120, env=env)
    one_line_error(r, "output-write", "Permission denied", str(read_only_parent))
    assert digest(out) == before


def test_full_disk(published, data, monkeypatch):
    def full(table, where, **k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(where))
    monkeypatch.setattr(pq, "write_table", full)
    err = fails(published, data)
    assert err.rule == "output-write" and "No space left on device" in err.message
    assert f".{published.name}.tmp-" in err.file and err.file.endswith(".parquet")


@pytest.fixture
def tiny_disk():
    """A 1 MiB tmpfs: a real full disk (needs root and mount; skipped elsewhere)."""
    where = Path(tempfile.mkdtemp(prefix="uk-small-boats-full-"))
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(where)],
                                           capture_output=True).returncode != 0:
        where.rmdir()
        pytest.skip("cannot mount a small tmpfs here")
    yield where
    subprocess.run(["umount", str(where)], check=True)
    where.rmdir()


def test_really_full_disk(built, tiny_disk):
    """The DuckDB file (the biggest) does not fit: DuckDB's own error becomes a located line."""
    r = cli("build", "--out", str(tiny_disk / "build"))
    one_line_error(r, str(tiny_disk), "No space left on device", "duckdb-write")
    assert [p.name for p in tiny_disk.iterdir()] == [".build.lock"]


@pytest.mark.parametrize("cell, rule", [("nan", "finite"), ("NaN", "finite"), ("1.5x", "type-error")])
def test_number_cells_that_are_not_finite_numbers(tmp_path, cell, rule):
    """Also where no minimum constraint would catch them (frictionless reads NaN as a number)."""
    from uk_small_boats.metadata.schemas import ResourceSpec, read_csv_typed
    spec = ResourceSpec("t", "t", "curated", {"fields": [{"name": "id", "type": "string"},
                                                         {"name": "x", "type": "number"}]}, {}, None)
    path = tmp_path / "t.csv"
    path.write_text(f"id,x\na,1\nb,{cell}\n", encoding="utf-8")
    with pytest.raises(PipelineError) as e:
        read_csv_typed(path, spec)
    assert (e.value.row, e.value.column, e.value.rule) == (3, "x", rule)


def test_an_article_with_too_many_numbers_is_refused_naming_the_file(tmp_path):
    """Issue 16: a 1 MB text of numbers is refused at once, and the line names the file."""
    import subprocess
    import sys

    f = tmp_path / "table.txt"
    f.write_text("1 " * 500_000, encoding="utf-8")
    for command in ("extract", "check"):
        r = subprocess.run([sys.executable, "-m", "uk_small_boats", command, str(f), "--published", "2025-04-16"],
                           capture_output=True, text=True)
        assert r.returncode == 1
        assert f"file {f}, rule input-figures: more than 20,000 numbers" in r.stderr
