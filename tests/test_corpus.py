"""check-corpus: each input kind, bad records to errors, resuming after an interruption, and the
same bytes from every engine (this process, a process pool, a Dask LocalCluster)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from uk_small_boats.corpus import partition as P
from uk_small_boats.corpus.run import check_corpus
from uk_small_boats.errors import PipelineError
from uk_small_boats.pause import PAUSE_ENV
from uk_small_boats.extract.claims import extract_claims

from .conftest import ODS, ctrl_c_default

TEXTS = [
    "About 1,200 migrants crossed the Channel in small boats on Tuesday, the Home Office said.\n"
    "It brings the total for 2024 to 14,800 people.",
    "More than 800 people were returned under the pilot scheme, while £480m was promised to France.",
    "A total of 6,000 people crossed between 1 January and 31 March this year.",
    "Officials said 46 boats were detected near Dover on Sunday.",
]
DATES = ["2024-06-12", "2025-04-16", "2024-04-02", "2023-09-04"]
PUBLISHERS = ["BBC News", "The Guardian", "BBC News", None]


def good_records(n: int = 12) -> list[dict]:
    return [{"id": f"art-{i:03d}", "published": DATES[i % 4], "text": TEXTS[i % 4],
             "publisher": PUBLISHERS[i % 4]} for i in range(n)]


def write_jsonl(path: Path, records: list[dict], extra_lines: list[bytes] = ()) -> Path:
    with open(path, "wb") as f:
        for r in records:
            f.write(json.dumps(r).encode() + b"\n")
        for line in extra_lines:
            f.write(line + b"\n")
    return path


def write_parquet(path: Path, records: list[dict], text_type=pa.string(), row_group: int = 5) -> Path:
    table = pa.table({"id": [r["id"] for r in records],
                      "published": [None if r["published"] is None else dt.date.fromisoformat(r["published"])
                                    for r in records],
                      "publisher": [r.get("publisher") for r in records],
                      "text": pa.array([r["text"] for r in records], type=text_type)})
    pq.write_table(table, path, row_group_size=row_group)
    return path


def write_txt_folder(folder: Path, records: list[dict]) -> Path:
    folder.mkdir()
    for r in records:
        (folder / f"{r['id']}_{r['published']}.txt").write_text(r["text"], encoding="utf-8")
    return folder


def run(source: Path, out: Path, **kw):
    kw.setdefault("partition_size", 5)
    return check_corpus(source, out, ods=ODS, **kw)


def table(out: Path, name: str) -> pd.DataFrame:
    df = duckdb.sql(f"SELECT * FROM read_parquet('{out / name}/*.parquet')").df()
    keys = {"claims": ["claim_id"], "claim_checks": ["claim_id"], "errors": ["file", "row", "article_id"]}
    return df.sort_values(keys[name], kind="mergesort").reset_index(drop=True)


def files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
            and p.name != "run.json"}


@pytest.fixture
def reference(tmp_path_factory) -> tuple[Path, Path]:
    """12 good articles as JSON Lines and their uninterrupted run on one worker."""
    d = tmp_path_factory.mktemp("ref")
    src = write_jsonl(d / "articles.jsonl", good_records())
    run(src, d / "out")
    return src, d / "out"


def test_claims_are_the_extractor_output_with_article_ids_and_checks(reference):
    src, out = reference
    claims, checks = table(out, "claims"), table(out, "claim_checks")
    assert len(claims) and set(claims["claim_id"]) == set(checks["claim_id"])
    for r in good_records():
        want = extract_claims(r["text"], dt.date.fromisoformat(r["published"]))
        got = claims[claims["article_id"] == r["id"]].sort_values("figure_start")
        assert list(got["figure_start"]) == [w["figure_start"] for w in want]
        assert list(got["value"]) == [w["value"] for w in want]
        assert list(got["metric"]) == [w["metric"] for w in want]
        assert (got["claim_id"] == r["id"] + "-" + got["figure_start"].astype(str)).all()
    assert (checks["article_id"] == checks["claim_id"].str.rsplit("-", n=1).str[0]).all()
    assert len(table(out, "errors")) == 0


def test_summary_counts_agree_with_the_parquet_outputs(reference):
    src, out = reference
    summary = pd.read_csv(out / "summary.csv", keep_default_na=False)
    recs = pd.DataFrame(good_records()).fillna({"publisher": ""})
    recs["year"] = recs["published"].str[:4].astype(int)
    checks = table(out, "claim_checks").merge(recs, left_on="article_id", right_on="id")
    for _, row in summary.iterrows():
        mine = checks[(checks["publisher"] == row["publisher"]) & (checks["year"] == row["year"])]
        assert row["claims"] == len(mine)
        assert row["articles"] == ((recs["publisher"] == row["publisher"]) & (recs["year"] == row["year"])).sum()
        for verdict, n in mine["verdict"].value_counts().items():
            assert row[verdict] == n
    assert summary["articles"].sum() == 12 and summary["claims"].sum() == len(checks)


def test_parquet_jsonl_and_txt_inputs_give_the_same_claims(tmp_path, reference):
    _, ref = reference
    recs = good_records()
    for name, src in [("parquet", write_parquet(tmp_path / "a.parquet", recs)),
                      ("txt", write_txt_folder(tmp_path / "texts", recs))]:
        run(src, tmp_path / f"out-{name}")
        for t in ("claims", "claim_checks"):
            pd.testing.assert_frame_equal(table(tmp_path / f"out-{name}", t), table(ref, t))


def test_a_folder_of_parquet_and_jsonl_files_is_read_whole(tmp_path, reference):
    _, ref = reference
    folder = tmp_path / "in"
    folder.mkdir()
    recs = good_records()
    write_parquet(folder / "part-a.parquet", recs[:7])
    write_jsonl(folder / "part-b.jsonl", recs[7:])
    run(folder, tmp_path / "out")
    pd.testing.assert_frame_equal(table(tmp_path / "out", "claims"), table(ref, "claims"))
    # an --out inside the input folder is not read back as input, so a rerun resumes it
    run(folder, folder / "checked")
    assert run(folder, folder / "checked").skipped == 3
    pd.testing.assert_frame_equal(table(folder / "checked", "claims"), table(ref, "claims"))


def test_bad_records_go_to_errors_with_their_reason_and_do_not_stop_the_run(tmp_path):
    recs = good_records(3)
    jsonl = write_jsonl(tmp_path / "a.jsonl", recs + [{"id": "nodate", "text": TEXTS[0]},
                                                      {"id": "baddate", "published": "16/04/2025", "text": "x"},
                                                      {"id": "", "published": "2025-01-01", "text": "x"},
                                                      {"id": "notext", "published": "2025-01-01"},
                                                      {"id": "nul", "published": "2025-01-01", "text": "a\x00b"}],
                        [b"", b"not json", b"[1, 2]", b'{"id": "latin1", "published": "2025-01-01", "text": "caf\xe9"}'])
    run(jsonl, tmp_path / "out")
    errors = table(tmp_path / "out", "errors")
    got = {(r.article_id if isinstance(r.article_id, str) else None, r.row, r.rule) for r in errors.itertuples()}
    assert got == {("nodate", 4, "article-date"), ("baddate", 5, "article-date"), ("", 6, "article-id"),
                   ("notext", 7, "article-text"), ("nul", 8, "article-binary"),
                   (None, 10, "article-json"), (None, 11, "article-json"), (None, 12, "article-utf8")}
    assert "'16/04/2025' is not a date" in errors.loc[errors["article_id"] == "baddate", "reason"].item()
    assert set(table(tmp_path / "out", "claims")["article_id"]) == {r["id"] for r in recs}
    summary = pd.read_csv(tmp_path / "out" / "summary.csv")
    assert summary["errors"].sum() == 8 and summary["articles"].sum() == 11

    # Parquet: a binary text column with bytes that are not UTF-8, and a null date
    pq_recs = good_records(2) + [{"id": "bin", "published": "2025-01-01", "text": b"caf\xe9"},
                                 {"id": "nulldate", "published": None, "text": b"About 5 people."}]
    for r in pq_recs[:2]:
        r["text"] = r["text"].encode()
    run(write_parquet(tmp_path / "b.parquet", pq_recs, text_type=pa.binary()), tmp_path / "out-pq")
    errors = table(tmp_path / "out-pq", "errors")
    assert [(r.article_id, r.row, r.rule) for r in errors.itertuples()] == \
        [("bin", 3, "article-utf8"), ("nulldate", 4, "article-date")]

    # .txt: a name without a date, a file that is not UTF-8
    folder = write_txt_folder(tmp_path / "texts", good_records(2))
    (folder / "undated.txt").write_text("About 5 people.")
    (folder / "latin1_2025-01-01.txt").write_bytes(b"caf\xe9")
    run(folder, tmp_path / "out-txt")
    errors = table(tmp_path / "out-txt", "errors")
    assert sorted((r.article_id, r.rule) for r in errors.itertuples()) == \
        [("latin1", "article-utf8"), ("undated", "article-date")]


def test_an_article_the_extractor_or_checker_raises_on_goes_to_errors(tmp_path, monkeypatch):
    recs = good_records(6)
    recs[1]["text"] += " BOOM"
    real_extract, real_check = P.extract_claims, P.check_claims

    def extract(text, published):
        if "BOOM" in text:
            raise ValueError("cannot read this")
        return real_extract(text, published)

    def check(claims, idx, **kw):
        if (claims["source_id"] == "art-004").any():
            raise RuntimeError("checker broke")
        return real_check(claims, idx, **kw)

    monkeypatch.setattr(P, "extract_claims", extract)
    monkeypatch.setattr(P, "check_claims", check)
    run(write_jsonl(tmp_path / "a.jsonl", recs), tmp_path / "out", partition_size=6)
    errors = table(tmp_path / "out", "errors")
    assert [(r.article_id, r.rule) for r in errors.itertuples()] == \
        [("art-001", "extract-raised"), ("art-004", "check-raised")]
    assert errors["reason"][0] == "the extractor raised ValueError: cannot read this"
    assert errors["reason"][1] == "the checker raised RuntimeError: checker broke"
    claims, checks = table(tmp_path / "out", "claims"), table(tmp_path / "out", "claim_checks")
    assert set(claims["article_id"]) == {"art-000", "art-002", "art-003", "art-005"}
    assert list(claims["claim_id"]) == list(checks["claim_id"])
    summary = pd.read_csv(tmp_path / "out" / "summary.csv")
    assert (summary["articles"].sum(), summary["errors"].sum()) == (6, 2)
    assert summary["claims"].sum() == len(claims) == sum(summary[v].sum() for v in checks["verdict"].unique())


def test_an_interrupted_run_loses_only_the_partition_in_flight(tmp_path, reference, monkeypatch):
    src, ref = reference
    out = tmp_path / "out"
    real_write = P._write

    def interrupted(df, name, out_dir, part):  # deterministic: half-way through part-000001
        if part.number == 1 and name == "claim_checks":
            (out_dir / name / f".{part.name}.parquet.tmp-{os.getpid()}").write_bytes(b"half a file")
            raise KeyboardInterrupt
        real_write(df, name, out_dir, part)

    monkeypatch.setattr(P, "_write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run(src, out)
    assert sorted(p.name for p in (out / "done").iterdir()) == ["part-000000.json"]
    assert (out / "claims" / "part-000001.parquet").exists()  # written, but its partition is unfinished
    finished = {p: p.stat().st_mtime_ns for p in out.rglob("part-000000*")}
    monkeypatch.setattr(P, "_write", real_write)

    seen = []

    class Record:
        def start(self, **kw):
            seen.append(kw)

        def advance(self, stats):
            seen.append(stats["partition"])

    result = run(src, out, progress=Record())
    assert result.skipped == 1
    assert seen[0]["done_partitions"] == 1 and seen[0]["done_articles"] == 5
    assert sorted(seen[1:]) == ["part-000001", "part-000002"]
    assert {p: p.stat().st_mtime_ns for p in out.rglob("part-000000*")} == finished
    assert not list(out.rglob(".*tmp*"))
    assert files(out) == files(ref)


def test_sigint_to_a_running_pool_then_rerun_gives_the_uninterrupted_result(tmp_path, reference):
    """Deterministic: a pool worker is held half-way through part-000003 (its claims written, not
    its checks or marker) and the run is interrupted there, so the rerun must redo that partition."""
    src, ref = reference
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "uk_small_boats", "check-corpus", str(src), "--out", str(out),
           "--workers", "2", "--partition-size", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=ctrl_c_default,
                            start_new_session=True, env={**os.environ, PAUSE_ENV: "corpus-part-000003"})
    watchdog = threading.Timer(120, lambda: os.killpg(proc.pid, signal.SIGKILL))
    watchdog.start()
    try:
        for line in proc.stderr:
            if line.strip() == "paused at corpus-part-000003":
                break
        else:
            pytest.fail(f"the run never reached part-000003 (exit code {proc.wait()})")
    finally:
        watchdog.cancel()
    assert (out / "claims" / "part-000003.parquet").is_file()  # in flight: half its files written
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the driver and both workers
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in stderr, stderr
    done_before = {p.name: p.read_bytes() for p in (out / "done").glob("*.json")}
    assert "part-000003.json" not in done_before and len(done_before) < 6
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    resumed = f", resuming: {len(done_before)} already done" if done_before else "in 6 partitions\n"
    assert resumed in rerun.stderr, rerun.stderr
    assert {p.name: p.read_bytes() for p in (out / "done").glob("*.json")
            if p.name in done_before} == done_before
    ref6 = tmp_path / "ref6"
    run(src, ref6, partition_size=2)
    assert files(out) == files(ref6)
    for t in ("claims", "claim_checks"):
        pd.testing.assert_frame_equal(table(out, t), table(ref, t))


def test_a_second_run_into_the_same_folder_is_refused_while_the_first_runs(tmp_path, reference):
    """It would sweep the first run's files in flight (failing it) and redo its partitions."""
    src, ref = reference
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "uk_small_boats", "check-corpus", str(src), "--out", str(out),
           "--workers", "1", "--partition-size", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, PAUSE_ENV: "corpus-part-000001"})
    watchdog = threading.Timer(120, proc.kill)
    watchdog.start()
    try:
        for line in proc.stderr:
            if line.strip() == "paused at corpus-part-000001":
                break
        else:
            pytest.fail(f"the first run never reached part-000001 (exit code {proc.wait()})")
        planted = out / "claim_checks" / ".part-000001.parquet.tmp-1"  # as if being written
        planted.write_bytes(b"in flight")
        with pytest.raises(PipelineError) as exc:
            run(src, out, partition_size=2)
        assert exc.value.rule == "output-locked" and "another check-corpus run is writing" in str(exc.value)
        assert planted.read_bytes() == b"in flight"
    finally:
        watchdog.cancel()
        proc.kill()
        proc.communicate()
    run(src, out, partition_size=2)  # the first run killed: this one resumes it and sweeps its leftovers
    run(src, tmp_path / "ref2", partition_size=2)
    assert files(out) == files(tmp_path / "ref2")


