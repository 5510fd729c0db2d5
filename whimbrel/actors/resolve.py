"""Per-document actor resolution: from coded phrases to actors followed through the story.

An actor is anchored at its fullest mention and followed through the document by rules that
are general facts of news English:
- a known person's surname (or, for names written family-name first, the first word) used
  alone later refers to that person ("Putin", "Kim");
- regional shorthand resolves by the countries the story names ("the North" in a Korea story);
- a definite description with a nationality and a singular title ("the North Korean leader")
  refers to the person of that country and sector the story already named, or names within the
  next three sentences (a lead's "The prime minister has confirmed...");
- a subject pronoun (he, she) refers to the one person named in the nearest preceding sentence
  that names people, or to that sentence's subject when it names several; "him" likewise, and
  "them" to the nearest plural actor, never to the subject of their own verb;
- a known person keeps the role the story introduced them with ("U.N. mediator Diego Cordovez");
- a person the knowledge base lacks keeps the title and country of the first mention under the
  surname ("opposition spokesman Tariq Halabi" ... "Halabi");
- "the two countries", "both sides" are the last two countries named just before;
- "the nation", "the kingdom" is the country just named, other than the one acting on it;
- an agent conjoined to another of the same sector shares its nationality ("Israeli helicopters
  and tanks");
- a state agent with no country in a clause a state's source reports is that state's ("Syrian state
  media said air defences had downed...");
- an agent with no country ("police") is the one the story names in full ("Australian federal
  police"), before or after, where the story names it for one country only;
- an actor with no country takes the country the story is plainly about (see
  ``_assume_story_country``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..models import Actor, Mention
from ..nlp import clause_verb, indices_of, is_untagged, sentence_index, swallowed_subject
from .kb import CAPITAL, COUNTRY, NON_STATE_CODES, OFFICIAL_SECTORS, PERSON, PLACE, REGION, ActorKB, Entry
from .phrases import (CHALLENGER_SECTORS, Match, Phrase, build_phrases, find_matches, ner_matches,
                      part_of_longer_name)


@dataclass
class DocActors:
    """Actors of one document and the phrase (by head token) that mentions each."""

    actors: list[Actor] = field(default_factory=list)
    phrases: dict[int, Phrase] = field(default_factory=dict)  # head token index -> phrase
    actor_of: dict[int, str] = field(default_factory=dict)  # head token index -> actor_id
    home: str | None = None  # the country the story is plainly about, whose authorities act unnamed there

    def actor(self, actor_id: str) -> Actor:
        return next(a for a in self.actors if a.actor_id == actor_id)

    def covering(self, index: int) -> int | None:
        """The head of the phrase whose words include token ``index``, if any."""
        if self._covering is None:
            self._covering = {}
            for head, phrase in self.phrases.items():  # where phrases overlap, the first one's
                for i in range(phrase.start, phrase.end):
                    self._covering.setdefault(i, head)
        return self._covering.get(index)

    _covering: dict[int, int] | None = field(default=None, repr=False, compare=False)


def find_actors(doc: Doc, kb: ActorKB, nlp, date: str, *, skip_chars: int = 0,
                reporting_verbs: frozenset[str] = frozenset()) -> DocActors:
    """Actors of a parsed document; text before ``skip_chars`` (a dateline) names no actor;
    ``reporting_verbs`` (say, report...) let a pronoun in a reported clause find its reporter."""
    matches = find_matches(doc, kb, nlp)
    matches = _titled_surnames(doc, _not_yet_known(doc, matches, date), kb, date)
    matches += _leaders_in_office(doc, matches, kb, date)
    matches += _surname_matches(doc, matches)
    matches += _shorthand_matches(doc, matches, kb)
    matches += ner_matches(doc, matches, kb)
    matches = _relink_surnames(doc, matches)
    matches = _places_of_named_countries(matches)
    matches = sorted((m for m in matches if doc[m.start].idx >= skip_chars), key=lambda m: m.start)
    phrases = build_phrases(doc, matches, kb, date)
    _keep_introduced_roles(phrases)
    _shared_modifiers(doc, phrases)
    _own_forces_of_the_reporter(doc, phrases, reporting_verbs)
    _same_agents_named_elsewhere(doc, phrases)
    _conjoined_state_agents(doc, phrases)
    home = _assume_story_country(doc, phrases, kb)
    _described_people(doc, phrases)
    _stated_nationality(doc, phrases, kb)
    phrases += _country_descriptions(doc, phrases, kb)
    phrases += _pair_descriptions(doc, phrases, kb)
    phrases += _pronoun_phrases(doc, phrases, reporting_verbs)
    actors = _group(doc, phrases, kb)
    actors.home = home
    return actors


_STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}


def _assume_story_country(doc: Doc, phrases: list[Phrase], kb: ActorKB) -> str | None:
    """'The prime minister', 'police' with no country, in a story clearly about one country, are
    that country's: the only country the story names, or the one named far more often than any
    other (at least three times and half again as often as the next). 'The rebels', 'the
    opposition' and a party need a story more plainly about one country (twice as often), since stories about
    foreign powers often mention rebels elsewhere. A people living in several countries ("Kurdish
    officials", "the Kurds") belongs to the one of its homelands the story names twice as often as
    any other; an ethnicity named by a nationality ("ethnic Albanians") lives in the country the
    story names most, other than that nationality's own. A country's organisations count as naming
    it ("the SDF" for Syria), except news outlets and parties (see ``_GENERIC_ORG_SECTORS``).
    Returns the story's country for state agents, if there is one."""
    counts = Counter(p.codes[0] for p in phrases if len(p.codes) == 1 and p.codes[0] not in NON_STATE_CODES and (
        p.kind in ("country", PERSON, "group") or (p.kind == "organisation" and p.sector not in _GENERIC_ORG_SECTORS)))
    state_home, challenger_home = _dominant(counts, 1.5), _dominant(counts, 2)
    for phrase in phrases:
        if phrase.codes or phrase.entry is not None or _of_no_one_country(doc, phrase, kb):
            continue
        if phrase.homelands:
            home = _dominant(Counter({c: n for c, n in counts.items() if c in phrase.homelands}), 2)
        elif phrase.minority_of:
            home = _most_named(Counter({c: n for c, n in counts.items() if c != phrase.minority_of}))
        elif phrase.sector in _STATE_SECTORS:
            home = state_home
        elif phrase.sector in CHALLENGER_SECTORS or _political_party(phrase):
            home = challenger_home  # a party, like rebels, contends for power in its own country
        else:
            continue
        if home:
            phrase.codes = [home]
    return state_home


def _of_no_one_country(doc: Doc, phrase: Phrase, kb: ActorKB) -> bool:
    """"World leaders", "foreign governments", "Western diplomats", "Latin American leaders"; not a "foreign
    minister", whose title the modifier is part of."""
    modifiers = [w for w in doc[phrase.head].lefts if w.dep_ in ("amod", "compound")]  # not "Ministry of Foreign Affairs"
    if any(w.lower_ in kb.foreign_modifiers and w.i + 1 < len(doc)
           and (w.lower_, doc[w.i + 1].lemma_.lower()) not in kb.agents for w in modifiers):
        return True
    # "Latin American leaders", "Gulf Arab states": a region's, not the story country's
    return any(e.kind == REGION for i in range(phrase.start, phrase.head)
               for j in range(i + 1, min(i + 4, phrase.head + 1)) for e in kb.lookup(doc[i:j].text))


def _political_party(phrase: Phrase) -> bool:
    """"The Umma party", "a Democrat": one party. "All parties", "the two parties" are mostly the sides
    of a dispute or a negotiation, of any country."""
    return phrase.sector == "PTY" and not phrase.name.lower().endswith("parties")


def _most_named(counts: Counter) -> str | None:
    """The country named more often than any other; none on a tie."""
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return None if ranked[0][0] in NON_STATE_CODES else ranked[0][0]


def _shared_modifiers(doc: Doc, phrases: list[Phrase]) -> None:
    """'Israeli helicopters and tanks': an agent conjoined to another of the same sector shares the
    nationality in front of the first."""
    by_head = {p.head: p for p in phrases}
    for phrase in phrases:
        head = doc[phrase.head]
        if phrase.codes or phrase.entry is not None or head.dep_ != "conj":
            continue
        first = by_head.get(head.head.i)
        if first is not None and len(first.codes) == 1 and first.sector == phrase.sector and first.kind == "group":
            phrase.codes = list(first.codes)
            continue
        # "Israeli helicopters and tanks": the nationality modifies a first conjunct that is no agent word
        modifiers = [by_head.get(c.i) for c in head.head.children if c.dep_ in ("amod", "compound")]
        nationality = [m for m in modifiers if m is not None and m.kind == "country" and len(m.codes) == 1]
        if first is None and len(nationality) == 1 and head.head.pos_ == "NOUN":
            phrase.codes = list(nationality[0].codes)


def _conjoined_state_agents(doc: Doc, phrases: list[Phrase]) -> None:
    """"banned by police and stadium officials", once the police are known to be Australia's: unnamed agents
    of a state joined to agents of a state act together, for the same state."""
    by_head = {p.head: p for p in phrases}
    for phrase in phrases:
        head = doc[phrase.head]
        if phrase.codes or phrase.entry is not None or phrase.sector not in _STATE_SECTORS or head.dep_ != "conj" \
                or any(t.pos_ == "PROPN" for t in doc[phrase.start : phrase.end]):
            continue  # "Shultz and Foreign Minister Vahit Halefoglu": a named person may serve another state
        first = by_head.get(head.head.i)
        if first is not None and len(first.codes) == 1 and first.sector in _STATE_SECTORS \
                and first.codes[0] not in NON_STATE_CODES:
            phrase.codes = list(first.codes)


_FORCES = {"MIL", "COP"}


def _own_forces_of_the_reporter(doc: Doc, phrases: list[Phrase], reporting_verbs: frozenset[str]) -> None:
    """'Syrian state media said air defences had downed two missiles': a state's troops, police or
    officials with no country, in a clause a state's own source reports, are that state's. So are
    crews, men and units that a state's armed forces or police report on ("the Black Sea fleet said crews
    were holding drills"); a government's "both sides" are not its own."""
    by_head = {p.head: p for p in phrases}
    for phrase in phrases:
        if phrase.codes or phrase.entry is not None or phrase.sector not in _STATE_SECTORS | {"UNK"}:
            continue
        verb = doc[phrase.head].head
        while verb.dep_ in ("conj", "xcomp", "aux") and verb.head != verb:
            verb = verb.head
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in reporting_verbs:
            continue
        reporters = [by_head.get(c.i) for c in verb.head.children if c.dep_ == "nsubj"]
        reporter = next((r for r in reporters if r is not None and len(r.codes) == 1), None)
        if phrase.sector == "UNK" and (reporter is None or reporter.sector not in _FORCES):
            continue
        if reporter is not None and reporter.codes[0] not in NON_STATE_CODES \
                and reporter.sector not in CHALLENGER_SECTORS:
            phrase.codes = list(reporter.codes)


def _same_agents_named_elsewhere(doc: Doc, phrases: list[Phrase]) -> None:
    """'police' with no country, in a story that names 'Australian federal police', are those police:
    a story names an agent in full once and by the bare noun elsewhere, before or after. Where the
    story names that agent for two countries ("US forces", "Russian forces"), the bare noun stays open."""
    named: dict[tuple[str, str], set[str]] = {}
    for p in phrases:
        if p.kind == "group" and p.entry is None and len(p.codes) == 1 and p.sector:
            named.setdefault((p.head_lemma, p.sector), set()).add(p.codes[0])
    for phrase in phrases:
        if phrase.codes or phrase.entry is not None or phrase.kind != "group" or not phrase.sector:
            continue
        if phrase.homelands or phrase.minority_of or any(c.dep_ == "poss" for c in doc[phrase.head].children):
            continue  # "Kurdish officials": the people says whose; "Iran said its troops": the possessor does
        countries = named.get((phrase.head_lemma, phrase.sector), set())
        if len(countries) == 1:
            phrase.codes = list(countries)
        elif phrase.sector in _IRREGULAR_SECTORS and _definite(doc[phrase.head]):
            phrase.codes = _the_armed_group_named_before(phrase, phrases)


_IRREGULAR_SECTORS = {"REB", "UAF"}


def _definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in head.children)


