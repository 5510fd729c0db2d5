"""Server time of each `whimbrel serve` page and API route on a synthetic database of 100,000 events.

    python benchmarks/web_pages.py [--events 100000] [--repeat 5] [--db PATH]

Builds the database (rows inserted as Arrow tables with the store's own schemas), then requests
each route through FastAPI's TestClient and prints JSON: per route the median and best wall time
in milliseconds and the response size. Not a test: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pyarrow as pa

from whimbrel.store import SCHEMAS, Store

CODES = ["RUS", "UKR", "USA", "CHN", "PRK", "KOR", "JPN", "IRN", "ISR", "PSE", "IGO", "GBR", "FRA", "DEU", "IND",
         "PAK", "TUR", "SYR", "SDN", "SOM"]
TYPES = [("AGREE", 1, 4.0), ("CONSULT", 1, 1.0), ("SUPPORT", 1, 3.4), ("AID", 2, 7.0), ("REQUEST", 3, -2.0),
         ("ACCUSE", 3, -2.0), ("THREATEN", 3, -5.8), ("SANCTION", 4, -8.0), ("ASSAULT", 4, -10.0)]
MODES = [None, None, "visit", "phone", "troops", "allege"]
REALIS = ["asserted"] * 8 + ["future", "negated"]
WORDS = "officials said the government talks border ministry statement forces capital agreement".split()


def build(path: Path, n_events: int, events_per_doc: int = 10, seed: int = 7) -> None:
    rng = random.Random(seed)
    n_docs = max(1, n_events // events_per_doc)
    docs, events, actors, mentions = [], [], [], []
    for d in range(n_docs):
        h, doc_id = f"h{d:08d}", f"doc{d:07d}"
        a, b = rng.sample(CODES, 2)
        date = f"20{rng.randint(15, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        sentences, offset = [], 0
        for i in range(events_per_doc):
            sentence = f"{a} forces {rng.choice(WORDS)} {b} {' '.join(rng.choices(WORDS, k=8))}."
            sentences.append((offset, sentence))
            offset += len(sentence) + 1
        text = " ".join(s for _, s in sentences)
        docs.append({"content_hash": h, "doc_id": doc_id, "title": f"Story {d}", "story_date": date, "text": text,
                     "text_offset": 0, "sentences": events_per_doc, "source": "synthetic"})
        actors += [{"content_hash": h, "doc_id": doc_id, "actor_id": "A1", "name": a, "code": a, "kind": "country",
                    "mention_count": events_per_doc},
                   {"content_hash": h, "doc_id": doc_id, "actor_id": "A2", "name": b, "code": b, "kind": "country",
                    "mention_count": events_per_doc}]
        for i, (start, sentence) in enumerate(sentences):
            etype, quad, goldstein = rng.choice(TYPES)
            actor, recipient = (a, b) if rng.random() < 0.6 else (b, a)
            a_start = start if actor == a else start + sentence.index(f" {b} ") + 1
            r_start = start + sentence.index(f" {b} ") + 1 if recipient == b else start
            t_start = start + len(a) + 1
            mentions += [{"content_hash": h, "doc_id": doc_id, "actor_id": "A1", "text": a, "start": start,
                          "end": start + 3, "sentence_index": i, "how": "name"},
                         {"content_hash": h, "doc_id": doc_id, "actor_id": "A2", "text": b,
                          "start": start + sentence.index(f" {b} ") + 1, "end": start + sentence.index(f" {b} ") + 4,
                          "sentence_index": i, "how": "name"}]
            ref = lambda code, s: [{"text": code, "name": code, "code": code, "sector": "GOV", "start": s,  # noqa: E731
                                    "end": s + 3, "actor_id": "A1" if code == a else "A2"}]
            events.append({
                "event_id": f"e{len(events):09d}", "content_hash": h, "doc_id": doc_id, "event_type": etype,
                "mode": rng.choice(MODES), "context": [], "cameo": "010", "goldstein": goldstein, "quad_class": quad,
                "actor": ref(actor, a_start), "recipient": ref(recipient, r_start), "actor_codes": [actor],
                "recipient_codes": [recipient], "trigger": "forces", "trigger_start": t_start,
                "trigger_end": t_start + 6, "sentence": sentence, "sentence_index": i, "sentence_start": start,
                "sentence_end": start + len(sentence), "story_date": date, "event_date": date,
                "date_granularity": "day", "temporal_status": "current", "reported_by": ["Synthetic Wire"],
                "realis": rng.choice(REALIS), "confidence": 0.5, "quote_ids": [], "conflict": False,
            })
            if len(events) >= n_events:
                break
        if len(events) >= n_events:
            break
    with Store(path) as store:
        for name, rows in (("documents", docs), ("actors", actors), ("mentions", mentions), ("events", events)):
            table = pa.Table.from_pylist(rows, schema=SCHEMAS[name])
            store.con.register("incoming", table)
            store.con.execute(f"INSERT INTO {name} SELECT * FROM incoming")
            store.con.unregister("incoming")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path, help="keep the database here (default: a temporary folder)")
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from whimbrel.web import create_app

    folder = tempfile.TemporaryDirectory()
    db = args.db or Path(folder.name) / "bench.duckdb"
    if db.exists():
        db.unlink()
    started = time.perf_counter()
    build(db, args.events)
    build_s = time.perf_counter() - started
    client = TestClient(create_app(db))
    cur = client.app.state.store.con
    event_id = cur.execute("SELECT event_id FROM events ORDER BY event_id LIMIT 1 OFFSET 500").fetchone()[0]
    doc_id = cur.execute("SELECT doc_id FROM documents ORDER BY doc_id LIMIT 1 OFFSET 50").fetchone()[0]
    routes = [
        "/", "/?since=2020-01-01&until=2022-12-31&realis=asserted", "/api/overview",
        "/dyad/RUS/UKR", "/api/dyad/RUS/UKR", "/dyad/RUS/UKR?page=20&per_page=200",
        "/events", "/events?actor=RUS&type=ASSAULT&mode=troops&since=2020", "/events?q=agreement&per_page=200",
        "/events?page=400&per_page=200", "/api/events?actor=USA&per_page=200",
        "/events.csv?actor=RUS&recipient=UKR", "/events.jsonl?actor=RUS&recipient=UKR", "/events.csv",
        f"/event/{event_id}", f"/api/event/{event_id}", f"/document/{doc_id}", f"/api/document/{doc_id}", "/docs",
    ]
    results = {}
    for route in routes:
        times, size = [], 0
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            response = client.get(route)
            times.append((time.perf_counter() - t0) * 1000)
            if response.status_code != 200:
                sys.exit(f"{route}: HTTP {response.status_code}: {response.text[:200]}")
            size = len(response.content)
        results[route] = {"median_ms": round(statistics.median(times), 1), "best_ms": round(min(times), 1),
                          "bytes": size}
    counts = cur.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM documents)").fetchone()
    print(json.dumps({"events": counts[0], "documents": counts[1], "build_s": round(build_s, 1),
                      "repeat": args.repeat, "routes": results}, indent=2))


if __name__ == "__main__":
    main()
