"""The actor knowledge base: countries, organisations, people with dated roles, agent words.

All knowledge lives in data files under ``whimbrel/data/`` (see ``docs/actors.md`` for the
format); users add or override entries with their own YAML file. This module only loads them
(``phrases`` matches names in text through an index of their tokens, agent words by lemma).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import cache
from ..data_files import data_path, read_yaml

# Kinds of named entries, from most to least specific identity.
PERSON, ORGANISATION, SEAT, CAPITAL, COUNTRY, DEMONYM, ETHNIC, PLACE, REGION = (
    "person", "organisation", "seat", "capital", "country", "demonym", "ethnic", "place", "region"
)
_KIND_ORDER = [PERSON, ORGANISATION, SEAT, CAPITAL, COUNTRY, DEMONYM, ETHNIC, PLACE, REGION]
NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG", "MNC", "ISM"})
FOREVER = "9999-12-31"


@dataclass(frozen=True)
class Role:
    """A person's country and sector over a period (ISO dates; empty means open-ended or unknown)."""

    country: str
    sector: str
    start: str = ""
    end: str = ""
    source: str = ""

    def holds_on(self, date: str) -> bool:
        return (not self.start or self.start <= date) and (not self.end or date <= self.end)

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)


@dataclass(frozen=True)
class Entry:
    """One named thing the text may mention."""

    key: str
    name: str
    kind: str
    code: str | None
    sector: str | None = None
    plover_code: str | None = None
    roles: tuple[Role, ...] = ()
    homelands: tuple[str, ...] = ()  # a people living in several countries: those countries

    def role_on(self, date: str) -> Role | None:
        """The role a person held on ``date``; after the last dated role, a former official (ELI)."""
        if not self.roles:
            return None
        dated = [r for r in self.roles if r.dated and r.holds_on(date)]
        if dated:
            return max(dated, key=_role_rank)
        open_ended = [r for r in self.roles if not r.dated]
        if open_ended:
            return max(open_ended, key=_role_rank)
        ended = [r for r in self.roles if r.end and r.end < date]
        if ended:
            last = max(ended, key=lambda r: r.end)
            return Role(last.country, "ELI" if last.sector in OFFICIAL_SECTORS else last.sector, last.end, "")
        return min(self.roles, key=lambda r: r.start or FOREVER)


OFFICIAL_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
# Leaders news names by surname alone ("Trump said"): heads of state and government and the
# curated list of prominent office holders, not the long tail of historical officials.
_LEADER_SOURCES = {"heads2026", "curated"}
# When a person holds two roles at once, the one news coders report first.
_SECTOR_PRECEDENCE = ["GOV", "MIL", "SPY", "LEG", "JUD", "COP", "REB", "OPP", "PTY", "ELI"]


def _role_rank(role: Role) -> tuple[int, str]:
    rank = _SECTOR_PRECEDENCE.index(role.sector) if role.sector in _SECTOR_PRECEDENCE else len(_SECTOR_PRECEDENCE)
    return (-rank, role.start)