def _the_armed_group_named_before(phrase: Phrase, phrases: list[Phrase]) -> list[str]:
    """'The extremists', 'the militants' after 'Isis fighters': a definite description of armed men takes up
    the armed group the story has named before it, or the one it has named at least twice as often as any
    other; otherwise it stays open."""
    counts = Counter(p.codes[0] for p in phrases if p.start < phrase.start and len(p.codes) == 1 and (
        p.sector in _IRREGULAR_SECTORS or p.codes[0] == "IMG"))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return []
    return [ranked[0][0]]


def _keep_introduced_roles(phrases: list[Phrase]) -> None:
    """A known person keeps through the story the role the story gave them when it named them
    ("U.N. mediator Diego Cordovez" ... "Cordovez" acts for the UN, whatever the knowledge base says)."""
    introduced: dict[str, Phrase] = {}
    for phrase in phrases:
        if phrase.kind != PERSON or phrase.entry is None:
            continue
        first = introduced.setdefault(phrase.entry.key, phrase)
        if first is not phrase and len(phrase.codes) <= 1:
            phrase.codes, phrase.sector, phrase.plover_code = list(first.codes), first.sector, first.plover_code


# Organisations that do not tell what a story is about: the outlet reporting it, and parties, whose
# names recur from country to country ("Christian Democrats", "Republicans").
_GENERIC_ORG_SECTORS = {"JRN", "PTY"}


