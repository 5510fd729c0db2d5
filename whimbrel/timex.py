"""Event dates from the text, anchored on the story's own date.

News dates events relative to the day it is written: "on Saturday" is the latest Saturday on
or before the story (the next one in a future-tense clause), "December 18" is in the story's
year unless that would put a past event in the future, "last year" is a year, "June 2024" a
month, "14-15 September" and "the weekend" ranges of days. Date expressions are found by spaCy's NER (DATE, TIME) and attached to the event whose
clause they modify; expressions are read by the rules below, and dateparser handles whatever
explicit date they do not cover. An event the text places clearly before the story's news
("since last year", "in June 2024", an old date with perfect aspect) is background. An undated
future event ("will host talks") is the intention the story reports, dated with the story; a date
on the verb of saying ("On Tuesday he said they would...") is the saying's, so read as past.
A story published the morning after tells yesterday's news in the past tense: an undated event
told in the simple past happened on the latest recent day its lead names ("On Tuesday, ..."),
one in the present ("says", "has confirmed") on the story's own day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Span, Token

from .data_files import data_path, read_yaml
from .nlp import clause_verb

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "a": 1, "an": 1, "several": 3, "few": 3, "couple": 2}
UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MONTH_DAY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b")
_DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?\b")
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r",?\s+(?:of\s+)?(?P<year>\d{4})\b")
# "March", "in late March", "the end of March", "by mid-March": a month, however the words place it in it
_MONTH_ALONE = re.compile(r"^(?:(?:in|last|this|early|late|the|end|start|beginning|middle|of|at|by|until|mid-?)\s*)*"
                          + _MONTH + r"$")
_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d{2})\b")
_AGO = re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|several|few|couple)\s+(?:of\s+)?(?P<unit>day|week|month|year)s?\s+ago\b")
_SAME_PERIOD = re.compile(r"\b(?:that|the same) (?P<unit>day|week|month|year)\b")
_DAY_AFTER = re.compile(r"\bthe (?:following|next) day\b|\bthe day after\b")
_DAY_BEFORE = re.compile(r"\bthe (?:previous|preceding) (?:day|night)\b|\bthe (?:day|night) before\b")
_LATER = re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|several|few|couple)\s+(?:of\s+)?(?P<unit>day|week|month|year)s?\s+(?P<way>later|earlier)\b")
_HOURS_LATER = re.compile(r"\b(?:hours|minutes|moments|\d+ hours|\d+ minutes|(?:an|one|two|three|a few) hours?)\s+(?:later|earlier)\b")
# "14-15 September", "September 14-15", "14 to 16 May": a run of days in one month
_DAY_RANGE = re.compile(r"\b(?P<first>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                        + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?\b")
_RANGE_MONTH_DAYS = re.compile(_MONTH + r"\s+(?P<first>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?"
                               r"(?:,?\s+(?P<year>\d{4}))?\b")
_WEEKEND = re.compile(r"\b(?P<which>last|this|next|coming|the)?\s*weekend\b")
_GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# Relative dates NER often leaves untagged; found in the text directly.
_UNTAGGED_RELATIVE = re.compile(r"\b(?:the|that) (?:following|next|previous|preceding|same) (?:day|week|month|year)\b"
                                r"|\b(?:hours|minutes|moments) (?:later|earlier)\b", re.IGNORECASE)
# Written dates NER sometimes leaves untagged ("on the night of 9 April"): a capitalised month beside a day
_MONTH_NAME = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
               r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_UNTAGGED_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAME}(?:,?\s+\d{{4}})?\b"
                            rf"|\b{_MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b")
_LEAD_SENTENCES = 4  # a news lead: the opening sentences, which tell when the news happened
_RECENT_DAYS = 6  # how far before the story a lead's day can be and still be its news
_DAY_TIME = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|"
                       r"this (?:morning|afternoon|evening)|last night|(?:previous|preceding) night|night before)\b")
_WEEKDAY = re.compile(r"\b(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")


@lru_cache(maxsize=1)
def _time_words() -> dict[str, frozenset[str]]:
    return {key: frozenset(words) for key, words in read_yaml(data_path("time_words.yaml")).items()}


@dataclass(frozen=True)
class TimeValue:
    value: str  # ISO: 2025-12-27, 2024-06, 2024
    granularity: str  # day, week, month, year, range
    end: str | None = None  # the end of a range

    @property
    def first_day(self) -> dt.date:
        parts = (self.value.split("-") + ["01", "01"])[:3]
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))


def resolve(text: str, anchor: dt.date, *, future: bool = False) -> TimeValue | None:
    """The date a time expression names, relative to ``anchor`` (the story's date)."""
    words = " ".join(text.lower().replace("’", "'").split())
    if m := _DAY_RANGE.search(words) or _RANGE_MONTH_DAYS.search(words):
        return _day_range(m, anchor, future)
    between = re.search(r"between\s+(.+?)\s+and\s+(.+)$", words) or re.search(r"from\s+(.+?)\s+(?:to|until)\s+(.+)$", words)
    if between and not re.fullmatch(r"\d{1,2}", between.group(1)):  # "between 17 and 18 mln bags" is no range of dates
        first, last = resolve(between.group(1), anchor), resolve(between.group(2), anchor)
        if first and last:
            return TimeValue(first.value, "range", last.value)
    if m := _MONTH_DAY.search(words) or _DAY_MONTH.search(words):
        month, day = MONTHS[m.group("month")[:4].rstrip(".") if m.group("month")[:4] == "sept" else m.group("month")[:3]], int(m.group("day"))
        year = int(m.group("year")) if m.group("year") else _year_for(anchor, month, day, future)
        try:
            return TimeValue(dt.date(year, month, day).isoformat(), "day")
        except ValueError:
            return None
    if m := _MONTH_YEAR.search(words):
        return TimeValue(f"{int(m.group('year')):04d}-{MONTHS[m.group('month')[:3]]:02d}", "month")
    if m := _AGO.search(words):
        n = NUMBERS.get(m.group("n")) or int(m.group("n"))
        unit = m.group("unit")
        day = anchor - dt.timedelta(days=n * UNITS[unit])
        # "a year ago" names the same season a year back (an anniversary); "five years ago" only the year
        granularity = "month" if unit == "year" and n == 1 else {"week": "day"}.get(unit, unit)
        return _at_granularity(day, granularity)
    if "yesterday" in words or "last night" in words:
        return _at_granularity(anchor - dt.timedelta(days=1), "day")
    if "tomorrow" in words:
        return _at_granularity(anchor + dt.timedelta(days=1), "day")
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening)\b", words):
        return _at_granularity(anchor, "day")
    if m := _WEEKDAY.search(words):
        return _at_granularity(_weekday(anchor, WEEKDAYS.index(m.group("weekday")), future, words), "day")
    if m := _WEEKEND.search(words):
        return _weekend(anchor, m.group("which"), future)
    for unit in ("week", "month", "year"):
        if re.search(rf"\b(last|past|previous) {unit}\b", words):
            return _shift(anchor, unit, -1)
        if re.search(rf"\b(next|coming) {unit}\b", words):
            return _shift(anchor, unit, +1)
        if re.search(rf"\b(this|earlier this|later this|current) {unit}\b", words):
            return _shift(anchor, unit, 0)
    if m := _MONTH_ALONE.match(words):
        month = MONTHS[m.group("month")[:3]]
        year = anchor.year - (1 if (month > anchor.month and not future) or words.startswith("last") else 0)
        if future and month < anchor.month and not words.startswith(("last", "this")):
            year = anchor.year + 1  # "will convene a congress in February", said in December: the coming one
        return TimeValue(f"{year:04d}-{month:02d}", "month")
    years = _YEAR.findall(words)
    # "in 2019", "since the 1990s", "the summer of 2016", "the first half of 2017": the year
    if len(years) == 1 and re.fullmatch(r"(?:(?:in|since|by|early|late|mid-?|the|of|spring|summer|autumn|fall|winter|"
                                        r"end|start|beginning|middle|first|second|half)\s*)*\d{4}s?", words):
        return TimeValue(years[0], "year")
    return _parsed(words, anchor, future)


