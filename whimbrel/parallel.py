"""Coding on several cores: each worker process loads its own Coder once and codes whole batches.

Only Articles go out and CodedDocuments come back (plain dataclasses), never spaCy objects, so
the cost of crossing processes stays small. Output order is input order.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path
from collections.abc import Iterable, Iterator

from .batch import chunks
from .models import Article, CodedDocument, ReadError

_worker_coder = None


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


AUTO = -1
_BYTES_WORTH_A_WORKER = 4 * 2**20
"""Input size from which starting worker processes (a few seconds each) pays for itself."""


def choose_jobs(jobs: int, inputs: list[str]) -> int:
    """Processes for a run: ``jobs`` as asked (0 = all cores), or, by default (AUTO), all cores when the
    inputs are big enough to repay starting workers and one process for a few articles."""
    if jobs == 0:
        return default_jobs()
    if jobs != AUTO:
        return max(1, jobs)
    size = 0
    for item in inputs:
        path = Path(item)
        if path.is_file():
            size += path.stat().st_size
        elif path.is_dir():
            size += sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return default_jobs() if size >= _BYTES_WORTH_A_WORKER else 1


def _init_worker(settings: dict) -> None:
    global _worker_coder
    from .pipeline import Coder

    _worker_coder = Coder(**settings)


def _code_chunk(articles: list[Article | ReadError]) -> list[CodedDocument | ReadError]:
    return list(_worker_coder.code(articles))


def code_parallel(items: Iterable[Article | ReadError], settings: dict, jobs: int,
                  chunk_size: int = 16) -> Iterator[CodedDocument | ReadError]:
    """Like ``Coder.code`` but spread over ``jobs`` processes (spawned, so each loads models cleanly)."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(settings,)) as pool:
        for results in pool.imap(_code_chunk, chunks(items, chunk_size)):
            yield from results
