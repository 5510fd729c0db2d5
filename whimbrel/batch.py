"""Batch runs over many inputs: accounting for every record, progress, and idempotent storing.

Every input record ends up counted exactly once: coded, already stored, or skipped with a
reason that names its file and record.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from .models import Article, CodedDocument, ReadError


@dataclass
class RunReport:
    coded: int = 0
    events: int = 0
    already_stored: int = 0
    skipped: list[ReadError] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    @property
    def records(self) -> int:
        return self.coded + self.already_stored + len(self.skipped)

    def summary(self) -> str:
        reasons = Counter(_reason_kind(e.reason) for e in self.skipped)
        seconds = time.monotonic() - self.started
        parts = [f"{self.records} records", f"{self.coded} coded", f"{self.events} events"]
        if self.already_stored:
            parts.append(f"{self.already_stored} already stored")
        skipped = f"{len(self.skipped)} skipped"
        if reasons:
            skipped += " (" + ", ".join(f"{n} {kind}" for kind, n in reasons.most_common()) + ")"
        parts.append(skipped)
        return ", ".join(parts) + f" in {seconds:.1f}s"

    @property
    def failed(self) -> bool:
        """Nothing at all could be read: the only case that makes a run exit non-zero."""
        return self.coded == 0 and self.already_stored == 0 and bool(self.skipped)


def _reason_kind(reason: str) -> str:
    return reason.split(" (")[0].split(":")[0]


class Progress:
    """A rich progress bar on a terminal; a plain line every few seconds otherwise."""

    def __init__(self, report: RunReport, *, enabled: bool = True, every_seconds: float = 10.0):
        self.report = report
        self.every = every_seconds
        self.last = time.monotonic()
        self.bar = None
        self.enabled = enabled
        if enabled and sys.stderr.isatty():
            from rich.progress import Progress as RichProgress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = RichProgress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                    transient=False, redirect_stderr=True)
            self.task = self.bar.add_task("coding")
            self.bar.start()

    def update(self) -> None:
        r = self.report
        rate = r.records / max(time.monotonic() - r.started, 1e-6)
        line = f"{r.records} records ({rate:.1f} docs/s), {r.events} events, {len(r.skipped)} skipped"
        if self.bar is not None:
            self.bar.update(self.task, description=line)
        elif self.enabled and time.monotonic() - self.last >= self.every:
            print(f"whimbrel: {line}", file=sys.stderr, flush=True)
            self.last = time.monotonic()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def run(
    items: Iterable[Article | ReadError],
    code: Callable[[Iterable[Article | ReadError]], Iterable[CodedDocument | ReadError]],
    *,
    report: RunReport,
    on_document: Callable[[CodedDocument], None] | None = None,
    on_batch: Callable[[list[CodedDocument]], int] | None = None,
    skip_known: Callable[[list[str]], set[str]] | None = None,
    on_error: Callable[[ReadError], None] | None = None,
    batch_size: int = 64,
    progress: Progress | None = None,
) -> RunReport:
    """Stream records through ``code`` once; ``skip_known`` drops content already stored before
    coding, ``on_batch`` stores coded documents ``batch_size`` at a time."""

    def unknown_only(stream: Iterable[Article | ReadError]) -> Iterator[Article | ReadError]:
        for batch in chunks(stream, batch_size):
            if skip_known is not None:
                known = skip_known([a.content_hash for a in batch if isinstance(a, Article)])
                report.already_stored += sum(isinstance(a, Article) and a.content_hash in known for a in batch)
                batch = [a for a in batch if not (isinstance(a, Article) and a.content_hash in known)]
            yield from batch

    pending: list[CodedDocument] = []

    def flush() -> None:
        if on_batch and pending:
            stored = on_batch(pending)
            report.already_stored += len(pending) - stored  # the same text twice in one batch
            report.coded -= len(pending) - stored
        pending.clear()

    for result in code(unknown_only(items)):
        if isinstance(result, ReadError):
            report.skipped.append(result)
            if on_error:
                on_error(result)
        else:
            report.coded += 1
            report.events += len(result.events)
            pending.append(result)
            if on_document:
                on_document(result)
            if len(pending) >= batch_size:
                flush()
        if progress:
            progress.update()
    flush()
    return report
