"""Scoring an archive on Dask: partitions out to the workers, parts back into the output directory.

The client reads the inputs lazily and keeps only a bounded window of partitions in flight
(``IN_FLIGHT_PER_THREAD`` per worker thread), so memory does not grow with the archive;
each worker loads the model once (``LoadEngine``, and ``load_engine``'s per-process cache).
Ids already in the output are skipped.

Two ways to move the articles and rows (README, "Scoring an archive"), chosen by ``shared_files``:
- the workers see the client's files (a local cluster, the default there): the client sends
  where each text is (``inputs.Stored``) and the part's name; the worker reads the texts,
  writes the part into the output directory and returns two counts;
- they do not (a cluster at ``--scheduler``): the client sends the texts and writes the Arrow
  tables each worker returns (the workers need neither the inputs nor the output directory).
"""
from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

import dask
from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin
from tqdm import tqdm

from .inputs import Item, count_items, iter_items
from .rows import PartitionResult, error_rows, score_partition
from .store import OutputStore, write_part

IN_FLIGHT_PER_THREAD = 2
"""Partitions queued per worker thread: one running, one waiting, so no worker idles between tasks."""
PARTITION_BYTES = 1_000_000
"""A partition closes once its inputs reach 1 MB (about 200 news articles, 2 s of scoring): a
task's fixed costs (Dask's round trip, two Parquet parts) are then small beside it, and a
worker holds a few MB of texts and rows."""
TAIL_SHARE = 2
"""A partition takes at most 1/(TAIL_SHARE x worker threads) of the articles left, so partitions
shrink near the end and the workers finish together instead of one waiting on the last big one."""
MIN_PARTITION = 8


@dataclass(frozen=True)
class Summary:
    scored: int
    failed: int
    skipped: int
    duplicates: int
    seconds: float

    @property
    def articles_per_second(self) -> float:
        return (self.scored + self.failed) / self.seconds if self.seconds > 0 else 0.0

    def __str__(self) -> str:
        return (
            f"scored {self.scored}, failed {self.failed}, skipped {self.skipped} already written,"
            f" {self.duplicates} duplicate ids; {self.seconds:.1f} s, {self.articles_per_second:.1f} articles/s"
        )


WARM_UP = Item(
    "warm-up", "credence", "text",
    "The city council voted on Tuesday to close the bridge for repairs, according to a statement"
    " from the mayor's office.\n\n\"We expect the work to take about six months,\" said Maria Lopez,"
    " the city's transport director. Officials, who spoke on condition of anonymity, said the cost"
    " could reach $4 million.\n\nCritics argue the plan may be rushed. A report published last year"
    " found the bridge was safe, the Associated Press reported.",
)
"""Scored once when a worker starts: every stage, the language check and the rows run once."""
_WARMED: set[str | None] = set()
"""The model paths this process has scored WARM_UP with: registering the plugin again (as
bench.bulk does before ``score_archive``, to time start-up) does not score it again."""


class LoadEngine(WorkerPlugin):
    """Loads the model and the language detector when a worker starts, and scores ``WARM_UP``,
    so no task pays for them (the first article otherwise took 0.4-0.5 s: imports and the
    stages' first calls) and a bad model shows at once."""

    def __init__(self, model_path: str | None) -> None:
        self.model_path = model_path

    def setup(self, worker) -> None:
        if self.model_path in _WARMED:
            return
        result = score_partition([WARM_UP], self.model_path)
        if result.errors:
            raise RuntimeError(f"the worker cannot score: {result.articles.column('error')[0]}")
        _WARMED.add(self.model_path)


def score_into_part(items: Sequence[Item], model_path: str | None, out_dir: str, part: str) -> tuple[int, int]:
    """On a worker that sees ``out_dir``: score ``items`` and write their part there itself;
    only (rows, errors) go back, not the tables."""
    result = score_partition(items, model_path)
    write_part(out_dir, part, result.articles, result.claims)
    return result.articles.num_rows, result.errors


QUIET_CLUSTER = {
    # The statistical profiler samples the scoring thread every 10 ms for a dashboard that is off
    # here: about 5% of a worker's time.
    "distributed.worker.profile.enabled": False,
    # The event loop's 20 ms tick watch, the 0.5 s system monitor (dashboard figures) and the
    # 0.1 s memory poll kept an idle worker at 17-22 ms of CPU per second and the client and
    # scheduler at 29-41; with these, 3.6-3.9 and 6.4-6.9 (README, "Scoring an archive").
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "10s",
    "distributed.worker.memory.monitor-interval": "1s",
    # Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536, which also fixes glibc's mmap
    # threshold: every large block scoring allocates was mapped and unmapped again, 0.15-0.2 ms
    # of system time per article (0.26-0.28 -> 0.09-0.10 ms without it).
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}
"""Dask settings of the local cluster, measured; the README gives them for a cluster's workers."""


