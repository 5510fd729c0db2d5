"""Event stage: from a parsed document and its actors to Event records.

``code_events`` turns detected candidates into records: PLOVER type (with PLOVER's rule that
future cooperative acts are intentions, AGREE, and announced retreats are CONCEDE), CAMEO code,
Goldstein value and quad class from the ontology tables, actor and recipient references,
evidence offsets, realis and a stable id.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from ..actors import DocActors
from ..actors.phrases import CHALLENGER_SECTORS
from ..models import ActorRef, Article, Event, Quote
from ..nlp import clause_verb, sentence_index
from ..ontology import Ontology
from ..timex import date_event, news_day, story_anchor, time_expressions
from .detect import (Candidate, agreement_parties, argument_heads, defied_parties, find_candidates, is_motive,
                     patrons_partner, reporter_of)
from .place import location_of, place_token, scene
from .lexicon import Lexicon, load_lexicon

__all__ = ["code_events", "load_lexicon", "REALIS_DEFAULT", "REALIS_ALL"]

REALIS_DEFAULT = frozenset({"asserted", "future"})
"""What PLOVER codes as events: things that happened, and announced intentions (coded AGREE etc.)."""
REALIS_ALL = frozenset({"asserted", "future", "negated", "hypothetical", "denied"})

_DONE_TO_A_PLACE = {"PROTEST", "COERCE", "CONCEDE", "ASSAULT", "MOBILIZE", "SANCTION", "AID"}
"""Events whose target, when the text names none, is the place they happen in."""
_FUTURE_AS_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
_FUTURE_AS_THREAT = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}
"""Announced or conditional conflictual acts are threats in PLOVER ("will impose a curfew", "may halt
mediation", "will boycott the elections unless...")."""
_INTENT_CAMEO = {"AGREE": "030", "CONCEDE": "08"}
_RECIPROCAL = {"CONSULT", "AGREE", "COOPERATE", "ASSAULT", "RETREAT"}
_RECIPROCAL_CAMEO = {"050", "057"}  # diplomatic cooperation, signing a formal agreement
"""Acts that parties named together do with each other ("Putin and Kim met", "the two armies clashed");
"Germany and Ireland are opposed to the plan" criticises someone else."""
_PATRONAGE = {"SUPPORT", "AID", "SANCTION"}
"""Acts of giving or withdrawing support, whose recipient a doer named as someone's supporter implies."""
_THREAT_CAMEO = {"SANCTION": "1312", "COERCE": "132", "ASSAULT": "138", "MOBILIZE": "138", "PROTEST": "133"}


def code_events(
    doc: Doc,
    article: Article,
    actors: DocActors,
    lexicon: Lexicon,
    ontology: Ontology,
    *,
    realis: frozenset[str] = REALIS_DEFAULT,
    keep_uncoded: bool = False,
    reported_by: Callable[[Token], tuple[str, ...]] = lambda token: (),
    quotes: Sequence[Quote] = (),
) -> list[Event]:
    """Events of one document; ``reported_by`` gives a trigger's reporting chain, ``quotes`` link by sentence."""
    events: list[Event] = []
    seen: set[tuple] = set()
    anchor, anchor_source = story_anchor(article.date, article.dateline_date)
    expressions = time_expressions(doc)
    news = news_day(doc, anchor)
    candidates = find_candidates(doc, actors, lexicon)
    detainers = [r for c in candidates if c.trigger.mode == "arrest" for r in _refs(doc, c.actor_heads, actors) if r.code]
    for candidate in candidates:
        if candidate.realis not in realis and not (_is_threat(candidate)
                                                   and not is_motive(clause_verb(candidate.token), lexicon)):
            continue
        actor_refs = _refs(doc, candidate.actor_heads, actors)
        recipient_refs = tuple(r for r in _refs(doc, candidate.recipient_heads, actors)
                               if r.actor_id not in {a.actor_id for a in actor_refs})
        if not any(a.code for a in actor_refs) and candidate.trigger.event != "CONSULT" \
                and candidate.trigger.cameo not in _RECIPROCAL_CAMEO:
            # talks "held in Geneva" and a loan "signed in Tokyo" are no Swiss or Japanese act: meetings and
            # signings are often at a neutral place
            actor_refs = _local_actor(doc, candidate, actor_refs, actors)
        if not any(a.code for a in actor_refs):
            actor_refs = _home_court(candidate, actor_refs, recipient_refs)
        if not actor_refs and candidate.trigger.mode == "arrest" and actors.home and _agentless(candidate.token):
            actor_refs = _unnamed_authorities(candidate, actors.home, detainers)
        if not any(a.code for a in actor_refs) and _is_threat(candidate):
            actor_refs = _threatener(doc, candidate, lexicon, actors) or actor_refs
        if actor_refs and not any(a.code for a in actor_refs) and candidate.trigger.event in _CLAIMS:
            actor_refs = _citizens_before_their_state(actor_refs, recipient_refs, actors.home)
        if not keep_uncoded and not any(a.code for a in actor_refs) and not _unknown_perpetrator(
                candidate, actor_refs, recipient_refs):
            continue
        if not recipient_refs and (candidate.trigger.mode == "visit" or candidate.trigger.event in _DONE_TO_A_PLACE):
            # "arrived in Amman on a visit": the host; "lifted the curfew in Montenegro": those under it
            place = _place(candidate.token, actors)
            if place is not None and place.i in actors.phrases:
                recipient_refs = _refs(doc, (place.i,), actors)
        if not recipient_refs and candidate.trigger.event == "PROTEST":
            recipient_refs = _own_government(actor_refs)
        if not recipient_refs and candidate.trigger.event == "REQUEST":
            # "the opposition demanded a transition", "rebels are demanding a state": a challenger's claim
            # that names no one to meet it is made on its own state, as its protests are
            recipient_refs = _own_government(tuple(a for a in actor_refs if a.sector in CHALLENGER_SECTORS))
        if not any(r.code for r in recipient_refs):
            recipient_refs = _under_jurisdiction(actor_refs, recipient_refs)
        if not recipient_refs and candidate.trigger.event == "REJECT":
            recipient_refs = _refs(doc, argument_heads(defied_parties(candidate.token, lexicon), actors), actors)
        if not recipient_refs and candidate.trigger.event == "REJECT":
            recipient_refs = _the_one_refused(doc, candidate, actor_refs, lexicon, actors)
        if not recipient_refs and candidate.trigger.event in _PATRONAGE:
            recipient_refs = _refs(doc, patrons_partner(candidate.actor_heads, doc, lexicon, actors), actors)
        if not recipient_refs:
            heads = agreement_parties(candidate.token, candidate.trigger.recipient, lexicon, actors)
            recipient_refs = tuple(r for r in _refs(doc, heads, actors)
                                   if r.code and r.code not in {a.code for a in actor_refs})
        if not recipient_refs and len({a.code for a in actor_refs if a.code}) > 1 and \
                (candidate.trigger.event in _RECIPROCAL or candidate.trigger.cameo in _RECIPROCAL_CAMEO):
            recipient_refs = actor_refs  # "Putin and Kim signed a treaty": each with the other
        if not _has_required_recipient(candidate, recipient_refs, ontology) or _press_interview(candidate, recipient_refs):
            continue
        when = date_event(candidate.token, expressions, anchor, anchor_source, candidate.realis,
                          lexicon.reporting_verbs, news)
        event = _event(doc, article, candidate, actor_refs, recipient_refs, ontology, when,
                       reported_by(candidate.token), quotes, actors)
        # one event per verb, type and dyad ("sent a message of greetings" fires once)
        key = (event.sentence_index, clause_verb(candidate.token).i, event.event_type, _codes(actor_refs),
               _codes(recipient_refs))
        if key in seen:
            continue
        seen.add(key)
        events.append(event)
    return _flag_date_conflicts(_the_other_side_of_the_talks(_the_only_side_fighting_them(events)), doc)


def _the_other_side_of_the_talks(events: list[Event]) -> list[Event]:
    """"Rebel officials held meetings with Russia to discuss surrender. Russia demanded the handover of
    weapons": a demand or refusal that names no one, made by a party to talks reported just before it
    (earlier in its sentence or in the sentence before), is addressed to the other side of those talks.
    That side is named in the talks' words, not here (an empty span)."""
    filled = []
    for event in events:
        own = {a.code for a in event.actor if a.code}
        if event.event_type in ("REQUEST", "REJECT") and own and not event.recipient:
            talks = [other for other in events if other.event_type == "CONSULT"
                     and (other.sentence_index == event.sentence_index - 1
                          or (other.sentence_index == event.sentence_index and other.trigger_end <= event.trigger_start))
                     and own & {r.code for r in other.actor + other.recipient}]
            sides = [r for other in talks for r in other.actor + other.recipient if r.code and r.code not in own]
            if len({r.code for r in sides}) == 1:
                event = replace(event, recipient=(_named_elsewhere(sides[0], event.trigger_start),),
                                confidence=round(event.confidence - 0.1, 2))
        filled.append(event)
    return filled


def _named_elsewhere(party: ActorRef, at: int) -> ActorRef:
    """A party the story names elsewhere, taken as a party to an act here: no words name it here, so its
    span is empty, at the act's trigger."""
    return ActorRef("", party.name, party.code, party.sector, at, at, party.actor_id)


_HOSTILE = {"ASSAULT", "COERCE", "THREATEN", "MOBILIZE"}
_ARMED = {"MIL", "REB", "UAF", "PRM"}


def _the_only_side_fighting_them(events: list[Event]) -> list[Event]:
    """"The battle to dismantle Isis is coming to an end", "2,000 Iraqi troops had been killed": force used
    on an armed party by no one named, in a story that shows one side alone using or threatening force
    against that party, is that side's. The doer is named by no words here (an empty span)."""
    filled = []
    for event in events:
        targets = {r.code for r in event.recipient if r.code and (r.sector in _ARMED or r.code == "IMG")}
        if event.event_type in ("ASSAULT", "COERCE") and targets and not event.actor:
            sides = [a for other in events if other.event_type in _HOSTILE
                     and targets & {r.code for r in other.recipient}
                     for a in other.actor if a.code and a.code not in targets]
            if len({a.code for a in sides}) == 1:
                event = replace(event, actor=(_named_elsewhere(sides[0], event.trigger_start),),
                                confidence=round(event.confidence - 0.1, 2))
        filled.append(event)
    return filled


def _flag_date_conflicts(events: list[Event], doc: Doc) -> list[Event]:
    """The same act (actor, type, trigger word) dated differently in one story: flag each, keep both.

    A recipient missing on one report does not make it another act; different recipients do.
    """
    lemma = {e.event_id: doc.char_span(e.trigger_start, e.trigger_end)[0].lemma_.lower() for e in events}
    flagged = []
    for event in events:
        others = [
            o for o in events
            if o is not event and o.event_type == event.event_type and lemma[o.event_id] == lemma[event.event_id]
            and _codes(o.actor) == _codes(event.actor)
            and (not o.recipient or not event.recipient or _codes(o.recipient) == _codes(event.recipient))
            and o.date_source == "text" and event.date_source == "text" and o.event_date != event.event_date
        ]
        if others:
            alternatives = tuple(sorted({o.event_date for o in others}))
            event = replace(event, conflict=True, event_date_alternatives=alternatives)
        flagged.append(event)
    return flagged


_SAME_MOMENT = {"when", "as", "while"}


def _place(trigger: Token, actors: DocActors) -> Token | None:
    """Where the act happens: a place on the trigger, or in a "when ..." clause that tells the same moment
    ("killed 23 people when they blew themselves up in Tel Aviv")."""
    place = place_token(trigger, actors)
    for clause in trigger.children:
        if place is None and clause.dep_ == "advcl" and any(
                m.dep_ in ("advmod", "mark") and m.lower_ in _SAME_MOMENT for m in clause.children):
            place = place_token(clause, actors)
    return place


def _local_actor(doc: Doc, candidate: Candidate, actor_refs: tuple[ActorRef, ...], actors: DocActors
                 ) -> tuple[ActorRef, ...]:
    """An act by no one coded, in a named country, is that country's: as CAMEO codes unidentified gunmen and
    unnamed authorities, "was arrested in Lebanon" and "demonstrators in Monrovia" act for the place."""
    place = _place(candidate.token, actors)
    if place is not None and place.i not in actors.phrases:  # "in the capital Kiev": the name beside the noun
        place = next((c for c in place.children if c.dep_ in ("appos", "compound") and c.i in actors.phrases), place)
    words = [candidate.token, *(doc[h] for h in candidate.actor_heads + candidate.recipient_heads)]
    if place is None or place.i not in actors.phrases or any(
            c.dep_ in ("nsubj", "poss") and c.pos_ == "PRON" for w in words for c in w.children):
        return actor_refs  # "they blew themselves up", "sent its submarines": a pronoun points to someone named before
    local = next((r for r in _refs(doc, (place.i,), actors) if r.code and r.code not in _NOT_STATES), None)
    if local is None:
        return actor_refs
    return tuple(replace(a, code=local.code) for a in actor_refs) or (local,)


_CLAIMS = {"REQUEST", "PROTEST", "ACCUSE"}
_STATE_BODIES = {"GOV", "LEG", "JUD", "COP"}


def _citizens_before_their_state(actor_refs: tuple[ActorRef, ...], recipient_refs: tuple[ActorRef, ...],
                                 home: str | None) -> tuple[ActorRef, ...]:
    """"Unemployed workers and doctors called on lawmakers to extend benefits": people of no named country
    who press a claim on the government, parliament, courts or police of the country the story is about are
    that country's people (the mirror of a protest's own government)."""
    if home is None or not any(r.code == home and r.sector in _STATE_BODIES for r in recipient_refs):
        return actor_refs
    return tuple(replace(a, code=home) for a in actor_refs)


_OFFICE = {"GOV", "LEG", "MIL", "COP", "JUD", "PTY", "OPP", "ELI"}


def _home_court(candidate: Candidate, actor_refs: tuple[ActorRef, ...], recipient_refs: tuple[ActorRef, ...]
                ) -> tuple[ActorRef, ...]:
    """"Former Brazilian president Lula was sentenced to two years": a conviction that names no court, of a
    holder of public office (tried at home; a foreigner's court is not knowable), is by his own country's courts."""
    if candidate.trigger.mode != "convict":
        return actor_refs
    official = next((r for r in recipient_refs if r.sector in _OFFICE and r.code and r.code not in _NOT_STATES), None)
    if official is None:
        return actor_refs
    return (ActorRef(official.text, f"{official.code} judiciary", official.code, "JUD", official.start, official.end,
                     None),)


def _agentless(token: Token) -> bool:
    """A passive participle or an act noun with no "by" phrase: "were arrested", "the detention of"; not
    "captured by a security camera", nor a gerund whose doer is the main clause's subject."""
    if token.tag_ not in ("VBN", "NN", "NNS"):
        return False
    return not any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in token.children)


