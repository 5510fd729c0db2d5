"""Separate what crawlers and wires put before a story from the story itself.

Crawled files may open with a ``date YYYY-MM-DD`` marker, alone on the first line or inline,
then an aggregator prefix naming distributor and wire (``MENAFN - IANS)``), then the story's
own dateline (``Seoul, Dec 27 (IANS) -``). The marker and prefix are metadata, not story;
the dateline stays in the text (it is part of the story) but is read for place, date and wire.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATE_MARKER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?\s*")
# "MENAFN - IANS) " : distributor, a dash, the wire, a closing parenthesis.
_AGGREGATOR = re.compile(r"([A-Z][A-Za-z0-9&.]{1,30})\s+[-–—]\s+([A-Z][A-Za-z0-9&. ]{1,30}?)\)\s*")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "Seoul, Dec 27 (IANS)", "NAIROBI, March 3 (Reuters) -", "WASHINGTON (AP) —", "Kyiv, 4 June:"
_DATELINE = re.compile(
    r"\A(?P<place>[A-Z][A-Za-z.'’-]+(?:[ -][A-Z][A-Za-z.'’-]+){0,3})"
    r"(?:\s*,\s*(?P<date>" + _MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + _MONTH + r"))?"
    r"\s*(?:\((?P<wire>[A-Za-z][A-Za-z0-9&. ]{1,40})\))?"
    r"\s*(?P<sep>[-–—:]+)?\s*"
)


@dataclass(frozen=True)
class Preamble:
    text: str
    offset: int
    marker_date: str | None = None
    distributor: str | None = None
    wire: str | None = None
    dateline_place: str | None = None
    dateline_date: str | None = None
    dateline_end: int = 0


def split_preamble(raw: str) -> Preamble:
    """Cut the crawler marker and aggregator prefix off ``raw``; read the dateline if there is one."""
    offset = 0
    marker_date = distributor = wire = None
    marker = _DATE_MARKER.match(raw)
    if marker:
        marker_date = marker.group(1)
        offset = marker.end()
    aggregator = _AGGREGATOR.match(raw, offset) if marker else None
    if aggregator:
        distributor, wire = aggregator.group(1), aggregator.group(2).strip()
        offset = aggregator.end()
    while offset < len(raw) and raw[offset].isspace():
        offset += 1
    text = raw[offset:].rstrip()
    place, dateline_date, dateline_wire, dateline_end = read_dateline(text)
    return Preamble(
        text=text,
        offset=offset,
        marker_date=marker_date,
        distributor=distributor,
        wire=dateline_wire or wire,
        dateline_place=place,
        dateline_date=dateline_date,
        dateline_end=dateline_end,
    )


def read_dateline(text: str) -> tuple[str | None, str | None, str | None, int]:
    """(place, date words, wire, end offset) of a dateline opening ``text``; Nones and 0 where there is none.

    A dateline is a place followed by a date ("Seoul, Dec 27 (IANS)"), or a place in capitals
    followed by a wire or a dash ("WASHINGTON (AP) -"), so an ordinary first sentence, even one
    with an abbreviation in parentheses, is never mistaken for one.
    """
    match = _DATELINE.match(text[:160])
    if not match:
        return None, None, None, 0
    date, wire, place = match.group("date"), match.group("wire"), match.group("place")
    # "Seoul, Dec 27 (IANS)" has a date; "WASHINGTON (AP) -" a place in capitals. A title-case
    # phrase before parentheses ("The Asia-Pacific Economic Cooperation (APEC) forum...") is a sentence.
    if not (date or place.isupper()) or not (date or wire or match.group("sep")):
        return None, None, None, 0
    return (place.title() if place.isupper() else place), date, wire, match.end()
