"""Find actor phrases in a parsed document and code each one (country, sector, identity).

A phrase is a noun phrase built around one head token: "Russian President Vladimir Putin",
"Hungarian and Romanian officials", "Norway's central bank". Knowledge-base names and agent
words found in the text are grouped by the head they attach to through the dependency parse
(compound, modifier, possessive, apposition links), then the group is coded as a whole:
a known person or organisation gives identity; nationality words, possessors and capitals
give the country; the head-most agent word (with "former", "opposition"... modifiers) gives
the sector.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.attrs import IS_TITLE, LEMMA, LENGTH, LOWER
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .. import cache
from ..nlp import indices_of, is_untagged, possible_lemmas
from .kb import (CAPITAL, COUNTRY, DEMONYM, ETHNIC, MIN_MISSPELT_WORD, NON_STATE_CODES, ORGANISATION, PERSON, PLACE,
                 SEAT, ActorKB, Entry, Role, spelling_key)

# Dependency links along which a name or agent word belongs to the phrase of its head.
_PHRASE_LINKS = {"compound", "amod", "poss", "nmod", "flat", "appos", "nn"}
# Prepositions whose object gives the country of an agent noun that has none ("people in the UK").
_ORIGIN_PREPS = {"of", "from", "in", "at", "throughout", "across"}
_LEADERSHIP_SECTORS = {"GOV", "SOC", "UNK"}
_PLACE_KINDS = {COUNTRY, CAPITAL, PLACE}
_VENUE_PREPS = {"in", "at"}
# officials and politicians "in" a city may be visiting it; students, scholars, residents live there
_VISITING_SECTORS = {"GOV", "OPP", "PTY", "LEG", "JUD", "SPY", "COP"}
_PLACE_NAME_KINDS = {COUNTRY, DEMONYM, CAPITAL, PLACE}
CHALLENGER_SECTORS = {"REB", "OPP"}  # rebels and opposition fight or oppose their own state
_ARMED_SECTORS = {"MIL", "REB", "UAF", "PRM", "IMG"}
_NER_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_NOT_PERSON_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART"}
# One Hanyu Pinyin syllable (tone marks dropped); a Chinese given name is one or two of them.
_PINYIN = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
           r"(?:iang|iong|uang|ueng|iao|ian|ing|uai|uan|ang|eng|ong|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue"
           r"|a|o|e|i|u|v|ü)")
_PINYIN_GIVEN_NAME = re.compile(rf"(?:{_PINYIN}){{1,2}}")
_PINYIN_ONE_SYLLABLE = re.compile(_PINYIN)


@dataclass
class Match:
    """A knowledge-base name or an agent word found in the text."""

    start: int  # token indices
    end: int
    entries: tuple[Entry, ...] = ()
    sector: str | None = None  # for agent words
    unknown_ner: str | None = None  # NER label of a name the knowledge base lacks


@dataclass
class Phrase:
    """A coded actor phrase: the head token, the tokens it covers and what they say."""

    head: int
    start: int
    end: int
    codes: list[str] = field(default_factory=list)
    sector: str | None = None
    entry: Entry | None = None  # person or organisation identity
    name: str | None = None
    kind: str = "group"  # person | organisation | country | group | pronoun | unknown
    plover_code: str | None = None
    how: str = "name"
    head_lemma: str = ""
    homelands: tuple[str, ...] = ()  # "Kurdish officials": the countries the named people live in
    minority_of: str | None = None  # "ethnic Albanians": the state whose nationality names an ethnicity
    people: bool = False  # a nationality or ethnicity named as its people: "Albanians", "the Kurds"

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


@dataclass(frozen=True)
class SurfaceIndex:
    """Knowledge-base names keyed by their lower-cased spaCy tokens.

    Looking up every n-gram of a document (n up to the longest name) costs time linear in the
    document's length, like a PhraseMatcher, and the index can be cached on disk, so start-up
    does not re-tokenise tens of thousands of names.
    """

    by_tokens: dict[tuple[str, ...], tuple[str, ...]]  # lower-cased tokens -> surface strings
    lengths: dict[str, tuple[int, ...]]  # first token -> lengths of the names it starts, longest first


@lru_cache(maxsize=4)
def _surface_index(nlp, kb: ActorKB) -> SurfaceIndex:
    surfaces = sorted(s for s, keys in kb.surfaces.items() if _matchable(s, keys, kb))
    key = cache.digest([spacy.__version__, nlp.meta.get("version", ""), *surfaces])
    index = cache.load("surfaces", key)
    if index is not None:
        return index
    by_tokens: dict[tuple[str, ...], list[str]] = {}
    for surface, doc in zip(surfaces, nlp.tokenizer.pipe(surfaces, batch_size=2000)):
        by_tokens.setdefault(tuple(t.lower_ for t in doc), []).append(surface)
    lengths: dict[str, set[int]] = {}
    for words in by_tokens:
        lengths.setdefault(words[0], set()).add(len(words))
    index = SurfaceIndex({k: tuple(v) for k, v in by_tokens.items()},
                         {first: tuple(sorted(n, reverse=True)) for first, n in lengths.items()})
    cache.store("surfaces", key, index)
    return index


def _matchable(surface: str, keys: set[str], kb: ActorKB) -> bool:
    """Bare one-word person names are too ambiguous to match alone ("Hussein", "Abdullah"); coreference
    links surnames instead. A one-word name that is part of no other known name ("Suharto") is matched."""
    if any(kb.entries[k].kind != PERSON for k in keys):
        return True
    return len(surface.split()) > 1 or surface in kb.sole_names


def _case_fits(surface: str, span: Span, bodies: frozenset[str]) -> bool:
    """Text must be capitalised where the name is; short all-caps names (US, UN) must match exactly.
    The last word of a longer name may be lower case where it is a noun for a body ("the Black Sea
    fleet", "the Justice ministry"): house styles differ there, and the capitalised words before it
    still mark a name. Other last words must match ("Russia today" is no "Russia Today")."""
    compact = surface.replace(".", "")
    if surface.isupper() and len(compact) <= 5:
        return span.text == surface
    words = surface.split()
    if len(words) != len(span.text.split()):
        return span[0].text[:1].isupper() or not surface[:1].isupper()
    texts = span.text.split()
    if len(words) > 1 and texts[0][:1].isupper() and texts[-1].islower() and texts[-1] in bodies:
        words, texts = words[:-1], texts[:-1]
    return all(not w[:1].isupper() or t[:1].isupper() for w, t in zip(words, texts))


def find_matches(doc: Doc, kb: ActorKB, nlp) -> list[Match]:
    """Knowledge-base names, then agent words outside them."""
    index = _surface_index(nlp, kb)
    lowers, lemmas = _word_columns(doc)
    spans, surface_of = [], {}
    for start in range(len(doc)):
        for length in index.lengths.get(lowers[start], ()):
            surfaces = index.by_tokens.get(tuple(lowers[start : start + length]))
            if not surfaces:
                continue
            span = doc[start : start + length]
            fitting = [s for s in surfaces if _case_fits(s, span, kb.collective_nouns)]
            if fitting:
                spans.append(span)
                surface_of[(span.start, span.end)] = fitting[0]
    matches: list[Match] = []
    taken: set[int] = set()
    for span in filter_spans(spans):
        entries = tuple(kb.lookup(surface_of[(span.start, span.end)]))
        if _surname_like_a_place(span, entries):
            continue
        if span.text in kb.sole_names and span[0].ent_type_ != "PERSON":
            continue  # "Strathclyde police": a one-word name is a person only where NER reads a person
        matches.append(Match(span.start, span.end, entries))
        taken.update(range(span.start, span.end))
    surnames = [doc[i] for i in indices_of(doc, kb.famous_surnames, by="orth")
                if i not in taken and not part_of_longer_name(doc[i])]
    for token in surnames:
        looks_like_name = token.ent_type_ in _NER_LABELS  # NER's word: "Friday" the day is no Mr Friday
        if looks_like_name:
            matches.append(Match(token.i, token.i + 1, (kb.entries[kb.famous_surnames[token.text]],)))
            taken.add(token.i)
    for token in surnames:  # "Trump and Erdogan": coordinated with a name, a name though NER missed it
        partners = [token.head] if token.dep_ == "conj" else [c for c in token.children if c.dep_ == "conj"]
        if token.i not in taken and token.pos_ == "PROPN" and any(
                p.i in taken or p.ent_type_ == "PERSON" for p in partners):
            matches.append(Match(token.i, token.i + 1, (kb.entries[kb.famous_surnames[token.text]],)))
            taken.add(token.i)
    matches.extend(_misspelt_matches(doc, kb, taken))
    matches.extend(_chinese_name_matches(doc, kb, taken))
    matches.extend(_agent_matches(doc, kb, taken, lowers, lemmas))
    return sorted(matches, key=lambda m: m.start)


_PLACE_KINDS = {CAPITAL, PLACE, COUNTRY}


def _surname_like_a_place(span: Span, entries: tuple[Entry, ...]) -> bool:
    """"Joseph Muscat", "Jack London": a place name after a given name inside a person's name is a surname."""
    first = span[0]
    return bool(entries) and all(e.kind in _PLACE_KINDS for e in entries) and first.ent_type_ == "PERSON" \
        and first.ent_iob_ == "I" and span[-1].ent_type_ == "PERSON"


def _misspelt_matches(doc: Doc, kb: ActorKB, taken: set[int]) -> list[Match]:
    """Country and people names misspelt by one letter ("Ethopia", "Chenchen refugees")."""
    found = []
    columns = doc.to_array([IS_TITLE, LENGTH])  # read spaCy's arrays: making a Token per word is the cost here
    for index in (i for i, (title, length) in enumerate(columns) if title and length >= MIN_MISSPELT_WORD):
        token = doc[index]
        if token.i in taken or not _TITLE_WORD.fullmatch(token.text) or token.ent_type_ in _NAME_NOT_PLACE_LABELS:
            continue
        name = kb.misspelt(token.text)
        if name:
            found.append(Match(token.i, token.i + 1, tuple(kb.lookup(name))))
            taken.add(token.i)
    return found


_TITLE_WORD = re.compile(r"[A-Z][a-z]+")
_NAME_NOT_PLACE_LABELS = {"PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}


def _chinese_name_matches(doc: Doc, kb: ActorKB, taken: set[int]) -> list[Match]:
    """An unknown "Surname Givenname" in pinyin ("He Zhihua") is a Chinese person: the spelling
    itself tells the country, and with no title, a civilian until the text says otherwise."""
    found = []
    for token in doc[:-1]:
        if token.text not in kb.chinese_surnames:
            continue
        given = token.nbor(1)
        span = doc[token.i : token.i + 2]
        if taken.intersection((token.i, given.i)):
            continue
        if not _is_pinyin_given_name(given) or any(t.ent_type_ in _NOT_PERSON_LABELS for t in span):
            continue
        if given.i + 1 < len(doc) and given.nbor(1).text[:1].isupper() and given.nbor(1).pos_ == "PROPN":
            continue  # a longer name or a place ("Ma On Shan"), not surname + given name
        if _PINYIN_ONE_SYLLABLE.fullmatch(given.lower_) and given.ent_type_ != "PERSON":
            continue  # a one-syllable given name must be a name NER also sees
        entry = Entry(f"person:{span.text}", span.text, PERSON, "CHN", roles=(Role("CHN", "CVL", source="name"),))
        found.append(Match(token.i, given.i + 1, (entry,)))
        taken.update((token.i, given.i))
    return found


def _is_pinyin_given_name(token: Token) -> bool:
    text = token.text
    return (len(text) > 1 and text[0].isupper() and text[1:].islower()
            and (token.pos_ == "PROPN" or token.ent_type_ == "PERSON")
            and _PINYIN_GIVEN_NAME.fullmatch(text.lower()) is not None)


def part_of_longer_name(token: Token) -> bool:
    """'Trump' in 'Ivanka Trump' or 'Trump Tower' is not the leader named Trump."""
    neighbours = [t for t in (token.nbor(-1) if token.i > 0 else None,
                              token.nbor(1) if token.i + 1 < len(token.doc) else None) if t is not None]
    return any(t.pos_ == "PROPN" and t.ent_iob_ != "O" and t.ent_type_ == token.ent_type_ for t in neighbours)


def ner_matches(doc: Doc, matches: list[Match], kb: ActorKB) -> list[Match]:
    """Names NER finds that the knowledge base lacks as written: a person known under another
    transliteration ("Borisov" for "Borissov"), or else an uncoded actor kept so events can name it."""
    taken = {i for m in matches for i in range(m.start, m.end)}
    found = []
    for ent in doc.ents:
        if ent.label_ not in _NER_LABELS or taken.intersection(range(ent.start, ent.end)):
            continue
        key = None
        if ent.label_ == "PERSON":
            spelled = spelling_key(ent.text).split()
            # the name as written, or without middle names ("Omar Hassan al-Bashir")
            key = kb.people_by_spelling.get(" ".join(spelled))
            if key is None and len(spelled) > 2:
                key = kb.people_by_spelling.get(f"{spelled[0]} {spelled[-1]}")
        elif ent.label_ == "ORG" and len(ent) > 1:
            key = kb.orgs_by_spelling.get(spelling_key(ent.text))
        if key:
            found.append(Match(ent.start, ent.end, (kb.entries[key],)))
        else:
            found.append(Match(ent.start, ent.end, unknown_ner=ent.label_))
    return found


def _word_columns(doc: Doc) -> tuple[list[str], list[str]]:
    """Each token's lower-case form and lemma ("" where untagged), read without building Tokens."""
    strings = doc.vocab.strings
    words = doc.to_array([LOWER, LEMMA])
    return ([strings[h] for h in words[:, 0].tolist()],
            [strings[h].lower() if h else "" for h in words[:, 1].tolist()])


def _agent_matches(doc: Doc, kb: ActorKB, taken: set[int], lowers: list[str], lemmas: list[str]) -> list[Match]:
    """Agent words ("foreign minister", "troops"): the last word may be inflected, so its lemma counts
    too. Most tokens are ruled out from their word and lemma strings alone, before any Token is built."""
    found = []
    i = 0
    while i < len(doc):
        first = lowers[i]
        if not (first in kb.agent_starts or first in kb.agent_ends or lemmas[i] in kb.agent_ends
                or (not lemmas[i] and possible_lemmas(first, "noun") & kb.agent_ends)):
            i += 1
            continue
        hit = None
        longest = 1 if first not in kb.agent_starts else min(kb.max_agent_words, len(doc) - i)
        for n in range(longest, 0, -1):
            before = tuple(lowers[i : i + n - 1])
            rough_forms = {lowers[i + n - 1], lowers[i + n - 1][:-1], lemmas[i + n - 1]}
            if not lemmas[i + n - 1]:
                rough_forms |= possible_lemmas(lowers[i + n - 1], "noun")
            if not any(before + (form,) in kb.agents for form in rough_forms):
                continue
            last = doc[i + n - 1]
            nominal = (last.pos_ in ("NOUN", "PROPN", "PRON") or (last.pos_ == "ADJ" and last.dep_ not in ("amod", "acomp"))
                       or is_untagged(last))
            if taken.intersection(range(i, i + n)) or not nominal:
                continue
            sector = next((kb.agents[before + (form,)] for form in _last_word_forms(last)
                           if before + (form,) in kb.agents), None)
            if sector:
                hit = Match(i, i + n, sector=sector)
                break
        if hit:
            found.append(hit)
            i = hit.end
        else:
            i += 1
    return found


def _last_word_forms(token: Token) -> list[str]:
    """The word as written, its lemma, and for a capitalised plural the lemmatiser leaves alone
    ("Self Defense Forces", "Popular Mobilisation Units") the form without its plural -s. An
    untagged word has no lemma yet: every lemma it could have as a noun counts."""
    if is_untagged(token):
        return [token.lower_, *sorted(possible_lemmas(token.lower_, "noun"))]
    forms = [token.lower_, token.lemma_.lower()]
    if token.tag_ == "NNPS" and token.lower_.endswith("s") and not token.lower_.endswith("ss"):
        forms.append(token.lower_[:-1])
    return forms


def build_phrases(doc: Doc, matches: list[Match], kb: ActorKB, date: str) -> list[Phrase]:
    """Group matches by the phrase head they attach to, then code each group."""
    by_token = {i: m for m in matches for i in range(m.start, m.end)}
    groups: dict[int, list[Match]] = {}
    for match in matches:
        head = _phrase_head(doc[match.start : match.end].root, by_token, kb)
        groups.setdefault(head.i, []).append(match)
    phrases = [_code_group(doc, doc[head], group, kb, date) for head, group in groups.items()]
    phrases = [p for p in phrases if p is not None]
    _residents(doc, phrases)
    _borrow_origin_country(doc, phrases)
    _serving_roles(doc, phrases, kb)
    _leading_roles(doc, phrases, kb)
    phrases += _populace_phrases(doc, phrases, kb)
    phrases += _named_by_examples(doc, phrases)
    return sorted(phrases, key=lambda p: p.start)


def _head_lemma(token: Token, kb: ActorKB) -> str:
    """The head's lemma; an untagged head has none, so the agent word it can be a form of stands
    in ("traders" -> "trader"), and groups in tagged and untagged sentences stay one actor."""
    if not is_untagged(token):
        return token.lemma_.lower()
    lemmas = sorted(possible_lemmas(token.lower_, "noun") - {token.lower_})
    return next((form for form in lemmas if form in kb.agent_ends), token.lower_)


def _phrase_head(token: Token, by_token: dict[int, Match], kb: ActorKB) -> Token:
    """Climb from a name or agent word to the head of the noun phrase it belongs to.

    A possessor or modifier joins its head only when that head is itself a name or agent
    ("Norway's central bank"); "Russia's war" keeps Russia as a phrase of its own. The leader of
    "Vietnamese-led forces", "the Saudi-led coalition" names the forces and the coalition.
    """
    if is_untagged(token):
        return _adjacent_head(token, by_token)
    led = token.head
    if token.dep_ == "npadvmod" and led.lower_ in kb.leading_participles and led.dep_ == "amod":
        token = led.head
    while token.head != token:
        dep, head = token.dep_, token.head
        joins = dep in _PHRASE_LINKS or (dep == "conj" and token.pos_ == "ADJ" and token.head.pos_ == "ADJ")
        # a name right before the agent noun it modifies, whatever the parser called the link
        joins = joins or (head.i == token.i + 1 and head.i in by_token and by_token[head.i].sector is not None)
        if not joins or head.pos_ not in ("NOUN", "PROPN", "ADJ"):
            break
        if dep != "conj" and head.i not in by_token and head.pos_ != "PROPN":
            break
        token = head
    return token


def _adjacent_head(token: Token, by_token: dict[int, Match]) -> Token:
    """An untagged sentence has no parse, so adjacency alone builds the phrase: a name or agent word
    joins the agent words right after it ("Japanese officials", "U.S. trade officials"), and the
    last word of the last one is the head."""
    match = by_token[token.i]
    while match.end in by_token and by_token[match.end].sector is not None:
        match = by_token[match.end]
    return token.doc[match.end - 1]


def _code_group(doc: Doc, head: Token, group: list[Match], kb: ActorKB, date: str) -> Phrase | None:
    stances = [m for m in group if _marked_by(doc, m, kb.stance_prefixes, hyphen=True)]
    if len(stances) == len(group):
        return None  # "anti-American": a stance, no actor
    group = [m for m in group if m not in stances and not _describes_place(doc, m, head, group)]
    start = min(min(m.start for m in group), head.i)
    end = max(max(m.end for m in group), head.i + 1)
    phrase = Phrase(head=head.i, start=start, end=end, head_lemma=_head_lemma(head, kb))
    identity = _identity(group, date)
    head_match = next((m for m in group if m.start <= head.i < m.end), None)
    if identity and identity.kind == ORGANISATION and head_match and head_match.entries and \
            head_match.entries[0].kind in (COUNTRY, CAPITAL):
        identity = None  # "NATO-member Norway" is Norway: the head names the actor, the rest describes it
        group = [m for m in group if not (m.entries and m.entries[0].kind == ORGANISATION)]
    if identity and identity.kind == ORGANISATION and _foreign_namesake(group, identity, date):
        sector = identity.sector  # "the Syrian Congress" is Syria's, not the US Congress
        group = [m for m in group if not (m.entries and m.entries[0] is identity)]
        group.append(Match(head.i, head.i + 1, sector=sector))
        identity = None
    member = _titled_newcomer(group, identity, head)
    newcomers_organisation = identity if member is not None else None
    if member is not None:  # "Islamic State fighter Jack Letts": a person, acting for the organisation
        phrase.codes = [identity.code] if identity.code else []
        phrase.plover_code, phrase.name, identity = identity.plover_code, doc[member.start : member.end].text, None
    if identity:
        phrase.entry = identity
        phrase.name = identity.name
        phrase.kind = PERSON if identity.kind == PERSON else "organisation"
    countries: list[str] = []
    for match in group:
        for entry in match.entries[:1]:
            code = _entry_country(entry, date)
            if entry.kind == DEMONYM and _marked_by(doc, match, kb.ethnicity_markers):
                phrase.minority_of, code = code, None
                phrase.start = min(phrase.start, match.start - 1)
            if code and code not in countries:
                countries.append(code)
    if member is not None:
        # "British Isis fighter Jack Letts": a member of a group of no one state is coded by his nationality
        nationality = [c for c in countries if c not in NON_STATE_CODES]
        countries = nationality if nationality and set(phrase.codes) <= NON_STATE_CODES else phrase.codes
    if identity:
        own = _entry_country(identity, date)
        countries = [own] if own else countries
        phrase.plover_code = identity.plover_code
        title_organisation = _titled_by_organisation(doc, group, identity, head)
        if title_organisation is not None:  # "U.N. mediator Diego Cordovez" acts for the UN
            countries, phrase.plover_code = [title_organisation.code], title_organisation.plover_code
    phrase.codes = countries
    phrase.homelands = next((e.homelands for m in group for e in m.entries[:1] if e.homelands), ())
    phrase.sector = _sector(doc, group, kb, identity or newcomers_organisation, date)
    before_name = doc[min(start, head.left_edge.i) : member.start] if member is not None else ()
    if any(kb.modifiers.get(t.lower_) == "ELI" for t in before_name):
        phrase.sector = "ELI"  # "former CIA Director William Casey"
    opposed = [e.code for m in stances if doc[m.start - 2].lower_ == "anti" for e in m.entries[:1] if e.code]
    if not phrase.codes and opposed and phrase.sector in CHALLENGER_SECTORS:
        phrase.codes = opposed[:1]  # "anti-Baghdad rebels", "anti-Kabul guerrillas" fight their own state
    if not phrase.name:
        phrase.name = _generic_name(doc, phrase, group)
    organisation = None if identity or any(m.sector for m in group) else _organisation_named_for_places(doc, group)
    if organisation is not None:  # "Syria Solidarity Australia": an organisation of Australia
        named = [c for m in group if organisation.start <= m.start < organisation.end
                 for c in (_entry_country(e, date) for e in m.entries[:1]) if c]
        phrase.codes, phrase.kind, phrase.how = named[-1:], "organisation", "name"
        phrase.sector = None  # what kind of body it is, its name does not say
        phrase.name = organisation.text[4:] if organisation.text.lower().startswith("the ") else organisation.text
    if phrase.kind == "group":
        kinds = {e.kind for m in group for e in m.entries[:1]}
        phrase.people = bool(kinds) and kinds <= {DEMONYM, ETHNIC} and head.tag_ in ("NNS", "NNPS")
        if phrase.minority_of and not any(m.sector for m in group):
            phrase.sector, phrase.how = "CVL", "description"  # "ethnic Albanians": a people
        elif kinds and kinds <= {COUNTRY, CAPITAL, SEAT, DEMONYM, PLACE} and not any(m.sector for m in group):
            phrase.kind = "country"
            phrase.how = "metonym" if kinds & {CAPITAL, SEAT} else "name"
            if kinds == {DEMONYM} and _civilian_modifier(head, kb):
                phrase.kind, phrase.sector, phrase.how = "group", "CVL", "description"  # "ordinary Kazakhs"
        elif all(m.unknown_ner for m in group):
            phrase.kind = "unknown"
            if all(m.unknown_ner == "PERSON" for m in group):
                phrase.sector = "CVL"  # a named individual with no title or known role: a private person
        elif any(m.sector for m in group):
            phrase.how = "title" if identity else "description"
    if not phrase.codes and not phrase.sector and phrase.kind != "unknown":
        return None
    return phrase


def _describes_place(doc: Doc, match: Match, head: Token, group: list[Match]) -> bool:
    """'mostly Christian eastern Beirut', 'rebel Idlib': an agent word modifying a place name describes
    the place (its people's faith, who holds it), so the phrase stays the place, not a group of people."""
    word = doc[match.end - 1]
    if match.sector is None or word.dep_ not in ("amod", "compound") or word.head != head:
        return False
    head_match = next((m for m in group if m.start <= head.i < m.end), None)
    return head_match is not None and bool(head_match.entries) and head_match.entries[0].kind in _PLACE_KINDS


def _organisation_named_for_places(doc: Doc, group: list[Match]) -> Span | None:
    """An organisation NER reads in a name the knowledge base lacks, built on country or place names
    ("Syria Solidarity Australia", "the Syrian Observatory for Human Rights"): the name is the
    organisation's, and the country named last is its home ("... Australia": the Australian branch)."""
    named = [m for m in group if m.entries and m.entries[0].kind in _PLACE_NAME_KINDS]
    if not named:
        return None
    ent = next((e for e in doc.ents if e.label_ == "ORG" and e.start <= named[0].start < e.end), None)
    if ent is None or any(not (ent.start <= m.start and m.end <= ent.end) for m in group):
        return None
    covered = {i for m in named for i in range(m.start, m.end)}
    own_words = [t for t in ent if t.i not in covered and t.is_alpha and t.lower_ not in ("the", "of", "for", "and")]
    return ent if own_words else None


def _titled_newcomer(group: list[Match], identity: Entry | None, head: Token) -> Match | None:
    """The name, unknown to the knowledge base, of a person an organisation's title introduces: the
    head of the phrase, after the organisation ("Islamic State fighter Jack Letts")."""
    if identity is None or identity.kind != ORGANISATION:
        return None
    org = _match_naming(group, identity)
    if org is None or _object_of_verb_before(head.doc, org, head):
        return None
    return next((m for m in group
                 if m.unknown_ner == "PERSON" and m.start <= head.i < m.end and org.start < m.start), None)


def _match_naming(group: list[Match], entry: Entry) -> Match | None:
    """The match in a phrase that names ``entry`` (its first reading)."""
    return next((m for m in group if m.entries and m.entries[0] is entry), None)


def _object_of_verb_before(doc: Doc, match: Match, head: Token) -> bool:
    """'told Reuters Finance Secretary X had resigned': a name right after a verb, in a phrase that is
    the subject of a clause, is the verb's indirect object, which the parser ran into the title after
    it; such a name introduces nobody ("welcomed U.N. mediator X" does)."""
    return match.start > 0 and doc[match.start - 1].pos_ == "VERB" and head.dep_ in ("nsubj", "nsubjpass")


def _foreign_namesake(group: list[Match], org: Entry, date: str) -> bool:
    """A state body's generic name ("Congress", "the Senate") with another country's name or
    nationality in front ("the Syrian Congress") is that country's body of the same kind."""
    if not org.code or org.code in NON_STATE_CODES:
        return False
    named = _match_naming(group, org)
    if named is None:
        return False
    countries = {_entry_country(m.entries[0], date) for m in group
                 if m.entries and m.entries[0].kind in (COUNTRY, DEMONYM) and m.start < named.start}
    return bool(countries) and org.code not in countries


def _marked_by(doc: Doc, match: Match, words: frozenset[str], hyphen: bool = False) -> bool:
    """Is the match preceded by one of ``words`` ("ethnic Albanians"), joined by a hyphen where
    ``hyphen`` ("anti-Syria": spaCy splits it into anti, -, Syria)?"""
    before = match.start - (2 if hyphen else 1)
    if before < 0 or doc[before].lower_ not in words:
        return False
    return not hyphen or doc[before + 1].text == "-"


def _titled_by_organisation(doc: Doc, group: list[Match], person: Entry, head: Token) -> Entry | None:
    """The organisation whose title introduces a known person ("U.N. mediator Diego Cordovez",
    "NATO chief X"): in this story the person acts for it, whatever country they come from."""
    if person.kind != PERSON:
        return None
    named = _match_naming(group, person)
    if named is None or not any(m.sector for m in group if m.start < named.start):
        return None
    return next((m.entries[0] for m in group if m.start < named.start and m.entries and m.entries[0].kind == ORGANISATION
                 and m.entries[0].code and not _object_of_verb_before(doc, m, head)), None)


def _identity(group: list[Match], date: str) -> Entry | None:
    """The person or organisation a phrase names; among namesakes, the one active on ``date``."""
    for kind in (PERSON, ORGANISATION):
        for match in group:
            candidates = [e for e in match.entries if e.kind == kind]
            if candidates:
                active = [e for e in candidates if e.role_on(date) and e.role_on(date).holds_on(date)]
                return (active or candidates)[0]
    return None


def _entry_country(entry: Entry, date: str) -> str | None:
    if entry.kind == PERSON:
        role = entry.role_on(date)
        return role.country if role else entry.code
    return entry.code


def _sector(doc: Doc, group: list[Match], kb: ActorKB, identity: Entry | None, date: str) -> str | None:
    """The head-most agent word's sector, overridden by a modifier before it ("former" -> ELI)."""
    agents = [m for m in group if m.sector]
    sector = None
    if agents:
        nearest = max(agents, key=lambda m: m.end)
        sector = nearest.sector
        for token in doc[min(min(m.start for m in group), doc[nearest.start].left_edge.i) : nearest.start + 1]:
            override = kb.modifiers.get(token.lower_)
            if override:
                sector = override
            elif token.lower_ in kb.religions and sector in _LEADERSHIP_SECTORS:
                sector = "REL"  # "Muslim leaders", "a Jewish community leader": leaders of a faith
        if identity is not None and identity.kind == ORGANISATION and sector == "UAF" and _org_sector(identity, date):
            sector = _org_sector(identity, date)  # "Boko Haram gunmen": the named group says who the gunmen are
        return sector
    if identity is not None:
        if identity.kind == PERSON:
            role = identity.role_on(date)
            return role.sector if role else None
        return _org_sector(identity, date)
    kinds = {m.entries[0].kind for m in group if m.entries}
    if kinds & {CAPITAL, SEAT}:
        return "GOV"
    if ETHNIC in kinds:
        return "CVL"  # "the Rohingya", "Kurds": a people, named as its ordinary members
    if kinds == {PLACE}:  # a town as an actor is its people; a breakaway region is PRE
        return next(m.entries[0].sector for m in group if m.entries) or "CVL"
    return None


def _org_sector(org: Entry, date: str) -> str | None:
    """An organisation's sector on ``date``: a movement that took power (the Taliban in 2021) is the government."""
    role = org.role_on(date) if org.roles else None
    return role.sector if role else org.sector


def _civilian_modifier(head: Token, kb: ActorKB) -> bool:
    """'ordinary Kazakhs', 'ordinary people': the population as opposed to its state."""
    return any(child.dep_ == "amod" and child.lower_ in kb.civilian_modifiers for child in head.children)


def _generic_name(doc: Doc, phrase: Phrase, group: list[Match]) -> str:
    """A readable name for an actor with no identity of its own: the country for a bare country
    mention, else the phrase's own words without a leading article."""
    named = [m.entries[0] for m in group if m.entries]
    if len(group) == 1 and named and named[0].kind in (COUNTRY, DEMONYM) and not phrase.minority_of:
        return named[0].name
    words = doc[phrase.start : phrase.end]
    if words[0].lower_ in ("the", "a", "an"):
        words = words[1:]
    return words.text


def _borrow_origin_country(doc: Doc, phrases: list[Phrase]) -> None:
    """An agent with no country takes one from an "of/from/in/at" object: "people in the UK" -> GBR,
    "the forces of President Bashar al-Assad" -> SYR.

    Armed agents do not take a country from "in" or "at", since troops in a country are rarely its own;
    officials and politicians take it from "in/at" a country, not a city, where they may be visiting.
    """
    by_head = {p.head: p for p in phrases}
    for phrase in by_head.values():
        if phrase.codes or not phrase.sector:
            continue
        for child in doc[phrase.head].children:
            if child.dep_ == "prep" and child.lower_ in _ORIGIN_PREPS:
                if child.lower_ in ("in", "at", "throughout", "across") and phrase.sector in _ARMED_SECTORS:
                    continue
                for obj in child.children:
                    source = by_head.get(obj.i)
                    if child.lower_ == "of" and source is not None and source.kind == PERSON and source.codes:
                        phrase.codes = list(source.codes[:1])  # "the forces of President Bashar al-Assad"
                        break
                    if not _gives_origin(source):  # "at the University of X in Scotland": look deeper
                        source = _nested_phrase(obj, by_head)
                    if _gives_origin(source) and child.lower_ in _VENUE_PREPS and phrase.sector in _VISITING_SECTORS \
                            and (source.kind != "country" or source.sector is not None):
                        continue  # "the opposition in Geneva": a city is where officials meet, not whose they are
                    if _gives_origin(source):
                        phrase.codes = list(source.codes[:1])
                        if child.lower_ == "of" and source.kind == "organisation" and source.sector:
                            phrase.sector = source.sector  # "the president of the Riigikogu" is its speaker
                        break


def _residents(doc: Doc, phrases: list[Phrase]) -> None:
    """'the Albanians of southern Serbia', 'the Kurds of Iraq': a people named with the country
    it lives in are that country's civilians."""
    by_head = {p.head: p for p in phrases}
    for phrase in phrases:
        if not phrase.people or phrase.sector:
            continue
        for child in doc[phrase.head].children:
            if child.dep_ == "prep" and child.lower_ == "of":
                place = next((by_head[o.i] for o in child.children if o.i in by_head), None)
                if place is not None and place.kind == "country" and len(place.codes) == 1:
                    phrase.codes, phrase.sector = list(place.codes), "CVL"
                    phrase.kind, phrase.how = "group", "description"
                    phrase.name = doc[phrase.start : phrase.end].text
                    break


def _serving_roles(doc: Doc, phrases: list[Phrase], kb: ActorKB) -> None:
    """'Ingrid Dahl, a senior adviser to the UN', 'a spokesman for Erdoğan': a role that serves an
    organisation or a person named by its "to" or "for" phrase is theirs, where nothing else gives the
    phrase a country; it speaks for their sector too ("a spokesman for the rebels")."""
    by_head = {p.head: p for p in phrases}
    for phrase in phrases:
        if phrase.codes or phrase.entry is not None:
            continue
        served = _organisation_of_role(doc[phrase.head], kb.serving_roles, ("to", "for"), by_head,
                                       through_possessor=False, kinds=("organisation", PERSON, "group"))
        if served is not None:
            phrase.codes, phrase.sector = list(served.codes[:1]), served.sector or phrase.sector


def _leading_roles(doc: Doc, phrases: list[Phrase], kb: ActorKB) -> None:
    """'Elaine Pearson, the Australian director of Human Rights Watch', 'Paul Ronalds, chief
    executive of Save the Children': a person the knowledge base lacks, whose role (in the phrase
    or in apposition to it) is "of" or "at" an organisation or its unit, acts for that organisation."""
    by_head = {p.head: p for p in phrases}
    for phrase in phrases:
        if phrase.entry is not None or phrase.kind not in ("unknown", "group"):
            continue
        # "Russian officials at the UN" are Russia's delegates there: "at" gives no employer to a phrase that
        # has its own country, "of" does ("the Australian director of Human Rights Watch")
        preps = ("of",) if phrase.codes else ("of", "at")
        employer = _organisation_of_role(doc[phrase.head], kb.leading_roles, preps, by_head, through_possessor=True)
        if employer is not None:
            phrase.codes, phrase.sector = list(employer.codes[:1]), employer.sector or phrase.sector
            phrase.kind = "group"


def _organisation_of_role(head: Token, roles: frozenset[str], preps: tuple[str, ...], by_head: dict[int, Phrase],
                          through_possessor: bool, kinds: tuple[str, ...] = ("organisation",)) -> Phrase | None:
    """The coded organisation (or other phrase of ``kinds``) a role word (the head, or a noun in apposition
    to it) is for, named by one of ``preps``; with ``through_possessor``, also as the owner of a unit
    ("director of HRW's counterterrorism programme")."""
    for role in (r for r in (head, *(c for c in head.children if c.dep_ == "appos")) if r.lemma_.lower() in roles):
        objects = [o for p in role.children if p.dep_ == "prep" and p.lower_ in preps
                   for o in p.children if o.dep_ == "pobj"]
        if through_possessor:
            objects = [t for o in objects for t in (o, *(c for c in o.children if c.dep_ == "poss"))]
        found = [by_head.get(o.i) for o in objects]
        organisation = next((f for f in found if f is not None and f.kind in kinds and f.codes), None)
        if organisation is not None:
            return organisation
    return None


def _gives_origin(phrase: Phrase | None) -> bool:
    return phrase is not None and bool(phrase.codes) and phrase.kind in ("country", "organisation")


def _nested_phrase(token: Token, by_head: dict[int, Phrase]) -> Phrase | None:
    """The phrase of an "of the University of X in Scotland" chain: follow nested prepositions."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _ORIGIN_PREPS:
            for obj in child.children:
                found = by_head.get(obj.i)
                if not _gives_origin(found):
                    found = _nested_phrase(obj, by_head)
                if found:
                    return found
    return None


def _populace_phrases(doc: Doc, phrases: list[Phrase], kb: ActorKB) -> list[Phrase]:
    """'people in the UK', 'women of Gaza', 'ordinary people': a generic word for people, tied to a
    place or set against the state, names civilians (CVL) rather than some unidentified actor; so
    does a place people live in, tied to a country ("a village in Western Cambodia")."""
    covered = {i for p in phrases for i in range(p.start, p.end)}
    by_head = {p.head: p for p in phrases}
    found = []
    for token in (doc[i] for i in indices_of(doc, kb.populace_words | kb.settlement_words, by="lower")):
        word = token.lower_
        if token.i in covered or token.pos_ not in ("NOUN", "PROPN"):
            continue
        place = _place_of(token, by_head)
        if place is None and (word in kb.settlement_words or not _civilian_modifier(token, kb)):
            continue
        start = min([token.i] + [c.i for c in token.children if c.dep_ == "amod" and c.i < token.i])
        found.append(Phrase(head=token.i, start=start, end=token.i + 1, codes=list(place.codes[:1]) if place else [],
                            sector="CVL", name=doc[start : token.i + 1].text, how="description",
                            head_lemma=token.lemma_.lower()))
    return found


def _named_by_examples(doc: Doc, phrases: list[Phrase]) -> list[Phrase]:
    """'Western powers such as France and Britain condemned the attack': a plural noun that no
    name or agent word codes is the countries its "such as" list names."""
    covered = {i for p in phrases for i in range(p.start, p.end)}
    by_head = {p.head: p for p in phrases}
    found = []
    # the nouns a "such as" hangs on, found from the word "such" rather than by reading every word
    nouns = dict.fromkeys(doc[i].head.head for i in indices_of(doc, {"such"}, by="lower")
                          if doc[i].head.dep_ == "prep" and doc[i].head.lower_ == "as")
    for noun in nouns:
        listed = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "as"
                  and any(c.lower_ == "such" for c in p.children) for o in p.children if o.dep_ == "pobj"]
        for item in listed:  # "Italy, France and Greece": each conjunct hangs on the one before
            listed += [c for c in item.children if c.dep_ == "conj"]
        countries = [by_head[o.i] for o in listed if o.i in by_head and by_head[o.i].kind == "country"]
        codes = list(dict.fromkeys(c for p in countries for c in p.codes[:1]))
        token = _exemplified(noun)
        if token is None or not codes:
            continue
        if token.i in by_head and not by_head[token.i].codes and by_head[token.i].kind == "group":
            by_head[token.i].codes = codes  # "supporters of the opposition, such as Saudi Arabia": an agent word
            continue
        if token.i not in covered:
            start = min([token.i] + [c.i for c in token.children if c.dep_ == "amod" and c.i < token.i])
            found.append(Phrase(head=token.i, start=start, end=token.i + 1, codes=codes, kind="group",
                                name=doc[start : token.i + 1].text, how="description", head_lemma=token.lemma_.lower()))
    return found


def _exemplified(noun: Token) -> Token | None:
    """The plural noun a "such as" list gives examples of. The parser hangs the list on the nearest noun,
    but a singular name has no examples: "supporters of the opposition to Assad, such as Saudi Arabia"
    exemplifies the supporters, so climb "of/to" phrases to the plural noun they belong to."""
    for _ in range(3):
        if noun.tag_ in ("NNS", "NNPS"):
            return noun
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return None
        noun = noun.head.head
    return noun if noun.tag_ in ("NNS", "NNPS") else None


def _place_of(token: Token, by_head: dict[int, Phrase]) -> Phrase | None:
    """The country phrase an "in/of/from/across X" attached to ``token`` names."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _ORIGIN_PREPS:
            for obj in child.children:
                source = by_head.get(obj.i)
                if source is not None and source.codes and source.kind == "country":
                    return source
    return None


__all__ = ["Phrase", "Match", "find_matches", "ner_matches", "build_phrases", "NON_STATE_CODES"]
