"""JSON Lines: one article per line with ``id`` and ``text`` (optional title, date, url, source)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..models import Article, ReadError
from .text import article_from_text

_OPTIONAL_FIELDS = ("title", "date", "url", "source")


def read_jsonl_lines(lines: Iterable[bytes], origin: str) -> Iterator[Article | ReadError]:
    """Each line becomes an Article or a ReadError naming ``origin:line``; a bad line never stops the rest."""
    for number, line in enumerate(lines, 1):
        where = f"{origin}:{number}"
        if not line.strip():
            continue
        try:
            record = json.loads(line.decode("utf-8-sig") if isinstance(line, bytes) else line)
        except UnicodeDecodeError as error:
            yield ReadError(where, f"not UTF-8 text (byte at offset {error.start} of the line)")
            continue
        except json.JSONDecodeError as error:
            yield ReadError(where, f"malformed JSON: {error.msg} at column {error.colno}")
            continue
        yield article_from_record(record, where)


def article_from_record(record: object, where: str) -> Article | ReadError:
    if not isinstance(record, dict):
        return ReadError(where, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        return ReadError(where, "no 'text' string in the record")
    doc_id = record.get("id", record.get("doc_id"))
    if doc_id is None or str(doc_id).strip() == "":
        return ReadError(where, "no 'id' in the record")
    metadata = {k: str(record[k]) for k in _OPTIONAL_FIELDS if record.get(k) not in (None, "")}
    return article_from_text(text, doc_id=str(doc_id), origin=where, **metadata)
