"""Find event mentions in a parsed document: trigger, actor side, recipient side, realis.

Verb triggers take the actor from the subject (the "by" phrase in the passive) and the
recipient from the object or the prepositions their lexicon entry names; verbs without a
subject of their own inherit one from the clause they depend on. Noun triggers ("a visit to",
"the attack on") take the actor from a possessor, a nationality modifier, a "by" phrase or the
subject of the light verb that governs them ("held talks", "sent a message").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..actors import DocActors
from ..nlp import clause_verb, indices_of, swallowed_subject
from .lexicon import Lexicon, Trigger

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_CLAUSE_DEPS = {"relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis", "conj"}
_INHERITS_SUBJECT = {"xcomp", "conj", "advcl", "acomp"}  # acomp: in "talks are due to be held", the talks are held
_AMOUNTS = {"MONEY", "PERCENT"}  # sums and shares; counts ("hundreds of troops") head parties
_MODALS = {"may", "might", "could", "would"}
_OBLIGATION = {"must", "should", "ought"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_INTENT_VERBS = {"plan", "intend", "expect", "hope", "want", "prepare", "aim", "seek", "vow", "pledge", "promise"}
_DENIAL_VERBS = {"deny", "refute"}
_SCHEDULED = {"due", "set", "scheduled", "slated", "poised", "expected"}  # "talks are due to be held": planned ahead
_PROBABLE = {"likely", "unlikely", "possible", "probable"}  # "is likely to visit": a forecast, not a report
_RELUCTANT = {"reluctant", "unwilling", "loath", "loth", "hesitant", "averse"}  # "reluctant to ask": not asking
_CONDITIONAL_MARKS = {"if", "unless"}


@dataclass(frozen=True)
class Candidate:
    """An event mention before it becomes an Event record."""

    trigger: Trigger
    token: Token
    actor_heads: tuple[int, ...]
    recipient_heads: tuple[int, ...]
    realis: str


def lemma_of(token: Token, lexicon: Lexicon) -> str:
    """The token's lower-case lemma, mended where spaCy's rules cut a verb's silent e: "staged" -> "stag",
    "fined" -> "fin". A past form that is the lemma plus "ed" comes from lemma + "e" when the lexicon
    knows that verb (a stem with a short vowel doubles its consonant: "rapped", "fanned")."""
    lemma = token.lemma_.lower()
    if token.tag_ in ("VBD", "VBN") and token.lower_ == lemma + "ed" and lemma + "e" in lexicon.verb_words:
        return lemma + "e"
    return lemma


def find_candidates(doc: Doc, actors: DocActors, lexicon: Lexicon) -> list[Candidate]:
    verbs, nouns, adjectives = [], [], []
    for token in doc:  # one pass: Token objects are costly to create, so each is made once
        pos = token.pos_
        if pos in ("VERB", "AUX"):
            verbs.append(token)
        elif pos == "NOUN":
            nouns.append(token)
        elif pos == "ADJ":
            adjectives.append(token)
    candidates = []
    consumed: set[int] = set()  # object nouns already part of a verb+object trigger
    for token in verbs:
        lemma = lemma_of(token, lexicon)
        if token.pos_ == "VERB" and lemma in lexicon.verbs:
            refusal = _refusal(token, lexicon.verbs[lemma], actors)
            if refusal is not None:
                candidates.append(refusal)
                continue
            trigger = _choose_verb_trigger(token, lexicon.verbs[lemma])
            if trigger is not None:
                trigger = _by_content(token, trigger, lexicon)
            if trigger is None or _is_content_of_complement(token, lexicon):
                continue
            if trigger.objects:
                consumed.update(o.i for o in _objects(token))
                trigger = _content_of_object(token, _qualified_object(token, trigger, lexicon), lexicon, consumed)
            candidates.append(_verb_candidate(token, trigger, actors, lexicon))
    candidates += _obligation_requests(verbs, actors, lexicon)
    coded = {c.token.i for c in candidates}
    participles = [t for t in verbs if _stative(t, lexicon) and t.i not in coded]  # "is prepared to send aid"
    candidates += _intentions(adjectives + participles, actors, lexicon)
    candidates += _disapprovals(adjectives, actors, lexicon)
    for token in nouns:
        if token.i not in consumed and token.lemma_.lower() in lexicon.nouns:
            if token.i in actors.phrases:
                continue  # "protesters", "rebels": actor words, not events
            trigger = _choose_noun_trigger(token, lexicon.nouns[token.lemma_.lower()])
            candidate = _noun_candidate(token, trigger, actors, lexicon) if trigger else None
            if candidate is not None:
                candidates.append(candidate)
    candidates = [_protest_target(c, actors, lexicon) if c.trigger.event == "PROTEST" and not c.recipient_heads else c
                  for c in candidates]
    candidates = [_joint_exercise(_declared_refusal(c, lexicon), actors) for c in candidates]
    candidates = [_condition_target(_warning_about_another(c, actors, lexicon), actors) for c in candidates]
    triggers = {c.token.i for c in candidates}
    protests = {c.token.i for c in candidates if c.trigger.event == "PROTEST"}
    protests |= {clause_verb(c.token).i for c in candidates if c.trigger.event == "PROTEST"}
    return [c for c in candidates
            if (_protest_as_purpose(c) or not _inside_another_event(c.token, triggers, actors))
            and not _demand_of_a_protest(c.token, protests)]


def _protest_as_purpose(candidate: Candidate) -> bool:
    """"shunned work to protest at ...", "blocked the road to protest against ...": the act is the means
    of a protest, which is reported in its own right."""
    token = candidate.token
    return candidate.trigger.event == "PROTEST" and token.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


_REFUSED = {"CONSULT": ("125", "meet"), "AID": ("122", "assist"), "COOPERATE": ("121", "assist"),
            "SUPPORT": ("120", None), "AGREE": ("120", None), "RETREAT": ("124", "yield"), "CONCEDE": ("124", "yield")}
_WILL = {"will", "wo", "shall", "'ll", "would"}


def _declared_refusal(candidate: Candidate, lexicon: Lexicon) -> Candidate:
    """"will not attend the summit", "said it would not lift the sanctions": a cooperative act or a concession
    declared for the future and negated is a refusal, REJECT, and the refusal itself is asserted."""
    if candidate.realis != "negated" or candidate.trigger.event not in _REFUSED:
        return candidate
    token = candidate.token
    verb = token if token.pos_ == "VERB" else token.head
    if verb.pos_ != "VERB" or (token is not verb and token.dep_ != "dobj"):
        return candidate  # "the agreement would not hold", "won't survive without aid": no one refuses anything
    children = list(verb.children)
    if not (any(c.dep_ == "neg" for c in children) and any(c.dep_ == "aux" and c.lower_ in _WILL for c in children)):
        return candidate
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in children):
        return candidate  # "will not be offered a third term": said of the one left out, not declared by a refuser
    reporter = reporter_of(verb, lexicon)
    if reporter is not None and not any(c.dep_ in _SUBJECTS and c.pos_ == "PRON" for c in children):
        return candidate  # "a diplomat warned that buyers would not welcome China": a forecast, not a refusal
    cameo, mode = _REFUSED[candidate.trigger.event]
    return replace(candidate, trigger=replace(candidate.trigger, event="REJECT", cameo=cameo, mode=mode, context=()),
                   realis="asserted")


_BLAME = ("ACCUSE", "111")


def _warning_about_another(candidate: Candidate, actors: DocActors, lexicon: Lexicon) -> Candidate:
    """"Israeli officials warned that Iran is delivering missiles": a warning whose content has another coded
    party, not a pronoun, as its doer blames that party (ACCUSE); one of the warner's own acts is a threat."""
    verb = candidate.token
    if candidate.trigger.event != "THREATEN" or verb.pos_ != "VERB" or lemma_of(verb, lexicon) not in lexicon.warning_verbs:
        return candidate
    content = _content_clause(verb)
    subjects = [c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")] if content is not None else []
    if not subjects or any(s.pos_ == "PRON" for s in subjects):
        return candidate  # "warned that it would retaliate": the warner's own act, or one the text cannot tell
    blamed = tuple(h for h in argument_heads(subjects, actors) if actors.phrases[h].codes)
    own = {c for h in candidate.actor_heads for c in actors.phrases[h].codes}
    if not blamed or any(set(actors.phrases[h].codes) & own for h in blamed):
        return candidate
    event, cameo = _BLAME
    return replace(candidate, trigger=replace(candidate.trigger, event=event, cameo=cameo, mode=None, context=()),
                   recipient_heads=blamed)


def _content_clause(verb: Token) -> Token | None:
    """What a verb of saying says: its "that" clause, also where the parser hung that clause on the noun of a
    time phrase ("warned shortly after Trump's announcement that the US president's actions would...")."""
    content = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if content is not None or any(c.dep_ in ("dobj", "xcomp") for c in verb.children):
        return content
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("after", "before", "following"):
            for noun in (o for o in prep.children if o.dep_ == "pobj"):
                content = next((c for c in noun.children if c.dep_ == "acl" and c.pos_ in ("VERB", "AUX") and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
                if content is not None:
                    return content
    return None


def _condition_target(candidate: Candidate, actors: DocActors) -> Candidate:
    """"would strike back if a US strike threatened its troops": a conflictual act announced on a condition is
    aimed at whoever the condition names as acting, when the act itself names no one."""
    if (candidate.recipient_heads or candidate.trigger.event not in _CONFLICT
            or candidate.realis not in ("future", "hypothetical")):
        return candidate
    verbs = (candidate.token, *candidate.token.conjuncts)
    clauses = [c for v in verbs for c in v.children if c.dep_ == "advcl"
               and any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL_MARKS for m in c.children)]
    doers = [s for c in clauses for s in c.children if s.dep_ == "nsubj"]
    own = {code for h in candidate.actor_heads for code in actors.phrases[h].codes}
    heads = tuple(h for h in argument_heads(doers, actors) if not set(actors.phrases[h].codes) & own)
    return replace(candidate, recipient_heads=heads) if heads else candidate


_EXERCISES = {"exercise", "drill", "maneuver", "manoeuvre", "wargame", "game", "patrol"}


def _joint_exercise(candidate: Candidate, actors: DocActors) -> Candidate:
    """Manoeuvres held by forces of several countries together are military cooperation (COOPERATE 062),
    not a show of force: "French and Egyptian warships began naval exercises"."""
    trigger = candidate.trigger
    if trigger.event != "MOBILIZE" or not (trigger.lemma in _EXERCISES or trigger.objects & _EXERCISES):
        return candidate
    if len({code for h in candidate.actor_heads for code in actors.phrases[h].codes}) < 2:
        return candidate
    return replace(candidate, trigger=replace(trigger, event="COOPERATE", cameo="062", mode=None, context=("military",)))


_DEMAND_TYPES = {"REQUEST", "ACCUSE", "REJECT", "PROTEST"}


def _protest_target(candidate: Candidate, actors: DocActors, lexicon: Lexicon) -> Candidate:
    """Whom a protest is against when it names no one: the object of "in protest against/of/at X", or
    the addressee of the demand it makes ("blocked roads to press demands from the government",
    "marched calling for the removal of the president")."""
    found: list[Token] = []
    places = {candidate.token, clause_verb(candidate.token)}
    for word in places:
        for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ == "in"):
            for noun in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() == "protest"):
                found += _prep_objects(noun, ("against", "of", "at", "over", "to"))
    for word in places:
        for clause in (c for c in word.children if c.dep_ in ("advcl", "xcomp", "acl") and c.pos_ == "VERB"):
            lemma = lemma_of(clause, lexicon)
            trigger = _choose_verb_trigger(clause, lexicon.verbs[lemma]) if lemma in lexicon.verbs else None
            if trigger is not None and trigger.event in _DEMAND_TYPES:
                heads = _verb_candidate(clause, trigger, actors, lexicon).recipient_heads
                if heads:
                    return replace(candidate, recipient_heads=heads)
    heads = argument_heads(found, actors)
    return replace(candidate, recipient_heads=heads) if heads else candidate