_DURATION = re.compile(r"\b(?:second|minute|hour|day|week|month|year|decade|century)s?\b")


def _parsed(words: str, anchor: dt.date, future: bool) -> TimeValue | None:
    """A written date the rules above do not read ("4/3/2024", "2024-03-04"), by dateparser; never a
    length of time ("four days" is how long, not four days ago)."""
    if _DURATION.search(words) or not re.search(r"\d", words):
        return None
    parser = _date_parser(anchor, "future" if future else "past")
    found = parser.get_date_data(words)
    if found.date_obj is None or found.period not in ("day", "month"):
        return None
    return _at_granularity(found.date_obj.date(), found.period)


@lru_cache(maxsize=64)
def _date_parser(anchor: dt.date, prefer: str) -> DateDataParser:
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime(anchor.year, anchor.month, anchor.day), "PREFER_DATES_FROM": prefer,
        "RETURN_TIME_AS_PERIOD": True})


def resolve_anaphoric(text: str, reference: TimeValue) -> TimeValue | None:
    """'later that month', 'the same day', 'the following day': a date told relative to the date the
    story last named, not to the story's own day."""
    words = " ".join(text.lower().split())
    if reference.granularity not in _GRANULARITY_RANK:
        return None
    if m := _SAME_PERIOD.search(words):
        unit = m.group("unit")
        if _GRANULARITY_RANK[reference.granularity] > _GRANULARITY_RANK[unit]:
            return None  # "that day" after "in October": the text does not say which day
        return _shift(reference.first_day, unit, 0) if unit == "week" else _at_granularity(reference.first_day, unit)
    for pattern, days in ((_DAY_AFTER, 1), (_DAY_BEFORE, -1)):
        if pattern.search(words) and reference.granularity == "day":
            return _at_granularity(reference.first_day + dt.timedelta(days=days), "day")
    if m := _LATER.search(words):
        unit = m.group("unit")
        if _GRANULARITY_RANK[reference.granularity] > _GRANULARITY_RANK[unit] or reference.granularity == "week":
            return None
        n = (NUMBERS.get(m.group("n")) or int(m.group("n"))) * (1 if m.group("way") == "later" else -1)
        granularity = "day" if unit == "week" else unit
        return _at_granularity(reference.first_day + dt.timedelta(days=n * UNITS[unit]), granularity)
    if _HOURS_LATER.search(words) and reference.granularity == "day":
        return reference  # "hours later": the same day, as far as a date tells
    return None


