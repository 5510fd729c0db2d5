"""Where an event happened: the place named by a locative phrase on its trigger or clause, on the
clause's subject ("the enclave in Daraa province shrinks under airstrikes"), or, for a facility
named without its place ("outside the stadium"), where the story put it before ("the stadium in
Sydney"). A town the act is done to is where it happens ("captured the town of Baghuz",
"airstrikes on Idlib"), but not a state or a capital standing for its government ("sanctions on
Iran"). An event of the story's news with no place of its own happens where the story's lead
places its news ("talks in Geneva have collapsed", "They left Baghuz in a convoy"), as a dateline
would.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors import DocActors
from ..actors.kb import COUNTRY, load_place_words

_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "into", "across"}
_TARGET_PREPS = {"on", "against"}  # "a strike on the airbase": the target, where it is a facility
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_NAME_PARTS = {"compound", "flat", "punct"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_TOWNSFOLK = "CVL"  # the sector the actors give a town named as a party: its people


def scene(doc: Doc, actors: DocActors) -> str | None:
    """Where the lead's news happens: a town the first sentence's main verb acts on, or a place on that
    verb or its subject."""
    first = next(doc.sents, None)
    if first is None:
        return None
    root = first.root
    for town in (c for c in root.children if c.dep_ == "dobj" and _is_town(c, actors)):
        return _place_text(town)  # "They left Baghuz in a convoy": the town the lead's act is done to or in
    for word in [root, *(c for c in root.children if c.dep_ in _SUBJECTS)]:
        for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                if _is_place(obj, actors):
                    return _place_text(obj)
    return None


def location_of(trigger: Token, actors: DocActors) -> str | None:
    """Where the event took place, as words (see ``place_token``)."""
    token = place_token(trigger, actors)
    return _place_text(token) if token is not None else None


def place_token(trigger: Token, actors: DocActors) -> Token | None:
    """The place named by an "in/at/near..." phrase on the trigger, or on the noun of a
    "during/on/after" phrase under it ("signed ... during their summit in Pyongyang"); failing
    those, by one on the clause's subject."""
    frontier = [trigger]
    if trigger.pos_ == "VERB":  # "suspended aid deliveries in Baghdad": the place may qualify the object
        objects = [c for c in trigger.children if c.dep_ == "dobj"]
        # "shortened the curfew imposed in Sudan": or the participle that describes the object
        frontier += objects + [c for o in objects for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if trigger.pos_ == "NOUN":  # a nominal event happens where its clause does: "arrived in Amman on a visit"
        verb = trigger.head
        while (verb.pos_ == "ADP" or (verb.pos_ == "NOUN" and trigger.head.lower_ == "of")) and verb.head != verb:
            verb = verb.head  # "a new round of talks is due to be held in Astana": through "round of"
        if verb.pos_ == "VERB":
            frontier.append(verb)
        if verb.pos_ in ("VERB", "AUX"):
            complements = [c for c in verb.children if c.dep_ in ("acomp", "xcomp")]
            frontier += complements + [g for c in complements for g in c.children if g.dep_ == "xcomp"]
    # "the enclave in Daraa shrinks under airstrikes", "a statement issued in Riyadh demanded": failing a
    # place of its own, where the clause's subject is, or where the participle that describes it happened
    subjects = [c for w in frontier if w.pos_ == "VERB" for c in w.children if c.dep_ in _SUBJECTS and c.pos_ != "PRON"]
    if trigger.pos_ == "VERB":  # "bombed Douma", "captured the town of Baghuz": an act done to a town is there
        for target in (o for o in trigger.children if o.dep_ == "dobj"):
            if _is_town(target, actors):
                return target
            if target.lower_ in load_place_words().area_heads and (named := _named_in_of(target)) is not None:
                return named
    return _search(frontier, actors) or _search(
        subjects + [c for s in subjects for c in s.children if c.dep_ == "acl" and c.tag_ == "VBN"], actors)


def _search(frontier: list[Token], actors: DocActors) -> Token | None:
    """The first place two locative phrases deep below the words of ``frontier``."""
    motion = load_place_words().motion_verbs
    for _ in range(2):
        deeper = []
        for word in frontier:
            # "deployed to the Arabian Sea": a verb of motion happens where it goes
            moves = word.pos_ == "VERB" and word.lemma_.lower() in motion
            for prep in (c for c in word.children if c.dep_ in ("prep", "agent") or (moves and c.dep_ == "dative")):
                for obj in _prep_objects(prep):
                    if (prep.lower_ in _PLACE_PREPS or (moves and prep.lower_ == "to")) and _is_place(obj, actors):
                        return obj
                    if (prep.lower_ in _PLACE_PREPS or (prep.lower_ == "on" and obj.lower_ in load_place_words().part_heads)) \
                            and (whole := _place_it_is_part_of(obj, actors)) is not None:
                        return whole
                    if prep.lower_ in _PLACE_PREPS and (earlier := _placed_before(obj, actors)) is not None:
                        return earlier
                    if prep.lower_ in _TARGET_PREPS and (_is_facility(obj) or _is_town(obj, actors)):
                        return obj  # "a strike on the airbase", "airstrikes on Idlib": the target's place
                    deeper.append(obj)
        frontier = deeper
    return None


def _prep_objects(prep: Token) -> list[Token]:
    """The objects of a preposition, through a two-word one ("outside of the city", "close to the border")."""
    direct = [o for o in prep.children if o.dep_ == "pobj"]
    if direct:
        return direct
    return [o for p in prep.children if p.dep_ == "prep" and p.lower_ in ("of", "to") for o in p.children
            if o.dep_ == "pobj"]


def _place_it_is_part_of(token: Token, actors: DocActors) -> Token | None:
    """'in a residential sector of eastern Beirut', 'outside of the Iraqi city of Basra': a part of a
    named place is in that place; 'the town of Baghuz' names one, whether NER knows the name or not."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            if _is_place(obj, actors):
                return obj
    return _named_in_of(token) if token.lower_ in load_place_words().area_heads else None


def _placed_before(token: Token, actors: DocActors) -> Token | None:
    """'outside the stadium' after 'inside the stadium in Sydney': the place of a facility's earlier mention."""
    if token.lower_ not in load_place_words().facility_heads or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    doc = token.doc
    for earlier in doc[: token.i]:
        if earlier.lower_ != token.lower_ or earlier.i + 2 >= len(doc) or doc[earlier.i + 1].lower_ not in ("in", "at"):
            continue
        # read from the words: the earlier sentence may be one the first pass did not parse
        place = next((t for t in doc[earlier.i + 2 : earlier.i + 5] if t.pos_ == "PROPN" or t.ent_type_
                      or t.i in actors.phrases), None)
        if place is not None and _is_place(place, actors):
            return place
    return None


def _is_town(token: Token, actors: DocActors) -> bool:
    """A place within a country (a town, an area, a facility): not a country or a capital, which as an
    object name the state ("sanctions on Iran", "accused Damascus"), not a place."""
    phrase = actors.phrases.get(token.i)
    if phrase is not None and phrase.kind == COUNTRY and phrase.sector != _TOWNSFOLK:
        return False  # a country, or a capital standing for its government (a metonym)
    if phrase is not None and phrase.kind not in (COUNTRY, "unknown", "group"):
        return False
    return _is_place(token, actors)


def _is_place(token: Token, actors: DocActors) -> bool:
    phrase = actors.phrases.get(token.i)
    if phrase is not None and phrase.kind == "country":
        return True
    if token.ent_type_ in _PLACE_LABELS or _is_facility(token) or _is_area(token) or _is_held(token):
        return True
    # a name keeps its type through the story: a town NER tagged once is a place where it did not
    return token.pos_ == "PROPN" and any(e.label_ in _PLACE_LABELS and e.text == token.text for e in token.doc.ents)


def _is_facility(token: Token) -> bool:
    """A facility NER tagged, or a facility noun after a proper name ("the al-Mazzeh airbase")."""
    if token.ent_type_ == "FAC":
        return True
    return token.lower_ in load_place_words().facility_heads and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < token.i for c in token.children)


