"""The cheap first pass: which sentences skip the parser, and that skipping changes no coded event."""

import pytest

from whimbrel.events import load_lexicon
from whimbrel.firstpass import FULL, LIGHT, PARSE, EventGate, SelectiveParser
from whimbrel.nlp import is_untagged, load_nlp
from whimbrel.pipeline import Coder

STORY = (
    "Oil prices were steady on Tuesday. "
    "Brazilian troops attacked a rebel camp near the border, the army said. "
    "The index closed 0.4 percent up at 1,204 points.\n\n"
    "Colombia condemned the raid. "
    "\"This was a grave violation of our territory,\" the foreign ministry said. "
    "\"Our patience has limits,\" Colombian Foreign Minister Luis Murillo told reporters."
)


@pytest.fixture(scope="module")
def gate():
    return EventGate(load_nlp(), load_lexicon())


def _sentence(text):
    return load_nlp().make_doc(text)[:]


@pytest.mark.parametrize("text, level", [
    ("Rebels shelled the town overnight.", FULL),  # irregular and regular inflections map to trigger lemmas
    ("The minister's visit to Tokyo was cut short.", FULL),  # noun trigger
    ("The board will hold its annual meeting in May.", FULL),  # "hold" counts only with an object it needs
    ("Investors hold most of the shares.", LIGHT),
    ("Seoul must respond.", FULL),  # an obligation can make a demand
    ("\"It was a long day,\" he added.", PARSE),  # quotations are parsed for their speaker
    ("\"They attacked us,\" he added.", FULL),
    ("The index closed 0.4 percent up at 1,204 points.", LIGHT),
    ("Wheat prices were steady.", LIGHT),
])
def test_gate_decides_from_surface_words(gate, text, level):
    assert gate.level(_sentence(text)) == level


def test_selective_parse_keeps_text_offsets_and_skips_sentences():
    parser = SelectiveParser(load_nlp(), load_lexicon())
    doc = next(parser.pipe([STORY]))
    assert doc.text == STORY
    sentences = list(doc.sents)
    assert [s.text.strip() for s in sentences][0] == "Oil prices were steady on Tuesday."
    parsed = [any(t.dep_ not in ("dep", "ROOT") for t in s) for s in sentences]
    assert parsed == [False, True, False, True, True, True]
    assert parser.sentences == 6 and parser.parsed_sentences == 4
    assert not any(e.start >= sentences[-1].start for e in doc.ents)  # a quotation alone skips NER
    untagged = [all(is_untagged(t) for t in s) for s in sentences]
    assert untagged == [True, False, True, False, False, False]  # skipped sentences are only tokenised
    assert all(t.lemma_ for s, skipped in zip(sentences, untagged) if not skipped for t in s if not t.is_space)
    assert "Brazilian" in {e.text for e in doc.ents}


def test_first_pass_codes_the_same_events_as_a_full_parse():
    from dataclasses import replace

    from whimbrel.ingest.text import article_from_text

    article = replace(article_from_text(STORY, doc_id="first-pass", origin="test"), date="2025-03-04")
    gated = next(Coder().code([article]))
    full = next(Coder(full_parse=True).code([article]))
    summary = lambda d: [(e.event_type, [a.code for a in e.actor], [a.code for a in e.recipient], e.trigger_start)
                         for e in d.events]
    assert summary(gated) == summary(full)
    assert {e.event_type for e in gated.events} >= {"ASSAULT", "ACCUSE"}
    speakers = lambda d: {q.text: q.speaker_code for q in d.quotes}
    assert speakers(gated) == speakers(full)
    assert speakers(gated)["Our patience has limits,"] == "COL"  # found by the parse, without NER


@pytest.mark.parametrize("text, sentences", [
    ("He met Lt. Col. Oliver North, who was fired. Then he left.",
     ["He met Lt. Col. Oliver North, who was fired.", "Then he left."]),
    ("Talks with John F. Kennedy ended. Prices fell 3 pct. Oil rose.",
     ["Talks with John F. Kennedy ended.", "Prices fell 3 pct.", "Oil rose."]),
    ("The delegation flew to the U.S. and met officials. It left.",
     ["The delegation flew to the U.S. and met officials.", "It left."]),
    ("It was said by a former Nevada Sen.\nand Reagan confidant. He is a victim.",
     ["It was said by a former Nevada Sen.\nand Reagan confidant.", "He is a victim."]),
])
def test_chunks_are_never_cut_after_an_abbreviation_or_an_initial(text, sentences):
    from spacy.pipeline import Sentencizer

    from whimbrel.firstpass import _trusted_sentences

    doc = Sentencizer()(load_nlp().make_doc(text))
    assert [s.text.strip() for s in _trusted_sentences(doc)] == sentences


def test_the_sentence_before_a_pronoun_is_analysed_with_it():
    parser = SelectiveParser(load_nlp(), load_lexicon())
    text = ("Wheat prices were steady. Brazil's finance minister spoke to bankers in Lima. "
            "He accused Argentina of dumping grain.")
    doc = next(parser.pipe([text]))
    parsed = [any(t.dep_ not in ("dep", "ROOT") for t in s) for s in doc.sents]
    assert parsed == [False, True, True]


def test_agent_words_in_untagged_sentences_join_the_same_actor():
    """An untagged plural ("officials") is matched by the lemmas it could have and grouped with the
    same group named in an analysed sentence."""
    from dataclasses import replace

    from whimbrel.ingest.text import article_from_text

    text = ("Japanese officials expect wheat prices to stay steady this year. "
            "Japanese officials accused Argentina of dumping grain on Monday.")
    article = replace(article_from_text(text, doc_id="untagged", origin="test"), date="2025-03-04")
    coded = next(Coder().code([article]))
    officials = [a for a in coded.actors if a.sector == "GOV" and a.code == "JPN"]
    assert len(officials) == 1
    assert [m.start for m in officials[0].mentions] == [0, text.index("Japanese officials accused")]
    assert [(e.event_type, e.actor[0].actor_id) for e in coded.events] == [("ACCUSE", officials[0].actor_id)]