def _year_for(anchor: dt.date, month: int, day: int, future: bool) -> int:
    """A month and day without a year: the story's year, unless a past event would then lie ahead."""
    year = anchor.year
    try:
        candidate = dt.date(year, month, day)
    except ValueError:
        return year
    if not future and candidate > anchor + dt.timedelta(days=2):
        return year - 1
    if future and candidate < anchor - dt.timedelta(days=2):
        return year + 1
    return year


def _day_range(m: re.Match, anchor: dt.date, future: bool) -> TimeValue | None:
    """'14-15 September': the first day to the last, in the year a single day of it would have."""
    month = MONTHS[m.group("month")[:3]]
    first, last = int(m.group("first")), int(m.group("day"))
    year = int(m.group("year")) if m.group("year") else _year_for(anchor, month, first, future)
    try:
        start, end = dt.date(year, month, first), dt.date(year, month, last)
    except ValueError:
        return None
    return TimeValue(start.isoformat(), "range", end.isoformat()) if start < end else None


def _weekend(anchor: dt.date, which: str | None, future: bool) -> TimeValue:
    """'at the weekend': the Saturday and Sunday just gone (the story's own, if it is one), or the next
    in a future clause; 'last weekend' on a weekend is the one before."""
    saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
    if future or which in ("next", "coming"):
        saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7 or 7) if anchor.weekday() < 5 or which == "next" \
            else saturday
    elif which == "last" and anchor.weekday() >= 5:
        saturday -= dt.timedelta(days=7)
    return TimeValue(saturday.isoformat(), "range", (saturday + dt.timedelta(days=1)).isoformat())