def _unnamed_authorities(candidate: Candidate, home: str, detainers: list[ActorRef]) -> tuple[ActorRef, ...]:
    """"Isis fighters were identified and arrested at a checkpoint": an arrest by no one named, in a story
    plainly about one country, is by that country's authorities (its police, in PLOVER's sectors), as CAMEO
    coders read an agentless arrest; but where the story names one side alone making arrests ("women detained
    by Kurdish forces"), by that side. A named place in a known country has already given it (``_local_actor``)."""
    start = candidate.token.idx  # no words name them: an empty span where the act is
    if len({d.code for d in detainers}) == 1 and detainers[0].code != home:
        return (_named_elsewhere(detainers[0], start),)
    return (ActorRef("", f"{home} police", home, "COP", start, start, None),)


_JURISDICTION = {"COP", "JUD"}


def _under_jurisdiction(actor_refs: tuple[ActorRef, ...], recipient_refs: tuple[ActorRef, ...]
                        ) -> tuple[ActorRef, ...]:
    """Police and courts act within their own country: the people of no named country they arrest, disperse,
    charge or summon ("Egyptian police arrested 12", "an Argentine judge ordered the former president") are its own."""
    state = next((a for a in actor_refs if a.sector in _JURISDICTION and a.code and a.code not in _NOT_STATES), None)
    if state is None:
        return recipient_refs
    if recipient_refs:
        return tuple(replace(r, code=state.code) for r in recipient_refs)
    return (ActorRef(state.text, f"{state.code} civilians", state.code, "CVL", state.start, state.end, None),)


