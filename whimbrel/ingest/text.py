"""Plain-text articles: one story per file, the doc id is the file stem."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..dates import normalise_date
from ..models import Article, ReadError
from .checks import decode, problem_with_text
from .preamble import split_preamble


def article_from_text(raw: str, *, doc_id: str, origin: str, **metadata) -> Article | ReadError:
    """An Article from raw story text, with crawler marker, aggregator prefix and dateline read off."""
    preamble = split_preamble(raw)
    problem = problem_with_text(preamble.text)
    if problem:
        return ReadError(origin, problem)
    return Article(
        doc_id=doc_id,
        text=preamble.text,
        origin=origin,
        text_offset=preamble.offset,
        date=normalise_date(metadata.pop("date", None)) or preamble.marker_date,
        distributor=preamble.distributor,
        wire=metadata.pop("wire", None) or preamble.wire,
        dateline_place=preamble.dateline_place,
        dateline_date=preamble.dateline_date,
        dateline_end=preamble.dateline_end,
        **metadata,
    )


def read_text_file(path: Path, data: bytes) -> Iterator[Article | ReadError]:
    try:
        raw = decode(data)
    except ValueError as error:
        yield ReadError(str(path), str(error))
        return
    yield article_from_text(raw, doc_id=path.stem, origin=str(path))
