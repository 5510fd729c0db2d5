"""Querying and exporting stored events (shared by the CLI, the Python API and the web app).

Every filter is a bound parameter; column layouts are fixed SQL, never built from user input.
Three layouts: ``full`` (the event record as stored), ``polecat`` (POLECAT-like flat columns)
and ``gdelt`` (GDELT 2.0 event-table-like names).
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass

import pyarrow as pa

from .store import Store


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None  # country/IGO code on the actor side
    recipient: str | None = None
    event_type: str | None = None
    since: str | None = None  # ISO date, compared with the event date (story date where unknown)
    until: str | None = None
    realis: str | None = None
    doc_id: str | None = None
    text: str | None = None  # words in the evidence sentence

    def where(self) -> tuple[str, list]:
        clauses, params = [], []
        if self.actor:
            clauses.append("list_contains(actor_codes, ?)")
            params.append(self.actor.upper())
        if self.recipient:
            clauses.append("list_contains(recipient_codes, ?)")
            params.append(self.recipient.upper())
        if self.event_type:
            clauses.append("event_type = ?")
            params.append(self.event_type.upper())
        if self.since:
            clauses.append("coalesce(event_date, story_date) >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("coalesce(event_date, story_date) <= ?")
            params.append(self.until + "\uffff")  # "2024-06" includes every day of June
        if self.realis:
            clauses.append("realis = ?")
            params.append(self.realis)
        if self.doc_id:
            clauses.append("doc_id = ?")
            params.append(self.doc_id)
        if self.text:
            clauses.append("sentence ILIKE ?")
            params.append(f"%{self.text}%")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


_LAYOUTS = {
    "full": "* EXCLUDE (content_hash)",
    "polecat": """
        event_id, story_date, coalesce(event_date, story_date) AS event_date, date_granularity,
        event_type, mode, array_to_string(context, ';') AS context,
        array_to_string(list_transform(actor, lambda a: a.name), ';') AS actor_name,
        array_to_string(list_transform(actor, lambda a: coalesce(a.code, '')), ';') AS actor_country,
        array_to_string(list_transform(actor, lambda a: coalesce(a.sector, '')), ';') AS actor_sector,
        array_to_string(list_transform(recipient, lambda a: a.name), ';') AS recipient_name,
        array_to_string(list_transform(recipient, lambda a: coalesce(a.code, '')), ';') AS recipient_country,
        array_to_string(list_transform(recipient, lambda a: coalesce(a.sector, '')), ';') AS recipient_sector,
        location, realis, array_to_string(reported_by, ';') AS reported_by, cameo, goldstein, quad_class,
        doc_id, sentence, confidence""",
    "gdelt": """
        event_id AS GLOBALEVENTID,
        strftime(CAST(coalesce(event_date, story_date) || '-01-01' AS VARCHAR)[:10]::DATE, '%Y%m%d') AS SQLDATE,
        coalesce(actor[1].code, '') || coalesce(actor[1].sector, '') AS Actor1Code,
        actor[1].name AS Actor1Name, actor[1].code AS Actor1CountryCode, actor[1].sector AS Actor1Type1Code,
        coalesce(recipient[1].code, '') || coalesce(recipient[1].sector, '') AS Actor2Code,
        recipient[1].name AS Actor2Name, recipient[1].code AS Actor2CountryCode,
        recipient[1].sector AS Actor2Type1Code,
        cameo AS EventCode, cameo[1:2] AS EventRootCode, quad_class AS QuadClass, goldstein AS GoldsteinScale,
        location AS ActionGeo_FullName, story_date AS DATEADDED, doc_id AS SOURCEURL,
        event_type AS PLOVEREventType, realis AS Realis""",
}
LAYOUTS = tuple(_LAYOUTS)


def select_events(store: Store, flt: EventFilter = EventFilter(), *, layout: str = "full",
                  limit: int | None = None, offset: int = 0) -> pa.Table:
    if layout not in _LAYOUTS:
        raise ValueError(f"unknown column layout {layout!r}; choose one of {', '.join(_LAYOUTS)}")
    where, params = flt.where()
    sql = f"SELECT {_LAYOUTS[layout]} FROM events{where} ORDER BY coalesce(event_date, story_date), doc_id, sentence_index, trigger_start"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return store.con.sql(sql, params=params).to_arrow_table()


def write_table(table: pa.Table, fmt: str, output: str | None) -> None:
    """Write events as jsonl, csv or parquet to ``output`` (stdout for jsonl/csv when None)."""
    if fmt == "parquet":
        if not output:
            raise ValueError("parquet needs an output file (-o events.parquet)")
        import pyarrow.parquet as pq

        pq.write_table(table, output)
        return
    handle = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        rows = table.to_pylist()
        if fmt == "jsonl":
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        elif fmt == "csv":
            writer = csv.writer(handle)
            writer.writerow(table.column_names)
            for row in rows:
                writer.writerow([_flat(row[c]) for c in table.column_names])
        else:
            raise ValueError(f"unknown format {fmt!r}; choose jsonl, csv or parquet")
    finally:
        if output:
            handle.close()


def _flat(value) -> str:
    """A CSV cell: nested lists and structs as compact JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)
