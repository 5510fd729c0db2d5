"""Date expressions resolved against a fixed story date (Saturday 27 December 2025)."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.timex import TimeValue, resolve, story_anchor

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
        ("in February", True, "2026-02", "month"),  # said in December of what will be: the coming February
        ("this March", True, "2025-03", "month"),
    ],
)
def test_expressions(words, future, value, granularity):
    resolved = resolve(words, ANCHOR, future=future)
    assert resolved is not None, words
    assert (resolved.value, resolved.granularity) == (value, granularity)


def test_ranges():
    resolved = resolve("between 2022 and 2024", ANCHOR)
    assert (resolved.value, resolved.granularity, resolved.end) == ("2022", "range", "2024")


def test_a_run_of_days_in_one_month_is_a_range_from_its_first_day():
    assert resolve("on 14-15 September", ANCHOR) == TimeValue("2025-09-14", "range", "2025-09-15")
    assert resolve("January 8-9", ANCHOR, future=True) == TimeValue("2026-01-08", "range", "2026-01-09")
    assert resolve("between 3 and 5 March 2024", ANCHOR) == TimeValue("2024-03-03", "range", "2024-03-05")
    assert resolve("between 17 and 18 million tonnes this year", ANCHOR) == TimeValue("2025", "year")  # no days


def test_the_weekend_is_the_saturday_and_sunday_just_gone_or_the_next_ahead():
    tuesday = dt.date(2025, 12, 23)
    assert resolve("at the weekend", tuesday) == TimeValue("2025-12-20", "range", "2025-12-21")
    assert resolve("this weekend", tuesday, future=True) == TimeValue("2025-12-27", "range", "2025-12-28")
    assert resolve("last weekend", ANCHOR) == TimeValue("2025-12-20", "range", "2025-12-21")  # said on a Saturday


def test_a_month_or_year_however_the_words_place_a_time_in_it():
    assert resolve("the end of March", ANCHOR) == TimeValue("2025-03", "month")
    assert resolve("by mid-November", ANCHOR) == TimeValue("2025-11", "month")
    assert resolve("the summer of 2016", ANCHOR) == TimeValue("2016", "year")
    assert resolve("the first half of 2023", ANCHOR) == TimeValue("2023", "year")


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


def test_days_earlier_and_hours_later_count_from_the_last_named_day():
    from whimbrel.timex import TimeValue, resolve_anaphoric

    friday = TimeValue("2018-12-07", "day")
    assert resolve_anaphoric("two days earlier", friday) == TimeValue("2018-12-05", "day")
    assert resolve_anaphoric("a week later", friday) == TimeValue("2018-12-14", "day")
    assert resolve_anaphoric("hours later", friday) == friday
    assert resolve_anaphoric("hours later", TimeValue("2018-12", "month")) is None


def test_a_when_clause_takes_the_time_it_follows():
    import whimbrel

    events = whimbrel.code_text("Tension rose sharply in March 2017, when Syria attacked rebel positions near Hama.",
                                date="2018-04-10")
    attack = next(e for e in events if e.trigger == "attacked")
    assert (attack.event_date, attack.date_text, attack.temporal_status) == ("2017-03", "March 2017", "background")


def test_a_clause_opened_by_as_or_while_right_after_a_date_takes_that_date():
    import whimbrel

    text = "Ankara has issued such warnings before, including last May as Turkish troops met Iraqi army units."
    (met,) = [e for e in whimbrel.code_text(text, date="2018-04-10") if e.trigger == "met"]
    assert (met.event_date, met.date_text, met.temporal_status) == ("2017-05", "last May", "background")
    text = "Syrian troops shelled the town in March 2017, while Russian jets bombed the villages around it."
    (bombed,) = [e for e in whimbrel.code_text(text, date="2018-04-10") if e.trigger == "bombed"]
    assert (bombed.event_date, bombed.temporal_status) == ("2017-03", "background")


def test_a_clause_running_alongside_a_past_perfect_lies_as_far_back():
    """'had been lifted as France pushed for a deal': the pushing is no news of the story's day; a
    'when' clause may be the moment the past perfect is seen from, and stays the story's."""
    import whimbrel

    text = "The sanctions had been lifted by Germany as France pushed for a new deal with Iran."
    (pushed,) = [e for e in whimbrel.code_text(text, date="2018-12-20") if e.trigger == "pushed"]
    assert (pushed.event_date, pushed.temporal_status) == ("2018-12", "background")
    text = "Turkish troops had withdrawn from the town when Kurdish fighters attacked the checkpoint."
    (attacked,) = [e for e in whimbrel.code_text(text, date="2018-12-20") if e.trigger == "attacked"]
    assert (attacked.event_date, attacked.temporal_status) == ("2018-12-20", "current")


