"""Coding on a Dask LocalCluster: docs/s with 1 and with 2 worker processes (one thread each).

    python benchmarks/distributed.py [--corpus ../shared/corpora/reuters21578_politics_subset.jsonl] \
        [--workers 1,2] [--limit N] [--batch-size 32] [--json distributed.json]

For each worker count it starts a LocalCluster, waits until every worker has loaded the coder
and coded one warm-up story, then times ``whimbrel.distributed.code_on_cluster`` from reading the
corpus to the last Parquet partition written. Prints (and with --json writes)
{"docs", "cores", "runs": [{"workers", "seconds", "docs_per_s", "events"}], "speedup"}.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

# This file shares its name with the `distributed` package: keep its folder off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "reuters21578_politics_subset.jsonl"


def warm_up() -> int:
    """Run on every worker: load the coder and code one story, so matchers are built before timing."""
    import whimbrel

    return len(whimbrel.code_text("Russia attacked Ukraine on Monday.", date="2025-03-04"))


def time_run(corpus: Path, workers: int, batch_size: int) -> dict:
    from distributed import Client, LocalCluster

    from whimbrel.distributed import code_on_cluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client, tempfile.TemporaryDirectory() as parts:
        client.wait_for_workers(workers)
        client.run(warm_up)
        started = time.perf_counter()
        report = code_on_cluster([str(corpus)], "", parts, client=client, batch_size=batch_size, quiet=True)
        seconds = time.perf_counter() - started
    return {"workers": workers, "seconds": round(seconds, 2), "docs": report.coded,
            "docs_per_s": round(report.coded / seconds, 2), "events": report.events}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--limit", type=int, help="only the first N records")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    corpus = args.corpus
    with tempfile.TemporaryDirectory() as scratch:
        if args.limit:
            corpus = Path(scratch) / "corpus.jsonl"
            with args.corpus.open(encoding="utf-8") as handle:
                corpus.write_text("".join(islice(handle, args.limit)), encoding="utf-8")
        runs = [time_run(corpus, int(n), args.batch_size) for n in args.workers.split(",")]
    result = {
        "corpus": str(args.corpus), "docs": runs[0]["docs"],
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "runs": runs,
        "speedup": round(runs[-1]["docs_per_s"] / runs[0]["docs_per_s"], 2) if len(runs) > 1 else None,
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    if any(run["docs"] != runs[0]["docs"] for run in runs):
        sys.exit("worker counts disagree on how many documents were coded")


if __name__ == "__main__":
    main()
