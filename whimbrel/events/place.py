"""Where an event happened: the place named by a locative phrase on its trigger or clause."""

from __future__ import annotations

from spacy.tokens import Token

from ..actors import DocActors
from ..actors.kb import load_place_words

_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "into", "across"}
_TARGET_PREPS = {"on", "against"}  # "a strike on the airbase": the target, where it is a facility
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_NAME_PARTS = {"compound", "flat", "punct"}


def location_of(trigger: Token, actors: DocActors) -> str | None:
    """Where the event took place, as words (see ``place_token``)."""
    token = place_token(trigger, actors)
    return _place_text(token) if token is not None else None


def place_token(trigger: Token, actors: DocActors) -> Token | None:
    """The place named by an "in/at/near..." phrase on the trigger, or on the noun of a
    "during/on/after" phrase under it ("signed ... during their summit in Pyongyang")."""
    frontier = [trigger]
    if trigger.pos_ == "VERB":  # "suspended aid deliveries in Baghdad": the place may qualify the object
        objects = [c for c in trigger.children if c.dep_ == "dobj"]
        # "shortened the curfew imposed in Sudan": or the participle that describes the object
        frontier += objects + [c for o in objects for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if trigger.pos_ == "NOUN":  # a nominal event happens where its clause does: "arrived in Amman on a visit"
        verb = trigger.head
        while verb.pos_ == "ADP" and verb.head != verb:
            verb = verb.head
        if verb.pos_ == "VERB":
            frontier.append(verb)
    motion = load_place_words().motion_verbs
    for _ in range(2):
        deeper = []
        for word in frontier:
            # "deployed to the Arabian Sea": a verb of motion happens where it goes
            moves = word.pos_ == "VERB" and word.lemma_.lower() in motion
            for prep in (c for c in word.children if c.dep_ == "prep" or (moves and c.dep_ == "dative")):
                for obj in (o for o in prep.children if o.dep_ == "pobj"):
                    if (prep.lower_ in _PLACE_PREPS or (moves and prep.lower_ == "to")) and _is_place(obj, actors):
                        return obj
                    if prep.lower_ in _TARGET_PREPS and _is_facility(obj):
                        return obj
                    deeper.append(obj)
        frontier = deeper
    return None


def _is_place(token: Token, actors: DocActors) -> bool:
    phrase = actors.phrases.get(token.i)
    if phrase is not None and phrase.kind == "country":
        return True
    if token.ent_type_ in _PLACE_LABELS or _is_facility(token):
        return True
    # a name keeps its type through the story: a town NER tagged once is a place where it did not
    return token.pos_ == "PROPN" and any(e.label_ in _PLACE_LABELS and e.text == token.text for e in token.doc.ents)


def _is_facility(token: Token) -> bool:
    """A facility NER tagged, or a facility noun after a proper name ("the al-Mazzeh airbase")."""
    if token.ent_type_ == "FAC":
        return True
    return token.lower_ in load_place_words().facility_heads and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < token.i for c in token.children)


def _place_text(token: Token) -> str:
    """The place's own name: "the northern city of Kirkuk" gives Kirkuk, "Pyongyang" itself,
    "the regime's al-Mazzeh airbase" al-Mazzeh airbase."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in _PLACE_LABELS:
                    return _place_text(obj)
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