def _own_government(actor_refs: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    """A protest that names no target and no foreign place is against the protesters' own government:
    PLOVER codes demonstrations as claims on a state ("students marched through the capital")."""
    codes = dict.fromkeys(a.code for a in actor_refs if a.code and len(a.code) == 3 and a.code.isalpha()
                          and a.code not in _NOT_STATES)
    first = next((a for a in actor_refs if a.code in codes), None)
    if first is None:
        return ()
    return tuple(ActorRef(first.text, f"{code} government", code, "GOV", first.start, first.end, None)
                 for code in codes)


_NOT_STATES = {"IGO", "NGO", "IMG", "MNC", "UNO"}


def _unknown_perpetrator(candidate: Candidate, actor_refs, recipient_refs) -> bool:
    """"Three Iraqi civilians were killed in a car bombing": a violent act on a coded victim by no
    one named is still an event, with an empty actor side."""
    return candidate.trigger.event in ("ASSAULT", "COERCE") and not actor_refs and any(r.code for r in recipient_refs)


def _has_required_recipient(candidate: Candidate, recipient_refs, ontology: Ontology) -> bool:
    """AID, COOPERATE and SANCTION are acts towards someone: without a recipient ("Bolivia imports
    diesel") they are not events; nor are "partner" triggers ("the cabinet met") unless a plural actor
    holds both sides ("the two leaders met"). Compound actors have each other as recipients by then."""
    intention = candidate.realis == "future" and candidate.trigger.event in _FUTURE_AS_AGREE
    if candidate.trigger.event in ontology.needs_recipient and not intention:  # "would cooperate" is AGREE
        return bool(recipient_refs)
    plural = any(candidate.token.doc[h].tag_ in ("NNS", "NNPS") for h in candidate.actor_heads)
    return not candidate.trigger.partner or bool(recipient_refs) or plural


def _threatener(doc: Doc, candidate: Candidate, lexicon: Lexicon, actors: DocActors) -> tuple[ActorRef, ...]:
    """"An operation would be launched if they refused to surrender, the spokesman said": an announced act
    with no doer of its own is the threat of whoever announces it."""
    token = candidate.token
    passive = token.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in token.children)
    if candidate.actor_heads or not (passive or token.pos_ == "NOUN"):
        return ()  # "the budget will reinforce...": a clause with a subject of its own is no one's threat
    reporter = reporter_of(clause_verb(token), lexicon)
    if reporter is None:
        return ()
    return _refs(doc, argument_heads([c for c in reporter.children if c.dep_ == "nsubj"], actors), actors)