def _demand_of_a_protest(token: Token, protests: set[int]) -> bool:
    """'demonstrated in Kirkuk calling for independence': what protesters call for is the content of
    their protest, not a request of its own."""
    return token.dep_ in ("advcl", "xcomp", "conj") and token.head.i in protests and token.tag_ in ("VBG", "VB")


# Links along which a word belongs to the content of the event above it, not an event of its own:
# "rejected a US offer to host a summit", "in protest of the government's refusal".
_ARGUMENT_LINKS = {"dobj", "pobj", "prep", "xcomp", "acl", "attr", "oprd", "compound", "amod", "poss", "nmod",
                   "appos", "nsubjpass", "npadvmod", "dative", "agent", "pcomp"}


def _inside_another_event(token: Token, triggers: set[int], actors: DocActors) -> bool:
    """True when the trigger sits in an argument (or a "to ..." purpose clause) of another trigger.

    A participle describing an actor ("dispersed demonstrators protesting the result") reports what
    that actor did, an event of its own."""
    for _ in range(6):
        if token.head == token:
            return False
        if token.dep_ == "acl" and token.pos_ == "VERB" and token.head.i in actors.phrases:
            return False
        if token.dep_ == "prep" and token.lower_ in _CIRCUMSTANCES and token.head.pos_ == "VERB":
            return False  # "captured the town after days of fighting": beside the act, not part of it
        purpose = token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if token.dep_ not in _ARGUMENT_LINKS and not purpose:
            return False
        token = token.head
        if token.i in triggers:
            return True
    return False


_REQUEST = Trigger(lemma="", pos="VERB", event="REQUEST", cameo="100")
_INTEND = Trigger(lemma="", pos="ADJ", event="AGREE", cameo="030")


