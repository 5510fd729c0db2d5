"""Coding on a Dask cluster, Parquet partitions, and resumable JSONL output.

Three pieces, each a thin addition around the ordinary pipeline:

* ``code_on_cluster``: the client reads the inputs into batches and submits each batch as a
  task. A worker loads spaCy and the knowledge base once (``CoderPlugin`` at start-up, then the
  per-process ``whimbrel.get_coder`` cache), codes the batch and writes one Parquet partition per
  table, named by a stable hash of the batch, so a re-run overwrites instead of duplicating. The
  task returns a small summary (coded, events, read errors), from which the client builds the
  same run report as a local run. Layout of the output directory::

      DIR/_whimbrel_partitions             marker: "this folder holds Whimbrel partitions"; lists the
                                           batch keys in input order (ingest keeps a text's first copy)
      DIR/part-<batch>.parquet             events (store.SCHEMAS["events"]), every coded document
      DIR/documents/part-<batch>.parquet   documents, actors, mentions, quotes
      DIR/actors/... DIR/mentions/... DIR/quotes/...   (one row set per distinct text in the batch)

  Each file is written to a temporary name and renamed, and ``documents`` is written last, so a
  batch whose ``documents`` file exists is complete.

* ``ingest_partitions``: loads such a folder into the DuckDB store, one transaction per batch,
  skipping documents whose content hash is stored already (so loading twice adds nothing).

* ``run_resumable``: ``whimbrel code -o FILE --resume``. Output is appended batch by batch; after
  each batch FILE is fsynced and then ``FILE.progress`` gets the keys of the records just written
  and a commit line holding FILE's length, fsynced too. A rerun keeps only committed work: it cuts
  FILE back to the last committed length (dropping a partial line or a half-written batch) and
  skips the committed records, so a run killed at any moment loses and repeats nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .batch import Progress, RunReport, chunks, run
from .models import Article, CodedDocument, Event, ReadError

MARKER = "_whimbrel_partitions"
SIDE_TABLES = ("actors", "mentions", "quotes", "documents")  # documents last: it marks a batch complete
DEFAULT_BATCH_SIZE = 32


# ---------------------------------------------------------------------------------------------
# Workers


def _coder(settings: dict):
    from . import get_coder

    return get_coder(settings.get("actors_file"), settings.get("realis", "default"),
                     bool(settings.get("keep_uncoded", False)), bool(settings.get("full_parse", False)))


try:  # the plugin base class only exists where distributed is installed
    from distributed.diagnostics.plugin import WorkerPlugin as _WorkerPluginBase
except ImportError:  # pragma: no cover - dask is a dependency; keep `import whimbrel.distributed` cheap anyway
    _WorkerPluginBase = object


class CoderPlugin(_WorkerPluginBase):
    """Loads the Coder when a worker starts (and on workers that join later), once per process."""

    name = "whimbrel-coder"

    def __init__(self, settings: dict):
        self.settings = dict(settings)

    def setup(self, worker=None) -> None:
        _coder(self.settings)


_CODE_LOCK = threading.Lock()  # one spaCy pipeline per process: a worker with several threads codes one batch at a time


def batch_key(items: list[Article | ReadError]) -> str:
    """A stable name for a batch: the same records in the same order give the same key."""
    digest = hashlib.sha256()
    for item in items:
        if isinstance(item, Article):
            digest.update(f"A\t{item.origin}\t{item.content_hash}\n".encode())
        else:
            digest.update(f"E\t{item.origin}\n".encode())
    return digest.hexdigest()[:24]


def _code_items(coder, items: list[Article | ReadError]) -> list[CodedDocument | ReadError]:
    """Code a batch; should the pipeline fail on some article, that record becomes a ReadError."""
    try:
        return list(coder.code(items))
    except _CODING_ERRORS:  # retry one by one to find the record at fault
        results: list[CodedDocument | ReadError] = []
        for item in items:
            try:
                results.extend(coder.code([item]))
            except _CODING_ERRORS as error:
                results.append(ReadError(item.origin, f"coding failed: {type(error).__name__}: {error}"))
        return results


# Errors a bug in the coder raises on some unusual text; one record's failure must not lose a batch
# coded on a remote worker. Environment failures (memory, missing files) still stop the run.
_CODING_ERRORS = (ValueError, TypeError, IndexError, KeyError, AttributeError, AssertionError, RecursionError)


def code_partition(items: list[Article | ReadError], settings: dict, out_dir: str, key: str) -> dict:
    """The task run on a worker: code one batch, write its partitions, return a small summary."""
    with _CODE_LOCK:
        results = _code_items(_coder(settings), items)
    documents = [r for r in results if isinstance(r, CodedDocument)]
    if documents:
        write_partition(Path(out_dir), key, documents)
    return {
        "key": key,
        "coded": len(documents),
        "events": sum(len(d.events) for d in documents),
        "errors": [(r.origin, r.reason) for r in results if isinstance(r, ReadError)],
        "written": bool(documents),
    }


def write_partition(out_dir: Path, key: str, documents: list[CodedDocument]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .store import SCHEMAS, _to_arrow

    unique: dict[str, CodedDocument] = {}
    for document in documents:  # the store keeps the first document of each text; so do these tables
        unique.setdefault(document.article.content_hash, document)
    tables = _to_arrow(list(unique.values()))
    if len(unique) < len(documents):  # events of every document, duplicates included, as `whimbrel code` writes them
        tables["events"] = _to_arrow(documents).get("events")

    def put(path: Path, table) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        pq.write_table(table, temporary)
        os.replace(temporary, path)

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / MARKER).touch()
    empty = {name: pa.Table.from_pylist([], schema=schema) for name, schema in SCHEMAS.items()}
    put(out_dir / f"part-{key}.parquet", tables.get("events", empty["events"]))
    for name in SIDE_TABLES:
        put(out_dir / name / f"part-{key}.parquet", tables.get(name, empty[name]))


# ---------------------------------------------------------------------------------------------
# Client


@contextmanager
def dask_client(address: str):
    """A Client for ``address``, or for a LocalCluster of N one-thread worker processes for ``local:N``."""
    from distributed import Client, LocalCluster

    if address.startswith("local:") or address == "local":
        workers = int(address.partition(":")[2] or os.cpu_count() or 1)
        if workers < 1:
            raise ValueError("local:N needs N >= 1")
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            yield client
    else:
        with Client(address) as client:
            yield client


def event_records(table) -> list[dict]:
    """Rows of an events partition as the JSON records ``whimbrel code`` writes (``Event.to_record``)."""
    fields = [f.name for f in dataclasses.fields(Event)]
    records = []
    for row in table.to_pylist():
        record = {name: row[name] for name in fields}
        record["offsets"] = {
            "sentence": [row["sentence_start"], row["sentence_end"]],
            "trigger": [row["trigger_start"], row["trigger_end"]],
            "actor": [[a["start"], a["end"]] for a in row["actor"]],
            "recipient": [[r["start"], r["end"]] for r in row["recipient"]],
        }
        records.append(record)
    return records


def read_events(out_dir: str | Path, key: str | None = None) -> list[dict]:
    """Event records from one batch's partition, or (``key`` None) from every partition in the folder."""
    import pyarrow.parquet as pq

    out_dir = Path(out_dir)
    paths = [out_dir / f"part-{key}.parquet"] if key else sorted(out_dir.glob("part-*.parquet"))
    return [r for path in paths for r in event_records(pq.read_table(path))]