def _weekday(anchor: dt.date, weekday: int, future: bool, words: str) -> dt.date:
    if future or words.startswith("next"):
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    back = (anchor.weekday() - weekday) % 7
    if words.startswith("last") and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def _shift(anchor: dt.date, unit: str, amount: int) -> TimeValue:
    if unit == "year":
        return TimeValue(f"{anchor.year + amount:04d}", "year")
    if unit == "month":
        month_index = anchor.year * 12 + anchor.month - 1 + amount
        return TimeValue(f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", "month")
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=amount)
    return TimeValue(monday.isoformat(), "week")


def _at_granularity(day: dt.date, granularity: str) -> TimeValue:
    value = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[granularity]
    return TimeValue(value, granularity)


@dataclass(frozen=True)
class EventTime:
    event_date: str | None
    date_text: str | None
    granularity: str | None
    source: str | None  # text, dateline, story
    status: str  # current, background, future, unknown
    end: str | None = None
    planned: str | None = None  # for an announced act: when it is to happen, as the text tells


def story_anchor(story_date: str | None, dateline_date: str | None) -> tuple[dt.date | None, str | None]:
    """The day the story speaks from: its dateline date (year from publication) or publication date."""
    published = dt.date.fromisoformat(story_date) if story_date else None
    if dateline_date and published:
        value = resolve(dateline_date, published + dt.timedelta(days=2))
        if value and value.granularity == "day":
            return value.first_day, "dateline"
    return published, ("story" if published else None)


def time_expressions(doc: Doc) -> list[Span]:
    """DATE entities, with 'between X and Y' joined into one range and 'since'/'earlier' kept in front,
    and relative dates ("the following day") and written ones ("9 April") that NER missed."""
    spans = []
    # "Wednesday night", "this morning" are TIMEs to NER, and days all the same
    ents = [e for e in doc.ents if e.label_ == "DATE" or (e.label_ == "TIME" and _DAY_TIME.search(e.text.lower()))]
    skip = set()
    for i, ent in enumerate(ents):
        if i in skip:
            continue
        start, end = ent.start, ent.end
        if ent[0].lower_ in ("between", "from") and i + 1 < len(ents) and ents[i + 1].start <= end + 2:
            end = ents[i + 1].end
            skip.add(i + 1)
        if start > 0 and doc[start - 1].lower_ in ("since", "between", "from", "earlier", "until", "before"):
            start -= 1
        while end - start > 1 and doc[end - 1].pos_ == "PROPN" and doc[end - 1].lower_ not in MONTHS \
                and doc[end - 1].lower_ not in WEEKDAYS:
            end -= 1  # "In January Canada and France...": NER swept a name into the date
        spans.append(doc[start:end])
    whole = doc.text  # spaCy rebuilds the text on every access
    for match in [*_UNTAGGED_RELATIVE.finditer(whole), *_UNTAGGED_DATE.finditer(whole)]:
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and not any(s.start < span.end and span.start < s.end for s in spans):
            spans.append(span)
    return sorted(spans, key=lambda s: s.start)


def news_day(doc: Doc, anchor: dt.date | None) -> dt.date | None:
    """The latest day of the week before the story that its lead names: the day the news happened.
    Read from the words themselves, as the lead may be a sentence the first pass did not parse."""
    if anchor is None:
        return None
    sentences = list(doc.sents)[:_LEAD_SENTENCES]
    days = []
    for token in (t for sentence in sentences for t in sentence):
        if token.lower_ not in WEEKDAYS and token.lower_ != "yesterday":
            continue
        if token.i > 0 and token.nbor(-1).lower_ in ("next", "coming"):
            continue  # a day ahead is not the news
        value = resolve(token.text, anchor)
        if value is not None and anchor - dt.timedelta(days=_RECENT_DAYS) <= value.first_day <= anchor:
            days.append(value.first_day)
    return max(days, default=None)


