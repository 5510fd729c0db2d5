"""Readers: turn files, directories, globs, URLs and stdin into a stream of Articles.

``read_inputs`` picks a reader by file type and yields an Article or a ReadError for every
record it meets, so callers can account for each input record.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..models import Article, ReadError
from .feeds import read_feed
from .html import read_html_file
from .jsonl import read_jsonl_lines
from .text import read_text_file

__all__ = ["read_inputs", "Article", "ReadError", "KNOWN_SUFFIXES"]

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Single-article files above this are refused unread (JSONL files are streamed, so no limit)."""

_JSONL = {".jsonl", ".ndjson", ".json"}
_HTML = {".html", ".htm", ".xhtml"}
_FEED = {".rss", ".atom", ".xml"}
_TEXT = {".txt", ".text", ""}
KNOWN_SUFFIXES = _JSONL | _HTML | _FEED | _TEXT


def read_inputs(inputs: Iterable[str]) -> Iterator[Article | ReadError]:
    """Every record behind ``inputs``: paths, directories (recursive), globs, http(s) feed URLs or ``-``."""
    for item in inputs:
        if item == "-":
            yield from _read_stdin()
        elif item.startswith(("http://", "https://")):
            yield from read_feed(item, item)
        elif os.path.isdir(item):
            files = sorted(p for p in Path(item).rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES)
            files = [p for p in files if not any(part.startswith(".") for part in p.relative_to(item).parts)]
            if not files:
                yield ReadError(item, "directory holds no readable files (.txt, .jsonl, .html, .rss, .xml)")
            for path in files:
                yield from read_file(path)
        elif os.path.exists(item):
            yield from read_file(Path(item))
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield ReadError(item, "no file matches this pattern")
            for match in matches:
                yield from read_inputs([match])
        else:
            yield ReadError(item, "no such file or directory")


def read_file(path: Path) -> Iterator[Article | ReadError]:
    suffix = path.suffix.lower()
    try:
        if suffix in _JSONL:
            with path.open("rb") as handle:
                yield from read_jsonl_lines(handle, str(path))
            return
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield ReadError(str(path), f"file too large for one article ({size / 2**20:.0f} MB; limit {MAX_FILE_BYTES // 2**20} MB)")
            return
        data = path.read_bytes()
    except OSError as error:
        yield ReadError(str(path), f"cannot read: {error.strerror or error}")
        return
    if not data.strip():
        yield ReadError(str(path), "empty file")
    elif suffix in _HTML:
        yield from read_html_file(path, data)
    elif suffix in _FEED:
        yield from read_feed(data, str(path))
    else:
        yield from read_text_file(path, data)


def _read_stdin() -> Iterator[Article | ReadError]:
    """Standard input is sniffed: JSON lines if it starts with '{', HTML or a feed if with '<', else one text."""
    data = sys.stdin.buffer.read()
    head = data.lstrip()[:200].lower()
    if head.startswith(b"{"):
        yield from read_jsonl_lines(data.splitlines(), "<stdin>")
    elif head.startswith(b"<") and (b"<rss" in head or b"<feed" in head or b"<?xml" in head):
        yield from read_feed(data, "<stdin>")
    elif head.startswith(b"<"):
        yield from read_html_file(Path("stdin"), data)
    elif not data.strip():
        yield ReadError("<stdin>", "empty input")
    else:
        yield from read_text_file(Path("stdin"), data)