@dataclass(eq=False)
class ActorKB:
    """Indexes of the actor data: surface strings to entries, agent words to sectors."""

    entries: dict[str, Entry] = field(default_factory=dict)
    surfaces: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # surface -> entry keys
    agents: dict[tuple[str, ...], str] = field(default_factory=dict)  # lower-case words -> sector
    modifiers: dict[str, str] = field(default_factory=dict)  # "former" -> ELI
    unknown_words: frozenset[str] = frozenset()
    shorthand: dict[str, dict[str, str]] = field(default_factory=dict)  # "the north" -> {context code: code}
    famous_surnames: dict[str, str] = field(default_factory=dict)  # "Trump" -> entry key
    shared_leader_surnames: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "Bush" -> both presidents
    sole_names: frozenset[str] = frozenset()  # "Suharto", "Hirohito": one-word names no other person's name holds
    religions: frozenset[str] = frozenset()  # "muslim", "jewish": a faith named before a leader
    people_by_spelling: dict[str, str] = field(default_factory=dict)  # spelling key -> entry key
    people_by_surname: dict[str, list[str]] = field(default_factory=dict)  # "Kohl" -> entry keys
    surname_titles: frozenset[str] = frozenset()  # "president", "mrs": before a surname, name a known official
    honorifics: frozenset[str] = frozenset()  # "mr", "mrs": titles any person bears, not an office
    orgs_by_spelling: dict[str, str] = field(default_factory=dict)  # spelling key -> entry key
    civilian_modifiers: frozenset[str] = frozenset()  # "ordinary Kazakhs": the people, not the state
    foreign_modifiers: frozenset[str] = frozenset()  # "world leaders": of no one country
    populace_words: frozenset[str] = frozenset()  # "people in the UK": civilians of a place
    settlement_words: frozenset[str] = frozenset()  # "a village in Cambodia": its people
    serving_roles: frozenset[str] = frozenset()  # "an adviser to the UN": serves what "to" names
    leading_roles: frozenset[str] = frozenset()  # "the director of HRW": acts for the organisation "of" names
    collective_nouns: frozenset[str] = frozenset()  # "delegation", "government": a body, not one person
    leading_participles: frozenset[str] = frozenset()  # "Saudi-led coalition": the leader names it
    country_nouns: frozenset[str] = frozenset()  # "the nation": a country named just before
    pair_nouns: dict[str, str | None] = field(default_factory=dict)  # "the two countries" -> sector (or none)
    stance_prefixes: frozenset[str] = frozenset()  # "anti-Syria": a stance, not Syria
    ethnicity_markers: frozenset[str] = frozenset()  # "ethnic Albanians": a people, not Albania
    citizenship_nouns: frozenset[str] = frozenset()  # "his British passport": whose national he is
    chinese_surnames: frozenset[str] = frozenset()  # "Zhang", "He": with a pinyin given name, a Chinese person
    misspelt_keys: dict[str, str] = field(default_factory=dict)  # "Ethopia" -> "Ethiopia" (one letter dropped)
    spelled_names: frozenset[str] = frozenset()  # country, demonym and people names that misspellings can reach
    name_words: frozenset[str] = frozenset()  # lower-case words of known people's names: never misspellings
    max_agent_words: int = 1
    agent_starts: set[str] = field(default_factory=set)  # first words of multi-word agents
    agent_ends: set[str] = field(default_factory=set)  # last words of all agents, for a quick first test

    def add(self, entry: Entry, surfaces: list[str]) -> None:
        self.entries[entry.key] = entry
        for surface in {entry.name, *surfaces}:
            if surface and surface.strip():
                self.surfaces[surface.strip()].add(entry.key)

    def add_agent(self, words: str, sector: str) -> None:
        key = tuple(words.lower().split())
        self.agents[key] = sector
        self.max_agent_words = max(self.max_agent_words, len(key))
        self.agent_ends.add(key[-1])
        if len(key) > 1:
            self.agent_starts.add(key[0])

    def lookup(self, surface: str) -> list[Entry]:
        """Entries a surface string names, most specific identity first (a stable order)."""
        found = [self.entries[k] for k in self.surfaces.get(surface, ())]
        return sorted(found, key=lambda e: (_KIND_ORDER.index(e.kind), e.key))


    def misspelt(self, word: str) -> str | None:
        """The country, demonym or people name that ``word`` misspells by one letter inside it
        ("Ethopia", "Chenchen", "Portugese"), or None.

        Wire copy misspells names, and a missed country loses the whole event. Only letters between
        the second and the last one may differ, only by one letter dropped, added or two swapped, and
        only for names of seven letters or more: changes at the edges or a changed letter turn one
        real word into another ("Roland"/"Poland", "Indiana"/"Indian", "Angela"/"Angola")."""
        if len(word) < MIN_MISSPELT_WORD or word.lower() in self.name_words or word in self.surfaces:
            return None
        inner = range(2, len(word) - 1)
        added = [word[:i] + word[i + 1:] for i in inner]  # a letter too many: drop it
        swapped = [word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in inner if i < len(word) - 2]
        found = {name for name in added + swapped if name in self.spelled_names}
        if word in self.misspelt_keys:  # a letter dropped
            found.add(self.misspelt_keys[word])
        codes = {e.code for name in found for e in self.lookup(name)}
        return next(iter(found)) if len(codes) == 1 else None


