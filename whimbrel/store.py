"""The embedded DuckDB store: documents, actors, mentions, events and quotes.

Ingest is idempotent by content hash (an article whose text is already stored adds nothing)
and transactional per batch: a batch's rows land together or not at all. Rows go in as Arrow
tables, which DuckDB reads without per-row round trips.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pyarrow as pa

from .models import CodedDocument

DEFAULT_DB = "whimbrel.duckdb"

_REF = pa.struct(
    [("text", pa.string()), ("name", pa.string()), ("code", pa.string()), ("sector", pa.string()),
     ("start", pa.int64()), ("end", pa.int64()), ("actor_id", pa.string())]
)

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("content_hash", pa.string()), ("doc_id", pa.string()), ("title", pa.string()), ("story_date", pa.string()),
        ("url", pa.string()), ("source", pa.string()), ("origin", pa.string()), ("distributor", pa.string()),
        ("wire", pa.string()), ("dateline_place", pa.string()), ("dateline_date", pa.string()),
        ("text_offset", pa.int64()), ("dateline_end", pa.int64()), ("text", pa.string()), ("sentences", pa.int64()), ("ingested_at", pa.timestamp("s")),
    ]),
    "actors": pa.schema([
        ("content_hash", pa.string()), ("doc_id", pa.string()), ("actor_id", pa.string()), ("name", pa.string()),
        ("code", pa.string()), ("sector", pa.string()), ("kind", pa.string()), ("plover_code", pa.string()),
        ("mention_count", pa.int64()),
    ]),
    "mentions": pa.schema([
        ("content_hash", pa.string()), ("doc_id", pa.string()), ("actor_id", pa.string()), ("text", pa.string()),
        ("start", pa.int64()), ("end", pa.int64()), ("sentence_index", pa.int64()), ("how", pa.string()),
    ]),
    "events": pa.schema([
        ("event_id", pa.string()), ("content_hash", pa.string()), ("doc_id", pa.string()), ("event_type", pa.string()),
        ("mode", pa.string()), ("context", pa.list_(pa.string())), ("cameo", pa.string()), ("goldstein", pa.float64()),
        ("quad_class", pa.int64()), ("actor", pa.list_(_REF)), ("recipient", pa.list_(_REF)),
        ("actor_codes", pa.list_(pa.string())), ("recipient_codes", pa.list_(pa.string())),
        ("trigger", pa.string()), ("trigger_start", pa.int64()), ("trigger_end", pa.int64()),
        ("sentence", pa.string()), ("sentence_index", pa.int64()), ("sentence_start", pa.int64()),
        ("sentence_end", pa.int64()), ("story_date", pa.string()), ("event_date", pa.string()),
        ("date_text", pa.string()), ("date_granularity", pa.string()), ("date_source", pa.string()), ("date_end", pa.string()), ("temporal_status", pa.string()),
        ("planned_date", pa.string()),
        ("location", pa.string()), ("reported_by", pa.list_(pa.string())), ("realis", pa.string()),
        ("confidence", pa.float64()), ("quote_ids", pa.list_(pa.string())), ("conflict", pa.bool_()),
        ("event_date_alternatives", pa.list_(pa.string())),
    ]),
    "quotes": pa.schema([
        ("quote_id", pa.string()), ("content_hash", pa.string()), ("doc_id", pa.string()), ("text", pa.string()),
        ("start", pa.int64()), ("end", pa.int64()), ("sentence_index", pa.int64()), ("speaker", pa.string()),
        ("speaker_code", pa.string()), ("speaker_actor_id", pa.string()),
    ]),
}
_KEYS = {"documents": "content_hash", "events": "event_id", "quotes": "quote_id"}
_DUCK_TYPES = {
    pa.string(): "VARCHAR", pa.int64(): "BIGINT", pa.float64(): "DOUBLE", pa.timestamp("s"): "TIMESTAMP",
    pa.list_(pa.string()): "VARCHAR[]", pa.bool_(): "BOOLEAN",
}


def _column_type(arrow_type: pa.DataType) -> str:
    if arrow_type in _DUCK_TYPES:
        return _DUCK_TYPES[arrow_type]
    fields = ", ".join(f'"{f.name}" {_column_type(f.type)}' for f in _REF)
    return f"STRUCT({fields})[]"


class Store:
    """A DuckDB database file holding coded documents."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False):
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise FileNotFoundError(f"no Whimbrel database at {self.path}; run `whimbrel ingest` or `whimbrel demo` first")
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self._create_tables()

    def _create_tables(self) -> None:
        for table, schema in SCHEMAS.items():
            columns = ", ".join(f'"{f.name}" {_column_type(f.type)}' for f in schema)
            key = _KEYS.get(table)
            primary = f', PRIMARY KEY ("{key}")' if key else ""
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns}{primary})")
            for f in schema:  # a database made by an earlier version gains the columns added since
                self.con.execute(f'ALTER TABLE {table} ADD COLUMN IF NOT EXISTS "{f.name}" {_column_type(f.type)}')

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are stored already (so their articles need no coding)."""
        wanted = pa.table({"h": pa.array(list(set(hashes)), pa.string())})
        cursor = self.con.cursor()  # its own handle: readers may run on another thread than writers
        try:
            cursor.register("wanted_hashes", wanted)
            rows = cursor.execute("SELECT content_hash FROM documents JOIN wanted_hashes ON content_hash = h").fetchall()
        finally:
            cursor.close()
        return {r[0] for r in rows}

    def add(self, documents: list[CodedDocument]) -> int:
        """Store a batch in one transaction; documents already stored (same content) are skipped.

        Returns how many documents were new.
        """
        known = self.known_hashes(d.article.content_hash for d in documents)
        fresh: dict[str, CodedDocument] = {}
        for document in documents:
            fresh.setdefault(document.article.content_hash, document)
        batch = [d for h, d in fresh.items() if h not in known]
        if not batch:
            return 0
        self.insert_tables(_to_arrow(batch))
        return len(batch)

    def insert_tables(self, tables: dict[str, pa.Table]) -> None:
        """Insert Arrow tables (keyed by table name) in one transaction; rows whose key exists are skipped."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            for name, table in tables.items():
                if table.num_rows == 0:
                    continue
                self.con.register("incoming", table)
                columns = ", ".join(f'"{c}"' for c in table.column_names)
                conflict = " ON CONFLICT DO NOTHING" if name in _KEYS else ""
                self.con.execute(f"INSERT INTO {name} ({columns}) SELECT {columns} FROM incoming{conflict}")
                self.con.unregister("incoming")
            self.con.execute("COMMIT")
        except duckdb.Error:
            self.con.execute("ROLLBACK")
            raise

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in SCHEMAS}


