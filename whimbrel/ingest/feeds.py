"""RSS and Atom feeds (a file or a URL), read with feedparser: one article per entry."""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterator

from ..models import Article, ReadError
from .text import article_from_text

_TAG = re.compile(r"<[^>]+>")


def read_feed(source: str | bytes, origin: str) -> Iterator[Article | ReadError]:
    import feedparser

    feed = feedparser.parse(source)
    if feed.bozo and not feed.entries:
        yield ReadError(origin, f"not a readable RSS/Atom feed ({feed.bozo_exception})")
        return
    for number, entry in enumerate(feed.entries, 1):
        where = f"{origin}#entry{number}"
        body = _entry_text(entry)
        if not body:
            yield ReadError(where, "feed entry has no text")
            continue
        link = entry.get("link")
        doc_id = entry.get("id") or link or hashlib.sha1(body.encode()).hexdigest()[:16]
        date = None
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        if parsed:
            date = f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
        metadata = {"title": entry.get("title"), "url": link, "date": date, "source": feed.feed.get("title")}
        yield article_from_text(body, doc_id=str(doc_id), origin=where, **{k: v for k, v in metadata.items() if v})


def _entry_text(entry) -> str:
    parts = [c.get("value", "") for c in entry.get("content", [])] or [entry.get("summary", "")]
    text = " ".join(_TAG.sub(" ", part) for part in parts)
    return " ".join(html.unescape(text).split())