def code_on_cluster(
    inputs: list[str],
    address: str,
    parquet_dir: str | Path,
    *,
    settings: dict | None = None,
    write: Callable[[str], None] | None = None,
    on_error: Callable[[ReadError], None] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    quiet: bool = False,
    client=None,
) -> RunReport:
    """Code ``inputs`` on a Dask cluster into Parquet partitions under ``parquet_dir``.

    ``write`` receives each event as a JSON line (read back from the partitions, in input order).
    Returns the same RunReport a local run builds: every input record coded or skipped.
    """
    from .ingest import read_inputs

    settings = dict(settings or {})
    out_dir = Path(parquet_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / MARKER).touch()
    report = RunReport()
    progress = Progress(report, enabled=not quiet)

    listed = set(partition_order(out_dir))

    def account(summary: dict) -> None:
        if summary["written"] and summary["key"] not in listed:  # the marker lists batches in input order
            with open(out_dir / MARKER, "a", encoding="utf-8") as marker:
                marker.write(summary["key"] + "\n")
            listed.add(summary["key"])
        report.coded += summary["coded"]
        report.events += summary["events"]
        for origin, reason in summary["errors"]:
            error = ReadError(origin, reason)
            report.skipped.append(error)
            if on_error:
                on_error(error)
        if write and summary["written"]:
            for record in read_events(out_dir, summary["key"]):
                write(json.dumps(record, ensure_ascii=False) + "\n")
        progress.update()

    def submit_all(client) -> None:
        client.register_plugin(CoderPlugin(settings))
        window = max(4, 2 * sum(client.nthreads().values()))
        pending: deque = deque()
        for items in chunks(read_inputs(inputs), batch_size):
            key = batch_key(items)
            pending.append(client.submit(code_partition, items, settings, str(out_dir), key,
                                         key=f"whimbrel-batch-{key}", pure=False))
            while len(pending) >= window:
                account(pending.popleft().result())
        while pending:
            account(pending.popleft().result())

    try:
        if client is not None:
            submit_all(client)
        else:
            with dask_client(address) as own:
                submit_all(own)
    finally:
        progress.close()
    return report