def _obligation_requests(verbs: list[Token], actors: DocActors, lexicon: Lexicon) -> list[Candidate]:
    """A reported obligation on someone else is a demand: "Russia said Sudan must return the helicopter"."""
    found = []
    for verb in verbs:
        if not _may_be_obligation(verb) or realis_of(verb, lexicon) != "obligation":
            continue
        reporter = reporter_of(verb, lexicon)
        if reporter is None:
            continue
        demander = argument_heads(_subject(reporter), actors)
        target = argument_heads([c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")], actors)
        codes = lambda heads: {c for h in heads for c in actors.phrases[h].codes}
        if demander and target and codes(demander) != codes(target):
            found.append(Candidate(_REQUEST, verb, demander, target, "asserted"))
    return found


def _refusal(verb: Token, entries: tuple[Trigger, ...], actors: DocActors) -> Candidate | None:
    """"will not allow Syrians to cross", "did not permit inspectors into the site": withholding a
    permission is a refusal ("negated" entries); whoever would have been let in or let act receives it."""
    negated = [e for e in entries if e.negated]
    if not negated or not any(c.dep_ == "neg" for c in verb.children):
        return None
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in verb.children):
        return None
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return None  # "could not allow": a judgement, not a refusal
    targets = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    targets += [g for c in verb.children if c.dep_ in ("ccomp", "xcomp") for g in c.children
                if g.dep_ in ("nsubj", "nsubjpass")]
    return Candidate(negated[0], verb, argument_heads(_subject(verb), actors), argument_heads(targets, actors),
                     "asserted")


def _intentions(adjectives: list[Token], actors: DocActors, lexicon: Lexicon) -> list[Candidate]:
    """'willing to send', 'prepared to lift': a stated willingness to act is AGREE."""
    found = []
    for adjective in adjectives:
        if adjective.lemma_.lower() not in lexicon.intent_adjectives and adjective.lower_ not in lexicon.intent_adjectives:
            continue
        clauses = [c for c in adjective.children if c.dep_ in ("xcomp", "prep") and (c.dep_ == "xcomp" or c.lower_ == "to")]
        participle = adjective.pos_ == "VERB"  # "Norway is prepared to ..." parsed as a passive verb
        if not clauses or (adjective.dep_ not in ("acomp", "amod", "oprd") and not participle):
            continue
        holder = adjective if participle else adjective.head
        actor_heads = argument_heads(_subject(holder) if adjective.dep_ != "amod" or participle else [holder], actors)
        recipient_heads = _content_recipients(clauses, actors, lexicon)
        recipient_tokens = [g for c in clauses for g in c.children if g.dep_ in ("dobj", "pobj")]
        recipient_tokens += [g for c in clauses for g in _prep_objects(c, ("to", "with"))]
        if not argument_heads(recipient_tokens, actors):  # "willing to send arms to help defend X"
            recipient_tokens += [b for c in clauses for b in _purpose_beneficiaries(c, lexicon)]
        recipient_heads = recipient_heads or argument_heads(recipient_tokens, actors)
        trigger = _INTEND
        content = _content_event(adjective, lexicon)
        if content in _CONFLICT - {"MOBILIZE"}:
            # "ready to attack", "prepared to impose sanctions": readiness to use force or punish is a threat;
            # "willing to send troops" may be help as well as force, and stays an intention
            trigger = replace(_INTEND, event="THREATEN", cameo=_THREAT_CODES.get(content, "130"))
        if actor_heads:
            found.append(Candidate(trigger, adjective, actor_heads, recipient_heads,
                                   realis_of(holder, lexicon) if holder.pos_ in ("VERB", "AUX") else "asserted"))
    return found


_DISAPPROVE = Trigger(lemma="", pos="ADJ", event="ACCUSE", cameo="111", mode="disapprove")


def _disapprovals(adjectives: list[Token], actors: DocActors, lexicon: Lexicon) -> list[Candidate]:
    """"It is unacceptable that governments are dragging their feet," said X: to call an act or a state of
    affairs unacceptable is to criticise whoever is responsible for it, the doer of the clause, or the owner
    of what is judged ("Russia's move was irresponsible")."""
    found = []
    for adjective in adjectives:
        copula = adjective.head
        if adjective.lemma_.lower() not in lexicon.disapproval_adjectives or adjective.dep_ != "acomp" \
                or copula.lemma_ != "be":
            continue
        reporter = reporter_of(copula, lexicon)
        if reporter is None:
            continue
        judged = [c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "it"]
        judged += [s for c in (*copula.children, *adjective.children) if c.dep_ in ("ccomp", "xcomp")
                   for s in c.children if s.dep_ in _SUBJECTS]
        actor_heads = argument_heads(_subject(reporter), actors)
        if actor_heads:
            found.append(Candidate(_DISAPPROVE, adjective, actor_heads, argument_heads(judged, actors),
                                   realis_of(copula, lexicon)))
    return found


def _content_recipients(clauses: list[Token], actors: DocActors, lexicon: Lexicon) -> tuple[int, ...]:
    """Whom the intended act is aimed at, by that act's own lexicon entry: "willing to use force against the
    students" is aimed at the students, not at the force."""
    for clause in clauses:
        lemma = lemma_of(clause, lexicon)
        chosen = _choose_verb_trigger(clause, lexicon.verbs[lemma]) if lemma in lexicon.verbs else None
        if chosen is not None:
            heads = _verb_candidate(clause, chosen, actors, lexicon).recipient_heads
            if heads:
                return heads
    return ()


_CONFLICT = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"}
_THREAT_CODES = {"SANCTION": "1312", "COERCE": "132", "ASSAULT": "138", "MOBILIZE": "138"}


def _content_event(verb: Token, lexicon: Lexicon) -> str | None:
    """The event type of the act a to-infinitive under the verb reports ("vowed to retaliate", "declined to
    resign", "swore to launch an offensive"), or None when the infinitive is no event ("declined to comment")."""
    for clause in verb.children:
        infinitive = clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        if clause.pos_ != "VERB" or not (clause.dep_ == "xcomp" or infinitive):
            continue
        lemma = lemma_of(clause, lexicon)
        entries = lexicon.verbs.get(lemma, ())
        chosen = _choose_verb_trigger(clause, entries) if entries else None
        if chosen is not None:
            return chosen.event
        if entries and all(e.event in _CONFLICT for e in entries):
            return entries[0].event  # "vowed to fight on": every sense the lexicon knows is violent
        if lemma in lexicon.light_verbs:
            for obj in _objects(clause):
                nouns = lexicon.nouns.get(obj.lemma_.lower())
                chosen = _choose_noun_trigger(obj, nouns) if nouns else None
                if chosen is not None:
                    return chosen.event
            inner = _content_event(clause, lexicon)  # "vowed to resume shelling": the act being resumed
            if inner is not None:
                return inner
        if lemma in lexicon.purpose_verbs:
            inner = _helped_act(clause, lexicon)  # "prepared to help (in) storming the town": the act helped with
            if inner is not None:
                return inner
    return None


def _helped_act(verb: Token, lexicon: Lexicon) -> str | None:
    """The event type of the act a verb of helping names: "help storm", "help to defend", "help in storming"."""
    acts = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
    acts += [g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "with")
             for g in p.children if g.dep_ == "pcomp" and g.pos_ == "VERB"]
    for act in acts:
        entries = lexicon.verbs.get(lemma_of(act, lexicon), ())
        chosen = _choose_verb_trigger(act, entries) if entries else None
        if chosen is not None:
            return chosen.event
    return None


