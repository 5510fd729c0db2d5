"""Who says so: direct quotations with their speakers, and the reporting chain behind each event.

A quotation's speaker is the subject of the reporting verb outside the quotation marks in the
same sentence ('"...," Kim said'; 'Kim said: "..."'; '"...," said Kim'), resolved through the
document's actors, so a pronoun speaker is the person it refers to. Where the actors leave the
subject unlinked, a name is the actor an earlier mention of it belongs to, and "he said" the
person the story last named as saying something; a quotation with no verb of saying, in the
sentence after another, goes on that one.

An event's chain runs from origin to wire: the source its own sentence names ("the North's
state media said", "according to KCNA", "officials said", "a spokeswoman for the ministry said",
the speaker of the quotation it is told in) and the outlet that carried its words ("quoted by
Interfax"), then the news outlets the story cites as reporting ("Yonhap news agency reported"),
then the wire of the dateline. A country's "state media" is that country's outlet named in the
same story, where there is one, else its state news agency where known.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .actors import DocActors
from .data_files import data_path, read_yaml
from .events.detect import argument_heads
from .events.lexicon import load_lexicon
from .models import Article, Quote
from .nlp import indices_of, sentence_index

_QUOTE_MARK = re.compile(r"[\"“”]")
_OPENS_AFTER = " \t\n([:—-"  # a straight quote mark opens a quotation after a space, a bracket or a colon
_MEDIA_SECTOR = "JRN"
_REPORT = "report"  # "..., news agencies reported": the verb that names the story's own sources


@lru_cache(maxsize=1)
def state_agencies() -> dict[str, str]:
    """Country code -> its state news agency, from the data file."""
    return read_yaml(data_path("state_media.yaml"))


@lru_cache(maxsize=1)
def relay_verbs() -> frozenset[str]:
    """Verbs whose "by" phrase names the outlet that carried someone's words, from the data file."""
    return frozenset(read_yaml(data_path("attribution.yaml"))["relay_verbs"])


def reporting_verbs() -> frozenset[str]:
    """Verbs of saying, from the trigger lexicon's data file."""
    return load_lexicon().reporting_verbs


@dataclass(frozen=True)
class Source:
    name: str
    code: str | None
    actor_id: str | None
    generic_media: bool = False  # "state media", "local media": no outlet named


def _source(actors: DocActors, head: Token) -> Source:
    actor = actors.actor(actors.actor_of[head.i])
    generic = actor.sector == _MEDIA_SECTOR and actor.kind != "organisation"
    return Source(_role_of(head, actors) or actor.name, actor.code, actor.actor_id, generic)


_ROLE_OWNERS = ("for", "of", "at")  # "a spokeswoman for the ministry", "the director of the agency"


