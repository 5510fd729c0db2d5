"""Read-only queries behind the pages and the API. Every value from a request is a bound parameter."""

from __future__ import annotations

import os
import tempfile
from types import SimpleNamespace

import duckdb
import pyarrow.compute as pc

from ..query import EventFilter, select_events, write_table
from .params import Search

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
_ORDER = "ORDER BY coalesce(event_date, story_date), doc_id, sentence_index, trigger_start"
_OUTER_ORDER = "ORDER BY coalesce(sel.event_date, sel.story_date), sel.doc_id, sel.sentence_index, sel.trigger_start"
_DATED = "length(coalesce(event_date, story_date)) >= 7"  # month known: the timelines are monthly
_MONTH = "substr(coalesce(event_date, story_date), 1, 7)"
# An event row as the pages show it: the stored record plus the sentence cut from the document text,
# so that the stored offsets can be used for highlighting.
_EVENT_SQL = """
    SELECT sel.* EXCLUDE (content_hash), sel.content_hash AS content_hash,
           substr(d.text, sel.sentence_start + 1, sel.sentence_end - sel.sentence_start) AS doc_sentence,
           d.title AS doc_title
    FROM sel LEFT JOIN documents d ON d.content_hash = sel.content_hash
"""


def _and(where: str, clause: str) -> str:
    return where + (" AND " if where else " WHERE ") + clause


def _rows(cur: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[dict]:
    result = cur.execute(sql, params)
    names = [d[0] for d in result.description]
    return [dict(zip(names, row)) for row in result.fetchall()]


# --- overview -------------------------------------------------------------------------------


def overview(cur, flt: EventFilter, top: int = 20) -> dict:
    where, params = flt.where()
    total = cur.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]
    documents = cur.execute(f"SELECT count(DISTINCT content_hash) FROM events{where}", params).fetchone()[0]
    timeline = _rows(cur, f"""
        SELECT {_MONTH} AS month, quad_class, count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein
        FROM events{_and(where, _DATED)}
        GROUP BY ALL ORDER BY month, quad_class""", params)
    undated = cur.execute(f"SELECT count(*) FROM events{_and(where, 'NOT ' + _DATED)}", params).fetchone()[0]
    dyads = _rows(cur, f"""
        SELECT a AS actor, r AS recipient, count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein
        FROM (SELECT unnest(actor_codes) AS a, recipient_codes, goldstein FROM events{where}) s
             CROSS JOIN unnest(s.recipient_codes) AS t(r)
        WHERE a <> r GROUP BY ALL ORDER BY events DESC, actor, recipient LIMIT ?""", [*params, top])
    actors = _rows(cur, f"""
        SELECT code, sum(as_actor)::BIGINT AS as_actor, sum(as_recipient)::BIGINT AS as_recipient,
               sum(as_actor + as_recipient)::BIGINT AS events
        FROM (SELECT unnest(actor_codes) AS code, 1 AS as_actor, 0 AS as_recipient FROM events{where}
              UNION ALL
              SELECT unnest(recipient_codes), 0, 1 FROM events{where})
        GROUP BY code ORDER BY events DESC, code LIMIT ?""", [*params, *params, top])
    types = _rows(cur, f"""
        SELECT event_type, any_value(quad_class) AS quad_class, count(*) AS events
        FROM events{where} GROUP BY event_type ORDER BY events DESC, event_type""", params)
    return {"events": total, "documents": documents, "timeline": timeline, "not_on_timeline": undated, "top_dyads": dyads,
            "top_actors": actors, "event_types": types}


# --- events ---------------------------------------------------------------------------------


def search_events(cur, search: Search, *, page: int, per_page: int) -> tuple[int, list[dict]]:
    where, params = search.where()
    total = cur.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]
    rows = _rows(cur, f"WITH sel AS (SELECT * FROM events{where} {_ORDER} LIMIT ? OFFSET ?) {_EVENT_SQL} {_OUTER_ORDER}",
                 [*params, per_page, (page - 1) * per_page])
    return total, rows


def dyad_where(a: str, b: str, flt: EventFilter) -> tuple[str, list]:
    where, params = flt.where()
    clause = ("((list_contains(actor_codes, ?) AND list_contains(recipient_codes, ?))"
              " OR (list_contains(actor_codes, ?) AND list_contains(recipient_codes, ?)))")
    return _and(where, clause), [*params, a, b, b, a]


def dyad(cur, a: str, b: str, flt: EventFilter, *, page: int, per_page: int) -> dict:
    where, params = dyad_where(a, b, flt)
    timeline = _rows(cur, f"""
        SELECT {_MONTH} AS month,
               CASE WHEN list_contains(actor_codes, ?) AND list_contains(recipient_codes, ?) THEN 'ab' ELSE 'ba' END
                   AS direction,
               quad_class, count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein
        FROM events{_and(where, _DATED)}
        GROUP BY ALL ORDER BY month, direction, quad_class""", [a, b, *params])
    goldstein = _rows(cur, f"""
        SELECT {_MONTH} AS month,
               CASE WHEN list_contains(actor_codes, ?) AND list_contains(recipient_codes, ?) THEN 'ab' ELSE 'ba' END
                   AS direction,
               count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein
        FROM events{_and(where, _DATED)}
        GROUP BY ALL ORDER BY month, direction""", [a, b, *params])
    total = cur.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]
    rows = _rows(cur, f"WITH sel AS (SELECT * FROM events{where} {_ORDER} LIMIT ? OFFSET ?) {_EVENT_SQL} {_OUTER_ORDER}",
                 [*params, per_page, (page - 1) * per_page])
    for row in rows:
        row["direction"] = "ab" if a in (row["actor_codes"] or []) and b in (row["recipient_codes"] or []) else "ba"
    return {"actor": a, "recipient": b, "events": total, "timeline": timeline, "monthly": goldstein, "rows": rows}