def _by_content(verb: Token, trigger: Trigger, lexicon: Lexicon) -> Trigger | None:
    """Entries that depend on the act their infinitive reports: a promise of a conflictual act is a threat
    ("vowed to attack", "pledged to punish"); "content: event" entries need an event there at all."""
    commissive = lemma_of(verb, lexicon) in lexicon.commissive_verbs
    if not (trigger.content or commissive):
        return trigger
    content = _content_event(verb, lexicon)
    if content is None or trigger.content not in (None, "event", content):
        return None if trigger.content else trigger
    if commissive and trigger.event == "AGREE" and content in _CONFLICT:
        return replace(trigger, event="THREATEN", cameo=_THREAT_CODES.get(content, "130"), mode=None)
    return trigger


def _qualified_object(verb: Token, trigger: Trigger, lexicon: Lexicon) -> Trigger:
    """'launched a general strike', 'launched a cyber attack': a modifier that fixes the object noun's sense
    (a noun entry with a modifier list) says which act it is, over the verb's entry for the bare noun."""
    for obj in _objects(verb):
        entries = [e for e in lexicon.nouns.get(obj.lemma_.lower(), ()) if e.modifiers]
        chosen = _choose_noun_trigger(obj, tuple(entries)) if entries else None
        if chosen is not None and chosen.event != trigger.event:
            return replace(trigger, event=chosen.event, cameo=chosen.cameo, mode=chosen.mode, context=chosen.context)
    return trigger


def _content_of_object(verb: Token, trigger: Trigger, lexicon: Lexicon, consumed: set[int]) -> Trigger:
    """'sent a message of greetings': an event noun in the object's "of" phrase says what kind of act it is."""
    for obj in _objects(verb):
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
            for noun in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in lexicon.nouns):
                content = lexicon.nouns[noun.lemma_.lower()][0]
                consumed.add(noun.i)
                return replace(trigger, event=content.event, cameo=content.cameo, mode=content.mode,
                               context=content.context)
    return trigger


def _choose_noun_trigger(token: Token, entries: tuple[Trigger, ...]) -> Trigger | None:
    """The first entry whose modifier and particle conditions hold; "deployment of peacekeeping troops"
    counts as a peacekeeping deployment: the modifiers of the "of" noun qualify the event too."""
    modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
    modifiers |= {m.lemma_.lower() for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj"
                  for m in o.children if m.dep_ in ("compound", "amod", "nmod")}
    particles = {c.lower_ for c in token.children if c.dep_ == "prep"}
    for entry in entries:
        if entry.modifiers and not entry.modifiers & modifiers:
            continue
        if entry.prep and entry.prep not in particles:
            continue
        return entry
    return None


def _choose_verb_trigger(token: Token, entries: tuple[Trigger, ...]) -> Trigger | None:
    """The most specific entry that matches; an object list matching the object's head noun beats one
    matching only a noun compounded with it ("withdrew weapons inspectors": inspectors, not weapons)."""
    heads, object_lemmas = _object_words(token)
    particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "dative", "agent", "advmod")}
    particles |= {"for"} if _for_clauses(token) else set()
    entries = tuple(e for e in entries if not e.negated and (not e.infinitive or _has_infinitive(token))
                    and not (e.intransitive and heads))
    for entry in entries:
        if entry.objects and entry.objects & heads and (not entry.prep or entry.prep in particles):
            return entry
    for entry in entries:
        if entry.objects and not entry.objects & object_lemmas and not (
                entry.prep and not heads and entry.objects & _prep_object_words(token, entry.prep)):
            continue  # with no direct object, a particle's object will do: "took to the streets"
        if entry.prep and entry.prep not in particles:
            continue
        return entry
    return None


def _for_clauses(verb: Token) -> list[Token]:
    """"called for the UN to intervene": the parser makes "for" the marker of an infinitive clause whose
    subject is the party asked, so the clause stands where a "for" phrase would."""
    return [c for c in verb.children if c.dep_ in ("advcl", "ccomp") and any(
        m.dep_ == "mark" and m.lower_ == "for" for m in c.children) and any(
        a.dep_ in ("aux", "auxpass") and a.lower_ == "to" for a in c.children)]


def _has_infinitive(verb: Token) -> bool:
    """A to-infinitive under the verb: "pleaded to be allowed home"."""
    return any(c.dep_ in ("xcomp", "advcl") and any(a.dep_ in ("aux", "auxpass") and a.lower_ == "to" for a in c.children)
               for c in verb.children)


def _prep_object_words(verb: Token, prep: str) -> set[str]:
    return {g.lemma_.lower() for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ == prep
            for g in c.children if g.dep_ == "pobj"}


_PARTITIVES = {"part", "some", "most", "all", "much", "portion", "half", "share", "bulk", "rest", "many", "one",
               "dozens", "scores", "hundreds", "thousands", "millions", "number", "handful", "couple", "lot", "lots"}
_COLLECTIVES = {"team", "group", "mission", "contingent", "batch", "delegation", "round", "series"}


def _objects(verb: Token) -> list[Token]:
    """Direct objects (or passive subjects), their conjuncts, and what a partitive or collective object is
    made of ("suspended part of its aid programme" -> programme, "received a team of inspectors" -> inspectors)."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    if not found and any(c.dep_ == "auxpass" for c in verb.children):
        found = _subject(verb)  # "talks are due to be held": the passive subject sits on the copula
    found += [c for o in found for c in o.conjuncts]
    found += [g for o in found if o.lower_ in _PARTITIVES or o.lemma_.lower() in _COLLECTIVES
              for p in o.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return found


def _object_words(verb: Token) -> tuple[set[str], set[str]]:
    """Lemmas an entry's object list is matched against: the objects' head words, and those with the
    nouns compounded with them ("aid deliveries", "military aid programme" count as aid)."""
    heads = set()
    words = set()
    for obj in _objects(verb):
        heads |= {obj.lemma_.lower(), obj.lower_}
        words |= {c.lemma_.lower() for c in obj.children if c.dep_ == "compound"}
    return heads, heads | words


def _is_content_of_complement(token: Token, lexicon: Lexicon) -> bool:
    """The inner verb of "agreed to resume", "threatened to attack": the outer verb carries the event."""
    head = token.head
    while token.dep_ == "conj" and head != token:
        token, head = head, head.head
    if token.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lemma_.lower() in lexicon.intent_adjectives:
        return True
    if token.dep_ not in ("xcomp", "ccomp", "advcl") or lemma_of(head, lexicon) not in lexicon.verbs:
        return False
    entries = lexicon.verbs[lemma_of(head, lexicon)]
    for_clause = token in _for_clauses(head)
    if token.dep_ == "advcl" or for_clause:  # only "called for X to act" holds its content
        return for_clause and any(t.complement and t.prep == "for" for t in entries)
    if not any(t.complement for t in entries):
        return False
    if all(t.content not in (None, "event") for t in entries):
        # "prepared to attack" holds its content, "prepared to sign a deal" is no event of its own
        chosen = _choose_verb_trigger(head, entries)
        return chosen is not None and _by_content(head, chosen, lexicon) is not None
    return True


def _main_verb_read_as_modifier(participle: Token) -> bool:
    """"Doctors from two American aid groups donated and delivered goods": in a sentence the parser left with a
    noun for its root, a participle conjoined with a finite past verb is the sentence's main verb, active."""
    return participle.sent.root.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "conj" and c.tag_ == "VBD" for c in participle.children)


