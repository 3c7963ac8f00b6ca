"""Speed and memory figures (printed, not asserted): `make bench` or `.venv/bin/python bench/run.py`.

Targets: full data build <= 10 s on 2 cores; ODS ingest >= 10x faster than pandas+odfpy;
extractor >= 200 articles/s and linear; checking 100,000 claims < 2 s.
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from uk_small_boats.paths import REPO  # noqa: E402

ODS = REPO / "archive" / "data_small_boats_time_series.ods"


def timed(fn, repeat=3):
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def bench_ods():
    import pandas as pd
    from uk_small_boats.official.ods import read_series
    ours = timed(lambda: read_series(ODS), 5)
    odf = timed(lambda: pd.read_excel(ODS, sheet_name=["SB_01", "SB_02"], engine="odf"), 1)
    pcal = timed(lambda: pd.read_excel(ODS, sheet_name=["SB_01", "SB_02"], engine="calamine"), 5)
    print(f"ODS ingest (SB_01+SB_02, checked): python-calamine {ours*1000:.1f} ms | "
          f"pandas+calamine {pcal*1000:.1f} ms | pandas+odfpy {odf*1000:.0f} ms | "
          f"ratio odfpy/ours {odf/ours:.0f}x")


def bench_build(repeat=3):
    """Wall time of the data build, and the part of it spent in frictionless validation."""
    import uk_small_boats.pipeline as pl
    real, spent = pl.validate_package, {}

    def timed(descriptor, basepath, *, label):
        t = time.perf_counter()
        try:
            return real(descriptor, basepath, label=label)
        finally:
            spent[label] = time.perf_counter() - t

    pl.validate_package = timed
    runs = []
    try:
        with tempfile.TemporaryDirectory() as d:
            for _ in range(repeat):
                spent.clear()
                t = time.perf_counter()
                report = pl.build(Path(d) / "build")
                runs.append((time.perf_counter() - t, dict(spent)))
    finally:
        pl.validate_package = real
    wall, parts = sorted(runs, key=lambda r: r[0])[len(runs) // 2]
    rows = sum(report["rows"].values())
    fr = sum(parts.values())
    print(f"full data build: {wall:.2f} s wall, median of {repeat} ({rows:,} rows in "
          f"{len(report['rows'])} resources); frictionless {fr:.2f} s = {100 * fr / wall:.0f}% "
          f"({' | '.join(f'{k} {v:.2f} s' for k, v in parts.items())})")


def bench_extract(sizes):
    try:
        from bench.corpus import synthetic_corpus
        from uk_small_boats.extract.claims import extract_claims
    except ImportError as exc:
        print(f"extractor bench skipped: {exc}")
        return
    import datetime as dt
    for n in sizes:
        corpus = synthetic_corpus(n)
        t = time.perf_counter()
        total = sum(len(extract_claims(text, dt.date(2025, 6, 1))) for text in corpus)
        wall = time.perf_counter() - t
        print(f"extractor: {n:,} articles in {wall:.2f} s = {n/wall:,.0f} articles/s "
              f"({total:,} claims)")


def _extract_chunk(chunk):
    import datetime as dt

    from uk_small_boats.extract.claims import extract_claims
    return sum(len(extract_claims(t, dt.date(2025, 4, 16))) for t in chunk)


def bench_extract_parallel(sizes, workers=2):
    """The extractor on ``workers`` processes (the target is on 2 cores), linear in the corpus size."""
    from multiprocessing import Pool

    from bench.corpus import synthetic_texts
    for n in sizes:
        texts = list(synthetic_texts(n))
        with Pool(workers) as pool:
            pool.map(_extract_chunk, [["warm"]] * workers)  # imports and compiled rules, once per process
            t = time.perf_counter()
            total = sum(pool.map(_extract_chunk, [texts[i::workers] for i in range(workers)]))
            wall = time.perf_counter() - t
        print(f"extractor on {workers} processes: {n:,} articles in {wall:.2f} s = {n / wall:,.0f} articles/s "
              f"({total:,} claims)")


def bench_extract_real(rounds=5):
    """The labelled real articles (longer and messier than the synthetic ones), and a hostile 1 MB text."""
    import datetime as dt
    from pathlib import Path

    from uk_small_boats.errors import PipelineError
    from uk_small_boats.extract.claims import extract_claims
    from uk_small_boats.paths import REPO
    texts = []
    folders = [REPO.parent / "shared" / "corpus"] + [REPO.parent / f"corpus{n}" for n in (2, 3, 4)]
    for folder in (f / "articles" for f in folders):
        texts += [(p.read_text(encoding="utf-8"), dt.date.fromisoformat(p.stem.split("_")[1]))
                  for p in sorted(folder.glob("*.txt"))]
    if not texts:
        print("real-article bench skipped: no corpus beside the repository")
        return
    size = sum(len(t) for t, _ in texts)
    t = time.perf_counter()
    total = sum(len(extract_claims(text, day)) for _ in range(rounds) for text, day in texts)
    wall = time.perf_counter() - t
    n = rounds * len(texts)
    print(f"extractor, real articles: {n:,} ({len(texts)} texts x {rounds}, {size / len(texts) / 1000:.1f} kB "
          f"each on average) in {wall:.2f} s = {n / wall:,.0f} articles/s ({total // rounds:,} claims per round)")
    bench_hostile(extract_claims, PipelineError)


HOSTILE = {  # 1 MB each unless said (issue 16: time must be linear in the text, each under 5 s)
    "figures and commas": ("In 2024, 36,816 people crossed; " * 40_000)[:1_000_000],
    "'1 ' repeated": "1 " * 500_000,
    "'1,' repeated": "1," * 500_000,
    "'more than 1 ' repeated": ("more than 1 " * 90_000)[:1_000_000],
    "one 1 MB line of words": ("migrants crossed the Channel yesterday and " * 25_000)[:1_000_000],
    "one 1 MB line, a figure every 8 kB": (("migrants crossed the Channel yesterday and " * 200 + "412 people ")
                                          * 120)[:1_000_000],
    "'since the ' repeated": "since the " * 100_000,
    "190 kB of dates (just under the number cap)": ("on 5 March 2024 and " * 10_000)[:190_000],
}


def bench_hostile(extract_claims, PipelineError):
    """Hostile texts through the extractor: read or refused, never slow."""
    import datetime as dt
    for name, text in HOSTILE.items():
        t = time.perf_counter()
        try:
            outcome = f"read, {len(extract_claims(text, dt.date(2025, 1, 2)))} figures"
        except PipelineError as exc:
            outcome = f"refused ({exc.rule})"
        print(f"extractor, hostile {name} ({len(text) / 1e6:.2f} MB): {time.perf_counter() - t:.2f} s, {outcome}")


def bench_check(n):
    try:
        from bench.corpus import synthetic_claims
        from uk_small_boats.check.series import OfficialSeriesIndex
    except ImportError as exc:
        print(f"checker bench skipped: {exc}")
        return
    from uk_small_boats.official.ods import read_series
    s = read_series(ODS)
    idx = OfficialSeriesIndex(s.daily, s.weekly)
    claims = synthetic_claims(n, s.daily)
    t = time.perf_counter()
    vec = idx.period_sums(claims["period_start"], claims["period_end"], "people_arrived")
    fast = time.perf_counter() - t
    sample = claims.head(2000)
    t = time.perf_counter()
    naive = [idx.naive_sum(a, b, "people_arrived") for a, b in
             zip(sample["period_start"], sample["period_end"])]
    slow = (time.perf_counter() - t) * n / len(sample)
    assert list(vec[: len(sample)]) == naive
    print(f"checker: {n:,} claim periods summed in {fast:.3f} s (vectorised) vs "
          f"{slow:.1f} s naive per-claim loop (extrapolated from 2,000) = {slow/fast:,.0f}x")
    # the whole verdict pass (bands, revisions, off-by-one, explanations) on n count claims
    from uk_small_boats.check.verdicts import check_claims
    from uk_small_boats.metadata.schemas import conform, resource
    rng = np.random.default_rng(1)
    spec = resource("claims")
    full = pd.DataFrame({f: None for f in spec.field_names}, index=range(n))
    sums = vec
    full = full.assign(claim_id=[f"b-{i}" for i in range(n)], source_id="b", quote="x", char_start=0,
                       char_end=1, figure_text="1", figure_start=0, figure_end=1,
                       metric=rng.choice(["people_arrived", "boats_arrived", "people_returned"], n),
                       value=np.round(sums * rng.choice([1.0, 0.95, 1.3], n)),
                       unit="people", qualifier=rng.choice(["exact", "about", "more_than"], n),
                       period_start=claims["period_start"], period_end=claims["period_end"],
                       extraction="bench")
    full = conform(full, spec, origin="bench")
    t = time.perf_counter()
    checks = check_claims(full, idx)
    whole = time.perf_counter() - t
    counts = checks["verdict"].value_counts().to_dict()
    print(f"checker: full verdict pass on {n:,} claims in {whole:.2f} s ({counts})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="smaller corpora")
    args = ap.parse_args()
    bench_ods()
    bench_build()
    bench_extract([100, 1000] if args.quick else [1000, 10000])
    bench_extract_parallel([1000] if args.quick else [1000, 10000])
    bench_extract_real(1 if args.quick else 5)
    bench_check(10_000 if args.quick else 100_000)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of this process): {peak:.0f} MiB")


if __name__ == "__main__":
    main()