def _to_arrow(batch: list[CodedDocument]) -> dict[str, pa.Table]:
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    rows: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
    for coded in batch:
        article = coded.article
        h = article.content_hash
        rows["documents"].append({
            "content_hash": h, "doc_id": article.doc_id, "title": article.title, "story_date": article.date,
            "url": article.url, "source": article.source, "origin": article.origin,
            "distributor": article.distributor, "wire": article.wire, "dateline_place": article.dateline_place,
            "dateline_date": article.dateline_date, "text_offset": article.text_offset, "dateline_end": article.dateline_end, "text": article.text,
            "sentences": coded.sentences, "ingested_at": now,
        })
        for actor in coded.actors:
            rows["actors"].append({
                "content_hash": h, "doc_id": article.doc_id, "actor_id": actor.actor_id, "name": actor.name,
                "code": actor.code, "sector": actor.sector, "kind": actor.kind, "plover_code": actor.plover_code,
                "mention_count": len(actor.mentions),
            })
            for mention in actor.mentions:
                rows["mentions"].append({
                    "content_hash": h, "doc_id": article.doc_id, "actor_id": actor.actor_id, "text": mention.text,
                    "start": mention.start, "end": mention.end, "sentence_index": mention.sentence_index,
                    "how": mention.how,
                })
        for event in coded.events:
            record = event.to_record()
            record.pop("offsets")
            record["content_hash"] = h
            record["actor_codes"] = sorted({a["code"] for a in record["actor"] if a["code"]})
            record["recipient_codes"] = sorted({r["code"] for r in record["recipient"] if r["code"]})
            rows["events"].append(record)
        for quote in coded.quotes:
            rows["quotes"].append({**quote.__dict__, "content_hash": h})
    return {name: pa.Table.from_pylist(r, schema=SCHEMAS[name]) for name, r in rows.items() if r}