# ---------------------------------------------------------------------------------------------
# Loading partitions into the store


def partition_order(parquet_dir: str | Path) -> list[str]:
    """Batch keys in the order the client read them (the marker file's lines)."""
    try:
        return [line for line in (Path(parquet_dir) / MARKER).read_text(encoding="utf-8").split("\n") if line]
    except OSError:
        return []


def is_partition_dir(path: str | Path) -> bool:
    return os.path.isdir(path) and os.path.isfile(os.path.join(path, MARKER))


def ingest_partitions(store, parquet_dir: str | Path, report: RunReport | None = None,
                      on_error: Callable[[ReadError], None] | None = None) -> RunReport:
    """Load a folder of partitions into ``store`` (a whimbrel.store.Store), one transaction per batch.

    Documents whose content hash is stored already are skipped with all their rows, so loading
    the same folder twice (or two folders that share documents) adds nothing the second time.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .store import SCHEMAS

    report = report if report is not None else RunReport()
    root = Path(parquet_dir)
    order = {key: index for index, key in enumerate(partition_order(root))}
    paths = sorted((root / "documents").glob("part-*.parquet"),  # input order, so the first copy of a text is kept
                   key=lambda p: (order.get(p.stem.removeprefix("part-"), len(order)), p.name))
    for documents_path in paths:
        key = documents_path.name
        try:
            tables = {name: pq.read_table(root / name / key, schema=SCHEMAS[name]) for name in SIDE_TABLES}
            tables["events"] = pq.read_table(root / key, schema=SCHEMAS["events"])
        except (OSError, pa.ArrowException) as error:
            skipped = ReadError(str(documents_path), f"unreadable partition: {error}")
            report.skipped.append(skipped)
            if on_error:
                on_error(skipped)
            continue
        documents = tables["documents"]
        known = store.known_hashes(documents.column("content_hash").to_pylist())
        keep: dict[str, str] = {}
        for content_hash, doc_id in zip(documents.column("content_hash").to_pylist(), documents.column("doc_id").to_pylist()):
            if content_hash in known or content_hash in keep:
                report.already_stored += 1
            else:
                keep[content_hash] = doc_id
        if not keep:
            continue
        filtered = {}
        for name, table in tables.items():
            hashes = table.column("content_hash").to_pylist()
            if name == "events":  # events of every document were written; keep those of the stored one
                doc_ids = table.column("doc_id").to_pylist()
                mask = [keep.get(h) == d for h, d in zip(hashes, doc_ids)]
            else:
                mask = [h in keep for h in hashes]
            filtered[name] = table.filter(pa.array(mask, pa.bool_()))
        store.insert_tables({name: filtered[name] for name in ("documents", "actors", "mentions", "events", "quotes")})
        report.coded += len(keep)
        report.events += filtered["events"].num_rows
    return report


def split_partition_inputs(inputs: list[str]) -> tuple[list[str], list[str]]:
    """(partition folders, everything else) among ``whimbrel ingest`` inputs."""
    folders = [i for i in inputs if is_partition_dir(i)]
    return folders, [i for i in inputs if i not in folders]


# ---------------------------------------------------------------------------------------------
# Resumable JSONL output


def record_key(article: Article) -> str:
    """Identity of an input record for resuming: where it was read and what it says."""
    return f"{article.content_hash}\t{article.origin}".replace("\n", "\\n")


class ResumableOutput:
    """Append-only JSONL output with a ``FILE.progress`` sidecar of committed records.

    Sidecar lines are record keys, each batch closed by ``@<length of FILE>``; only keys followed
    by a commit line count, and FILE is cut back to the last committed length when reopened.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.progress_path = self.path.with_name(self.path.name + ".progress")
        self.done: set[str] = set()
        committed_length = 0
        progress_length = 0
        if self.progress_path.exists():
            pending: list[str] = []
            position = 0
            with self.progress_path.open("rb") as handle:
                for raw in handle:
                    position += len(raw)
                    if not raw.endswith(b"\n"):
                        break  # a line cut short by the kill
                    line = raw[:-1].decode("utf-8")
                    if line.startswith("@"):
                        self.done.update(pending)
                        pending = []
                        committed_length = int(line[1:])
                        progress_length = position
                    else:
                        pending.append(line)
        elif self.path.exists() and self.path.stat().st_size > 0:
            raise FileExistsError(f"{self.path} exists but {self.progress_path.name} does not, so there is no record "
                                  "of what it holds; remove it or run without --resume")
        if (self.path.stat().st_size if self.path.exists() else 0) < committed_length:
            raise ValueError(f"{self.path} is shorter than {self.progress_path.name} says it should be; "
                             "remove both to start again")
        self.handle = open(self.path, "ab")
        self.handle.truncate(committed_length)
        self.length = committed_length
        self.progress = open(self.progress_path, "ab")
        self.progress.truncate(progress_length)
        _fsync(self.handle)
        _fsync(self.progress)

    def is_done(self, article: Article) -> bool:
        return record_key(article) in self.done

    def write_batch(self, documents: list[CodedDocument]) -> int:
        lines = [json.dumps(e.to_record(), ensure_ascii=False) + "\n" for d in documents for e in d.events]
        data = "".join(lines).encode("utf-8")
        self.handle.write(data)
        _fsync(self.handle)
        self.length += len(data)
        keys = [record_key(d.article) for d in documents]
        self.progress.write(("".join(k + "\n" for k in keys) + f"@{self.length}\n").encode("utf-8"))
        _fsync(self.progress)
        self.done.update(keys)
        return len(documents)

    def close(self) -> None:
        self.handle.close()
        self.progress.close()


