"""Per-document actor resolution: from coded phrases to actors followed through the story.

An actor is anchored at its fullest mention and followed through the document by rules that
are general facts of news English:
- a known person's surname (or, for names written family-name first, the first word) used
  alone later refers to that person ("Putin", "Kim");
- regional shorthand resolves by the countries the story names ("the North" in a Korea story);
- a definite description with a nationality and a singular title ("the North Korean leader")
  refers to the person of that country and sector the story already named;
- a subject pronoun (he, she) refers to the one person named in the nearest preceding sentence
  that names people, or to that sentence's subject when it names several.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..models import Actor, Mention
from ..nlp import is_untagged, sentence_index
from .kb import COUNTRY, NON_STATE_CODES, PERSON, ActorKB, Entry
from .phrases import Match, Phrase, build_phrases, find_matches, ner_matches


@dataclass
class DocActors:
    """Actors of one document and the phrase (by head token) that mentions each."""

    actors: list[Actor] = field(default_factory=list)
    phrases: dict[int, Phrase] = field(default_factory=dict)  # head token index -> phrase
    actor_of: dict[int, str] = field(default_factory=dict)  # head token index -> actor_id

    def actor(self, actor_id: str) -> Actor:
        return next(a for a in self.actors if a.actor_id == actor_id)


def find_actors(doc: Doc, kb: ActorKB, nlp, date: str, *, skip_chars: int = 0,
                reporting_verbs: frozenset[str] = frozenset()) -> DocActors:
    """Actors of a parsed document; text before ``skip_chars`` (a dateline) names no actor;
    ``reporting_verbs`` (say, report...) let a pronoun in a reported clause find its reporter."""
    matches = find_matches(doc, kb, nlp)
    matches += _surname_matches(doc, matches)
    matches += _shorthand_matches(doc, matches, kb)
    matches += ner_matches(doc, matches, kb)
    matches = sorted((m for m in matches if doc[m.start].idx >= skip_chars), key=lambda m: m.start)
    phrases = build_phrases(doc, matches, kb, date)
    _assume_story_country(phrases)
    phrases += _pronoun_phrases(doc, phrases, reporting_verbs)
    return _group(doc, phrases)


_STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}


def _assume_story_country(phrases: list[Phrase]) -> None:
    """'The prime minister', 'police' with no country, in a story clearly about one country, are
    that country's: the only country the story names, or the one named far more often than any
    other (at least three times and half again as often as the next)."""
    counts = Counter(p.codes[0] for p in phrases if p.kind in ("country", PERSON, "group") and len(p.codes) == 1)
    ranked = counts.most_common(2)
    only_one = len(ranked) == 1
    if not ranked or (not only_one and (ranked[0][1] < 3 or ranked[0][1] < 1.5 * ranked[1][1])):
        return
    home = ranked[0][0]
    if home in NON_STATE_CODES:
        return
    for phrase in phrases:
        if not phrase.codes and phrase.entry is None and phrase.sector in _STATE_SECTORS:
            phrase.codes = [home]


def _surname_matches(doc: Doc, matches: list[Match]) -> list[Match]:
    """Later bare mentions of a named person's family name ("Putin"; "Kim" for Kim Jong-un)."""
    people: dict[str, Entry] = {}
    covered = {i for m in matches for i in range(m.start, m.end)}
    for match in matches:
        for entry in match.entries[:1]:
            if entry.kind == PERSON:
                words = entry.name.replace("-", " ").split()
                for word in {words[0], words[-1]} if len(words) > 1 else set():
                    if len(word) > 2:
                        people.setdefault(word, entry)
    found = []
    for token in doc:
        proper = token.pos_ == "PROPN" or (is_untagged(token) and token.is_title)
        if token.i not in covered and proper and token.text in people:
            found.append(Match(token.i, token.i + 1, (people[token.text],)))
    return found


def _shorthand_matches(doc: Doc, matches: list[Match], kb: ActorKB) -> list[Match]:
    """'the North' and the like, resolved by the countries named elsewhere in the story."""
    named = [e.code for m in matches for e in m.entries[:1] if e.code]
    covered = {i for m in matches for i in range(m.start, m.end)}
    found = []
    for words, mapping in kb.shorthand.items():
        target = next((mapping[c] for c in named if c in mapping), None)
        if not target:
            continue
        size = len(words.split())
        for i in range(len(doc) - size + 1):
            span = doc[i : i + size]
            if span.text.lower() == words and span[-1].text[:1].isupper() and not covered & set(range(i, i + size)):
                if i + size < len(doc) and doc[i + size].text == "-":
                    continue  # "the North-Russia relations": a compound modifier, not an actor
                entry = Entry(f"country:{target}", span.text, COUNTRY, target)
                found.append(Match(i, i + size, (entry,)))
    return found