def _dominant(counts: Counter, ratio: float) -> str | None:
    """The only country named, or one named at least three times and ``ratio`` times as often as the next."""
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and (ranked[0][1] < 3 or ranked[0][1] < ratio * ranked[1][1])):
        return None
    return None if ranked[0][0] in NON_STATE_CODES else ranked[0][0]


_LOCATIVE_PREPS = {"in", "at", "across", "throughout", "inside", "within", "around"}


def _country_descriptions(doc: Doc, phrases: list[Phrase], kb: ActorKB) -> list[Phrase]:
    """'the nation', 'the kingdom' with no name is the country named last before it, in this sentence
    or the one before, other than the subject that acts on it ("X imposed a boycott on the nation").
    A capital standing for its government ("Tehran said") is not a country the text describes, and
    "in the country" is a place, not an actor."""
    covered = {i for p in phrases for i in range(p.start, p.end)}
    countries = [p for p in phrases if p.kind == "country" and len(p.codes) == 1 and p.how != "metonym"]
    found = []
    for token in doc:
        if token.i in covered or token.lemma_.lower() not in kb.country_nouns or token.tag_ != "NN":
            continue
        if token.head.dep_ == "prep" and token.head.lower_ in _LOCATIVE_PREPS:
            continue
        if not any(c.lower_ == "the" for c in token.children) or any(
                c.dep_ in ("compound", "prep", "poss") or c.pos_ == "PROPN" for c in token.children):
            continue  # "the country's", "the nation of X", "the Baltic nation": named or a part of a name
        verb = token
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        acting = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        window = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else token.sent.start
        before = [p for p in countries if window <= p.head < token.i and p.head not in acting]
        if before:
            named = before[-1]
            start = min(c.i for c in token.children if c.lower_ == "the")
            found.append(Phrase(head=token.i, start=start, end=token.i + 1, codes=list(named.codes),
                                sector=named.sector, name=named.name, kind="country", how="description",
                                head_lemma=named.head_lemma))
    return found