def _verb_candidate(token: Token, trigger: Trigger, actors: DocActors, lexicon: Lexicon) -> Candidate:
    # "Vietnam is committed to ...": a passive form that states the subject's own resolve is no passive
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children) and not _stative(token, lexicon)
    # "a pastor detained for two years", "villages shelled by the army": a past participle modifying a
    # noun is a reduced passive; the noun undergoes the act
    reduced = (token.dep_ == "acl" and token.tag_ in ("VBN", "VBD") and not _stative(token, lexicon)
               and not any(c.dep_ in _SUBJECTS for c in token.children) and not _main_verb_read_as_modifier(token))
    # "were identified and arrested": a participle coordinated with a passive verb is passive too
    passive = passive or (token.dep_ == "conj" and token.tag_ == "VBN" and token.head.pos_ in ("VERB", "AUX")
                          and not any(c.dep_ in _SUBJECTS for c in token.children)
                          and any(c.dep_ == "auxpass" for c in token.head.children))
    if passive or reduced:
        actor_tokens = _agents(token)
        recipient_tokens = [c for c in token.children if c.dep_ == "nsubjpass"]
        if not recipient_tokens:  # the subject a passive conjunct shares, or the noun a participle modifies
            recipient_tokens = [token.head] if reduced else _subject(token)
        own_means = trigger.objects or trigger.event == "MOBILIZE"  # not "a proposal by the US was withdrawn"
        if passive and not reduced and own_means and "dobj" not in trigger.recipient and not actor_tokens:
            # "US sanctions were lifted on Turkish citizens", "the USS Cole was deployed to the Gulf": when the
            # object named in the entry is not the target, it is the doer's own means, and its owner is the doer
            actor_tokens = [c for c in token.children if c.dep_ == "nsubjpass"] or _subject(token)
            recipient_tokens = [] if actor_tokens else recipient_tokens
        if reduced and "dobj" not in trigger.recipient and not actor_tokens:
            # the noun is the verb's object but not its target: "air defences stationed in the region",
            # "troops deployed near the border" are the mobilizing side's own forces
            actor_tokens, recipient_tokens = recipient_tokens, []
        if passive and trigger.event in ("CONSULT", "AGREE") and not argument_heads(actor_tokens, actors):
            actor_tokens = _organisers(token, lexicon) or actor_tokens
        if not actor_tokens and lemma_of(token, lexicon) in lexicon.casualty_verbs:
            actor_tokens = _doers_of_the_attack(token, lexicon, actors)
        passive = True
    else:
        actor_tokens = _subject(token)
        recipient_tokens = []
        if token.dep_ == "acl" and token.head.dep_ == "dobj" and not argument_heads(actor_tokens, actors):
            # "the PKK issued a statement demanding ...": whoever issued the text demands
            actor_tokens = _subject(token.head.head)
    recipient_tokens += _recipient_tokens(token, trigger, passive)
    # "pledged $3.5bn to buy US missiles": an amount is what is given, never a party to the act
    recipient_tokens = [t for t in recipient_tokens if t.ent_type_ not in _AMOUNTS]
    if trigger.objects or not recipient_tokens:
        for obj in _objects(token):  # "demanded subsidies from the government", "cut ties with X"
            recipient_tokens += _prep_objects(obj, trigger.recipient)
    if trigger.complement and trigger.prep == "for" and not recipient_tokens:
        recipient_tokens = [s for c in _for_clauses(token) for s in c.children if s.dep_ in _SUBJECTS]
    if trigger.complement and not recipient_tokens:
        clauses = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
        clauses += [g for c in clauses for g in c.children if g.dep_ == "xcomp"]  # "prepared to resume shelling X"
        for clause in clauses:
            if clause.dep_ == "ccomp":  # "demanded that North Korea forsake...": its subject is the target
                recipient_tokens += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            recipient_tokens += [c for c in clause.children if c.dep_ == "dobj"]
            recipient_tokens += _prep_objects(clause, ("with", "to", "against", "on"))
    if not recipient_tokens:
        recipient_tokens = _shared_with_conjunct(token, trigger, passive)
    if not recipient_tokens:
        recipient_tokens = _beside_a_place(token, trigger.recipient)
    if not recipient_tokens:
        recipient_tokens = _purpose_beneficiaries(token, lexicon)
    if not recipient_tokens and trigger.event == "REQUEST":
        # "begged for their help", "appealed for Japan's support": whose help is asked for is asked
        recipient_tokens = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "for"
                            for o in c.children if o.dep_ == "pobj" for g in o.children if g.dep_ == "poss"]
    return Candidate(
        trigger,
        token,
        argument_heads(actor_tokens, actors),
        argument_heads(recipient_tokens, actors),
        realis_of(token, lexicon),
    )


def _organisers(verb: Token, lexicon: Lexicon) -> list[Token]:
    """"talks are due to be held in Astana on 14-15 September, led by Turkey and Russia": the "by" phrase of an
    organising participle in the clause, wherever the parser hung it, names who holds the meeting."""
    clause = [verb]  # the verb and the words it is the complement of: "are due to be held"
    while clause[-1].dep_ in ("xcomp", "acomp") and clause[-1].head != clause[-1]:
        clause.append(clause[-1].head)
    found = []
    for participle in clause[-1].subtree:
        if participle.dep_ not in ("acl", "advcl") or participle.tag_ != "VBN" \
                or participle.lemma_.lower() not in lexicon.organising_verbs:
            continue
        step = participle.head
        while step not in clause and step.dep_ not in _CLAUSE_DEPS and step.head != step:
            step = step.head
        if step in clause:
            found += _agents(participle)
    return found


def _doers_of_the_attack(verb: Token, lexicon: Lexicon, actors: DocActors) -> list[Token]:
    """"were killed in a Taliban attack": a passive casualty verb with no "by" phrase was done by whoever
    carried out the attack its "in" phrase names."""
    attacks = [noun for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
               for noun in p.children if noun.dep_ == "pobj" and noun.lemma_.lower() in lexicon.nouns]
    return [m for noun in attacks for m in noun.children
            if m.dep_ in ("poss", "amod", "compound") and m.i in actors.phrases] + [
        m for noun in attacks for m in _prep_objects(noun, ("by",))]


def _agents(verb: Token) -> list[Token]:
    """The objects of a passive verb's "by" phrase."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _shared_with_conjunct(verb: Token, trigger: Trigger, passive: bool) -> list[Token]:
    """Coordinated verbs share their arguments: "donated and delivered medicine to the hospital",
    "met and praised the president". The verb takes the object or recipient phrase of a conjunct verb
    when it has neither of its own; a conjunct with a subject of its own is another clause."""
    if passive or any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return []
    found: list[Token] = []
    for other in verb.conjuncts:
        if other.pos_ != "VERB" or any(c.dep_ in _SUBJECTS for c in other.children) and other.i > verb.i:
            continue
        if "dobj" in trigger.recipient and other.i > verb.i:
            found += [c for c in other.children if c.dep_ in ("dobj", "dative") and c.pos_ != "ADP"]
        found += _prep_objects(other, trigger.recipient)
        # "delivered $50,000 worth of goods to the school": the phrase can hang on the conjunct's object
        found += [o for d in other.children if d.dep_ == "dobj" for o in _prep_objects(d, trigger.recipient)]
        if found:
            return found
    return found


_LOCATIVE = {"in", "at", "outside", "inside", "near", "before", "after", "during"}


def _beside_a_place(word: Token, preps: tuple[str, ...]) -> list[Token]:
    """A recipient phrase the parser hung on a place or time noun next to the trigger: "protested
    outside the embassy against the decree", "met in Geneva with the envoy"."""
    return [obj for prep in word.children if prep.dep_ == "prep" and prep.lower_ in _LOCATIVE
            for noun in prep.children if noun.dep_ == "pobj"
            for obj in _prep_objects(noun, preps)]


