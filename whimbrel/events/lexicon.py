"""The trigger lexicon (``whimbrel/data/triggers.yaml``): which words report which PLOVER events."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from ..data_files import data_path, read_yaml



@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str  # VERB or NOUN
    event: str
    cameo: str | None
    mode: str | None = None
    context: tuple[str, ...] = ()
    prep: str | None = None
    objects: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()  # noun entries: fire only with one of these modifiers
    recipient: tuple[str, ...] = ("dobj",)
    actor: tuple[str, ...] = ("by",)
    complement: bool = False
    content: str | None = None  # "event": fires only when its to-infinitive is an event ("declined to resign");
    # a PLOVER type: only when it is an event of that type ("prepared to attack")
    negated: bool = False  # fires only when the verb is negated ("will not allow"), as an asserted act
    partner: bool = False  # coded only with a recipient or several actors: "the cabinet met" is no consultation
    infinitive: bool = False  # fires only with a to-infinitive: "pleaded to be let home", not "pleaded guilty"
    intransitive: bool = False  # fires only with no direct object: "the army mobilized", not "mobilized support"

    @property
    def specificity(self) -> int:
        """Entries with an object list beat those with a particle, which beat bare lemmas."""
        return 2 * bool(self.objects or self.modifiers) + bool(self.prep)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]
    light_verbs: frozenset[str]
    reporting_verbs: frozenset[str] = frozenset()
    intent_adjectives: frozenset[str] = frozenset()
    undergoer_verbs: frozenset[str] = frozenset()
    casualty_verbs: frozenset[str] = frozenset()
    disapproval_adjectives: frozenset[str] = frozenset()
    organising_verbs: frozenset[str] = frozenset()
    purpose_verbs: frozenset[str] = frozenset()
    commissive_verbs: frozenset[str] = frozenset()
    state_nouns: frozenset[str] = frozenset()
    measure_nouns: frozenset[str] = frozenset()
    pretext_nouns: frozenset[str] = frozenset()
    pressure_nouns: frozenset[str] = frozenset()
    agreement_nouns: frozenset[str] = frozenset()
    patron_nouns: frozenset[str] = frozenset()
    warning_verbs: frozenset[str] = frozenset()

    @cached_property
    def verb_words(self) -> frozenset[str]:
        """Every verb lemma the lexicon names, in any list: used to mend the lemmatizer's slips."""
        return frozenset(self.verbs) | self.light_verbs | self.reporting_verbs | self.undergoer_verbs | self.purpose_verbs


def _trigger(raw: dict, pos: str) -> Trigger:
    default_recipient = ("dobj",) if pos == "VERB" else ()
    return Trigger(
        lemma=str(raw["lemma"]).lower(),
        pos=pos,
        event=raw["event"],
        cameo=str(raw["cameo"]) if raw.get("cameo") is not None else None,
        mode=raw.get("mode") or None,
        context=tuple(raw.get("context") or ()),
        prep=(str(raw["prep"]).lower() if raw.get("prep") else None),
        objects=frozenset(str(o).lower() for o in raw.get("object") or ()),
        modifiers=frozenset(str(o).lower() for o in raw.get("modifier") or ()),
        recipient=tuple(str(r).lower() for r in raw.get("recipient") or default_recipient),
        actor=tuple(str(a).lower() for a in raw.get("actor") or ("by",)),
        complement=bool(raw.get("complement")),
        content=raw.get("content") or None,
        negated=bool(raw.get("negated")),
        partner=bool(raw.get("partner")),
        infinitive=bool(raw.get("infinitive")),
        intransitive=bool(raw.get("intransitive")),
    )


@lru_cache(maxsize=2)
def load_lexicon(path: str | None = None) -> Lexicon:
    data = read_yaml(Path(path) if path else data_path("triggers.yaml"))
    tables: dict[str, dict[str, list[Trigger]]] = {"VERB": defaultdict(list), "NOUN": defaultdict(list)}
    for key, pos in (("verbs", "VERB"), ("nouns", "NOUN")):
        for raw in data.get(key) or ():
            trigger = _trigger(raw, pos)
            tables[pos][trigger.lemma].append(trigger)
    return Lexicon(
        verbs={k: tuple(sorted(v, key=lambda t: -t.specificity)) for k, v in tables["VERB"].items()},
        nouns={k: tuple(sorted(v, key=lambda t: -t.specificity)) for k, v in tables["NOUN"].items()},
        light_verbs=_words(data, "light_verbs"),
        reporting_verbs=_words(data, "reporting_verbs"),
        intent_adjectives=_words(data, "intent_adjectives"),
        undergoer_verbs=_words(data, "undergoer_verbs"),
        casualty_verbs=_words(data, "casualty_verbs"),
        disapproval_adjectives=_words(data, "disapproval_adjectives"),
        organising_verbs=_words(data, "organising_verbs"),
        purpose_verbs=_words(data, "purpose_verbs"),
        commissive_verbs=_words(data, "commissive_verbs"),
        state_nouns=_words(data, "state_nouns"),
        measure_nouns=_words(data, "measure_nouns"),
        pretext_nouns=_words(data, "pretext_nouns"),
        pressure_nouns=_words(data, "pressure_nouns"),
        agreement_nouns=_words(data, "agreement_nouns"),
        patron_nouns=_words(data, "patron_nouns"),
        warning_verbs=_words(data, "warning_verbs"),
    )


def _words(data: dict, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key) or ())