def test_an_undated_act_reported_by_a_dated_saying_happened_when_it_was_said():
    """'The navy announced on Tuesday that troops were holding drills': the progressive or simple past of
    the reported clause is the time of the report, not the earlier day the lead names."""
    import whimbrel

    lead = "Iranian and Iraqi officials met in Baghdad on Monday. "
    for clause in ("its troops were holding exercises in the Gulf", "its troops held exercises in the Gulf"):
        text = lead + f"The Iranian navy announced on Tuesday that {clause}."
        (drills,) = [e for e in whimbrel.code_text(text, date="2025-06-05") if e.event_type == "MOBILIZE"]
        assert (drills.event_date, drills.date_text, drills.actor[0].code) == ("2025-06-03", "Tuesday", "IRN")


def test_a_year_ago_is_the_same_month_a_year_back():
    assert resolve("a year ago", ANCHOR) == TimeValue("2024-12", "month")
    assert resolve("five years ago", ANCHOR) == TimeValue("2020", "year")


def test_the_date_of_a_report_is_read_in_the_reports_past_tense():
    """'On Tuesday X said Y would...': Tuesday is when it was said, the Tuesday before the story."""
    import whimbrel

    events = whimbrel.code_text("On Tuesday the Norwegian foreign minister said Oslo would propose a new truce.",
                                date="2025-06-05")  # a Thursday
    (event,) = [e for e in events if e.trigger == "propose"]
    assert (event.event_date, event.date_text) == ("2025-06-03", "Tuesday")


def test_a_date_opening_the_sentence_sets_the_time_of_its_main_clauses():
    import whimbrel

    text = "On Monday, two days after the talks collapsed, Kenya pledged $2bn to help Somalia."
    (event,) = [e for e in whimbrel.code_text(text, date="2025-06-05") if e.trigger == "pledged"]
    assert event.event_date == "2025-06-02"


def test_where_a_motion_goes_and_a_named_facility_that_is_struck():
    import whimbrel

    deployed = whimbrel.code_text("The Indian Navy deployed two frigates to the Arabian Sea on Monday.",
                                  date="2025-06-05")
    assert [e.location.removeprefix("the ") for e in deployed if e.event_type == "MOBILIZE"] == ["Arabian Sea"]
    struck = whimbrel.code_text("Israel launched an air strike against the regime's al-Mazzeh airbase on Monday.",
                                date="2025-06-05")
    assert [e.location for e in struck if e.event_type == "ASSAULT"] == ["al-Mazzeh airbase"]
    spoken = whimbrel.code_text("Iran appealed to France on Monday to release the ship.", date="2025-06-05")
    assert all(e.location is None for e in spoken)  # "to" after a verb of speaking names no place


def test_an_undated_intention_is_dated_with_the_story_that_reports_it():
    import whimbrel

    (event,) = [e for e in whimbrel.code_text("Norway will host peace talks between the two sides.", date="2025-06-05")
                if e.realis == "future"]
    assert (event.event_date, event.temporal_status) == ("2025-06-05", "future")


def test_a_place_name_stays_a_place_where_ner_misses_it():
    import whimbrel

    text = ("Iraqi troops shelled militants at Hajin on Tuesday. Thousands of civilians have fled Hajin in "
            "recent weeks, aid groups said.")  # NER tags the first "Hajin" as an organisation, the second a place
    (event,) = [e for e in whimbrel.code_text(text, date="2019-02-20") if e.trigger == "shelled"]
    assert event.location == "Hajin"


def test_undated_past_events_happened_on_the_day_the_lead_names():
    """A morning paper tells yesterday's news: the simple past is the lead's day, the present the story's."""
    import whimbrel

    text = ("For one night on Tuesday, the capital forgot the election. Peruvian police arrested twelve students "
            "outside the congress. The interior ministry says Peru will expel two Bolivian diplomats.")
    events = whimbrel.code_text(text, date="2025-06-04")  # a Wednesday
    arrested = next(e for e in events if e.trigger == "arrested")
    assert (arrested.event_date, arrested.date_source) == ("2025-06-03", "lead")
    assert all(e.event_date == "2025-06-04" for e in events if e.trigger != "arrested")