def test_local_pool_one_worker_and_dask_write_the_same_bytes(tmp_path, reference):
    distributed = pytest.importorskip("dask.distributed")
    src, ref = reference
    run(src, tmp_path / "pool", workers=2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        run(src, tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)
    run(src, tmp_path / "dask-local", engine="dask", workers=2)  # its own LocalCluster
    for other in ("pool", "dask", "dask-local"):
        assert files(tmp_path / other) == files(ref), other
    assert (tmp_path / "dask" / "summary.csv").read_bytes() == (ref / "summary.csv").read_bytes()


def test_a_rerun_refuses_another_run_and_a_foreign_folder(tmp_path, reference):
    src, ref = reference
    with pytest.raises(PipelineError, match="partition_size") as exc:
        run(src, ref, partition_size=3)
    assert exc.value.rule == "corpus-resume"
    os.utime(src, ns=(0, 0))  # the input changed since the run began
    with pytest.raises(PipelineError, match="input_fingerprint"):
        run(src, ref)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(PipelineError) as exc:
        run(src, tmp_path / "mine")
    assert exc.value.rule == "corpus-out-empty"


@pytest.mark.parametrize("case", ["file", "no-parent", "publisher-markup"])
def test_out_that_cannot_be_a_run_folder_is_one_located_line(tmp_path, case):
    """--out naming a file or a folder that cannot be made is a located line, not a traceback; a
    publisher whose name looks like console markup is printed in the summary as it is."""
    recs = good_records(2)
    if case == "publisher-markup":
        recs[0]["publisher"] = "[/x] [bold]Press"
    src = write_jsonl(tmp_path / "a.jsonl", recs)
    out = {"file": src, "no-parent": tmp_path / "gone" / "deeper" / "out",
           "publisher-markup": tmp_path / "out"}[case]
    if case == "no-parent":
        (tmp_path / "gone").write_text("a file where a folder should be")
    res = subprocess.run([sys.executable, "-m", "uk_small_boats", "check-corpus", str(src), "--out", str(out),
                          "--workers", "1"], capture_output=True, text=True, env={**os.environ, "COLUMNS": "300"})
    assert "Traceback" not in res.stderr, res.stderr
    if case == "publisher-markup":
        assert res.returncode == 0 and "[/x]" in res.stdout and "[bold]" in res.stdout  # (a cell may wrap)
        return
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("error:")]
    assert res.returncode == 1 and len(errors) == 1, res.stderr
    assert ("corpus-out-empty" if case == "file" else "corpus-write") in errors[0]
    assert src.read_bytes().count(b"\n") == 2  # the input named as --out is untouched


