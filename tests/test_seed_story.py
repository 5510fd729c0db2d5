"""The seed wire story (KCNA via Yonhap and IANS): the four expected events, the must-not list,
the reporting chain and the quote."""

from __future__ import annotations

import subprocess
import sys

from conftest import SEED_STORY, SHARED


def events(seed_coded, event_type=None, actor=None, recipient=None):
    found = []
    for e in seed_coded.events:
        codes = {a.code for a in e.actor}
        targets = {r.code for r in e.recipient}
        if (event_type is None or e.event_type in event_type) and (actor is None or actor in codes) and (
            recipient is None or recipient in targets
        ):
            found.append(e)
    return found


def test_check_document_finds_all_four(tmp_path):
    out = tmp_path / "seed.jsonl"
    subprocess.run([sys.executable, "-m", "whimbrel.cli", "code", str(SEED_STORY), "-o", str(out), "-q"], check=True)
    result = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "check_document.py"),
         str(SHARED / "examples" / "dprk_russia_greetings.expected.json"), str(out)],
        check=True, capture_output=True, text=True,
    )
    assert "4/4 expected events found" in result.stdout, result.stdout


def test_background_events_never_get_the_story_date(seed_coded):
    treaty = events(seed_coded, {"SUPPORT", "AGREE"}, "RUS", "PRK")
    signed = [e for e in treaty if e.trigger == "signed"]
    assert signed and signed[0].event_date == "2024-06" and signed[0].temporal_status == "background"
    assert signed[0].location == "Pyongyang"
    troops = [e for e in seed_coded.events if e.trigger == "sent" and "troops" in e.sentence and "Since" in e.sentence]
    assert troops and troops[0].event_date == "2024" and troops[0].temporal_status == "background"
    for event in seed_coded.events:
        if event.temporal_status == "background":
            assert event.event_date not in (seed_coded.article.date, "2025-12-27")


def test_the_north_is_never_coded_as_anything_but_prk(seed_coded):
    for actor in seed_coded.actors:
        for mention in actor.mentions:
            if mention.text in ("the North", "North Korean", "North Korean leader"):
                assert actor.code == "PRK", (mention.text, actor.code)
    for event in seed_coded.events:
        for ref in event.actor + event.recipient:
            if "North" in ref.text:
                assert ref.code == "PRK"


def test_two_dates_of_putins_message_are_both_kept(seed_coded):
    messages = [e for e in events(seed_coded, {"SUPPORT", "CONSULT"}, "RUS") if "message" in e.sentence]
    dates = {e.event_date for e in messages}
    assert {"2025-12-18", "2025-12-25"} <= dates
    flagged = [e for e in messages if e.conflict]
    assert flagged and all(set(e.event_date_alternatives) & {"2025-12-18", "2025-12-25"} for e in flagged)


def test_reporting_chain_from_origin_to_wire(seed_coded):
    (greeting,) = [e for e in events(seed_coded, {"SUPPORT"}, "PRK", "RUS") if "message of greetings" in e.sentence]
    assert greeting.reported_by[0] == "Korean Central News Agency"
    assert greeting.reported_by[-1] == "IANS"
    assert "Yonhap" in greeting.reported_by


def test_quote_and_its_speaker(seed_coded):
    quotes = [q for q in seed_coded.quotes if "precious common asset to be carried forward" in q.text]
    assert quotes and quotes[0].speaker == "Kim Jong-un" and quotes[0].speaker_code == "PRK"
    pronoun_quote = [q for q in seed_coded.quotes if q.text.startswith("Now no one can break")]
    assert pronoun_quote and pronoun_quote[0].speaker == "Kim Jong-un"


def test_unnamed_media_that_reported_the_story_are_its_sources():
    """No outlet named: 'news agencies reported' sources every event; 'state media said' only its claim."""
    import whimbrel

    text = ("Rebels in southern Yemen surrendered to government forces on Friday. The Saudi-led coalition said it "
            "would halt air strikes. State television said the army had shelled rebels in Aden, news agencies reported.")
    surrender = next(e for e in whimbrel.code_text(text, date="2019-04-05") if e.trigger == "surrendered")
    assert "news agencies" in surrender.reported_by
    text = ("Rebels in southern Yemen surrendered to government forces on Friday. The Saudi-led coalition said it "
            "would halt air strikes. State media said the army had shelled rebels in Aden.")
    surrender = next(e for e in whimbrel.code_text(text, date="2019-04-05") if e.trigger == "surrendered")
    assert not any("media" in source for source in surrender.reported_by)
