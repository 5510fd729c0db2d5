"""Per-record checks that turn unusable input into a clear ReadError instead of a crash."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

MAX_ARTICLE_CHARS = 2_000_000
"""Longest story coded (about 300,000 words): longer inputs are data dumps, not articles."""

_MIN_WORDS_FOR_LANGUAGE_CHECK = 12
_MIN_ENGLISH_STOPWORD_SHARE = 0.12


def decode(data: bytes) -> str:
    """UTF-8 text of ``data``; raises ValueError saying what is wrong with it."""
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex()
        raise ValueError(f"not UTF-8 text (byte 0x{bad} at offset {error.start}); re-encode it as UTF-8") from None


def problem_with_text(text: str) -> str | None:
    """Why ``text`` cannot be coded as an English news story, or None if it can."""
    if not text or not text.strip():
        return "empty text"
    if len(text) > MAX_ARTICLE_CHARS:
        return f"text too long ({len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,})"
    words = [w.strip(".,;:!?\"'()[]").lower() for w in text[:20000].split()]
    words = [w for w in words if w]
    if len(words) >= _MIN_WORDS_FOR_LANGUAGE_CHECK:
        share = sum(w in STOP_WORDS for w in words) / len(words)
        if share < _MIN_ENGLISH_STOPWORD_SHARE:
            return f"does not look like English prose ({share:.0%} English function words: another language, or a table); only English prose is coded"
    return None