def test_an_input_without_a_required_column_is_refused_with_file_and_column(tmp_path):
    src = tmp_path / "a.parquet"
    pq.write_table(pa.table({"id": ["a"], "text": ["About 5 people."]}), src)
    res = subprocess.run([sys.executable, "-m", "uk_small_boats", "check-corpus", str(src), "--out",
                          str(tmp_path / "out")], capture_output=True, text=True)
    assert res.returncode == 1
    assert f"file {src}" in res.stderr and "column 'published'" in res.stderr and "input-columns" in res.stderr


def test_cli_logs_plain_lines_off_a_terminal_and_prints_the_summary(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", good_records(6))
    res = subprocess.run([sys.executable, "-m", "uk_small_boats", "check-corpus", str(src), "--out",
                          str(tmp_path / "out"), "--workers", "1", "--partition-size", "4"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    lines = res.stderr.splitlines()
    assert lines[0] == "check-corpus: 6 articles in 2 partitions"
    assert lines[1].startswith("check-corpus: part-000000 done (4 articles,")
    assert "articles/s, ETA" in lines[2] and "2/2 partitions, 6/6 articles" in lines[2]
    assert "BBC News" in res.stdout and "summary.csv" in res.stdout


def test_cli_draws_a_progress_bar_on_a_terminal(tmp_path):
    """On a terminal: a bar with the article count, articles/s and the time left, not log lines."""
    import pty
    src = write_jsonl(tmp_path / "a.jsonl", good_records(6))
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "uk_small_boats", "check-corpus", str(src), "--out",
                             str(tmp_path / "out"), "--workers", "1", "--partition-size", "2"],
                            stdin=follower, stdout=follower, stderr=follower, close_fds=True,
                            env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "160", "LINES": "40"})
    os.close(follower)
    screen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the command closed the terminal
            break
        if not chunk:
            break
        screen += chunk
    os.close(leader)
    assert proc.wait(timeout=120) == 0, screen.decode(errors="replace")
    raw = screen.decode("utf-8", errors="replace")
    assert "\x1b[2K" in raw  # drawn in place: each refresh erases the line
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", raw)
    assert re.search(r"checking .*━.* 6/6 articles \d+ articles/s", text), text
    assert "check-corpus: part-" not in text  # no plain log lines on a terminal