def _is_area(token: Token) -> bool:
    """'Daraa province', 'Kazakhstan's capital, Astana': an area noun after a name or a place's possessive,
    or set beside a place's name."""
    if token.lower_ not in load_place_words().area_heads:
        return False
    return any((c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" and c.i < token.i)
               or (c.dep_ == "appos" and c.ent_type_ in _PLACE_LABELS) for c in token.children)


def _named_in_of(token: Token) -> Token | None:
    """'the town of Baghuz': the proper name in an area noun's "of" phrase."""
    return next((o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None)


def _is_held(token: Token) -> bool:
    """'rebel-held Douma', 'government-controlled Aleppo': a name described as held by a party is a place."""
    held = load_place_words().territory_participles
    return token.pos_ == "PROPN" and any(c.dep_ in ("amod", "compound") and c.lower_ in held for c in token.children)


def _place_text(token: Token) -> str:
    """The place's own name: "the northern city of Kirkuk" gives Kirkuk, "Pyongyang" itself,
    "the regime's al-Mazzeh airbase" al-Mazzeh airbase."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in _PLACE_LABELS:
                    return _place_text(obj)
    if token.lower_ in load_place_words().area_heads and (named := _named_in_of(token)) is not None:
        return _place_text(named)  # "the town of Baghuz": Baghuz
    for child in token.children:  # "Kazakhstan's capital, Astana": the name beside it
        if child.dep_ == "appos" and child.ent_type_ in _PLACE_LABELS:
            return _place_text(child)
    if not token.ent_type_ and _is_area(token):  # "Daraa province", "Kazakhstan's capital"
        names = [c for c in token.children if c.dep_ in ("compound", "poss") and c.i < token.i]
        return token.doc[min(c.left_edge.i for c in names) : token.i + 1].text
    if not token.ent_type_ and _is_facility(token):
        start = token.i
        while start > 0 and token.doc[start - 1].head == token and token.doc[start - 1].dep_ in _NAME_PARTS:
            start -= 1
        return token.doc[start : token.i + 1].text
    if token.ent_type_:
        span = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if span is not None:
            return span.text
    return token.text