def _role_of(head: Token, actors: DocActors) -> str | None:
    """'a spokesman for the foreign ministry said', 'Lavrov's deputy, Mikhail Bogdanov, said': a source
    named by a role of someone else is that role, in the sentence's own words, with the name beside it;
    not the actor it serves, who did not say it. A proper name or a bare role ("officials") is its actor."""
    if head.pos_ != "NOUN" or actors.actor(actors.actor_of[head.i]).kind == "organisation":
        return None  # "Tehran's IRNA news agency" is IRNA, not a role of Tehran's
    owners = [c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    owners += [o for p in head.children if p.dep_ == "prep" and p.lower_ in _ROLE_OWNERS
               for o in p.children if o.dep_ == "pobj"]
    # "the chief of staff of Russia's armed forces": through a title's own "of" to whose it is
    owners += [g for o in owners for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
               for g in p.children if g.dep_ == "pobj"]
    if not any(o.pos_ == "PROPN" or o.ent_type_ or o.i in actors.phrases for o in owners):
        return None
    start = min([head.i, *(c.left_edge.i for c in head.children if c.i < head.i and c.dep_ != "det")])
    end = max([head.i, *(o.right_edge.i for o in owners)]) + 1
    name = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if name is not None:
        end = max(end, name.right_edge.i + 1)
    return head.doc[start:end].text.strip(" ,")


def find_quotes(doc: Doc, actors: DocActors, article: Article) -> list[Quote]:
    quotes = []
    follows = None  # the sentence after the last quotation's: one starting there may go on it
    whole = doc.text  # spaCy rebuilds the text on every access
    for start, end in _quotations(whole):
        text = whole[start:end]
        if len(text) < 8 or len(text.split()) < 3:
            continue  # a scare-quoted phrase ("meaningful"), not a quotation
        span = doc.char_span(start - 1, end + 1, alignment_mode="expand")
        if span is None:
            continue
        speaker = _speaker(doc, span.start, span.end, actors)
        index = sentence_index(doc, span.start)
        if speaker is None and quotes and quotes[-1].speaker and follows is not None \
                and span[0].sent.start < follows.end and not _reporting_verbs_outside(doc, span.start, span.end):
            # '"...," he said. "Kids are dying."': a quotation with no verb of saying goes on the one before it
            before = quotes[-1]
            speaker = Source(before.speaker, before.speaker_code, before.speaker_actor_id)
        quote_id = hashlib.sha1(f"{article.doc_id}|{start}|{end}".encode()).hexdigest()[:16]
        quotes.append(Quote(quote_id, article.doc_id, text, start, end, index,
                            speaker.name if speaker else None, speaker.code if speaker else None,
                            speaker.actor_id if speaker else None))
        ending = span[-1].sent
        follows = doc[ending.end].sent if ending.end < len(doc) else None
    return quotes


def _quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation's words: an opening mark paired with the next closing one. A mark
    opens when it is "“", or a straight mark at the start or after a space; so a paragraph that opens a
    quotation and never closes it (wire style) does not pair the text between two quotations."""
    found, opening = [], None
    for mark in _QUOTE_MARK.finditer(text):
        at = mark.start()
        opens = mark.group() == "“" or (mark.group() == '"' and (at == 0 or text[at - 1] in _OPENS_AFTER))
        if opens:
            opening = at + 1
        elif opening is not None:
            found.append((opening, at))
            opening = None
    return found


def _reporting_verbs_outside(doc: Doc, start: int, end: int) -> list[Token]:
    """Verbs of saying outside the quotation, in the sentences the quotation touches."""
    first, last = doc[start].sent, doc[end - 1].sent
    window = doc[first.start : last.end]
    return [t for t in window if t.lemma_.lower() in reporting_verbs() and t.pos_ == "VERB" and not start <= t.i < end]


def _speaker(doc: Doc, start: int, end: int, actors: DocActors) -> Source | None:
    """The subject of a reporting verb outside the quotation, in the sentences the quotation touches."""
    verbs = _reporting_verbs_outside(doc, start, end)
    verbs.sort(key=lambda t: min(abs(t.i - start), abs(t.i - end)))
    for verb in verbs:
        source = subject_source(verb, actors)
        if source:
            return source
    return None


def subject_source(verb: Token, actors: DocActors, *, look_back: bool = True) -> Source | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for head in argument_heads(subjects, actors):
        return _source(actors, verb.doc[head])
    for subject in subjects:
        if (named := _named_person(subject, actors)) is not None:
            return named
        if look_back and subject.lower_ in _PERSONAL_PRONOUNS:
            return _last_named_speaker(verb, actors)
    return None


_PERSONAL_PRONOUNS = {"he", "she"}
_SPEAKER_LOOK_BACK = 3  # sentences searched for the person an unlinked "he said" goes on quoting


def _named_person(token: Token, actors: DocActors) -> Source | None:
    """A person's name the actors did not link ("said Ronalds" after "Paul Ronalds, chief executive of
    ..."): the actor an earlier mention of the name belongs to, else, where NER tags it a person, the
    name as written."""
    if token.pos_ != "PROPN" or token.ent_type_ not in ("PERSON", ""):
        return None
    for actor in (a for a in actors.actors if a.kind != "country"):  # "said Jordan" is no country speaking
        if any(m.start < token.idx and token.text in re.findall(r"[\w’'-]+", m.text) for m in actor.mentions):
            return Source(actor.name, actor.code, actor.actor_id)
    if token.ent_type_ == "PERSON":  # "said Kamau" after "Wanjiru Kamau, the director...": the name in full
        own = next(e for e in token.doc.ents if e.start <= token.i < e.end)
        names = [e for e in token.doc.ents if e.label_ == "PERSON" and e.end <= own.start and token.text in e.text.split()]
        return Source((names[0] if names else own).text, None, None)
    return None


def _last_named_speaker(verb: Token, actors: DocActors) -> Source | None:
    """'"...," he said', where the actors left "he" unlinked: the person the story last named as saying
    something, a few sentences back at most; a news story goes on quoting whom it has just introduced."""
    sentences = list(verb.doc.sents)
    index = next(i for i, sentence in enumerate(sentences) if sentence.start <= verb.i < sentence.end)
    earlier = [t for sentence in sentences[max(0, index - _SPEAKER_LOOK_BACK) : index + 1] for t in sentence
               if t.i < verb.i and t.pos_ == "VERB" and t.lemma_.lower() in reporting_verbs()]
    for other in reversed(earlier):
        subjects = [c for c in other.children if c.dep_ == "nsubj"]
        if any(_named_person(s, actors) is not None or (
                s.i in actors.actor_of and actors.actor(actors.actor_of[s.i]).kind == "person") for s in subjects):
            return subject_source(other, actors, look_back=False)
    return None


def sentence_sources(doc: Doc, trigger: Token, actors: DocActors, quotes: Sequence[Quote] = ()) -> list[Source]:
    """Sources the event's own sentence names: the reporting verb above the trigger (or tacked on after
    its clause), the outlet that carried it ("quoted by Interfax"), 'according to X', and the speaker of
    a quotation the trigger stands in ('"We will...," he said' after a named speaker)."""
    found: list[Source] = [Source(q.speaker, q.speaker_code, q.speaker_actor_id) for q in quotes
                           if q.speaker and q.start <= trigger.idx < q.end]
    token = trigger
    for _ in range(8):
        if (source := _trailing_report(token, trigger, actors)) is not None:
            found.append(source)
        if token.head == token:
            break
        if token.dep_ in ("ccomp", "parataxis", "conj") and token.head.lemma_.lower() in reporting_verbs():
            source = subject_source(token.head, actors)
            if source:
                found.append(source)
        token = token.head
    return found + _relayed_by(trigger.sent, actors) + _according_to(trigger.sent, actors)


def _trailing_report(verb: Token, trigger: Token, actors: DocActors) -> Source | None:
    """'Jets bombed the town on Monday, the Observatory reported', parsed with the report hanging off the
    act: a verb of saying after the trigger, attached to its clause without a subordinator ("after
    officials said" is a time, not a source)."""
    for child in verb.children:
        if child.dep_ in ("advcl", "parataxis") and child.i > trigger.i and child.lemma_.lower() in reporting_verbs() \
                and not any(c.dep_ in ("mark", "advmod") for c in child.children if c.i < child.i):
            return subject_source(child, actors)
    return None


def _relayed_by(sentence: Span, actors: DocActors) -> list[Source]:
    """Outlets named as carrying the sentence's words: "said in comments reported by the Associated Press",
    "in a statement carried by state television", "quoted by Interfax"; only news media relay."""
    relays = [t for t in sentence if t.tag_ == "VBN" and t.lemma_.lower() in relay_verbs()]
    agents = [o for t in relays for a in t.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    sources = [_source(actors, sentence.doc[head]) for head in argument_heads(agents, actors)]
    return [s for s in sources if actors.actor(s.actor_id).sector == _MEDIA_SECTOR]  # not "a town reported by locals to be empty"


def _according_to(tokens: Doc | Span, actors: DocActors) -> list[Source]:
    """Sources named by "according to X" among ``tokens`` (a sentence or a whole document)."""
    found = []
    if "according to" not in tokens.text.lower():
        return found
    for token in tokens:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to":
            objects = [c for c in token.nbor(1).children if c.dep_ == "pobj"]
            found += [_source(actors, tokens.doc[head]) for head in argument_heads(objects, actors)]
    return found


def document_reporters(doc: Doc, actors: DocActors) -> list[Source]:
    """News outlets the story cites as reporting, in order of first citation ("Yonhap reported",
    "according to KCNA"); where it names none, the unnamed media it says the story was reported by
    ("..., news agencies reported"): a medium that only "said" one thing ("state media said") sources
    that claim, not the story, and an outlet someone spoke to ("told Interfax") only what they said."""
    found: list[Source] = []
    if not any(a.sector == _MEDIA_SECTOR for a in actors.actors):
        return found  # no media cited: nothing to look for
    named = any(a.sector == _MEDIA_SECTOR and a.kind == "organisation" for a in actors.actors)
    for token in doc:
        if token.lemma_.lower() not in reporting_verbs() or token.pos_ != "VERB":
            continue
        if named or token.lemma_.lower() == _REPORT:
            heads = argument_heads([c for c in token.children if c.dep_ == "nsubj"], actors)
            found += [_source(actors, doc[head]) for head in heads]
    if named:
        found += _according_to(doc, actors)
    found = [s for s in found if (_is_outlet(actors, s) if named else s.generic_media)]
    unique: dict[str, Source] = {}
    for source in sorted(found, key=lambda s: _first_mention(actors, s.actor_id)):
        unique.setdefault(source.name, source)
    return list(unique.values())


def told_outlets(doc: Doc, actors: DocActors) -> dict[str, Source]:
    """Speaker (actor id) -> the news outlet the story says they spoke to ("Omar told the Herald",
    "said in an interview with..." aside): what that speaker says reached the story through it."""
    told: dict[str, Source] = {}
    for token in (doc[i] for i in indices_of(doc, reporting_verbs(), by="lemma")):
        if token.pos_ != "VERB":
            continue
        listeners = argument_heads([c for c in token.children if c.dep_ in ("dobj", "dative")], actors)
        listeners += argument_heads([o for c in token.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                                     for o in c.children if o.dep_ == "pobj"], actors)
        outlets = [s for s in (_source(actors, doc[h]) for h in listeners) if _is_outlet(actors, s)]
        speaker = subject_source(token, actors)
        if outlets and speaker is not None and speaker.actor_id:
            told.setdefault(speaker.actor_id, outlets[0])
    return told


def _is_outlet(actors: DocActors, source: Source) -> bool:
    actor = actors.actor(source.actor_id)
    return actor.sector == _MEDIA_SECTOR and actor.kind == "organisation"


def _first_mention(actors: DocActors, actor_id: str | None) -> int:
    actor = actors.actor(actor_id) if actor_id else None
    return min((m.start for m in actor.mentions), default=0) if actor else 0


def reporting_chain(own: list[Source], reporters: list[Source], article: Article,
                    told: dict[str, Source] | None = None) -> tuple[str, ...]:
    """Origin to wire: the sentence's sources (state media resolved to the outlet named, each speaker
    followed by the outlet they spoke to), the story's outlets, the wire."""
    outlets = {s.code: s for s in reporters}
    chain: list[str] = []
    for source in own:
        outlet = outlets.get(source.code) if source.generic_media else None
        agency = state_agencies().get(source.code) if source.generic_media and "state" in source.name.lower() else None
        chain.append(outlet.name if outlet else f"{source.name} ({agency})" if agency else source.name)
        if told and source.actor_id in told:
            chain.append(told[source.actor_id].name)
    chain += [s.name for s in reporters]
    if article.wire:
        chain.append(article.wire)
    return tuple(dict.fromkeys(c for c in chain if c))