def _pair_descriptions(doc: Doc, phrases: list[Phrase], kb: ActorKB) -> list[Phrase]:
    """'the two countries', 'both sides', 'the two leaders': the last two countries named before it,
    in its sentence or the two before ("Kim sent greetings to Putin. The two countries...")."""
    by_head = {p.head: p for p in phrases}
    covered = {i for p in phrases for i in range(p.start, p.end) if p.codes or p.head != i}
    # places ("the Golan Heights") are where things are, not the parties a pair refers to
    named = [p for p in phrases if len(p.codes) == 1 and p.codes[0] not in NON_STATE_CODES
             and p.kind in ("country", PERSON, "group", "organisation")
             and not (p.kind == "country" and p.sector == "CVL")]
    found = []
    for token in (doc[i] for i in indices_of(doc, kb.pair_nouns, by="lemma")):
        if token.i in covered or token.tag_ != "NNS":
            continue
        counted = any(c.lower_ == "two" and c.dep_ == "nummod" for c in token.children) and any(
            c.lower_ == "the" for c in token.children)
        both = any(c.lower_ == "both" and c.dep_ in ("det", "predet", "amod") for c in token.children)
        if not (counted or both):
            continue
        first_sentence = sentence_index(doc, token.i) - 2
        recent: list[str] = []
        before = [p for p in named if p.end <= token.i and sentence_index(doc, p.head) >= first_sentence]
        for phrase in reversed(before):
            if phrase.codes[0] not in recent:
                recent.append(phrase.codes[0])
            if len(recent) == 2:
                break
        bare = by_head.get(token.i)
        if len(recent) == 2 and bare is not None:  # "both sides": an agent word with no country of its own
            bare.codes = recent[::-1]
        elif len(recent) == 2:
            start = min([token.i] + [c.i for c in token.children if c.lower_ in ("the", "two", "both")])
            found.append(Phrase(head=token.i, start=start, end=token.i + 1, codes=recent[::-1],
                                sector=kb.pair_nouns[token.lemma_.lower()], name=doc[start : token.i + 1].text,
                                kind="group", how="description", head_lemma=token.lemma_.lower()))
    return found


