"""Where partitions run: this process, a local process pool, or a Dask cluster. Same task, same files.

Each engine yields every finished partition's counts as it completes (in any order). Only a
bounded number of partitions is in flight at once, so neither the driver nor the scheduler holds
more than that, however long the input.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Any

from .inputs import Partition
from .partition import Official, check_partition


def serial(parts: Iterable[Partition], out: str, official: Official) -> Iterator[dict]:
    """Run the partitions one after another in this process, yielding each one's counts."""
    for part in parts:
        yield check_partition(part, out, official)


_WORKER: dict = {}


def _init_worker(out: str, official: Official) -> None:
    _WORKER.update(out=out, official=official)  # shipped once per process, not once per task


def _pool_task(part: Partition) -> dict:
    return check_partition(part, _WORKER["out"], _WORKER["official"])


def process_pool(parts: Iterable[Partition], out: str, official: Official, workers: int) -> Iterator[dict]:
    """Run the partitions on a pool of ``workers`` local processes, yielding counts as each finishes."""
    # spawn, not fork: the driver has pyarrow's thread pools running, which fork does not copy safely
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(out, official)) as pool:
        yield from pool.imap_unordered(_pool_task, parts, chunksize=1)


def dask_cluster(parts: Iterable[Partition], out: str, official: Official, *, scheduler: str | None,
         workers: int) -> Iterator[dict]:
    """Run the partitions on a Dask cluster, yielding counts as each finishes.

    The cluster is the one at ``scheduler``, or else a local one of ``workers`` processes. The input
    and ``out`` must be at the same path on every worker (a shared file system).
    """
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:  # an optional extra: the runtime install does not carry it
        raise ImportError("--engine dask needs Dask: pip install 'uk-small-boats[dask]'") from None
    with contextlib.ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(Client(scheduler))
        else:
            cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1,
                                                       processes=True, dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        shared = client.scatter(official, broadcast=True)
        window = 2 * max(1, sum(client.nthreads().values()))
        todo = iter(parts)

        def submit(part: Partition) -> Any:  # a dask Future (dask is untyped)
            return client.submit(check_partition, part, out, shared, pure=False)

        running = as_completed([submit(p) for p in itertools.islice(todo, window)])
        for fut in running:
            yield fut.result()
            fut.release()
            nxt = next(todo, None)
            if nxt is not None:
                running.add(submit(nxt))