def test_a_lead_without_a_recent_day_leaves_undated_events_on_the_story_date():
    import whimbrel

    text = "Peruvian police arrested twelve students outside the congress, a year after the March 2024 riots."
    (arrested,) = [e for e in whimbrel.code_text(text, date="2025-06-04") if e.trigger == "arrested"]
    assert arrested.event_date == "2025-06-04"


def test_a_weekday_time_of_day_is_that_day():
    import whimbrel

    text = "Kenya's president announced on Wednesday night that Kenya would withdraw its troops from Somalia."
    events = whimbrel.code_text(text, date="2025-06-05")  # a Thursday
    assert {e.event_date for e in events if e.trigger == "withdraw"} == {"2025-06-04"}


def test_an_undated_past_perfect_event_is_background_in_the_storys_month():
    import whimbrel

    text = "As the talks stalled, the UN envoy had pleaded with Russia to press the Syrian delegation."
    (event,) = [e for e in whimbrel.code_text(text, date="2025-06-05") if e.trigger == "pleaded"]
    assert (event.event_date, event.date_granularity, event.temporal_status) == ("2025-06", "month", "background")


def test_a_series_of_acts_is_dated_by_its_latest_instance():
    import whimbrel

    text = "Since 2016 Colombian troops have raided coca farms in the south, with the latest raid carried out on Monday."
    (event,) = [e for e in whimbrel.code_text(text, date="2025-06-05") if e.trigger == "raided"]
    assert (event.event_date, event.temporal_status) == ("2025-06-02", "current")
    plain = "Since 2016 Colombian troops have raided coca farms in the south, with help from Ecuador."
    (event,) = [e for e in whimbrel.code_text(plain, date="2025-06-05") if e.trigger == "raided"]
    assert event.temporal_status == "background"


def test_a_clause_set_days_after_the_sentences_date_is_dated_back_from_it():
    import whimbrel

    text = "Kenya expelled two Somali diplomats on Friday, two days after Somalia recalled its ambassador from Nairobi."
    events = {e.trigger: e for e in whimbrel.code_text(text, date="2025-06-05")}  # a Thursday
    assert events["expelled"].event_date == "2025-05-30"
    assert (events["recalled"].event_date, events["recalled"].date_text) == ("2025-05-28", "two days")


def test_an_event_due_to_happen_takes_the_next_such_date():
    import whimbrel

    events = whimbrel.code_text("Kenya is expected to expel two Somali diplomats on 3 August.", date="2025-07-01")
    assert [(e.event_date, e.temporal_status) for e in events if e.trigger == "expel"] == [("2025-08-03", "future")]
    talks = "A new round of peace talks between Sudan and South Sudan is due to be held in Addis Ababa on 14 August."
    (event,) = whimbrel.code_text(talks, date="2025-07-01")  # "held" with its object "talks": one planned meeting
    assert (event.event_type, event.realis) == ("AGREE", "future")
    assert (event.event_date, event.temporal_status, event.location) == ("2025-08-14", "future", "Addis Ababa")
    past = whimbrel.code_text("Kenya expelled two Somali diplomats on 3 August.", date="2025-07-01")
    assert [e.event_date for e in past if e.trigger == "expelled"] == ["2024-08-03"]


def test_an_event_about_that_earlier_act_happened_when_it_did():
    import whimbrel

    text = ("Two years ago Ethiopian troops launched an attack on a market in Mekelle, killing dozens. "
            "Eritrea condemned that attack within hours.")
    events = {e.trigger: e for e in whimbrel.code_text(text, date="2025-06-05")}
    assert (events["condemned"].event_date, events["condemned"].temporal_status) == ("2023", "background")
    assert events["killing"].event_date == "2023"  # a participle adjunct keeps its clause's time
    plain = "Two years ago Ethiopian troops launched an attack on a market in Mekelle. Eritrea condemned the attack."
    (condemned,) = [e for e in whimbrel.code_text(plain, date="2025-06-05") if e.trigger == "condemned"]
    assert (condemned.event_date, condemned.temporal_status) == ("2025-06-05", "current")


def test_a_sentence_opening_with_it_continues_the_past_the_sentence_before_set():
    import whimbrel

    text = ("The fighting tears up a truce agreed last year between Kenya and Somalia. "
            "It created a buffer zone and Kenya promised to defend the zone.")
    (promised,) = [e for e in whimbrel.code_text(text, date="2025-06-05") if e.trigger == "promised"]
    assert (promised.event_date, promised.temporal_status) == ("2024", "background")
    text = text.replace("It created a buffer zone and Kenya", "Kenya")
    (promised,) = [e for e in whimbrel.code_text(text, date="2025-06-05") if e.trigger == "promised"]
    assert promised.event_date == "2025-06-05"