def _described_people(doc: Doc, phrases: list[Phrase]) -> None:
    """'opposition spokesman Tariq Halabi' ... 'Halabi said': a person the knowledge base lacks,
    introduced with a title, is named by surname afterwards and is the same actor."""
    introduced: dict[str, tuple[Phrase, str]] = {}
    for phrase in phrases:
        if phrase.kind == "group" and phrase.codes and phrase.entry is None:
            for ent in doc[phrase.start : phrase.end].ents:
                if ent.label_ == "PERSON" and len(ent) > 1:
                    introduced.setdefault(ent[-1].text, (phrase, ent.text))
        elif phrase.kind == "unknown":
            named = doc[phrase.start : phrase.end]
            source, full_name = introduced.get(named[-1].text, (None, "")) \
                if named[-1].text == named.text.split()[-1] else (None, "")
            if not full_name.lower().endswith(named.text.lower()):
                source = None  # "John Letts" after "Jack Letts": his father, not him
            if source is not None:
                phrase.codes, phrase.sector, phrase.name = list(source.codes), source.sector, source.name
                phrase.kind, phrase.head_lemma = source.kind, source.head_lemma


_POSSESSIVE_MARKS = {"'", "’", "'s", "’s"}  # "Hollis’ British citizenship", parsed as a modifier


def _stated_nationality(doc: Doc, phrases: list[Phrase], kb: ActorKB) -> None:
    """"Letts' British citizenship", "his Australian passport": a person of no state of his own so far (a
    member of a group of no one country, or a name with no title) is a national of the country stated."""
    by_head = {p.head: p for p in phrases}
    for phrase in phrases:
        noun = doc[phrase.head].head
        if phrase.kind != "country" or not phrase.codes or noun.lemma_.lower() not in kb.citizenship_nouns \
                or doc[phrase.head].dep_ not in ("amod", "compound", "nmod"):
            continue
        owner = next((by_head.get(c.i) for c in noun.children if c.dep_ == "poss"
                      or (c.dep_ == "nmod" and c.i + 1 < len(doc) and doc[c.i + 1].text in _POSSESSIVE_MARKS)), None)
        if owner is None or not (owner.kind == PERSON or (owner.kind in ("group", "unknown")
                                                          and doc[owner.head].tag_ == "NNP")):
            continue  # a person, by name: not "the group's Syrian nationality"
        for same in phrases:
            if same.name == owner.name and set(same.codes) <= NON_STATE_CODES:
                same.codes = list(phrase.codes)


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
    for token in (doc[i] for i in indices_of(doc, people) if i not in covered):
        proper = token.pos_ == "PROPN" or (is_untagged(token) and token.is_title)
        if proper and not _given_name_of_another(token):
            found.append(Match(token.i, token.i + 1, (people[token.text],)))
    return found


def _not_yet_known(doc: Doc, matches: list[Match], date: str) -> list[Match]:
    """A lone surname ("Ahmed", "Santos") read as a famous office holder cannot be one whose first known
    role begins after the story's date: a 1987 story's "Santos" is someone else."""
    def too_early(match: Match) -> bool:
        starts = [r.start for r in match.entries[0].roles if r.start]  # undated roles tell nothing
        return bool(starts) and date < min(starts)
    return [m for m in matches if not (_lone_person(m) and too_early(m))]


def _leaders_in_office(doc: Doc, matches: list[Match], kb: ActorKB, date: str) -> list[Match]:
    """A lone surname that several leaders shared ("Assad", "Bush", "Gandhi"), read by NER as a person's
    name, is the one of them in office at the story's date: news names a sitting leader by surname alone."""
    covered = {i for m in matches for i in range(m.start, m.end)}
    found = []
    for index in indices_of(doc, kb.shared_leader_surnames, by="orth"):
        token = doc[index]
        if index in covered or token.ent_type_ != "PERSON" or part_of_longer_name(token):
            continue
        owners = [kb.entries[k] for k in kb.shared_leader_surnames[token.text]]
        in_office = [e for e in owners if any(r.sector == "GOV" and r.holds_on(date) for r in e.roles)]
        if len(in_office) == 1:
            found.append(Match(index, index + 1, (in_office[0],)))
    return found