def date_event(trigger: Token, expressions: list[Span], anchor: dt.date | None, anchor_source: str | None,
               realis: str, reporting_verbs: frozenset[str] = frozenset(), news: dt.date | None = None
               ) -> EventTime:
    """The date of the event whose trigger is ``trigger``: its own time expression, else its report's;
    failing both, ``news`` (the lead's day) for a past-tense event, the story's day for any other.

    An act announced for the future ("Putin has said he will convene a congress in February") is coded as
    the announcing of it (an intention or a threat), so it takes the date of the saying; when the act is
    to happen is kept as ``planned``."""
    future = realis == "future" or _prospective(trigger)
    announcing = _reporting_verb(trigger, reporting_verbs) if future else None
    if announcing is not None:
        planned = date_event(trigger, expressions, anchor, anchor_source, realis, news=news)
        said = date_event(announcing, expressions, anchor, anchor_source, "asserted", reporting_verbs, news)
        return replace(said, planned=planned.event_date if planned.source == "text" else None)
    if anchor is not None and (offset := _offset(trigger, expressions, anchor)) is not None:
        value, expression = offset
        return EventTime(value.value, expression.text, value.granularity, "text",
                         _status(value, anchor, expression, trigger, future))
    expression, on_reporter = _attached(trigger, expressions, reporting_verbs)
    if expression is not None and anchor is not None:
        # "On Tuesday the minister said Oslo would propose...": the date is the saying's, read in its past tense
        value = _read(expression, expressions, anchor, future and not on_reporter)
        if value is not None:
            return EventTime(value.value, expression.text, value.granularity, "text",
                             _status(value, anchor, expression, trigger, future), value.end)
    if anchor is None:
        return EventTime(None, None, None, None, "future" if future else "unknown")
    status = "future" if future else ("background" if _perfect_past(trigger, reporting_verbs) else "current")
    if status == "background":
        # "had pleaded": before the news but within its frame, the story's month as far as the text tells
        return EventTime(anchor.isoformat()[:7], None, "month", "tense", status)
    if status == "current" and _simple_past(trigger):
        earlier = _told_before(trigger, expressions, anchor)
        if earlier is not None:
            value, expression = earlier
            return EventTime(value.value, expression.text, value.granularity, "context",
                             _status(value, anchor, expression, trigger, future), value.end)
        if news is not None:
            return EventTime(news.isoformat(), None, "day", "lead", status)
    # an undated intention ("the EU will host a meeting") is coded as the announcing of it, made when reported
    return EventTime(anchor.isoformat(), None, "day", anchor_source, status)


_COUNTED = re.compile(r"^(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|several|few|couple)\s+"
                      r"(?:of\s+)?(?P<unit>day|week|month|year)s?$")


def _offset(trigger: Token, expressions: list[Span], anchor: dt.date) -> tuple[TimeValue, Span] | None:
    """'On Monday, three days after the two leaders spoke, ...': an event in a clause set 'N days after'
    (or before) the sentence's date happened that many days before (after) it."""
    verb = _clause_verb(trigger)
    for mark in (c for c in verb.children if c.lower_ in ("after", "before") and c.dep_ in ("mark", "prep")):
        counted = next((e for e in expressions if e.end == mark.i and e.root.dep_ == "npadvmod"), None)
        words = counted.text.lower() if counted is not None else ""
        if not (m := _COUNTED.match(words)):
            continue
        for reference in (e for e in expressions if e.sent == trigger.sent and e != counted):
            value = resolve(reference.text, anchor)
            if value is not None and value.granularity == "day":
                days = (NUMBERS.get(m.group("n")) or int(m.group("n"))) * UNITS[m.group("unit")]
                day = value.first_day + dt.timedelta(days=-days if mark.lower_ == "after" else days)
                return _at_granularity(day, {"week": "day"}.get(m.group("unit"), m.group("unit"))), counted
    return None


def _read(expression: Span, expressions: list[Span], anchor: dt.date, future: bool = False) -> TimeValue | None:
    """An expression's date: on its own, or relative to the date named before it ("the following day")."""
    value = resolve(expression.text, anchor, future=future)
    words = expression.text.lower()
    if value is None and any(pattern.search(words) for pattern in (_SAME_PERIOD, _DAY_AFTER, _DAY_BEFORE, _LATER,
                                                                   _HOURS_LATER)):
        for earlier in reversed([e for e in expressions if e.end <= expression.start]):
            reference = _read(earlier, expressions, anchor)
            if reference is not None:
                return resolve_anaphoric(expression.text, reference)
    return value