@pytest.mark.parametrize("command, unneeded", [("extract", {"pandas", "frictionless", "pyarrow"}),
                                               ("check", {"frictionless", "pandera", "duckdb"})])
def test_one_article_commands_import_only_what_they_need(tmp_path, command, unneeded):
    """extract reads column names without pandas; check needs pandas but not frictionless (the
    build validates the schemas in full; these commands check types, patterns and keys only)."""
    art = tmp_path / "a.txt"
    art.write_text(TEXTS[0])
    code = ("import sys; from uk_small_boats.cli import app\n"
            "try:\n    app([sys.argv[1], sys.argv[2], '--published', '2024-06-12', '--format', 'csv'])\n"
            "except SystemExit:\n    pass\n"
            f"print(sorted(m for m in {sorted(unneeded)!r} if m in sys.modules), file=sys.stderr)")
    res = subprocess.run([sys.executable, "-c", code, command, str(art)], capture_output=True, text=True)
    assert res.stdout.startswith("quote,char_start,") or res.stdout.startswith("claim_id,"), res.stderr
    assert "1200" in res.stdout
    assert res.stderr.strip() == "[]"


REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "articles"


@pytest.mark.skipif(not REAL.is_dir(), reason="the real-text corpus (../shared/corpus) is not beside the repo")
def test_the_real_text_corpus_folder_is_checked_whole(tmp_path):
    result = run(REAL, tmp_path / "out", partition_size=20)
    texts = sorted(REAL.glob("*_*.txt"))
    assert sum(r["articles"] for r in result.summary) == len(texts) and len(texts) > 20
    assert len(table(tmp_path / "out", "errors")) == 0
    want = sum(len(extract_claims(p.read_text(encoding="utf-8"), dt.date.fromisoformat(p.stem[-10:])))
               for p in texts)
    assert len(table(tmp_path / "out", "claims")) == want == sum(r["claims"] for r in result.summary)


def test_without_dask_installed_the_dask_engine_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # as in the runtime-only install
    src = write_jsonl(tmp_path / "a.jsonl", good_records(2))
    with pytest.raises(ImportError, match=r"pip install 'uk-small-boats\[dask\]'"):
        run(src, tmp_path / "out", engine="dask")
