"""Calendar helpers shared by the readers and the coder."""

from __future__ import annotations

import datetime as dt


def today() -> str:
    return dt.date.today().isoformat()


def normalise_date(value: str | None) -> str | None:
    """ISO date (YYYY-MM-DD) of a metadata date in any common format, or None if it is not a date."""
    if not value:
        return None
    value = str(value).strip()
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None
