"""Checking request parameters before they reach SQL: anything wrong is a ``BadRequest`` (HTTP 400)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..events import REALIS_ALL
from ..ontology import load_ontology
from ..query import EventFilter

MAX_PER_PAGE = 200
MAX_TEXT = 200
_CODE = re.compile(r"^[A-Za-z]{3}$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class BadRequest(ValueError):
    """A request parameter that cannot be used; the message says which and why."""


@lru_cache(maxsize=1)
def event_types() -> tuple[str, ...]:
    return tuple(load_ontology().event_types)


@lru_cache(maxsize=1)
def modes() -> frozenset[str]:
    return frozenset().union(*load_ontology().modes.values())


def code(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not _CODE.match(value):
        raise BadRequest(f"{name} must be a 3-letter code such as PRK, RUS or IGO, not {value!r}")
    return value.upper()


def date(value: str | None, name: str) -> str | None:
    """An ISO date, or a year or month (``2025``, ``2025-06``), as ``EventFilter`` compares them."""
    if value is None or value == "":
        return None
    ok = bool(_DATE.match(value))
    if ok:
        parts = [int(p) for p in value.split("-")]
        try:
            dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            ok = False
    if not ok:
        raise BadRequest(f"{name} must be a date as YYYY-MM-DD (or YYYY-MM, YYYY), not {value!r}")
    return value


def realis(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if value not in REALIS_ALL:
        raise BadRequest(f"realis must be one of {', '.join(sorted(REALIS_ALL))}, not {value!r}")
    return value


def event_type(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if value.upper() not in event_types():
        raise BadRequest(f"type must be a PLOVER event type ({', '.join(event_types())}), not {value!r}")
    return value.upper()


def mode(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if value.lower() not in modes():
        raise BadRequest(f"mode must be a PLOVER mode such as visit, phone or troops, not {value!r}")
    return value.lower()


def text(value: str | None) -> str | None:
    if value is None or value.strip() == "":
        return None
    if len(value) > MAX_TEXT:
        raise BadRequest(f"q (free text) must be at most {MAX_TEXT} characters")
    return value.strip()


def page(value: int) -> int:
    if value < 1:
        raise BadRequest(f"page must be 1 or more, not {value}")
    return value


def per_page(value: int) -> int:
    if not 1 <= value <= MAX_PER_PAGE:
        raise BadRequest(f"per_page must be between 1 and {MAX_PER_PAGE}, not {value}")
    return value


@dataclass(frozen=True)
class Search:
    """A checked event search: the shared ``EventFilter`` plus the mode, which it does not cover."""

    filter: EventFilter
    mode: str | None = None

    def where(self) -> tuple[str, list]:
        where, params = self.filter.where()
        if self.mode:
            where += (" AND " if where else " WHERE ") + "mode = ?"
            params = [*params, self.mode]
        return where, params

    def query_args(self) -> dict[str, str]:
        f = self.filter
        pairs = {"actor": f.actor, "recipient": f.recipient, "type": f.event_type, "mode": self.mode,
                 "since": f.since, "until": f.until, "realis": f.realis, "q": f.text}
        return {k: v for k, v in pairs.items() if v}


def search(*, actor=None, recipient=None, type_=None, mode_=None, since=None, until=None, realis_=None,
           q=None) -> Search:
    since, until = date(since, "since"), date(until, "until")
    if since and until and since > until + "\uffff":
        raise BadRequest(f"since ({since}) is after until ({until})")
    flt = EventFilter(actor=code(actor, "actor"), recipient=code(recipient, "recipient"), event_type=event_type(type_),
                      since=since, until=until, realis=realis(realis_), text=text(q))
    return Search(flt, mode(mode_))