def _clause_verb(token: Token) -> Token:
    return clause_verb(token, max_steps=8)


_NOUN_MODIFIER = {"compound", "nummod", "amod", "nmod", "poss"}


def _attached(trigger: Token, expressions: list[Span], reporting_verbs: frozenset[str]) -> tuple[Span | None, bool]:
    """The expression modifying the trigger's clause; failing that, the one on the verb that reports it
    (then the second value is True)."""
    if (latest := _latest_instance(trigger, expressions)) is not None:
        return latest, False
    verb = _clause_verb(trigger)
    # "talks are due to be held on 14 August": the date is on "held", or on "are" that "held" completes
    verbs = {verb, _copula_complement(verb), _completed_copula(verb)}
    for expression in expressions:
        root = expression.root
        if root.head == trigger or (root.head.head == trigger and root.head.dep_ == "prep"):
            return expression, False
        if root.dep_ in _NOUN_MODIFIER:
            continue  # "the 2015 nuclear deal": a date that names a thing, not when the event happened
        if _clause_verb(root.head if root.head != root else root) in verbs and expression.sent == trigger.sent:
            return expression, False
    when = next((c for c in verb.children if c.lower_ in _time_words()["time_clause"] and c.dep_ in ("advmod", "mark")
                 and c.i < verb.i), None)
    if when is not None:  # "a year ago, when Trump ordered a strike", "last September as troops met": that time
        for expression in expressions:
            between = when.doc[expression.end:when.i]
            if expression.end <= when.i and all(t.is_punct for t in between) and len(between) <= 1:
                return expression, False
    reporter = _reporting_verb(trigger, reporting_verbs)
    if reporter is not None:
        for expression in expressions:
            if expression.sent == trigger.sent and _clause_verb(expression.root.head) == reporter:
                return expression, True
    if verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"):
        return _fronted(trigger.sent, expressions), False
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ in ("mark", "advmod") for c in verb.children):
        return _attached(verb.head, expressions, reporting_verbs)  # "shelled the market, killing dozens": its time
    return None, False


def _latest_instance(trigger: Token, expressions: list[Span]) -> Span | None:
    """'began firing missiles last year, with the latest salvo launched on Wednesday': a series of acts,
    coded as its newest one, is dated by the 'with the latest ...' phrase after the trigger."""
    for expression in expressions:
        if expression.sent != trigger.sent or expression.start < trigger.i:
            continue
        for ancestor in expression.root.ancestors:
            if ancestor.lower_ == "with" and ancestor.dep_ == "prep":
                noun = next((c for c in ancestor.children if c.dep_ == "pobj"), None)
                if noun is not None and any(c.dep_ == "amod" and c.lower_ in _time_words()["latest_instance"] for c in noun.children):
                    return expression
                break
    return None


def _fronted(sentence: Span, expressions: list[Span]) -> Span | None:
    """'On Monday, ... Ankara pledged': a date that opens the sentence, set off by a comma, sets the
    time of each of its main clauses, however the parser attached it."""
    for expression in expressions:
        opener = sentence.start + (1 if sentence[0].pos_ == "ADP" else 0)
        if expression.start == opener and expression.end < sentence.end and sentence.doc[expression.end].text == ",":
            return expression
    return None


def _status(value: TimeValue, anchor: dt.date, expression: Span, trigger: Token, future: bool) -> str:
    """Background when the date lies clearly before the story's news; future when after."""
    first_word = expression[0].lower_
    if first_word == "since":
        return "background"
    start = value.first_day
    if value.granularity in ("day", "week") or (value.granularity == "range" and len(value.value) == 10):
        if start < anchor - dt.timedelta(days=7):
            return "background"
        return "future" if start > anchor else "current"
    if value.granularity == "month":
        this_month = dt.date(anchor.year, anchor.month, 1)
        return "background" if start < this_month else ("future" if start > this_month else "current")
    this_year = dt.date(anchor.year, 1, 1)
    if value.granularity == "range":
        return "background" if start < this_year else "current"
    return "background" if start < this_year else ("future" if start > this_year or future else "current")