@contextmanager
def open_client(scheduler: str | None = None, workers: int | None = None, in_process: bool = False) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a local cluster on 127.0.0.1.

    Local: ``workers`` processes (default: one per core) of one thread each, the scoring being
    pure Python; ``in_process`` runs the workers as threads of this process (debugging, tests).
    """
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    count = workers or os.cpu_count() or 1
    # In-process workers talk through memory; worker processes over TCP on 127.0.0.1 only.
    network = {} if in_process else {"host": "127.0.0.1"}
    with dask.config.set(QUIET_CLUSTER), LocalCluster(
        n_workers=count, threads_per_worker=1, processes=not in_process, **network,
        # no dashboard; the scheduler's own HTTP endpoints on a free port of 127.0.0.1
        dashboard_address=None, scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
    ) as cluster, Client(cluster) as client:
        yield client


def partitions(items: Iterator[Item], articles_left: Callable[[], int], threads: int,
               most: int | None = None) -> Iterator[list[Item]]:
    """``items`` in partitions of about PARTITION_BYTES of input, fewer near the end (TAIL_SHARE),
    never more than ``most`` articles nor fewer than MIN_PARTITION (but the last)."""
    partition: list[Item] = []
    size = limit = 0
    for item in items:
        if not partition:
            limit = max(MIN_PARTITION, articles_left() // (TAIL_SHARE * threads))
            limit = min(limit, most) if most else limit
        partition.append(item)
        size += item.size
        if len(partition) >= limit or size >= PARTITION_BYTES:
            yield partition
            partition, size = [], 0
    if partition:
        yield partition


def _fresh_items(items: Iterator[Item], done: set[str], counts: dict[str, int]) -> Iterator[Item]:
    """Items whose id is neither written already (``done``) nor met earlier in this run."""
    this_run: set[str] = set()
    for item in items:
        if item.id in done:
            counts["skipped"] += 1
        elif item.id in this_run:
            counts["duplicates"] += 1
        else:
            this_run.add(item.id)
            yield item


def score_archive(
    inputs: Sequence[str],
    out_dir: Path | str,
    client: Client,
    *,
    model_path: str | None = None,
    partition_size: int | None = None,
    progress: bool = True,
    shared_files: bool | None = None,
) -> Summary:
    """Score every article of ``inputs`` into ``out_dir`` (resuming), on ``client``'s cluster;
    ``partition_size`` caps the articles per task (``partitions`` sizes them by bytes).
    ``shared_files``: whether the workers see the inputs and ``out_dir`` (default: a local cluster)."""
    started = time.perf_counter()
    if shared_files is None:
        shared_files = isinstance(client.cluster, LocalCluster)
    client.register_plugin(LoadEngine(model_path), name="credence-load-engine")
    store = OutputStore(out_dir)
    counts = {"skipped": 0, "duplicates": 0}
    total = count_items(inputs)
    threads = max(1, sum(client.nthreads().values()))
    window = IN_FLIGHT_PER_THREAD * threads
    scored = failed = submitted = 0
    items = _fresh_items(iter_items(inputs, by_reference=shared_files), store.done_ids(), counts)
    tasks = partitions(
        items, lambda: total - submitted - counts["skipped"] - counts["duplicates"], threads, partition_size
    )
    in_flight: dict = {}
    queue = as_completed()

    def submit_next() -> None:
        nonlocal submitted
        partition = next(tasks, None)
        if partition is not None:
            submitted += len(partition)
            part = store.next_part()
            if shared_files:
                future = client.submit(score_into_part, partition, model_path, str(store.root), part, pure=False)
            else:
                future = client.submit(score_partition, partition, model_path, pure=False)
            in_flight[future] = (partition, part)
            queue.add(future)

    with tqdm(total=total, unit="article", disable=not progress, file=sys.stderr) as bar:
        for _ in range(window):
            submit_next()
        bar.update(counts["skipped"] + counts["duplicates"])
        for future in queue:
            partition, part = in_flight.pop(future)
            try:
                result = future.result()
            except Exception as error:  # noqa: BLE001 -- a lost worker or task fails its partition, not the run
                result = error_rows(partition, f"the worker failed: {type(error).__name__}: {error}")
            future.release()
            if isinstance(result, PartitionResult):  # rows to write here: shipped, or the error rows
                write_part(store.root, part, result.articles, result.claims)
                result = result.articles.num_rows, result.errors
            rows, errors = result
            failed += errors
            scored += rows - errors
            before = counts["skipped"] + counts["duplicates"]
            submit_next()
            bar.update(rows + counts["skipped"] + counts["duplicates"] - before)
    return Summary(scored, failed, counts["skipped"], counts["duplicates"], time.perf_counter() - started)