def _stative(verb: Token, lexicon: Lexicon) -> bool:
    """"is committed to", "is determined to": a participle that works as an adjective of intent."""
    return verb.tag_ == "VBN" and verb.lower_ in lexicon.intent_adjectives


def _purpose_beneficiaries(verb: Token, lexicon: Lexicon) -> list[Token]:
    """Objects of a "to support X" purpose clause under the verb, or of a purpose verb it governs ("to help
    defend X"): the party the act serves."""
    found = []
    for clause in verb.children:
        if clause.dep_ in ("advcl", "xcomp") and clause.lemma_.lower() in lexicon.purpose_verbs and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            inner = [c for c in clause.children if c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.purpose_verbs]
            found += [obj for v in (clause, *inner) for obj in v.children if obj.dep_ == "dobj"]
    return found


def _subject(verb: Token) -> list[Token]:
    """The verb's subject, or the one it inherits: from the governing clause, or the noun a relative clause modifies."""
    seen = 0
    while seen < 6:
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.lower_ not in ("who", "which", "that")]
        if subjects:
            return subjects
        if verb.dep_ in ("relcl", "acl"):
            return [verb.head]
        if verb.dep_ == "xcomp":
            objects = [c for c in verb.head.children if c.dep_ in ("dobj",)]
            if objects:
                return objects  # "urged Iran to stop": Iran is the subject of stop
        if verb.dep_ not in _INHERITS_SUBJECT or verb.head == verb:
            return _misattached_subject(verb)
        swallowed = swallowed_subject(verb)
        if swallowed:
            return swallowed
        verb = verb.head
        seen += 1
    return []


_STRAY_DEPS = {"prep", "npadvmod", "dep", "nmod", "advmod"}


def _misattached_subject(verb: Token) -> list[Token]:
    """"With the signing of the accord, the government and the rebels have agreed": after a fronted phrase the
    parser can hang the subject on that phrase's noun. A finite clause has a subject, so the noun phrase that
    ends just before the verb (and its auxiliaries), attached back to the fronted phrase, is taken as it."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if verb.dep_ != "ROOT" or not finite:
        return []
    start = min([verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i])
    if any(t.dep_ != "advmod" for t in verb.doc[start : verb.i] if t.head == verb and t.dep_ not in ("aux", "auxpass", "neg")):
        return []
    before = verb.doc[start - 1] if start > verb.sent.start else None
    if before is not None and before.pos_ == "PROPN" and before.dep_ in _STRAY_DEPS and verb in (
            before.head, before.head.head):
        return [before]  # "At one point Ja'afari accused de Mistura": the name the parser left hanging off the verb
    if before is None or before.pos_ not in ("NOUN", "PROPN") or before.head.i >= before.i:
        return []
    fronted = verb.sent[0]
    if fronted.dep_ != "prep" or fronted.head != verb:
        return []
    phrase = before  # climb to the first word of the noun phrase: its conjunction chain and modifiers
    while phrase.head.i < phrase.i and phrase.dep_ in ("conj", "compound", "amod", "flat") and \
            not any(t.is_punct and t.text == "," for t in verb.doc[phrase.head.i : phrase.i]):
        phrase = phrase.head
    return [phrase] if phrase.dep_ in ("conj", "pobj", "appos", "npadvmod") else []


def _recipient_tokens(token: Token, trigger: Trigger, passive: bool) -> list[Token]:
    found = []
    if "dobj" in trigger.recipient and not passive:
        found += [c for c in token.children if c.dep_ in ("dobj", "dative") and c.pos_ != "ADP"]
        found = found or _shifted_object(token)
    found += _prep_objects(token, trigger.recipient)
    return found


def _shifted_object(verb: Token) -> list[Token]:
    """"denounced as a crime Serbia's crackdown": a long object moved after the "as" phrase; the parser
    makes it an apposition of that phrase's noun."""
    return [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"
            for o in p.children if o.dep_ == "pobj" for a in o.children if a.dep_ == "appos"]


def _prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    wanted = set(preps) - {"dobj"}
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "dative", "prt") and child.lower_ in wanted:
            found += [obj for obj in child.children if obj.dep_ == "pobj"] or _stranded_object(child)
        elif child.dep_ in ("prep", "prt", "advmod") and child.lower_ in _PARTICLES:
            # a two-word preposition parsed as a chain: "backed out of the deal", "away from the border"
            found += [obj for inner in child.children if inner.dep_ == "prep" and inner.lower_ in wanted
                      for obj in inner.children if obj.dep_ == "pobj"]
    return found


_PARTICLES = {"out", "away", "off", "up", "down", "back"}
"""Particles that head a two-word preposition ("out of", "away from"); "according to" is no such pair."""


def _stranded_object(prep: Token) -> list[Token]:
    """"granted asylum to five officers holed up in the embassy": the parser makes the noun after the preposition
    the subject of the participle that follows, and leaves the preposition without an object."""
    clauses = [c for c in prep.children if c.dep_ == "pcomp"]
    clauses += [c for c in prep.head.children if c.dep_ in ("advcl", "ccomp", "conj") and c.i > prep.i]
    return [s for clause in clauses for s in clause.children if s.dep_ in _SUBJECTS and s.left_edge.i == prep.i + 1]


_CIRCUMSTANCES = {"in", "after", "following", "during", "amid", "amidst", "before", "despite"}
"""Prepositions that set a noun event beside the clause's own act ("seized the town after fierce fighting",
"shunned work in protest"), so it is reported even when the clause's verb is an event too."""


