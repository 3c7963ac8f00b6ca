"""How a running check-corpus shows itself: a bar (articles/s, ETA) on a terminal, log lines otherwise."""

from __future__ import annotations

import time
from typing import Self, TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text


def _eta(seconds: float) -> str:
    m, s = divmod(int(seconds), 60)
    h, m = divmod(m, 60)
    return f"{h}h{m:02d}m" if h else f"{m}m{s:02d}s"


class LogLines:
    """One plain line per finished partition (for logs, CI and pipes)."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def start(self, *, partitions: int, articles: int, done_partitions: int, done_articles: int) -> None:
        """Print what the run holds and how much of it an earlier run did; start the clock."""
        self.partitions, self.articles = partitions, articles
        self.done_partitions, self.done_articles, self.run_articles = done_partitions, done_articles, 0
        self.t0 = time.perf_counter()
        resumed = f", resuming: {done_partitions:,} already done" if done_partitions else ""
        self._print(f"{articles:,} articles in {partitions:,} partitions{resumed}")

    def advance(self, stats: dict) -> None:
        """Print a finished partition's counts, the run's progress, its rate and the time left."""
        self.done_partitions += 1
        self.done_articles += stats["articles"]
        self.run_articles += stats["articles"]
        rate = self.run_articles / max(time.perf_counter() - self.t0, 1e-9)
        left = (self.articles - self.done_articles) / rate if rate else 0
        self._print(f"{stats['partition']} done ({stats['articles']:,} articles, {stats['claims']:,} "
                    f"claims, {stats['errors']:,} errors); {self.done_partitions:,}/{self.partitions:,} "
                    f"partitions, {self.done_articles:,}/{self.articles:,} articles, "
                    f"{rate:,.0f} articles/s, ETA {_eta(left)}")

    def _print(self, line: str) -> None:
        print(f"check-corpus: {line}", file=self.stream, flush=True)


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:,.0f} articles/s")


class Bar:
    """A rich progress bar over articles; use as a context manager."""

    def __init__(self, console: Console):
        self.bar = Progress(TextColumn("[bold]checking[/]"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("articles"), _Rate(), TimeRemainingColumn(), console=console)

    def __enter__(self) -> Self:
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def start(self, *, partitions: int, articles: int, done_partitions: int, done_articles: int) -> None:
        """Show the bar over all the run's articles, those an earlier run did already filled in."""
        self.task = self.bar.add_task("check", total=articles, completed=done_articles)

    def advance(self, stats: dict) -> None:
        """Move the bar on by a finished partition's articles."""
        self.bar.advance(self.task, stats["articles"])
