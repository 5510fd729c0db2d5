"""HTML pages: main text and metadata extracted with trafilatura."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..models import Article, ReadError
from .checks import decode
from .text import article_from_text

_MIN_ARTICLE_WORDS = 10
"""Fewer words than this is boilerplate trafilatura fell back on (a menu, a cookie notice), not a story."""


def article_from_html(html: str, *, doc_id: str, origin: str, url: str | None = None) -> Article | ReadError:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or len(text.split()) < _MIN_ARTICLE_WORDS:
        return ReadError(origin, "HTML page with no article text found")
    metadata = {
        "title": getattr(extracted, "title", None),
        "date": getattr(extracted, "date", None),
        "url": url or getattr(extracted, "url", None),
        "source": getattr(extracted, "sitename", None),
    }
    return article_from_text(text, doc_id=doc_id, origin=origin, **{k: v for k, v in metadata.items() if v})


def read_html_file(path: Path, data: bytes) -> Iterator[Article | ReadError]:
    try:
        html = decode(data)
    except ValueError as error:
        yield ReadError(str(path), str(error))
        return
    yield article_from_html(html, doc_id=path.stem, origin=str(path))
