"""Whimbrel: turn news articles into political event data.

    >>> import whimbrel
    >>> events = whimbrel.code_text("Russia attacked Ukraine on Monday.", date="2025-03-04")
    >>> events[0].event_type, events[0].actor[0].code, events[0].recipient[0].code
    ('ASSAULT', 'RUS', 'UKR')

Heavy modules (spaCy, DuckDB) load on first use, so ``import whimbrel`` stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .models import Actor, ActorRef, Article, CodedDocument, Event, Mention, Quote, ReadError

if TYPE_CHECKING:
    from .pipeline import Coder

__version__ = "0.1.0"
__all__ = [
    "Actor", "ActorRef", "Article", "CodedDocument", "Event", "Mention", "Quote", "ReadError",
    "code_text", "code_documents", "code_article", "get_coder",
]


@lru_cache(maxsize=4)
def get_coder(actors_file: str | None = None, realis: str = "default", keep_uncoded: bool = False,
              full_parse: bool = False) -> "Coder":
    """A Coder with spaCy and the knowledge base loaded, shared by calls with the same settings."""
    from .pipeline import Coder

    return Coder(actors_file=actors_file, realis=realis, keep_uncoded=keep_uncoded, full_parse=full_parse)


def code_article(article: Article, **settings) -> CodedDocument:
    """Code one Article: its actors and events."""
    result = next(get_coder(**settings).code([article]))
    assert isinstance(result, CodedDocument)
    return result


def code_text(text: str, *, date: str | None = None, doc_id: str | None = None, **settings) -> list[Event]:
    """Events in one story; ``date`` (ISO) anchors dates and people's roles, default today."""
    from .dates import normalise_date
    from .ingest.text import article_from_text
    from .models import content_hash

    article = article_from_text(text, doc_id=doc_id or content_hash(text)[:16], origin="<text>",
                                date=normalise_date(date))
    if isinstance(article, ReadError):
        raise ValueError(article.reason)
    return code_article(article, **settings).events


def code_documents(articles: Iterable[Article | dict], **settings) -> Iterator[CodedDocument | ReadError]:
    """Code a stream of Articles (or dicts with id, text and optional title/date/url/source)."""
    from .ingest.jsonl import article_from_record

    def as_articles():
        for number, item in enumerate(articles, 1):
            yield item if isinstance(item, (Article, ReadError)) else article_from_record(item, f"<record {number}>")

    yield from get_coder(**settings).code(as_articles())