def _lone_person(match: Match) -> bool:
    """A one-word match read as a known person: a surname alone."""
    return match.end - match.start == 1 and bool(match.entries) and match.entries[0].kind == PERSON


def _titled_surnames(doc: Doc, matches: list[Match], kb: ActorKB, date: str) -> list[Match]:
    """'President Mitterrand', 'Chancellor Kohl', 'Mrs Thatcher': a title before a lone surname names the one
    official of that surname the knowledge base knows, the one in office at the story's date where several
    held office. This also corrects a famous surname read date-blind ('President Bush' in 1988)."""
    lone_people = {m.start: m for m in matches if _lone_person(m)}
    covered = {i for m in matches for i in range(m.start, m.end) if m.start not in lone_people}
    found = list(matches)
    for index in indices_of(doc, kb.surname_titles | {f"{t}." for t in kb.surname_titles}, by="lower"):
        if index + 1 >= len(doc):
            continue
        title, token = doc[index].lower_.rstrip("."), doc[index + 1]
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        compound_title = index > 0 and doc[index - 1].text == "-"  # "director-general Ko" is no General Ko
        if token.i in covered or not token.is_title or len(token) < 3 or compound_title \
                or title not in kb.surname_titles \
                or (following is not None and following.is_title and following.pos_ == "PROPN"):
            continue
        officials = [kb.entries[k] for k in kb.people_by_surname.get(token.text, ())
                     if any(r.sector in OFFICIAL_SECTORS for r in kb.entries[k].roles)]
        in_office = [e for e in officials if any(r.sector in OFFICIAL_SECTORS and r.holds_on(date) for r in e.roles)]
        # an office title fits whoever held the office; "Mr" or "Mrs" only someone in office at the date
        chosen = in_office if title in kb.honorifics else in_office or officials
        if len(chosen) != 1:
            continue
        earlier = lone_people.get(token.i)
        if earlier is not None:
            if earlier.entries[:1] == (chosen[0],) or in_office == []:
                continue
            found.remove(earlier)
        found.append(Match(token.i, token.i + 1, (chosen[0],)))
    return found


def _places_of_named_countries(matches: list[Match]) -> list[Match]:
    """A place name two countries share ("Tripoli") is the one in the country the story names
    most; without such a hint it keeps the knowledge base's first reading."""
    counts = Counter(m.entries[0].code for m in matches
                     if m.entries and len({e.code for e in m.entries}) == 1 and m.entries[0].code)
    resolved = []
    for match in matches:
        if len({e.code for e in match.entries if e.kind in _CITY_KINDS}) > 1:
            ranked = sorted(match.entries, key=lambda e: -counts.get(e.code, 0))  # stable: ties keep order
            match = Match(match.start, match.end, tuple(ranked), match.sector, match.unknown_ner)
        resolved.append(match)
    return resolved


_CITY_KINDS = {CAPITAL, PLACE}  # names of towns and cities, which two countries can share


def _relink_surnames(doc: Doc, matches: list[Match]) -> list[Match]:
    """After a full name, the story uses the surname as it spelled it: for a person NER found under
    another spelling ("Mohamed Morsy" for Mohamed Morsi), and for one the knowledge base lacks
    ("Sven Ekdahl" ... "Ekdahl"), whom NER may not tag again."""
    matches = [_cut_at_verb(doc, m) for m in matches]
    full_names = [m for m in matches if m.entries and m.entries[0].kind == PERSON and m.end - m.start > 1]
    people = {doc[m.end - 1].text: m.entries[0] for m in full_names}
    introduced = {doc[m.end - 1].text: m.start for m in full_names}
    matches = [Match(m.start, m.end, (people[doc[m.start].text],))
               if m.unknown_ner == "PERSON" and m.end - m.start == 1 and doc[m.start].text in people else m
               for m in matches]
    strangers: dict[str, int] = {}  # surname -> where a full name first gave it
    for m in matches:
        if m.unknown_ner == "PERSON" and m.end - m.start > 1:
            strangers[doc[m.end - 1].text] = min(m.start, strangers.get(doc[m.end - 1].text, m.start))
    covered = {i for m in matches for i in range(m.start, m.end)}
    matches += [Match(i, i + 1, unknown_ner="PERSON") for i in indices_of(doc, strangers)
                if i not in covered and doc[i].is_title and strangers[doc[i].text] < i]
    # a known person's surname as the story spelled it ("Bashar Ja'afari" ... "Ja'afari"), where NER missed it
    matches += [Match(i, i + 1, (people[doc[i].text],)) for i in indices_of(doc, people)
                if i not in covered and doc[i].pos_ == "PROPN" and introduced.get(doc[i].text, i) < i]
    return matches


