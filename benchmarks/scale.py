"""Does the cost per story stay flat as the corpus grows? Whimbrel end to end on each corpus.

    python benchmarks/scale.py ../shared/corpora/reuters21578_politics_subset.jsonl \
        ../shared/corpora/reuters21578.jsonl --json scale.json [--jobs N]

For each corpus: stories, words (spaCy tokens), seconds from reading to event records, ms per
story, µs per word, and the process's peak RSS so far. Stories differ in length between corpora,
so the cost per word is the fair comparison; the cost per story is reported too.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path


def peak_rss_mb() -> float:
    return max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", type=Path, nargs="+")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()

    from whimbrel import get_coder
    from whimbrel.ingest.jsonl import read_jsonl_lines
    from whimbrel.ingest.text import article_from_text
    from whimbrel.models import ReadError

    coder = get_coder()
    list(coder.code([article_from_text("Iran accused Iraq of shelling Basra.", doc_id="warm-up", origin="warm-up")]))
    report = []
    for corpus in args.corpora:
        with corpus.open("rb") as handle:
            for _ in read_jsonl_lines(handle, str(corpus)):  # warm the page cache; reading stays in the timing
                pass
        started = time.perf_counter()
        with corpus.open("rb") as handle:
            results = list(coder.code(read_jsonl_lines(handle, str(corpus)), jobs=args.jobs))
        seconds = time.perf_counter() - started
        coded = [r for r in results if not isinstance(r, ReadError)]
        words = sum(len(coder.nlp.tokenizer(r.article.text)) for r in coded)
        report.append({
            "corpus": corpus.name,
            "docs": len(results),
            "words": words,
            "events": sum(len(r.events) for r in coded),
            "seconds": round(seconds, 1),
            "ms_per_doc": round(1000 * seconds / len(results), 2),
            "us_per_word": round(1e6 * seconds / words, 1),
            "peak_rss_mb": round(peak_rss_mb(), 1),
        })
        print(json.dumps(report[-1]), flush=True)
    if len(report) > 1:
        first, last = report[0], report[-1]
        summary = {"per_word_ratio": round(last["us_per_word"] / first["us_per_word"], 3),
                   "per_doc_ratio": round(last["ms_per_doc"] / first["ms_per_doc"], 3)}
        print(json.dumps(summary))
        report.append(summary)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