def _the_one_refused(doc: Doc, candidate: Candidate, actor_refs: tuple[ActorRef, ...], lexicon: Lexicon,
                     actors: DocActors) -> tuple[ActorRef, ...]:
    """"The UN envoy said the government delegation had refused to discuss elections": a refusal to do
    something, that names no one, told by another party (not the press), is the refusal that party met."""
    reporter = reporter_of(clause_verb(candidate.token), lexicon)
    if reporter is None or not candidate.trigger.complement:
        return ()
    refs = _refs(doc, argument_heads([c for c in reporter.children if c.dep_ == "nsubj"], actors), actors)
    own = {a.code for a in actor_refs}
    if not refs or any(r.sector == "JRN" or not r.code or r.code in own for r in refs):
        return ()
    return refs


def _press_interview(candidate: Candidate, recipient_refs: tuple[ActorRef, ...]) -> bool:
    """"was talking to Reuters", "spoke to the BBC": talking to the press is how a statement is made, not
    a consultation with the outlet."""
    return candidate.trigger.event == "CONSULT" and bool(recipient_refs) and all(
        r.sector == "JRN" for r in recipient_refs)


def _is_threat(candidate: Candidate) -> bool:
    """An announced conflictual act, or any announced act made conditional with "unless" (an ultimatum)."""
    if candidate.realis not in ("future", "hypothetical"):
        return False
    if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause_verb(candidate.token).children):
        return False  # "if a US strike threatened its troops": the condition of a threat is no threat itself
    ultimatum = any(
        clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in clause.children)
        for clause in candidate.token.children
    )
    return ultimatum or candidate.trigger.event in _FUTURE_AS_THREAT


