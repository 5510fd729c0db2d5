"""Throughput: Whimbrel end to end against a full spaCy parse of the same texts, in one run.

    python benchmarks/throughput.py --corpus ../shared/corpora/reuters21578_politics_subset.jsonl \
        --json throughput.json [--limit N]

(a) times the full small English pipeline (every component) over all texts with nlp.pipe;
(b) times Whimbrel from reading the file to event records. Writes
{"docs", "words", "spacy_docs_per_s", "whimbrel_docs_per_s", "ratio", "peak_rss_mb"}.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from itertools import islice
from pathlib import Path


def read_texts(path: Path, limit: int | None) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in islice(handle, limit) if line.strip()]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    from whimbrel import get_coder
    from whimbrel.ingest.jsonl import read_jsonl_lines
    from whimbrel.models import ReadError
    from whimbrel.nlp import load_nlp

    texts = read_texts(args.corpus, args.limit)
    nlp = load_nlp()
    coder = get_coder()
    from whimbrel.ingest.text import article_from_text

    list(coder.code([article_from_text(texts[0], doc_id="warm-up", origin="warm-up")]))  # build matchers before timing

    started = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=args.batch_size))
    spacy_seconds = time.perf_counter() - started

    started = time.perf_counter()
    with args.corpus.open("rb") as handle:
        articles = read_jsonl_lines(islice(handle, args.limit), str(args.corpus))
        results = list(coder.code(articles, batch_size=args.batch_size))
    whimbrel_seconds = time.perf_counter() - started
    coded = [r for r in results if not isinstance(r, ReadError)]

    report = {
        "docs": len(texts),
        "words": words,
        "coded_docs": len(coded),
        "events": sum(len(r.events) for r in coded),
        "spacy_docs_per_s": round(len(texts) / spacy_seconds, 2),
        "whimbrel_docs_per_s": round(len(results) / whimbrel_seconds, 2),
        "ratio": round(spacy_seconds / whimbrel_seconds, 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