def _pronoun_phrases(doc: Doc, phrases: list[Phrase], reporting_verbs: frozenset[str]) -> list[Phrase]:
    """Subject pronouns linked to their antecedent.

    In a reported clause the subject pronoun is the reporter ("Japan said it had halted aid");
    otherwise he/she is the person the preceding text is about.
    """
    people = [p for p in phrases if p.kind == PERSON]
    by_head = {p.head: p for p in phrases}
    found = []
    for token in doc:
        if not (token.pos_ == "PRON" and token.lower_ in _SUBJECT_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass")):
            continue
        antecedent = _reporter(token, by_head, reporting_verbs)
        if antecedent is None and token.lower_ in ("he", "she"):
            antecedent = _antecedent(doc, token.i, people)
        if antecedent:
            found.append(
                Phrase(head=token.i, start=token.i, end=token.i + 1, codes=list(antecedent.codes),
                       sector=antecedent.sector, entry=antecedent.entry, name=antecedent.name, kind=antecedent.kind,
                       how="pronoun", head_lemma=antecedent.head_lemma)
            )
    return found


_SUBJECT_PRONOUNS = {"he", "she", "it", "they", "we"}


def _reporter(pronoun: Token, by_head: dict[int, Phrase], reporting_verbs: frozenset[str]) -> Phrase | None:
    """The subject of the verb of saying whose reported clause the pronoun is the subject of."""
    verb = pronoun.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in reporting_verbs:
        return None
    for subject in verb.head.children:
        if subject.dep_ == "nsubj" and subject.i in by_head and subject.i != pronoun.i:
            phrase = by_head[subject.i]
            if phrase.kind != "unknown" and (pronoun.lower_ in ("he", "she")) == (phrase.kind == PERSON):
                return phrase
    return None


def _antecedent(doc: Doc, index: int, people: list[Phrase]) -> Phrase | None:
    sentence = doc[index].sent
    before = [p for p in people if p.start < index]
    if not before:
        return None
    # Nearest sentence (this one up to the pronoun, else earlier ones) that names anybody.
    sentences = sorted({doc[p.head].sent.start for p in before}, reverse=True)
    nearest = sentences[0]
    if doc[nearest].sent.start < sentence.start and sentence.start - nearest > 3 * max(len(sentence), 40):
        return None
    candidates = [p for p in before if doc[p.head].sent.start == nearest]
    names = {p.name for p in candidates}
    if len(names) == 1:
        return candidates[-1]
    subjects = [p for p in candidates if doc[p.head].dep_ in ("nsubj", "nsubjpass")]
    return subjects[0] if len({p.name for p in subjects}) == 1 else None


def _identity_key(phrase: Phrase) -> str:
    if phrase.entry is not None:
        return f"{phrase.entry.kind}:{phrase.entry.name}"
    # Groups are one actor only when they are the same kind of group: "Russian diplomats" and a
    # "Russian foreign ministry spokeswoman" share country and sector but are different actors.
    head = phrase.head_lemma if phrase.kind == "group" else ""
    return f"{'+'.join(phrase.codes) or '-'}:{phrase.sector or '-'}:{phrase.kind}:{head}"


def _group(doc: Doc, phrases: list[Phrase]) -> DocActors:
    """One Actor per identity; definite descriptions join the person of their country and sector."""
    result = DocActors()
    by_key: dict[str, Actor] = {}
    people_by_role: dict[tuple[str, str], str] = {}
    for phrase in sorted(phrases, key=lambda p: p.start):
        key = _identity_key(phrase)
        if phrase.entry is None and _is_singular_title(doc, phrase):
            person_key = people_by_role.get((phrase.codes[0], phrase.sector or ""))
            if person_key:
                key = person_key
                phrase.how = "description"
        actor = by_key.get(key)
        if actor is None:
            actor = Actor(
                actor_id=f"A{len(by_key) + 1}",
                name=phrase.name or doc[phrase.start : phrase.end].text,
                code=phrase.codes[0] if phrase.codes else None,
                sector=phrase.sector,
                kind=phrase.kind,
                plover_code=phrase.plover_code,
            )
            by_key[key] = actor
            result.actors.append(actor)
        if phrase.kind == PERSON and phrase.codes:
            people_by_role.setdefault((phrase.codes[0], phrase.sector or ""), key)
        span = doc[phrase.start : phrase.end]
        actor.mentions.append(
            Mention(span.text, span.start_char, span.end_char, sentence_index(doc, phrase.head), phrase.how)
        )
        result.phrases[phrase.head] = phrase
        result.actor_of[phrase.head] = actor.actor_id
    return result


def _is_singular_title(doc: Doc, phrase: Phrase) -> bool:
    """'the North Korean leader': one country, a sector, a singular common-noun head, no name."""
    head = doc[phrase.head]
    return (
        len(phrase.codes) == 1
        and phrase.sector is not None
        and phrase.kind == "group"
        and (head.tag_ == "NN" or (is_untagged(head) and phrase.head_lemma == head.lower_))
        and any(t.lower_ == "the" for t in doc[max(phrase.start - 1, 0) : phrase.head])
    )