def _cut_at_verb(doc: Doc, match: Match) -> Match:
    """NER can run a name on through the verb after it ("Ja'afari accused de Mistura" as one person): a
    name ends before its first verb."""
    if match.unknown_ner != "PERSON":
        return match
    verb = next((t.i for t in doc[match.start : match.end] if t.pos_ == "VERB"), None)
    if verb is None or verb == match.start:
        return match
    return Match(match.start, verb, unknown_ner="PERSON")


def _given_name_of_another(token: Token) -> bool:
    """'Bashar' in 'Bashar Qassem': a first name followed by another surname is someone else."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.ent_iob_ == "I" and following.ent_type_ == "PERSON" \
        and token.ent_type_ == "PERSON"


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
            found.append(_pronoun_phrase(token, antecedent))
    for token in doc:
        antecedent = None
        if token.pos_ == "PRON" and token.lower_ in _OBJECT_PRONOUNS and token.dep_ in _OBJECT_DEPS:
            antecedent = _object_antecedent(doc, token, phrases, people)
        elif token.lower_ == "their" and token.dep_ == "poss":
            antecedent = _possessor_antecedent(doc, token, phrases)
        if antecedent:
            found.append(_pronoun_phrase(token, antecedent))
    return found


def _pronoun_phrase(token: Token, antecedent: Phrase) -> Phrase:
    return Phrase(head=token.i, start=token.i, end=token.i + 1, codes=list(antecedent.codes),
                  sector=antecedent.sector, entry=antecedent.entry, name=antecedent.name, kind=antecedent.kind,
                  how="pronoun", head_lemma=antecedent.head_lemma)


_SUBJECT_PRONOUNS = {"he", "she", "it", "they", "we"}
_OBJECT_PRONOUNS = {"him", "them"}  # "her" is as often a possessive, "it" as often a thing
_OBJECT_DEPS = {"dobj", "pobj", "dative"}


def _object_antecedent(doc: Doc, pronoun: Token, phrases: list[Phrase], people: list[Phrase]) -> Phrase | None:
    """'him' is the person the text is about, 'them' the nearest plural actor before it in this sentence
    or the one before; never the subject of the pronoun's own verb ("Halabi accused them": not Halabi)."""
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    subjects = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    if pronoun.lower_ == "him":
        antecedent = _cataphor(pronoun, phrases) or _antecedent(doc, pronoun.i, people)
        if antecedent is None or any(doc[i].lower_ in ("he", "she") for i in subjects) or any(
                p.head in subjects and p.name == antecedent.name for p in people):
            return None  # "he praised him": two men, and the text has named only one
        return antecedent
    sentence = pronoun.sent
    window = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    plural = [p for p in phrases if window <= p.head < pronoun.i and p.codes and p.head not in subjects
              and doc[p.head].tag_ in ("NNS", "NNPS") and p.kind in ("group", "organisation")]
    return plural[-1] if plural else None


def _cataphor(pronoun: Token, phrases: list[Phrase]) -> Phrase | None:
    """"While the Kurds have charged him, Letts denies it": a pronoun in a clause put before the main one
    may point forward, to the person who is the main clause's subject."""
    clause = clause_verb(pronoun)
    main = clause.head
    if clause.dep_ != "advcl" or clause.i > main.i:
        return None
    subject = next((c for c in main.children if c.dep_ == "nsubj" and c.i > pronoun.i), None)
    phrase = next((p for p in phrases if subject is not None and p.head == subject.i), None)
    if phrase is None or subject.tag_ != "NNP" or phrase.kind not in (PERSON, "group", "unknown"):
        return None
    return phrase