def _fsync(handle) -> None:
    handle.flush()
    os.fsync(handle.fileno())


def run_resumable(
    inputs: list[str],
    output: str | Path,
    code: Callable[[Iterable[Article | ReadError]], Iterable[CodedDocument | ReadError]],
    *,
    on_error: Callable[[ReadError], None] | None = None,
    quiet: bool = False,
    batch_size: int = 16,
) -> RunReport:
    """``whimbrel code INPUT -o FILE --resume``: records already committed by an earlier run are
    counted as already done and not coded again; the rest are appended batch by batch."""
    from .ingest import read_inputs

    out = ResumableOutput(output)
    report = RunReport()

    def not_done(items: Iterable[Article | ReadError]) -> Iterator[Article | ReadError]:
        for item in items:
            if isinstance(item, Article) and out.is_done(item):
                report.already_stored += 1
            else:
                yield item

    progress = Progress(report, enabled=not quiet)
    try:
        run(not_done(read_inputs(inputs)), code, report=report, on_batch=out.write_batch, on_error=on_error,
            batch_size=batch_size, progress=progress)
    finally:
        progress.close()
        out.close()
    return report


# ---------------------------------------------------------------------------------------------
# The `whimbrel code` entry point for --dask and --resume


def code_command(inputs: list[str], output: Path | None, *, dask: str | None, parquet_dir: Path | None, resume: bool,
                 jobs: int, quiet: bool, settings: dict, on_error: Callable[[ReadError], None]) -> RunReport:
    """Checks the option combination and runs the cluster or the resumable path; the CLI stays thin."""
    import sys

    import typer

    if dask and resume:
        raise typer.BadParameter("--resume is for local runs; with --dask a re-run overwrites the same partitions",
                                 param_hint="--resume")
    if resume:
        if output is None:
            raise typer.BadParameter("--resume needs an output file: -o events.jsonl", param_hint="--resume")
        from . import get_coder
        from .parallel import default_jobs

        coder = get_coder(**settings)
        jobs = default_jobs() if jobs == 0 else jobs
        try:
            return run_resumable(inputs, output, (lambda items: coder.code(items, jobs=jobs)) if jobs > 1 else coder.code,
                                 on_error=on_error, quiet=quiet)
        except (FileExistsError, ValueError) as error:
            raise typer.BadParameter(str(error), param_hint="--resume") from None
    if parquet_dir is None:
        raise typer.BadParameter("--dask needs --parquet-dir DIR for the partitions", param_hint="--parquet-dir")
    handle = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        return code_on_cluster(inputs, dask, parquet_dir, settings=settings, write=handle.write, on_error=on_error,
                               quiet=quiet)
    finally:
        if output:
            handle.close()