def _noun_candidate(token: Token, trigger: Trigger, actors: DocActors, lexicon: Lexicon) -> Candidate | None:
    actor_tokens = [c for c in token.children if c.dep_ in ("poss", "amod", "compound") and c.i in actors.phrases]
    actor_tokens += _prep_objects(token, trigger.actor)
    recipient_tokens = _prep_objects(token, trigger.recipient)
    anchor = token
    while anchor.dep_ == "conj" and anchor.head.pos_ == "NOUN" and anchor.head != anchor:
        anchor = anchor.head  # "killed in airstrikes and shelling": the second noun stands where the first does
        # "Israeli air and artillery strikes": the doer named before the first noun is the doer of both
        actor_tokens += [c for c in anchor.children if c.dep_ in ("poss", "amod", "compound") and c.i in actors.phrases]
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lemma_.lower() in lexicon.measure_nouns:
        anchor = anchor.head.head  # "five days of fighting", "a wave of protests": the measure stands in its place
    governor = anchor.head if anchor.dep_ in ("dobj", "pobj") else None
    if anchor.dep_ == "nsubjpass" and lemma_of(anchor.head, lexicon) in lexicon.light_verbs:
        # "a military operation would be launched", "talks were held": the light verb's passive subject is its
        # object; a "by" phrase names the doer
        governor = anchor.head
        actor_tokens += _agents(governor)
    if not recipient_tokens:  # "an operation to oust the extremists": the target of its purpose
        recipient_tokens = [o for c in token.children if c.dep_ in ("acl", "relcl") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for o in c.children if o.dep_ == "dobj"]
    link, through_object = None, False
    if governor is not None and governor.dep_ == "prep":
        link = governor.lower_
        governor = governor.head  # "a message of greetings": greetings hangs off message
        if governor.pos_ == "NOUN" and governor.dep_ == "dobj":
            recipient_tokens += _prep_objects(governor, trigger.recipient)
            governor = governor.head
            through_object = True  # "received $720m in aid": "in" ties the act to the object, not to the clause
    if link == "since":
        return None  # "holed up since last month's invasion": an earlier act as a point in time, not a report of it
    if link in ("in", "under") and token.lemma_.lower() in lexicon.state_nouns and not (
            governor.pos_ == "VERB" and lemma_of(governor, lexicon) in lexicon.light_verbs):
        return None  # "died in custody", "lives under occupation": a state, not an act ("placed under arrest" is)
    if governor is not None and governor.pos_ in ("NOUN", "PROPN"):
        return None  # "the operators of the arms deal": a thing the sentence talks about, not an event it reports
    if governor is not None and link == "on" and governor.lower_ == "out" and governor.dep_ == "advmod":
        governor = governor.head  # "are out on strike"
    if governor is not None and link == "on" and governor.lemma_ == "be" and not actor_tokens:
        actor_tokens = _subject(governor)  # "teachers are on strike", "on hunger strike": the subject is doing it
    if governor is not None and governor.pos_ == "VERB":
        lemma = lemma_of(governor, lexicon)
        governing_trigger = _choose_verb_trigger(governor, lexicon.verbs[lemma]) if lemma in lexicon.verbs else None
        beside = link == "in" or ("between" in trigger.actor and (recipient_tokens or (
            governing_trigger is not None and governing_trigger.event in _CONFLICT)))
        if governing_trigger is not None and not (link in _CIRCUMSTANCES and beside):
            return None  # the verb is an event of its own; its object (or background) is not a second one
        under_force = link == "under" and trigger.event in ("ASSAULT", "COERCE") and lemma not in lexicon.light_verbs
        if (lemma in lexicon.undergoer_verbs and (link not in _CIRCUMSTANCES or through_object)) or under_force:
            # "Moldova received aid from the EU", "the convoy came under attack"; "the enclave shrank under
            # airstrikes": whatever a clause's subject does under force, it is the force's target
            recipient_tokens += _subject(governor)
            actor_tokens += _prep_objects(governor, ("from", "by")) + _prep_objects(token, ("from",))
        elif lemma in lexicon.light_verbs and link not in _CIRCUMSTANCES and any(
                c.dep_ in ("nsubjpass", "auxpass") for c in governor.children):
            # "was placed under arrest", "was handed a jail sentence": the subject undergoes the act
            recipient_tokens += _subject(governor)
            actor_tokens += _agents(governor)
        elif lemma in lexicon.light_verbs and link not in _CIRCUMSTANCES:
            # "held talks with", "sent a message to": the light verb's subject acts
            if not actor_tokens:
                actor_tokens = _subject(governor)
            recipient_tokens += _prep_objects(governor, trigger.recipient + ("to",) * ("to" in trigger.recipient))
            # "gave Russia advance warning", "sent Seoul a message": the indirect object receives it
            recipient_tokens += [c for c in governor.children if c.dep_ == "dative" and c.pos_ != "ADP"]
            if not recipient_tokens:
                recipient_tokens = _beside_a_place(governor, trigger.recipient) + _beside_a_place(token, trigger.recipient)
        elif link == "in" and lemma in lexicon.casualty_verbs and not any(c.dep_ == "dobj" for c in governor.children):
            # "three civilians died in an Israeli air strike", "were killed in": the subject is the attack's
            # victim; in "Iranian forces killed 2,600 Iraqis in their offensive" it is the attacker
            recipient_tokens += _subject(governor) if not argument_heads(recipient_tokens, actors) else []
        elif link in _CIRCUMSTANCES and beside and not argument_heads(actor_tokens, actors):
            # "staged a sit-in in protest at", "retook the village after fighting with the rebels": the
            # clause's subject is a party to the act beside it (to a two-sided one: fighting, clashes)
            actor_tokens = _subject(governor)
        elif link is None and anchor.dep_ == "dobj" and lemma not in lexicon.reporting_verbs:
            return None  # "sent to oversee a ceasefire": an act the clause is about, not one it reports
        realis = realis_of(governor, lexicon)
    else:
        realis = realis_of(token.head if token.head.pos_ == "VERB" else token, lexicon)
    if trigger.event == "ACCUSE" and anchor.dep_ == "attr" and not argument_heads(actor_tokens, actors):
        reporter = reporter_of(anchor.head, lexicon)
        if reporter is not None:  # "officials said it was a false flag": to say so is the accusation
            actor_tokens = _subject(reporter)
            recipient_tokens += [c for c in anchor.head.children if c.dep_ == "nsubj"]
            realis = realis_of(reporter, lexicon)
    if trigger.event == "ACCUSE" and not argument_heads(recipient_tokens, actors):
        recipient_tokens += _given_the_pretext(token, lexicon)
    actor_heads, recipient_heads = argument_heads(actor_tokens, actors), argument_heads(recipient_tokens, actors)
    if not actor_heads and not recipient_heads:
        return None
    return Candidate(trigger, token, actor_heads, recipient_heads, realis)


def _given_the_pretext(token: Token, lexicon: Lexicon) -> list[Token]:
    """"a false flag provocation to give a pretext for the US to launch strikes": a provocation is laid at the
    door of whoever it gives a pretext to."""
    found = []
    for pretext in (t for t in token.subtree if t.lemma_.lower() in lexicon.pretext_nouns):
        for child in pretext.children:
            if child.dep_ in ("advcl", "acl", "relcl") and any(m.dep_ == "mark" and m.lower_ == "for"
                                                                for m in child.children):
                found += [s for s in child.children if s.dep_ == "nsubj"]  # "for the US to launch strikes"
            elif child.dep_ == "prep" and child.lower_ == "for":
                found += [o for o in child.children if o.dep_ == "pobj"]  # "a pretext for Washington"
    return found


def defied_parties(verb: Token, lexicon: Lexicon) -> list[Token]:
    """'declined to resign despite pressure by the commission': the party whose pressure a refusal
    defies, named by the "by/from" phrase of a "despite" pressure noun on the verb or its complement."""
    words = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    pressures = [o for w in words for o in _prep_objects(w, ("despite",)) if o.lemma_.lower() in lexicon.pressure_nouns]
    return [o for n in pressures for o in _prep_objects(n, ("by", "from"))]


