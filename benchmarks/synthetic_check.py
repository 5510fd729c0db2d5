"""Guard against overfitting the dev sentences: label recall on the NGEC-2025 synthetic stories.

    python benchmarks/synthetic_check.py [--corpus ../shared/train/ngec2025_synthetic_events.jsonl] [--limit 600]

Each synthetic story was written for one PLOVER event (field ``event``). Prints, as JSON, the
share of stories whose event is among the predicted types (label recall), the predicted types
per story, the share of stories with no event, and recall per event type. The stories are
machine-written, so this is a smoke test beside the gold dev set, never an evaluation.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from itertools import islice
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "train" / "ngec2025_synthetic_events.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=600)
    args = parser.parse_args()

    from whimbrel import code_documents
    from whimbrel.models import CodedDocument

    with args.corpus.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in islice(handle, args.limit) if line.strip()]
    gold = {r["id"]: r["event"] for r in records}
    stories = [{k: r[k] for k in ("id", "text")} for r in records]

    hits, types_predicted, empty = 0, 0, 0
    per_type: dict[str, Counter] = {}
    for result in code_documents(stories):
        if not isinstance(result, CodedDocument):
            continue
        predicted = {e.event_type for e in result.events}
        label = gold[result.article.doc_id]
        counts = per_type.setdefault(label, Counter())
        counts["n"] += 1
        counts["hit"] += label in predicted
        hits += label in predicted
        types_predicted += len(predicted)
        empty += not predicted

    n = sum(c["n"] for c in per_type.values())
    print(json.dumps({
        "stories": n,
        "label_recall": round(hits / n, 4) if n else 0.0,
        "types_per_story": round(types_predicted / n, 3) if n else 0.0,
        "no_event_share": round(empty / n, 4) if n else 0.0,
        "recall_by_type": {t: round(c["hit"] / c["n"], 3) for t, c in sorted(per_type.items())},
    }, indent=2))


if __name__ == "__main__":
    main()