def _possessor_antecedent(doc: Doc, pronoun: Token, phrases: list[Phrase]) -> Phrase | None:
    """'their' beside a subject of one ("Letts called Canadian diplomats and begged for their help") is not
    that subject: it is the nearest plural noun before it in the sentence, when that noun is a coded actor
    ("attack their launching platforms", after "missiles", is no one's). A subject that is plural may be
    what it means, and adds nothing as a second party, so such a 'their' is left alone."""
    verb = clause_verb(pronoun)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(s.tag_ in ("NNS", "NNPS") or s.lower_ in ("they", "we") for s in subjects) \
            or pronoun.head.i in {p.head for p in phrases}:
        return None  # "their British counterparts": the noun names the party itself
    nearest = next((t for t in reversed(doc[pronoun.sent.start : pronoun.i]) if t.tag_ in ("NNS", "NNPS")), None)
    return next((p for p in phrases if nearest is not None and p.head == nearest.i and p.codes
                 and p.kind in ("group", "organisation")), None)


def _reporter(pronoun: Token, by_head: dict[int, Phrase], reporting_verbs: frozenset[str]) -> Phrase | None:
    """The subject of the verb of saying whose reported clause the pronoun is the subject of."""
    verb = pronoun.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in reporting_verbs:
        return None
    subjects = [c for c in verb.head.children if c.dep_ == "nsubj"] or swallowed_subject(verb.head)
    for subject in subjects:
        if subject.i in by_head and subject.i != pronoun.i:
            phrase = by_head[subject.i]
            plural = subject.tag_ == "NNS"  # "officials said it was a false flag": "it" is something else
            if phrase.kind != "unknown" and (pronoun.lower_ in ("he", "she")) == (phrase.kind == PERSON) \
                    and not (pronoun.lower_ == "it" and plural):
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
    # "Russian foreign ministry spokeswoman" share country and sector but are different actors;
    # names the knowledge base lacks are one actor by surname ("Elaine Pearson", "Pearson").
    head = phrase.head_lemma if phrase.kind == "group" else ""
    words = (phrase.name or "").split()
    if phrase.kind == "unknown" and words:
        head = words[-1]
    return f"{'+'.join(phrase.codes) or '-'}:{phrase.sector or '-'}:{phrase.kind}:{head}"


def _group(doc: Doc, phrases: list[Phrase], kb: ActorKB) -> DocActors:
    """One Actor per identity; definite descriptions join the person of their country and sector."""
    result = DocActors()
    by_key: dict[str, Actor] = {}
    people_by_role: dict[tuple[str, str], str] = {}
    first_of_role: dict[tuple[str, str], Phrase] = {}
    for phrase in sorted(phrases, key=lambda p: p.start):
        if phrase.kind == PERSON and phrase.codes:
            first_of_role.setdefault((phrase.codes[0], phrase.sector or ""), phrase)
    for phrase in sorted(phrases, key=lambda p: p.start):
        key, name, kind = _identity_key(phrase), phrase.name, phrase.kind
        if phrase.entry is None and _is_singular_title(doc, phrase, kb):
            role = (phrase.codes[0], phrase.sector or "")
            person_key = people_by_role.get(role)
            named_next = first_of_role.get(role)
            if person_key:
                key = person_key
                phrase.how = "description"
            elif named_next is not None and _names_soon_after(doc, phrase, named_next):
                # a lead's "the prime minister", named below
                key, name, kind = _identity_key(named_next), named_next.name, named_next.kind
                phrase.how = "description"
        actor = by_key.get(key)
        if actor is None:
            actor = Actor(
                actor_id=f"A{len(by_key) + 1}",
                name=name or doc[phrase.start : phrase.end].text,
                code=phrase.codes[0] if phrase.codes else None,
                sector=phrase.sector,
                kind=kind,
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


def _names_soon_after(doc: Doc, description: Phrase, person: Phrase) -> bool:
    """A story may open with a title ("The prime minister has confirmed...") and name the person in
    one of the next three sentences."""
    if person.start <= description.start:
        return False
    return sentence_index(doc, person.head) - sentence_index(doc, description.head) <= 3


def _is_singular_title(doc: Doc, phrase: Phrase, kb: ActorKB) -> bool:
    """'the North Korean leader': one country, a sector, a singular common-noun head that names a
    person rather than a body ("the Syrian government delegation"), no name."""
    head = doc[phrase.head]
    return (
        len(phrase.codes) == 1
        and phrase.head_lemma not in kb.collective_nouns
        and phrase.sector is not None
        and phrase.kind == "group"
        and (head.tag_ == "NN" or (is_untagged(head) and phrase.head_lemma == head.lower_))
        and any(t.lower_ == "the" for t in doc[max(phrase.start - 1, 0) : phrase.head])
    )