def test_a_month_and_year_with_a_comma_and_a_time_of_this_day():
    import whimbrel

    assert resolve("in February, 1986", ANCHOR) == TimeValue("1986-02", "month")
    text = "Kenyan and Somali officials met again this morning in Nairobi."
    (met,) = [e for e in whimbrel.code_text(text, date="2025-06-05") if e.trigger == "met"]
    assert (met.event_date, met.date_text) == ("2025-06-05", "this morning")


def test_written_dates_by_dateparser_but_never_a_length_of_time():
    assert resolve("on 2024-03-04", ANCHOR) == TimeValue("2024-03-04", "day")
    assert resolve("four days", ANCHOR) is None
    assert resolve("24 hours", ANCHOR) is None


def test_a_name_swept_into_a_date_is_left_out():
    from spacy.tokens import Span

    from whimbrel.nlp import load_nlp
    from whimbrel.timex import time_expressions

    doc = load_nlp()("In January Canada and France concluded a fishing accord.")
    doc.ents = [Span(doc, 1, 3, label="DATE")]  # as NER sometimes tags "January Canada"
    assert [e.text for e in time_expressions(doc)] == ["January"]


def test_hours_later_in_the_text_is_the_day_named_before():
    import whimbrel

    text = "On August 3, Kenya accused Somalia of betrayal. Hours later, Somalia rejected the charge."
    (rejected,) = [e for e in whimbrel.code_text(text, date="2017-09-01") if e.trigger == "rejected"]
    assert (rejected.event_date, rejected.date_text) == ("2017-08-03", "Hours later")


def test_talks_on_a_run_of_days_ahead_are_dated_from_its_first_day():
    import whimbrel

    text = "Kenya and Somalia will hold talks in Ethiopia's capital, Addis Ababa, on 14-15 September."
    (held,) = [e for e in whimbrel.code_text(text, date="2017-09-01") if e.trigger == "hold"]
    assert (held.event_date, held.temporal_status, held.location) == ("2017-09-14", "future", "Addis Ababa")


def test_nights_and_written_dates_ner_leaves_untagged():
    import whimbrel

    def struck(text):
        (event,) = [e for e in whimbrel.code_text(text, date="2018-04-12") if e.trigger == "struck"]  # a Thursday
        return event.event_date, event.date_text

    assert struck("Ethiopian jets struck rebel targets in Tigray last night, the army said.") == \
        ("2018-04-11", "last night")
    assert struck("The Ethiopian army said on Wednesday that its jets had struck rebel targets in Tigray the "
                  "previous night.") == ("2018-04-10", "the previous night")
    assert struck("Ethiopian jets struck rebel targets in Tigray on the night of 9 April, the army said.") == \
        ("2018-04-09", "9 April")


def test_an_announced_act_is_dated_when_said_and_keeps_when_it_is_to_happen():
    import whimbrel

    text = "Kenyan President William Ruto said on Monday that he would visit Ethiopia on 14 August."
    (visit,) = [e for e in whimbrel.code_text(text, date="2025-07-02") if e.trigger == "visit"]
    assert (visit.event_type, visit.realis) == ("AGREE", "future")  # an intention, stated on Monday
    assert (visit.event_date, visit.date_text, visit.temporal_status) == ("2025-06-30", "Monday", "current")
    assert visit.planned_date == "2025-08-14"
    # with no one announcing it, a planned act is dated when it is to happen
    (held,) = [e for e in whimbrel.code_text("Kenya and Somalia will hold talks in Addis Ababa on 14 August.",
                                             date="2025-07-02") if e.trigger == "hold"]
    assert (held.event_date, held.temporal_status, held.planned_date) == ("2025-08-14", "future", None)


def test_a_date_on_the_copula_of_talks_due_to_be_held_dates_the_talks():
    import whimbrel

    text = ("A new round of talks between Sudan and South Sudan are due to be held in Ethiopia’s capital, Addis "
            "Ababa, on 14-15 September, largely led by Kenya.")
    (held,) = [e for e in whimbrel.code_text(text, date="2017-09-01") if e.trigger == "held"]
    assert (held.event_date, held.date_text, held.temporal_status) == ("2017-09-14", "14-15 September", "future")