_MIN_MISSPELT = 7
MIN_MISSPELT_WORD = _MIN_MISSPELT - 1  # a seven-letter name with a letter dropped


def _index_misspellings(kb: ActorKB) -> None:
    """Each one-word country, demonym or people name with one inner letter dropped, for ActorKB.misspelt."""
    names = {s for s, keys in kb.surfaces.items() if len(s) >= _MIN_MISSPELT and s.isalpha() and s[0].isupper()
             and any(kb.entries[k].kind in (COUNTRY, DEMONYM, ETHNIC) for k in keys)}
    by_key: dict[str, set[str]] = defaultdict(set)
    for name in names:
        for i in range(2, len(name) - 1):
            by_key[name[:i] + name[i + 1:]].add(name)
    kb.spelled_names = frozenset(names)
    kb.misspelt_keys = {key: next(iter(found)) for key, found in by_key.items() if len(found) == 1}
    kb.name_words = frozenset(w.lower() for e in kb.entries.values() if e.kind == PERSON for w in e.name.split())


def _fold_accents(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def spelling_key(name: str) -> str:
    """A name with the differences of transliteration removed: accents, case, hyphens, doubled
    letters, Arabic articles ("Boyko Borissov" = "Boyko Borisov", "Khürelsükh" = "Khurelsukh",
    "Omar el-Bashir" = "Omar al-Bashir")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = [w for w in re.sub(r"[^a-z ]+", " ", plain).split() if w not in _ARABIC_ARTICLES]
    return re.sub(r"(.)\1+", r"\1", " ".join(words))


_ARABIC_ARTICLES = {"al", "el", "ad", "ed", "as", "ash", "ar", "az"}  # al-Bashir, el-Bashir, Bashir


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _add_countries(kb: ActorKB, countries: list[dict]) -> None:
    for country in countries:
        code = country["code"]
        kb.add(Entry(f"country:{code}", country["name"], COUNTRY, code), _as_list(country.get("names")))
        kb.add(Entry(f"demonym:{code}", country["name"], DEMONYM, code), _as_list(country.get("demonyms")))
        for kind, sector, key in ((CAPITAL, "GOV", "capitals"), (SEAT, "GOV", "seats"), (PLACE, None, "places")):
            for place in _as_list(country.get(key)):
                kb.add(Entry(f"{kind}:{code}:{place}", place, kind, code, sector), [])


def _add_organisations(kb: ActorKB, organisations: list[dict]) -> None:
    for org in organisations:
        entry = Entry(
            f"org:{org['name']}",
            org["name"],
            ORGANISATION,
            org.get("code"),
            org.get("sector"),
            org.get("plover"),
            _org_periods(org),
        )
        surfaces = _as_list(org.get("aliases"))
        kb.add(entry, surfaces)
        for surface in [org["name"], *surfaces]:
            if len(surface.split()) > 1:
                kb.orgs_by_spelling.setdefault(spelling_key(surface), entry.key)


def _org_periods(org: dict) -> tuple[Role, ...]:
    """Sectors a body held over time: the Taliban were rebels until 1996 and again 2001-2021,
    the government of Afghanistan in between and since."""
    code = org.get("code") or ""
    return tuple(Role(code, p["sector"], str(p.get("start") or ""), str(p.get("end") or ""), "periods")
                 for p in org.get("periods") or [])


def _add_people(kb: ActorKB, rows: list[dict]) -> None:
    roles: dict[str, list[Role]] = defaultdict(list)
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        name = row["name"].strip()
        roles[name].append(
            Role(row.get("country") or "", row.get("sector") or "", row.get("start") or "", row.get("end") or "",
                 row.get("source") or "")
        )
        aliases[name].update(a.strip() for raw in _as_list(row.get("aliases")) for a in raw.split("|"))
    surname_owners: dict[str, set[str]] = defaultdict(set)
    for name, person_roles in roles.items():
        codes = {r.country for r in person_roles if r.country}
        code = person_roles[0].country if len(codes) == 1 else None
        kb.add(Entry(f"person:{name}", name, PERSON, code, roles=tuple(person_roles)), sorted(aliases[name] - {""}))
        for surface in {name, *aliases[name]} - {""}:
            if len(surface.split()) > 1:
                kb.people_by_spelling.setdefault(spelling_key(surface), f"person:{name}")
        for surname in _surname_forms(name):
            kb.people_by_surname.setdefault(surname, []).append(f"person:{name}")
            if any(r.source in _LEADER_SOURCES and r.sector == "GOV" for r in person_roles):
                surname_owners[surname].add(f"person:{name}")
    words_of_names = Counter(w for name in roles for w in set(name.split()) if len(name.split()) > 1)
    kb.sole_names |= {name for name in roles if " " not in name and len(name) > 3 and not words_of_names[name]}
    famous = {s: next(iter(k)) for s, k in surname_owners.items() if len(k) == 1 and len(s) > 3}
    kb.famous_surnames.update(famous)
    kb.shared_leader_surnames.update({s: tuple(sorted(k)) for s, k in surname_owners.items() if len(k) > 1 and len(s) > 3})
    for surname, key in famous.items():  # "Erdogan" for "Erdoğan": news often drops the diacritics
        kb.famous_surnames.setdefault(_fold_accents(surname), key)


def _surname_forms(name: str) -> list[str]:
    """How news names a person by surname alone: "Kohl" for "Helmut Kohl"; "Assad" and "al-Assad" for
    "Bashar al-Assad" (an Arabic article joined by a hyphen is often dropped)."""
    words = name.split()
    if len(words) < 2:
        return []
    surname = words[-1]
    article, _, rest = surname.partition("-")
    return [surname, rest] if article.lower() in _ARABIC_ARTICLES and rest[:1].isupper() else [surname]


def _add_agents(kb: ActorKB, agents: dict) -> None:
    for sector, words in (agents.get("sectors") or {}).items():
        for words_ in _as_list(words):
            kb.add_agent(words_, sector)
    for sector, words in (agents.get("modifiers") or {}).items():
        for word in _as_list(words):
            kb.modifiers[word.lower()] = sector
    kb.unknown_words = _lowered(agents.get("generic_unknown"))
    for word in _as_list(agents.get("religions")):
        kb.add_agent(word, "REL")
    kb.religions |= _lowered(agents.get("religions"))
    kb.civilian_modifiers |= _lowered(agents.get("civilian_modifiers"))
    kb.foreign_modifiers |= _lowered(agents.get("foreign_modifiers"))
    kb.populace_words |= _lowered(agents.get("populace"))
    kb.settlement_words |= _lowered(agents.get("settlements"))
    kb.serving_roles |= _lowered(agents.get("serving_roles"))
    kb.leading_roles |= _lowered(agents.get("leading_roles"))
    kb.surname_titles |= _lowered(agents.get("surname_titles")) | _lowered(agents.get("honorifics"))
    kb.honorifics |= _lowered(agents.get("honorifics"))
    kb.collective_nouns |= _lowered(agents.get("collective_nouns"))
    kb.leading_participles |= _lowered(agents.get("leading_participles"))
    kb.country_nouns |= _lowered(agents.get("country_nouns"))
    kb.pair_nouns.update({w.lower(): sector for w, sector in (agents.get("pair_nouns") or {}).items()})
    kb.stance_prefixes |= _lowered(agents.get("stance_prefixes"))
    kb.ethnicity_markers |= _lowered(agents.get("ethnicity_markers"))
    kb.citizenship_nouns |= _lowered(agents.get("citizenship_nouns"))


def _lowered(words) -> frozenset[str]:
    """A word list from a data file, lower-cased for matching."""
    return frozenset(w.lower() for w in _as_list(words))


def _read_people_tsv(path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def load_user_file(kb: ActorKB, path: Path) -> None:
    """Merge a user's YAML file (keys: countries, organisations, people, agents, shorthand) into ``kb``."""
    data = read_yaml(Path(path)) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping with keys countries/organisations/people/agents")
    unknown = set(data) - {"countries", "organisations", "people", "agents", "shorthand"}
    if unknown:
        raise ValueError(f"{path}: unknown keys {sorted(unknown)}")
    _add_countries(kb, data.get("countries") or [])
    _add_organisations(kb, data.get("organisations") or [])
    _add_people(kb, [{k: str(v) if v is not None else "" for k, v in p.items()} for p in data.get("people") or []])
    _add_agents(kb, {"sectors": data.get("agents") or {}})
    kb.shorthand.update({k.lower(): v for k, v in (data.get("shorthand") or {}).items()})


@dataclass(frozen=True)
class PlaceWords:
    """Common words that mark a place: facility nouns ("airbase"), verbs of motion ("deploy"), area nouns,
    participles of holding ("rebel-held"), nouns for the edge of a place ("outskirts")."""

    facility_heads: frozenset[str]
    motion_verbs: frozenset[str]
    area_heads: frozenset[str]  # "Daraa province", "the capital": nouns for an area beside a name
    territory_participles: frozenset[str]  # "rebel-held Douma": a name held by a party is a place
    part_heads: frozenset[str]  # "on the outskirts of Damascus": parts of a place that take "on"


@lru_cache(maxsize=1)
def load_place_words() -> PlaceWords:
    data = read_yaml(data_path("places.yaml")) or {}
    return PlaceWords(*(frozenset(_as_list(data.get(key))) for key in (
        "facility_heads", "motion_verbs", "area_heads", "territory_participles", "part_heads")))


_DATA_FILES = ("countries.yaml", "organisations.yaml", "breakaway.yaml", "ethnic_groups.yaml", "regions.yaml",
               "people.tsv", "agents.yaml", "names.yaml", "shorthand.yaml")


@lru_cache(maxsize=4)
def load_kb(user_file: str | None = None) -> ActorKB:
    """The built-in knowledge base, with the user's own file on top. Reading the data files takes a
    second; the built result is cached on disk, keyed by the files and this module."""
    key = cache.digest([Path(__file__).read_bytes(), *(data_path(name).read_bytes() for name in _DATA_FILES)])
    kb = cache.load("kb", key)
    if kb is None:
        kb = _build_kb()
        cache.store("kb", key, kb)
    if user_file:
        load_user_file(kb, Path(user_file))
    return kb


def _build_kb() -> ActorKB:
    kb = ActorKB()
    _add_countries(kb, read_yaml(data_path("countries.yaml")))
    _add_organisations(kb, read_yaml(data_path("organisations.yaml")))
    for code, names in (read_yaml(data_path("breakaway.yaml")) or {}).items():
        for name in names:
            kb.add(Entry(f"breakaway:{code}:{name}", name, PLACE, code, "PRE"), [])
    for group in read_yaml(data_path("ethnic_groups.yaml")) or []:
        for name in _as_list(group.get("names")):
            kb.add(Entry(f"ethnic:{name}", name, ETHNIC, group.get("code"), "CVL",
                         homelands=tuple(_as_list(group.get("homelands")))), [])
    for region in read_yaml(data_path("regions.yaml")):
        kb.add(Entry(f"region:{region}", region, REGION, None), [])
    _add_people(kb, _read_people_tsv(data_path("people.tsv")))
    _add_agents(kb, read_yaml(data_path("agents.yaml")))
    names = read_yaml(data_path("names.yaml")) or {}
    kb.chinese_surnames = frozenset(_as_list(names.get("chinese_surnames")))
    kb.shorthand.update({k.lower(): v for k, v in (read_yaml(data_path("shorthand.yaml")) or {}).items()})
    _index_misspellings(kb)
    return kb
