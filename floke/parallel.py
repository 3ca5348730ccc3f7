"""Work spread over processes: one task per index, results in index order whatever the workers.

Workers are forked after the data they need is in memory, so they inherit it instead of receiving
it through a pipe; only indexes go out and results come back. One job, or too little work to be
worth forking, runs in this process. Output never depends on the number of jobs: each result is a
pure function of its index, and results are put back in index order.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
CHUNK = 32  # tasks per message: large enough to amortise the pipe, small enough to balance

_task: Callable[[int], Any] | None = None


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def map_indexes(
    task: Callable[[int], T], count: int, jobs: int, advance: Callable[[int], None] = lambda n: None
) -> list[T]:
    """[task(0), ..., task(count - 1)], computed by up to `jobs` processes."""
    global _task
    if jobs <= 1 or count < 2 * CHUNK or "fork" not in multiprocessing.get_all_start_methods():
        results = []
        for index in range(count):
            results.append(task(index))
            advance(1)
        return results
    chunks = [(start, min(count, start + CHUNK)) for start in range(0, count, CHUNK)]
    _task = task
    gc.freeze()  # workers share the parent's objects without copying pages for the collector
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(chunks))) as pool:
            results = []
            for part in pool.imap(_run_chunk, chunks):
                results.extend(part)
                advance(len(part))
            return results
    finally:
        _task = None
        gc.unfreeze()


def _run_chunk(bounds: tuple[int, int]) -> list[Any]:
    assert _task is not None
    return [_task(index) for index in range(*bounds)]
