"""Date expressions resolved against a fixed story date (Saturday 27 December 2025)."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.timex import resolve, story_anchor

ANCHOR = dt.date(2025, 12, 27)  # a Saturday


@pytest.mark.parametrize(
    "words, future, value, granularity",
    [
        ("Saturday", False, "2025-12-27", "day"),
        ("on Wednesday", False, "2025-12-24", "day"),
        ("Wednesday night", False, "2025-12-24", "day"),
        ("Wednesday", True, "2025-12-31", "day"),
        ("December 18", False, "2025-12-18", "day"),
        ("Dec. 25", False, "2025-12-25", "day"),
        ("January 3", False, "2025-01-03", "day"),  # a past event cannot lie ahead of the story
        ("January 3", True, "2026-01-03", "day"),
        ("3 March 2024", False, "2024-03-03", "day"),
        ("June 2024", False, "2024-06", "month"),
        ("last year", False, "2024", "year"),
        ("since last year", False, "2024", "year"),
        ("earlier this month", False, "2025-12", "month"),
        ("two days ago", False, "2025-12-25", "day"),
        ("a week ago", False, "2025-12-20", "day"),
        ("next week", True, "2025-12-29", "week"),
        ("last month", False, "2025-11", "month"),
        ("yesterday", False, "2025-12-26", "day"),
        ("in 2019", False, "2019", "year"),
        ("since 2023", False, "2023", "year"),
        ("in March", False, "2025-03", "month"),
    ],
)
def test_expressions(words, future, value, granularity):
    resolved = resolve(words, ANCHOR, future=future)
    assert resolved is not None, words
    assert (resolved.value, resolved.granularity) == (value, granularity)


def test_ranges():
    resolved = resolve("between 2022 and 2024", ANCHOR)
    assert (resolved.value, resolved.granularity, resolved.end) == ("2022", "range", "2024")


def test_words_that_name_no_date():
    assert resolve("the coming decades", ANCHOR) is None
    assert resolve("a long time", ANCHOR) is None


def test_dateline_date_takes_the_year_of_publication():
    assert story_anchor("2025-12-26", "Dec 27") == (dt.date(2025, 12, 27), "dateline")
    assert story_anchor("2026-01-01", "Dec 31") == (dt.date(2025, 12, 31), "dateline")
    assert story_anchor("2025-12-26", None) == (dt.date(2025, 12, 26), "story")
    assert story_anchor(None, None) == (None, None)


def test_a_year_naming_a_thing_is_not_the_events_date():
    import whimbrel

    (event,) = [e for e in whimbrel.code_text(
        "Iran accused the United States on Tuesday of violating the 2015 nuclear agreement.", date="2025-06-04")
        if e.event_type == "ACCUSE"]
    assert event.event_date == "2025-06-03" and event.date_text == "Tuesday"


def test_dates_told_relative_to_the_last_named_date():
    """'later that month', 'the following day' (which NER leaves untagged), 'two days later' and
    'the same day' count from the date the story named before them, not from the story's day."""
    import whimbrel

    text = ("In October, Turkey freed a jailed American pastor. And later that month, Ankara agreed to curb "
            "Iranian oil imports. On December 3, Iran accused Turkey of betrayal. The following day, Turkey "
            "rejected the charge. Two days later, Iran threatened to cut gas supplies. Turkey condemned the "
            "threat the same day.")
    dated = [(e.trigger, e.event_date, e.date_granularity) for e in whimbrel.code_text(text, date="2018-12-20")]
    assert dated == [
        ("freed", "2018-10", "month"),
        ("agreed", "2018-10", "month"),
        ("accused", "2018-12-03", "day"),
        ("rejected", "2018-12-04", "day"),
        ("threatened", "2018-12-06", "day"),
        ("condemned", "2018-12-06", "day"),
    ]


def test_a_relative_date_finer_than_the_last_named_one_stays_undated():
    from whimbrel.timex import TimeValue, resolve_anaphoric

    october = TimeValue("2018-10", "month")
    assert resolve_anaphoric("that day", october) is None  # the text never says which day of October
    assert resolve_anaphoric("two days later", october) is None
    assert resolve_anaphoric("later that year", october) == TimeValue("2018", "year")


def test_a_when_clause_takes_the_time_it_follows():
    import whimbrel

    events = whimbrel.code_text("Tension rose sharply in March 2017, when Syria attacked rebel positions near Hama.",
                                date="2018-04-10")
    attack = next(e for e in events if e.trigger == "attacked")
    assert (attack.event_date, attack.date_text, attack.temporal_status) == ("2017-03", "March 2017", "background")
