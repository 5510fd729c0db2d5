"""Time per pipeline stage on the same texts: parse, actors, events (attribution and dates included).

    python benchmarks/stages.py --corpus ../shared/corpora/reuters21578_politics_subset.jsonl [--limit N]

Prints seconds per stage and each stage's share of the whole, as JSON.
"""

from __future__ import annotations

import argparse
import json
import time
from itertools import islice
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()

    from whimbrel import get_coder
    from whimbrel.actors import find_actors
    from whimbrel.ingest.jsonl import read_jsonl_lines
    from whimbrel.models import Article

    coder = get_coder()
    with args.corpus.open("rb") as handle:
        articles = [a for a in read_jsonl_lines(islice(handle, args.limit), str(args.corpus)) if isinstance(a, Article)]
    coder.code_doc(articles[0], coder.nlp(articles[0].text))  # build indexes before timing

    started = time.perf_counter()
    docs = list(coder.nlp.pipe((a.text for a in articles), batch_size=32))
    parse = time.perf_counter() - started

    started = time.perf_counter()
    for article, doc in zip(articles, docs):
        find_actors(doc, coder.kb, coder.nlp, article.date or "2000-01-01", skip_chars=article.dateline_end,
                    reporting_verbs=coder.lexicon.reporting_verbs)
    actors = time.perf_counter() - started

    started = time.perf_counter()
    for article, doc in zip(articles, docs):
        coder.code_doc(article, doc)  # actors again, then events, dates, attribution
    coding = time.perf_counter() - started

    total = parse + coding
    print(json.dumps({
        "docs": len(articles),
        "parse_s": round(parse, 2),
        "actors_s": round(actors, 2),
        "events_and_rest_s": round(coding - actors, 2),
        "actors_share_of_total": round(actors / total, 3),
        "coding_share_of_total": round(coding / total, 3),
    }, indent=2))


if __name__ == "__main__":
    main()
