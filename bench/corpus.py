"""Synthetic inputs for the benchmark: crossing-report-like articles and claim periods (seeded)."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd

TEMPLATES = [
    "About {n:,} migrants crossed the Channel in small boats on {wd}, the Home Office said.",
    "It brings the total for {y} to {m:,} people, a rise of {p}% on the same period last year.",
    "{w} boats were detected near Dover, and French authorities prevented {k:,} people from setting off.",
    "Since Labour took office last July, {m:,} people have made the crossing on {b:,} small boats.",
    "A total of {m:,} people crossed between 1 January and {d} March this year.",
    "More than {k:,} people have been returned under the pilot scheme, while £{c}m was promised to France.",
    "There were no crossings for a week before then because of high winds in the Channel.",
    "Hundreds of people were seen at Gravelines, where up to {k} people boarded a single dinghy.",
    "Officials said the figure for March so far is {m:,}, compared with {n:,} in 2023.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WORDS = ["Two", "Three", "Six", "Eleven", "Twenty"]


def synthetic_texts(n: int, seed: int = 7):
    """``n`` article texts, one at a time (a corpus of any size in constant memory)."""
    rnd = random.Random(seed)
    for _ in range(n):
        lines = []
        for _ in range(rnd.randint(6, 14)):
            t = rnd.choice(TEMPLATES)
            lines.append(t.format(n=rnd.randint(50, 1500), m=rnd.randint(1000, 40000),
                                  k=rnd.randint(10, 900), b=rnd.randint(10, 900),
                                  p=rnd.randint(1, 80), c=rnd.randint(1, 500), d=rnd.randint(1, 31),
                                  y=rnd.randint(2019, 2025), wd=rnd.choice(WEEKDAYS),
                                  w=rnd.choice(WORDS)))
        yield "\n".join(lines)


def synthetic_corpus(n: int, seed: int = 7) -> list[str]:
    return list(synthetic_texts(n, seed))


PUBLISHERS = ["BBC News", "The Guardian", "Daily Mail", "The Telegraph", "Sky News", "Kent Online"]


def write_articles_parquet(path, n: int, seed: int = 7, row_group: int = 10_000) -> None:
    """``n`` articles (id, published 2019-2025, publisher, text) as Parquet, written a group at a time."""
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq
    rnd = random.Random(seed + 1)
    texts = synthetic_texts(n, seed)
    first, span = dt.date(2019, 1, 1).toordinal(), (dt.date(2025, 12, 31) - dt.date(2019, 1, 1)).days
    with pq.ParquetWriter(path, pa.schema([("id", pa.string()), ("published", pa.date32()),
                                           ("publisher", pa.string()), ("text", pa.string())])) as w:
        for start in range(0, n, row_group):
            k = min(row_group, n - start)
            w.write_table(pa.table({
                "id": [f"syn-{i:08d}" for i in range(start, start + k)],
                "published": [dt.date.fromordinal(first + rnd.randint(0, span)) for _ in range(k)],
                "publisher": [rnd.choice(PUBLISHERS) for _ in range(k)],
                "text": [next(texts) for _ in range(k)]}))


def synthetic_claims(n: int, daily: pd.DataFrame, seed: int = 7) -> pd.DataFrame:
    """Random claim periods inside the series (days to a year long)."""
    rng = np.random.default_rng(seed)
    first = pd.Timestamp(daily["date"].min())
    span = (pd.Timestamp(daily["date"].max()) - first).days
    starts = first + pd.to_timedelta(rng.integers(0, span - 400, n), unit="D")
    ends = starts + pd.to_timedelta(rng.integers(0, 365, n), unit="D")
    return pd.DataFrame({"period_start": starts, "period_end": ends})