def event(cur, event_id: str) -> dict | None:
    rows = _rows(cur, f"WITH sel AS (SELECT * FROM events WHERE event_id = ?) {_EVENT_SQL}", [event_id])
    if not rows:
        return None
    row = rows[0]
    row["quotes"] = _rows(cur, """SELECT * EXCLUDE (content_hash) FROM quotes
                                 WHERE list_contains(?, quote_id) ORDER BY start""", [row["quote_ids"] or []])
    return row


def document(cur, doc_id: str) -> dict | None:
    """The document with this doc id (the latest ingested, when one id has several texts) or content hash."""
    docs = _rows(cur, """SELECT * FROM documents WHERE doc_id = ? OR content_hash = ?
                         ORDER BY (content_hash = ?) DESC, ingested_at DESC""", [doc_id, doc_id, doc_id])
    if not docs:
        return None
    doc = docs[0]
    h = doc["content_hash"]
    doc["other_versions"] = [d["content_hash"] for d in docs[1:] if d["doc_id"] == doc["doc_id"]]
    doc["actors"] = _rows(cur, "SELECT * EXCLUDE (content_hash) FROM actors WHERE content_hash = ? ORDER BY actor_id", [h])
    doc["mentions"] = _rows(cur, """SELECT * EXCLUDE (content_hash) FROM mentions WHERE content_hash = ?
                                    ORDER BY start, "end" """, [h])
    doc["events"] = _rows(cur, f"""WITH sel AS (SELECT * FROM events WHERE content_hash = ?) {_EVENT_SQL}
                                   ORDER BY sel.sentence_index, sel.trigger_start""", [h])
    doc["quotes"] = _rows(cur, "SELECT * EXCLUDE (content_hash) FROM quotes WHERE content_hash = ? ORDER BY start", [h])
    return doc


# --- downloads ------------------------------------------------------------------------------


def export(cur, search: Search, fmt: str) -> bytes:
    """The search result in the ``polecat`` layout, written by the same code as ``whimbrel export``."""
    table = select_events(SimpleNamespace(con=cur), search.filter, layout="polecat")
    if search.mode:
        table = table.filter(pc.equal(table["mode"], search.mode))
    handle, path = tempfile.mkstemp(suffix="." + fmt)
    os.close(handle)
    try:
        write_table(table, fmt, path)
        with open(path, "rb") as f:
            return f.read()
    finally:
        os.unlink(path)


# --- highlighting ---------------------------------------------------------------------------


def segments(text: str, spans: list[dict], base: int = 0) -> list[dict]:
    """Cut ``text`` (which starts at offset ``base`` of the document) into runs, each with the
    annotations covering it. ``spans`` hold ``start``/``end`` document offsets, ``kind`` and optional
    ``title`` and ``href``. Overlapping and nested spans are fine; spans outside the text are dropped.
    The runs are plain strings: the templates escape them."""
    n = len(text)
    kept = []
    for span in spans:
        s, e = span.get("start"), span.get("end")
        if s is None or e is None:
            continue
        s, e = max(s - base, 0), min(e - base, n)
        if s < e:
            kept.append((s, e, span))
    cuts = sorted({0, n, *(s for s, _, _ in kept), *(e for _, e, _ in kept)})
    runs = []
    for lo, hi in zip(cuts, cuts[1:]):
        over = [span for s, e, span in kept if s <= lo and hi <= e]
        runs.append({
            "text": text[lo:hi],
            "kinds": sorted({span["kind"] for span in over}),
            "title": "; ".join(dict.fromkeys(span["title"] for span in over if span.get("title"))),
            "href": next((span["href"] for span in over if span.get("href")), None),
        })
    return runs


def _ref_title(side: str, ref: dict) -> str:
    code = " ".join(x for x in (ref.get("code"), ref.get("sector")) if x)
    return f"{side}: {ref.get('name') or ref.get('text')}" + (f" ({code})" if code else "")


def evidence(row: dict) -> list[dict]:
    """The evidence sentence of an event with its actor, trigger and recipient marked."""
    sentence = row.get("doc_sentence")
    start = row.get("sentence_start")
    if not sentence or start is None or sentence != row.get("sentence"):
        return [{"text": row.get("sentence") or "", "kinds": [], "title": "", "href": None}]
    spans = [{"start": row["trigger_start"], "end": row["trigger_end"], "kind": "trigger",
              "title": f"trigger: {row['event_type']}" + (f" ({row['mode']})" if row.get("mode") else "")}]
    for side in ("actor", "recipient"):
        for ref in row.get(side) or []:
            spans.append({"start": ref.get("start"), "end": ref.get("end"), "kind": side, "title": _ref_title(side, ref)})
    return segments(sentence, spans, start)


def document_segments(doc: dict) -> list[dict]:
    names = {a["actor_id"]: a for a in doc["actors"]}
    spans = []
    for m in doc["mentions"]:
        actor = names.get(m["actor_id"], {})
        code = " ".join(x for x in (actor.get("code"), actor.get("sector")) if x)
        spans.append({"start": m["start"], "end": m["end"], "kind": "mention",
                      "title": f"{actor.get('name') or m['text']}" + (f" ({code})" if code else "") + f" [{m['actor_id']}]"})
    for e in doc["events"]:
        spans.append({"start": e["trigger_start"], "end": e["trigger_end"], "kind": "trigger",
                      "title": f"{e['event_type']} {e['cameo'] or ''}".strip(), "href": f"/event/{e['event_id']}"})
    return segments(doc["text"] or "", spans)
