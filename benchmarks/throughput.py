"""Throughput: Whimbrel end to end against a full spaCy parse of the same texts, in one run.

    python benchmarks/throughput.py --corpus ../shared/corpora/reuters21578_politics_subset.jsonl \
        --json throughput.json [--limit N] [--jobs N] [--full-parse]

(a) times the full small English pipeline (every component) over all texts with nlp.pipe and
``--jobs`` processes; (b) times Whimbrel from reading the file to event records with as many
processes. Writes {"docs", "words", "spacy_docs_per_s", "whimbrel_docs_per_s", "ratio",
"peak_rss_mb", ...}; with one process also the share of sentences the first pass sent to the
parser. ``--full-parse`` times Whimbrel without its first pass.
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
    """The largest resident set of this process or of any worker process it started."""
    return max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--jobs", type=int, default=1, help="processes for both spaCy and Whimbrel")
    parser.add_argument("--full-parse", action="store_true", help="Whimbrel without its first pass")
    args = parser.parse_args()

    from whimbrel import get_coder
    from whimbrel.ingest.jsonl import read_jsonl_lines
    from whimbrel.models import ReadError
    from whimbrel.nlp import load_nlp

    texts = read_texts(args.corpus, args.limit)
    nlp = load_nlp()
    coder = get_coder(full_parse=args.full_parse)
    from whimbrel.ingest.text import article_from_text

    list(coder.code([article_from_text(texts[0], doc_id="warm-up", origin="warm-up")]))  # build matchers before timing
    if coder.parser is not None:
        coder.parser.sentences = coder.parser.parsed_sentences = 0
    for _ in nlp.tokenizer.pipe(texts):  # grow the vocabulary first, so the run timed first does not pay for it
        pass

    started = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.jobs))
    spacy_seconds = time.perf_counter() - started

    started = time.perf_counter()
    with args.corpus.open("rb") as handle:
        articles = read_jsonl_lines(islice(handle, args.limit), str(args.corpus))
        results = list(coder.code(articles, batch_size=args.batch_size, jobs=args.jobs))
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
        "jobs": args.jobs,
        "first_pass": not args.full_parse,
    }
    if coder.parser is not None and args.jobs == 1:
        report["sentences"] = coder.parser.sentences
        report["parsed_sentence_share"] = round(coder.parser.parsed_sentences / max(1, coder.parser.sentences), 3)
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