def _codes(refs: tuple[ActorRef, ...]) -> tuple[str, ...]:
    return tuple(sorted(r.code or "" for r in refs))


def _refs(doc: Doc, heads: tuple[int, ...], actors: DocActors) -> tuple[ActorRef, ...]:
    refs = []
    for head in heads:
        phrase = actors.phrases[head]
        actor = actors.actor(actors.actor_of[head])
        span = doc[phrase.start : phrase.end]
        codes = phrase.codes or [None]
        for code in codes:  # "Hungarian and Romanian officials": one reference per country
            refs.append(ActorRef(span.text, actor.name, code, phrase.sector, span.start_char, span.end_char,
                                 actor.actor_id))
    return tuple(refs)


def _event(doc, article, candidate: Candidate, actor_refs, recipient_refs, ontology: Ontology, when, chain,
           quotes, actors: DocActors) -> Event:
    trigger, token = candidate.trigger, candidate.token
    event_type, cameo, mode = trigger.event, trigger.cameo, trigger.mode
    if _is_threat(candidate):
        event_type, cameo, mode = "THREATEN", _THREAT_CAMEO.get(event_type, "130"), None
    elif candidate.realis == "future" and event_type in _FUTURE_AS_AGREE:
        event_type, cameo, mode = "AGREE", _INTENT_CAMEO["AGREE"], None
    elif candidate.realis == "future" and event_type == "RETREAT":
        event_type, cameo, mode = "CONCEDE", _INTENT_CAMEO["CONCEDE"], None
    elif mode == "access" and _admits_people(doc, candidate, actors):
        event_type, cameo, mode = "AID", _ASYLUM_CAMEO, None
    entry = ontology.cameo_code(cameo)
    sentence = token.sent
    index = sentence_index(doc, token.i)
    start, end = token.idx, token.idx + len(token.text)
    digest = hashlib.sha1(f"{article.doc_id}|{index}|{start}|{end}|{event_type}".encode()).hexdigest()[:16]
    return Event(
        event_id=digest,
        doc_id=article.doc_id,
        event_type=event_type,
        mode=mode,
        context=trigger.context,
        cameo=entry.code if entry else None,
        goldstein=entry.goldstein if entry else None,
        quad_class=ontology.quad_class(event_type),
        actor=actor_refs,
        recipient=recipient_refs,
        trigger=token.text,
        trigger_start=start,
        trigger_end=end,
        sentence=sentence.text,
        sentence_index=index,
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
        realis=candidate.realis,
        confidence=_confidence(candidate, actor_refs, recipient_refs),
        story_date=article.date,
        event_date=when.event_date,
        date_text=when.date_text,
        date_granularity=when.granularity,
        date_source=when.source,
        date_end=when.end,
        temporal_status=when.status,
        planned_date=when.planned,
        reported_by=chain,
        # an event of the news with no place of its own happens where the lead puts the news
        location=location_of(token, actors) or (scene(doc, actors) if when.status == "current" else None),
        quote_ids=tuple(q.quote_id for q in quotes if q.sentence_index == index),
    )


_ASYLUM_CAMEO = "075"
_POPULATION_SECTORS = {"REF", "CVL"}


def _admits_people(doc: Doc, candidate: Candidate, actors: DocActors) -> bool:
    """Letting refugees, civilians or a people in ("opened its border to Syrians fleeing the war") is
    granting asylum, CAMEO 075 under AID; letting observers, peacekeepers or aid workers in stays
    RETREAT `access', as the PLOVER manual says."""
    phrases = [actors.phrases[h] for h in candidate.recipient_heads if h in actors.phrases]
    return bool(phrases) and all(
        p.people or p.sector in _POPULATION_SECTORS or (p.kind == "unknown" and doc[p.head].tag_ == "NNPS")
        for p in phrases)


def _confidence(candidate: Candidate, actor_refs, recipient_refs) -> float:
    """A ranking score, not a calibrated probability: verb triggers with coded arguments rank highest."""
    score = 0.5 if candidate.trigger.pos == "VERB" else 0.4
    score += 0.1 * candidate.trigger.specificity
    score += 0.2 * any(a.code for a in actor_refs) + 0.1 * any(r.code for r in recipient_refs)
    if candidate.realis != "asserted":
        score -= 0.1
    return round(min(score, 0.95), 2)