_FINITE = {"VBD", "VBZ", "VBP", "MD"}


_LOOK_BACK = 3  # sentences searched for what "that attack" or an opening "It" points back to
_DISTAL = {"that", "those"}


def _told_before(trigger: Token, expressions: list[Span], anchor: dt.date) -> tuple[TimeValue, Span] | None:
    """An undated past event that continues an earlier, dated part of the story: one about "that attack"
    happened when the attack the story dated before did; one in a sentence opening with "It" ("It
    designated the area a safe zone"), in the past the sentence before set ("a ceasefire agreed last year")."""
    sentences = list(trigger.doc.sents)
    index = next(i for i, sentence in enumerate(sentences) if sentence.start <= trigger.i < sentence.end)
    verb = _clause_verb(trigger)
    nouns = {t.lower_ for t in verb.subtree if t.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in _DISTAL for c in t.children)}
    opener = sentences[index][0]
    for before in reversed(sentences[max(0, index - _LOOK_BACK) : index]):
        continues = opener.lower_ == "it" and opener.dep_ in ("nsubj", "nsubjpass") and before == sentences[index - 1]
        if not continues and not nouns & {t.lower_ for t in before}:
            continue
        for expression in (e for e in expressions if before.start <= e.start < before.end):
            value = resolve(expression.text, anchor)
            if value is not None and _status(value, anchor, expression, trigger, False) == "background":
                return value, expression
    return None


def _copula_complement(verb: Token) -> Token:
    """'a round of talks is due to be held': for a copula, the verb of its complement; else the verb itself."""
    if verb.pos_ != "AUX":
        return verb
    return next((g for c in verb.children if c.dep_ == "acomp" for g in c.children if g.dep_ == "xcomp"), verb)


def _reporting_verb(trigger: Token, reporting_verbs: frozenset[str]) -> Token | None:
    """The verb of saying whose reported clause holds the trigger's act ("said he will convene")."""
    verb = _clause_verb(trigger)
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_ in reporting_verbs:
        return verb.head
    return None


def _completed_copula(verb: Token) -> Token:
    """'talks are due to be held': for the verb completing a copula's adjective, that copula; else the verb."""
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and verb.head.head.pos_ == "AUX":
        return verb.head.head
    return verb


def _prospective(trigger: Token) -> bool:
    """'talks are due to be held', 'troops are set to withdraw': an event the clause puts ahead of the story."""
    verb = _copula_complement(_clause_verb(trigger))
    return verb.dep_ == "xcomp" and verb.head.lower_ in _time_words()["prospective"] and verb.head.i < verb.i


def _simple_past(trigger: Token) -> bool:
    """'staged', 'was banned', 'his decision to withdraw followed': told in the past tense, not the
    present or present perfect; an infinitive or participle takes the tense of the verb it depends on."""
    verb = _clause_verb(trigger)
    for _ in range(4):
        tenses = {t.tag_ for t in [verb, *verb.children] if t == verb or t.dep_ in ("aux", "auxpass")}
        if tenses & _FINITE or verb.head == verb:
            break
        verb = _clause_verb(verb.head)
    return "VBD" in tenses and not tenses & {"VBZ", "VBP", "MD"}


def _perfect_past(trigger: Token, reporting_verbs: frozenset[str]) -> bool:
    """'had sent': past perfect puts an event before the story's reference time, except in reported
    speech, where it is only the tense shift of 'has sent' ("the ministry said it had lodged a protest").
    A simple-past clause running alongside a past perfect one ("as", "while") lies as far back."""
    verb = _clause_verb(trigger)
    if verb.dep_ == "advcl" and verb.tag_ == "VBD" and any(
            c.dep_ == "mark" and c.lower_ in _time_words()["alongside"] for c in verb.children):
        verb = _clause_verb(verb.head)  # "had been lifted as Obama pushed for the deal": as far back as the lifting
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    reported = verb.dep_ in ("ccomp", "conj") and verb.head.lemma_.lower() in reporting_verbs
    return "had" in auxiliaries and not reported
