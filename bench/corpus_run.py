"""check-corpus as a user runs it (the console script in a subprocess): articles/s on 1 and 2
workers and on a Dask LocalCluster, CPU seconds per article, and peak RSS of the whole process
tree, of the driver (the command's own process: with one worker it does the work, under a local
Dask cluster it also runs the scheduler) and of the largest worker; plus `uk-small-boats extract
FILE` as a whole process.

    .venv/bin/python bench/corpus_run.py [--articles 10000,100000] [--runs 1,2,dask2]

Printed, not asserted. Targets: >= 1.8x on 2 free cores; peak RSS < 500 MiB and flat in the
number of articles; extract < 0.3 s as a whole process.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import synthetic_corpus, write_articles_parquet  # noqa: E402

CLI = str(Path(sys.executable).with_name("uk-small-boats"))
MiB = 1024 * 1024


def _tree_rss(proc: psutil.Process) -> tuple[int, int, int]:
    """(sum over the process and its descendants, largest descendant, the process itself) in bytes."""
    sizes = []
    for p in [proc, *proc.children(recursive=True)]:
        try:
            sizes.append(p.memory_info().rss)
        except psutil.Error:  # exited between listing and reading
            sizes.append(0)
    return sum(sizes), max(sizes[1:], default=0), sizes[0]


def run_corpus(src: Path, out: Path, args: list[str]) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = psutil.Popen([CLI, "check-corpus", str(src), "--out", str(out), *args],
                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak_sum = peak_worker = peak_driver = 0
    while proc.poll() is None:
        total, worker, driver = _tree_rss(proc)
        peak_sum, peak_worker, peak_driver = max(peak_sum, total), max(peak_worker, worker), max(peak_driver, driver)
        time.sleep(0.2)
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"check-corpus failed: {proc.stderr.read()[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "peak_sum": peak_sum / MiB, "peak_worker": peak_worker / MiB,
            "peak_driver": peak_driver / MiB}


RUNS = {"1": ["--workers", "1"], "2": ["--workers", "2"], "dask2": ["--engine", "dask", "--workers", "2"]}


def bench_corpus(sizes: list[int], runs: list[str]) -> None:
    print(f"check-corpus on synthetic articles ({os.cpu_count()} cores; load average at start "
          f"{os.getloadavg()[0]:.1f})")
    with tempfile.TemporaryDirectory() as d:
        for n in sizes:
            src = Path(d) / f"articles-{n}.parquet"
            write_articles_parquet(src, n)
            base = None
            for name in runs:
                r = run_corpus(src, Path(d) / f"out-{n}-{name}", RUNS[name])
                rate = n / r["wall"]
                base = base or (rate if name == "1" else None)
                speed = f", {rate / base:.2f}x one worker" if base and name != "1" else ""
                print(f"  {n:>7,} articles, {name:>5}: {r['wall']:7.1f} s = {rate:6.1f} articles/s{speed} | "
                      f"CPU {1000 * r['cpu'] / n:.1f} ms/article ({n / r['cpu']:.0f} articles per CPU-s) | "
                      f"peak RSS {r['peak_sum']:.0f} MiB all processes, driver {r['peak_driver']:.0f}, "
                      f"largest worker {r['peak_worker']:.0f} "
                      f"(load {os.getloadavg()[0]:.1f})")


def bench_extract_start(repeat: int = 7) -> None:
    with tempfile.TemporaryDirectory() as d:
        art = Path(d) / "article.txt"
        art.write_text(synthetic_corpus(1)[0], encoding="utf-8")
        runs = []
        for _ in range(repeat):
            t = time.perf_counter()
            subprocess.run([CLI, "extract", str(art), "--published", "2025-06-01"], check=True,
                           stdout=subprocess.DEVNULL)
            runs.append(time.perf_counter() - t)
    print(f"`uk-small-boats extract FILE` whole process: median {statistics.median(runs):.3f} s, "
          f"best {min(runs):.3f} s of {repeat}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", default="10000,100000")
    ap.add_argument("--runs", default="1,2,dask2", help=f"comma-separated: {', '.join(RUNS)}")
    args = ap.parse_args()
    bench_extract_start()
    bench_corpus([int(x) for x in args.articles.split(",")], args.runs.split(","))


if __name__ == "__main__":
    main()