def agreement_parties(token: Token, recipient_preps: tuple[str, ...], lexicon: Lexicon, actors: DocActors
                      ) -> tuple[int, ...]:
    """"Ottawa backed out of the agreement": an agreement the act names without its parties ("the deal",
    "this accord") is the one the story named before with them ("an agreement between Ottawa and the
    Kurdish administration"); they are the act's other side."""
    nouns = [c for c in token.children if c.dep_ == "dobj"] + _prep_objects(token, recipient_preps)
    for noun in nouns:
        lemma = noun.lemma_.lower()
        definite = any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in noun.children)
        if lemma not in lexicon.agreement_nouns or not definite or _named_parties(noun, actors):
            continue
        for index in reversed(indices_of(token.doc, {lemma}, by="lemma")):
            earlier = token.doc[index]
            if index < noun.i and earlier.pos_ == "NOUN" and (parties := _named_parties(earlier, actors)):
                return parties
    return ()


def patrons_partner(actor_heads: tuple[int, ...], doc: Doc, lexicon: Lexicon, actors: DocActors) -> tuple[int, ...]:
    """"Supporters of the opposition, such as Saudi Arabia, reduced their support": a doer named as the
    supporter, backer or ally of someone gives or withdraws its support to that someone."""
    patrons = [doc[h] for h in actor_heads if doc[h].lemma_.lower() in lexicon.patron_nouns]
    return argument_heads([o for p in patrons for o in _prep_objects(p, ("of",))], actors)


def _named_parties(noun: Token, actors: DocActors) -> tuple[int, ...]:
    return argument_heads(_prep_objects(noun, ("between", "with")), actors)


def argument_heads(tokens: list[Token], actors: DocActors) -> tuple[int, ...]:
    """Actor phrase heads for argument tokens: the token itself, its conjuncts, or the nearest phrase inside it."""
    heads: list[int] = []
    for token in tokens:
        for member in (token, *(c for c in token.conjuncts if c.i > token.i)):
            if member.i in actors.phrases:
                heads.append(member.i)
                if not actors.phrases[member.i].codes:
                    heads += _coded_modifier(member, actors)
            else:
                # a word inside a longer phrase ("the Kenyan government" in "Border Security, the Kenyan
                # government", read as one name with its apposition) is that phrase's
                nested = actors.covering(member.i)
                nested = _nearest_phrase(member, actors) if nested is None else nested
                if nested is not None:  # "talks between Turkey and Russia": the phrase and its conjuncts
                    heads += [nested] + [c.i for c in member.doc[nested].conjuncts
                                         if c.i > nested and c.i in actors.phrases]
    return tuple(dict.fromkeys(heads))


def _coded_modifier(token: Token, actors: DocActors) -> list[int]:
    """A coded actor in the "in/of/from" phrase of an uncoded one: "rebels in Ivory Coast", "doctors from
    American aid groups", "supporters of the former president" take that actor's country."""
    return [obj.i for prep in token.children if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "from")
            for obj in prep.children
            if obj.dep_ == "pobj" and obj.i in actors.phrases and actors.phrases[obj.i].codes][:1]


def _nearest_phrase(token: Token, actors: DocActors) -> int | None:
    """Breadth-first through the argument's own noun phrase, not into clauses it contains; but the doer of an
    act it names counts ("an inquiry into crimes committed by Croat forces": those forces)."""
    frontier = [c for c in token.children if c.dep_ not in _CLAUSE_DEPS]
    frontier += [g for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN" for g in _agents(c)]
    while frontier:
        for child in frontier:
            if child.i in actors.phrases:
                return child.i
        frontier = [g for c in frontier for g in c.children if g.dep_ not in _CLAUSE_DEPS]
    return None


def realis_of(verb: Token, lexicon: Lexicon) -> str:
    """asserted, negated, future, hypothetical or denied, from the verb and the verbs above it."""
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return "negated"
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in children):
        return "hypothetical"
    auxiliaries = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & _OBLIGATION or _has_to(verb):
        return "obligation"
    if "would" in auxiliaries and reporter_of(verb, lexicon) is not None:
        return "future"  # reported speech: "said they would meet" is a future seen from the past
    if auxiliaries & _MODALS:
        return "hypothetical"
    if auxiliaries & _FUTURE_AUX or _going_to(verb):
        return "future"
    head = verb.head
    if is_motive(verb, lexicon):
        return "hypothetical"  # "a pretext for the US to launch strikes": a motive, not a report
    if verb.dep_ in ("xcomp", "ccomp") and head != verb:
        lemma = head.lemma_.lower()
        if lemma in _DENIAL_VERBS:
            return "denied"
        if lemma in _INTENT_VERBS or (verb.dep_ == "xcomp" and lemma in _SCHEDULED):
            return "future"
        if verb.dep_ == "xcomp" and lemma in _PROBABLE:
            return "hypothetical"
        if verb.dep_ == "xcomp" and lemma in _RELUCTANT:
            return "negated"
        outer = realis_of(head, lexicon)
        if outer in ("negated", "hypothetical"):
            return outer
    if verb.dep_ == "conj" and head != verb:
        if any(c.dep_ in _SUBJECTS for c in children):
            # "Chad did not attack, but Libya shelled the border": a clause with its own subject keeps only
            # the setting it shares with the first one (reported, denied, conditional), not its negation
            return _setting_realis(head, lexicon)
        return realis_of(head, lexicon)
    return "asserted"


def is_motive(verb: Token, lexicon: Lexicon) -> bool:
    """The to-infinitive of a pretext noun: "a pretext for the US to launch strikes" names an act as a motive;
    it is neither reported nor threatened."""
    return (verb.dep_ in ("acl", "advcl", "relcl") and verb.head.pos_ == "NOUN"
            and verb.head.lemma_.lower() in lexicon.pretext_nouns
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


def _setting_realis(verb: Token, lexicon: Lexicon) -> str:
    """The realis a verb's clause takes from the clauses above it, leaving out the verb's own markers."""
    head = verb.head
    if head == verb or verb.dep_ not in ("xcomp", "ccomp", "conj"):
        return "asserted"
    if verb.dep_ == "conj":
        return _setting_realis(head, lexicon)
    if head.lemma_.lower() in _DENIAL_VERBS:
        return "denied"
    outer = realis_of(head, lexicon)
    return outer if outer in ("negated", "hypothetical") else "asserted"


def _may_be_obligation(verb: Token) -> bool:
    """A cheap test before ``realis_of``: an obligation needs must/should/ought or have/need to."""
    return _has_to(verb) or any(c.dep_ in ("aux", "auxpass") and c.lower_ in _OBLIGATION for c in verb.children)


def _has_to(verb: Token) -> bool:
    """'has to leave', 'need to withdraw': obligation expressed with a main verb."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ in ("have", "need") and head.i < verb.i and head.pos_ in ("VERB", "AUX")


def reporter_of(verb: Token, lexicon: Lexicon) -> Token | None:
    """The verb of saying whose reported clause this verb heads, if any ("Japan said it had halted aid")."""
    for _ in range(4):
        if verb.dep_ == "relcl" and verb.head.dep_ in ("attr", "dobj", "nsubj"):
            verb = clause_verb(verb.head)  # "said there was no evidence an attack took place": still what was said
            continue
        if verb.dep_ not in ("ccomp", "conj") or verb.head == verb:
            return None
        verb = verb.head
        if verb.lemma_.lower() in lexicon.reporting_verbs:
            return verb
    return None


def _going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ == "going" and any(c.lemma_ == "be" for c in head.children)
