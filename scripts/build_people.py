#!/usr/bin/env python3
"""Build ``whimbrel/data/people.tsv``: named people and the roles they held, with dates.

Why this file exists
--------------------
News names people far more often than institutions ("Putin said...", "Le Drian met...").
To code such a mention the actor coder needs the person's country and PLOVER sector *on the
date of the story*: Tony Blair is a government actor in 2003 and a former official (ELI) in
2015. This script re-encodes the facts (names, roles, dates) of several public actor lists
into one small table that ``whimbrel.actors.kb`` loads; no prose or code is copied.

Sources (read-only, under ``--reference``) and the ``source`` column they give:

``phoenix``      actors/phoenix_countries_actors.jsonl, the Phoenix/CAMEO country actor
                 dictionary (ends around 2014); plus the few dated people of
                 actors/Phoenix.MilNonState.actors.txt (they carry country codes).
``phoenix-igo``  actors/Phoenix.International.actors.txt: officials of IGOs and NGOs
                 (UN secretaries-general, NATO, EU council presidents, ...).
``heads2026``    actors/heads_of_state_2026-05.tsv: heads of state and of government in
                 May 2026, undated (an undated role is the fallback when no dated role
                 covers a date).
``curated``      whimbrel/data/people_curated.tsv, written by hand for 2014-2026 figures
                 whom Phoenix lacks or has out of date.

Output: one row per role period, columns ``name aliases country sector start end source``.
``aliases`` are '|'-separated surface forms; dates are ISO (YYYY-MM-DD) or empty.

Which Phoenix records are people
--------------------------------
The country dictionary mixes countries, institutions, groups and people. A record is kept
as a person when its comment is ``CountryInfo.txt`` (the rulers/ministers lists) or when
at least one of its codes is dated, and its name does not read like an organisation
("council", "brigade", "party"...). Dated country records (ARMENIA: USRARM until 1991)
drop out because their codes carry no sector.

CAMEO code -> (country, PLOVER sector)
--------------------------------------
A code is a 3-letter country followed by 3-letter parts (``GBRGOV``, ``AFGGOVJUD``,
``USAELI``, ``IGOUNOIAE``). The country is the first part, except:

* ``IGO``/``NGO``/``IMG`` codes keep that prefix as the country. Their middle parts name
  the organisation (UNO, WST NAT, ...) or its field (REF in UNHCR, HLH in WHO, BUS in
  ICAO), not the person's role, so IGO officials are GOV unless a part says JUD (ICJ),
  COP (Interpol), MIL, LEG, SPY or ELI; IMG members are REB; NGO officials take the first
  mappable part, else SOC.
* a second part that is neither a sector, a religion nor a status is a dependent territory
  with its own ISO-style code, which becomes the country (GBRVGBGOV -> VGB, USAASMGOV -> ASM,
  IDNTMPOPP -> TMP).

The sector is the first part that maps to PLOVER (``SECTOR_MAP``). PLOVER codes map to
themselves; CAMEO-only codes are mapped thus:

* HLH (health) -> MED, and CAMEO MED (media!) -> JRN;
* ENV, HRI, DEV (environment, human rights, development) -> SOC;
* IGO -> GOV; INS/SEP (insurgents, separatists) -> REB; SPY and UAF stay;
* MOD/RAD (moderate/radical) are modifiers: dropped, the next part is used, or GOV;
* one deliberate exception to "first part wins": GOVLEG -> LEG. CAMEO files legislators
  (senators, MPs) as a branch of government; PLOVER makes the legislature its own sector.
  GOVMIL (defence ministers) and GOVJUD (justice ministers) stay GOV;
* religions (MUS, CHR, ...) and statuses (OCC, UNR, AUT) are skipped.

An undated ELI code means "former official afterwards" and is kept as an undated row.
Country codes follow ``whimbrel/data/countries.yaml`` (ISO 3166 alpha-3, XKX for Kosovo):
the few CAMEO codes that differ are translated (``ISO_CODES``: TMP -> TLS, IMY -> IMN,
KSV -> XKX); historical states keep their CAMEO code (DDR); the fictional test country
Kinakuta (KNT) is dropped.

Names and aliases
-----------------
Phoenix names are upper case; they are put in normal title case ("Kim Jong-un",
"Bashar al-Assad", "John McCain", "Mohammed VI"). Aliases drop junk (trailing
underscores, bare surnames of <= 3 letters) and title-prefixed variants such as
"President Putin" or "Russian Prime Minister Vladimir Putin": titles are handled by the
agent matcher, not the name list. Names carrying a title ("General Secretary Gorbachev")
lose it; when only a surname is left, the full name of a code-less record with that
surname is used. ASCII-folded and de-hyphenated variants of names are added as aliases.

Merging sources
---------------
Spellings of one person are unified by a folded key (case, diacritics, hyphens, dots and
apostrophes ignored), and by the multi-word aliases of curated people in the same country
("Mahamat Déby" -> "Mahamat Idriss Déby"). The preferred display name comes from the
curated file, then heads2026, then Phoenix. Rows from every source are kept; only exact
duplicates (same name, country, sector and dates) are merged, keeping the more trusted
source. Phoenix roles left open in 2014 ("GOV from 2009-01-20") are closed the day before
the next curated role of the same person begins (or at the end of the person's last
curated role when all of them ended), so an old open role does not outlive the curated
timeline.

Heads of state, May 2026
------------------------
One GOV row per person and country, undated. A monarch shared by several Commonwealth
realms (Charles III heads 15 of them) is kept only for his home country (GBR); a
governor-general would be treated the same way. Bare single-word regnal names that are
also common words or other people's names are spelled out (``NAME_FIXES``).

Usage::

    python scripts/build_people.py                 # from the repository root
    python scripts/build_people.py --reference ../shared/reference --out whimbrel/data/people.tsv
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

HEADER = ["name", "aliases", "country", "sector", "start", "end", "source"]
# Most trusted first: wins exact-duplicate rows and gives the display name.
SOURCE_PRIORITY = ["curated", "heads2026", "phoenix-igo", "phoenix"]

PLOVER_SECTORS = (
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK "
    "AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC"
).split()

# CAMEO sector part -> PLOVER sector (None: a modifier to skip). See the module docstring.
SECTOR_MAP: dict[str, str | None] = {code: code for code in PLOVER_SECTORS}
SECTOR_MAP.update({
    "MED": "JRN",  # CAMEO MED is media; PLOVER MED is health
    "HLH": "MED",
    "ENV": "SOC",
    "HRI": "SOC",
    "DEV": "SOC",
    "NGO": "SOC",
    "IGO": "GOV",
    "INS": "REB",
    "SEP": "REB",
    "MOD": None,
    "RAD": None,
})
RELIGION_PARTS = {
    "MUS", "SUN", "SHI", "ALE", "DRZ", "SFI", "CHR", "CTH", "PRO", "ORT", "CPT", "ANG",
    "JEW", "BUD", "HIN", "SIK", "JAN", "BAH", "ZRO", "TAO", "CON", "SHN", "ATH", "ITR",
}
STATUS_PARTS = {"OCC", "UNR", "AUT"}
NON_STATE = {"IGO", "NGO", "IMG"}
# Parts of an IGO code that describe the person's role rather than the organisation.
IGO_ROLE_SECTORS = {"MIL", "JUD", "COP", "LEG", "SPY", "ELI"}

# Heads of state who head several countries: keep only the home country.
SHARED_HEAD_HOME = {"Charles III": "United Kingdom"}
# Country names in the heads file that the Phoenix country records do not spell that way.
COUNTRY_OVERRIDES = {
    "Armenia": "ARM", "Eswatini": "SWZ", "Guinea-Bissau": "GNB", "Iraq": "IRQ",
    "North Macedonia": "MKD", "South Sudan": "SSD", "Turkmenistan": "TKM",
    "Vatican City": "VAT",
}
# (country, name) in the heads file -> a name that is not a common word or another person's.
NAME_FIXES = {
    ("Saudi Arabia", "Salman"): "Salman bin Abdulaziz",
    ("Belgium", "Philippe"): "Philippe of Belgium",
    ("Vatican City", "Leo"): "Leo XIV",
}
NOT_A_PERSON = {"vacant", "", "none", "n/a"}
# CAMEO country codes that differ from the ISO 3166 alpha-3 codes of countries.yaml.
ISO_CODES = {"TMP": "TLS", "IMY": "IMN", "KSV": "XKX"}
# Kinakuta is the fictional country of the CAMEO test suite: its "officials" are dropped.
FICTIONAL_COUNTRIES = {"KNT"}

# Words that make a name an organisation, not a person.
ORG_WORDS = {
    "council", "coalition", "brigade", "brigades", "front", "army", "movement", "party",
    "assembly", "authority", "committee", "commission", "organization", "organisation",
    "association", "union", "league", "federation", "alliance", "congress", "parliament",
    "ministry", "government", "forces", "force", "group", "observatory", "republic",
    "state", "soviet", "agency", "bank", "fund", "programme", "program", "institute",
    "foundation", "network", "jaish", "jaysh", "liwa", "kataeb", "battalion", "task",
    "center", "centre", "internet", "society", "tribunal", "court", "office", "service",
    "university", "company", "corporation", "media", "news",
}
# Role words: an alias containing one is a description ("Defense Secretary Chuck Hagel"),
# and a name is cut after the last one ("Communist Leader Leonid Brezhnev").
ROLE_WORDS = {
    "president", "president-elect", "vice-president", "minister", "secretary",
    "secretary-general", "chancellor", "premier", "chairman", "chairwoman", "leader",
    "director", "spokesman", "spokeswoman", "spokesperson", "ambassador", "senator",
    "congressman", "congresswoman", "representative", "governor", "general", "commander",
    "chief", "king", "queen", "emir", "sultan", "prince", "princess", "envoy", "advisor",
    "adviser", "administration", "government", "regime", "supporters", "loyalists",
    "camp", "family", "cabinet", "forces", "officials", "reformer", "tsar", "czar",
    "monarch", "emperor", "empress", "pope", "patriarch", "strongman", "dictator",
    "speaker", "deputy", "lawmaker", "legislator", "official", "head", "boss", "candidate",
    "kanzler", "bundeskanzler", "presidente", "président", "ministre", "ministro",
}
# Honorifics that may open a name or alias ("Sir Paul Hasluck", "Mr. Obama").
HONORIFICS = {
    "sir", "dame", "lord", "lady", "baron", "baroness", "mr", "mrs", "ms", "dr", "mr.",
    "mrs.", "ms.", "dr.", "gen.", "gen", "lt.", "col.", "col", "adm.", "maj.", "capt.",
    "sen.", "sen", "rep.", "gov.", "pres.", "prof.", "prof", "hon.", "ratu", "tuanku",
    "hojatolislam", "hojatoleslam", "ayatollah", "grand", "mullah", "imam", "rev.",
    "reverend", "father", "cardinal", "archbishop", "bishop", "colonel", "major",
    "captain", "lieutenant", "admiral", "marshal", "field", "former", "ex", "ex-", "late",
    "the", "his", "her", "mayor", "judge", "justice", "premier", "deposed", "ousted",
    "exiled", "jailed", "slain",
}
# Lower-case particles inside names.
PARTICLES = {
    "al", "el", "bin", "ibn", "bint", "de", "da", "do", "dos", "das", "del", "della", "di",
    "du", "van", "von", "der", "den", "ter", "y", "e", "i", "und", "la", "of",
}
HYPHEN_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul", "ud", "bin", "ibn"}
# Family names written first whose hyphenated given names keep a lower-case second
# syllable ("Kim Jong-un", "Ban Ki-moon", "Ma Ying-jeou").
EAST_ASIAN_FAMILY_NAMES = {
    "kim", "lee", "yi", "ri", "park", "pak", "choi", "choe", "jung", "chung", "kang", "cho",
    "yoon", "yun", "jang", "chang", "lim", "han", "oh", "seo", "shin", "kwon", "hwang",
    "ahn", "song", "ryu", "hong", "jeon", "chun", "ko", "moon", "mun", "yang", "son", "bae",
    "baek", "heo", "yoo", "nam", "roh", "noh", "ha", "kwak", "sung", "cha", "joo", "woo",
    "min", "ban", "rhee", "hyun", "byun", "ma", "lai", "tsai", "chen", "lien", "soong",
    "wu", "hsieh", "su", "yu", "chiang", "hsu", "lin", "huang", "tsang", "leung",
}
REGNAL_NUMBERS = {"II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI"}
FOLD_EXTRA = str.maketrans({
    "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae",
    "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "ð": "d", "þ": "th", "ʻ": "", "ʼ": "",
})
MISSING = object()


@dataclass
class Row:
    name: str
    country: str
    sector: str
    start: str = ""
    end: str = ""
    source: str = ""
    aliases: set[str] = field(default_factory=set)

    def key(self) -> tuple[str, str, str, str, str]:
        return (self.name, self.country, self.sector, self.start, self.end)


# --------------------------------------------------------------------------- text helpers


def fold(text: str) -> str:
    """ASCII-fold: drop diacritics and map the few letters NFKD leaves alone."""
    text = unicodedata.normalize("NFKD", text.translate(FOLD_EXTRA))
    return "".join(c for c in text if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """Spelling-insensitive key: case, diacritics, hyphens, dots and apostrophes ignored."""
    text = fold(name).lower()
    text = re.sub(r"['’`]", "", text)
    text = re.sub(r"[-.,_]", " ", text)
    return " ".join(text.split())


def _cap_piece(piece: str) -> str:
    """Capitalise one word piece, handling O'Neil, D'Escoto, Sha'bi, McCain and R.K."""
    out: list[str] = []
    for part in re.split(r"(['’.])", piece):
        if not part or part in "'’.":
            out.append(part)
            continue
        if out and out[-1] in ("'", "’"):
            word_before = "".join(out[:-1]).split(".")[-1]
            part = part.capitalize() if len(word_before) == 1 else part.lower()
        else:
            part = part.capitalize()
        if part.startswith("Mc") and len(part) > 2:
            part = "Mc" + part[2].upper() + part[3:]
        out.append(part)
    return "".join(out)


def title_case(name: str) -> str:
    """Normal title case for an upper-case name: 'KIM JONG-UN' -> 'Kim Jong-un'."""
    tokens = name.split()
    east_asian = bool(tokens) and tokens[0].lower() in EAST_ASIAN_FAMILY_NAMES
    out = []
    for i, token in enumerate(tokens):
        low = token.lower()
        if i > 0 and low in PARTICLES:
            out.append(low)
            continue
        if i > 0 and not east_asian and token.upper() in REGNAL_NUMBERS:
            out.append(token.upper())
            continue
        if low in ("jr.", "jr", "sr.", "sr"):
            out.append(low.capitalize())
            continue
        parts = token.split("-")
        cased = []
        for j, part in enumerate(parts):
            last = j == len(parts) - 1
            if not last and part.lower() in HYPHEN_PARTICLES and (i > 0 or j > 0):
                cased.append(part.lower())
            elif j > 0 and east_asian and 0 < i <= 2 and len(tokens) <= 3:
                cased.append(part.lower())
            else:
                cased.append(_cap_piece(part))
        out.append("-".join(cased))
    return " ".join(out)


def _tidy(raw: str) -> str:
    """Underscores to spaces, junk punctuation out, spaces collapsed."""
    text = raw.replace("_", " ").replace("+", " ")
    text = re.sub(r"[^\w\s.'’\-]", " ", text)
    return " ".join(text.split()).strip(" -")


def _words(text: str) -> list[str]:
    return [w.strip(",;:()") for w in text.lower().split()]


def strip_titles(name: str, keep: int = 1) -> str:
    """Drop a leading description ("Russian President", "Sir") from a name, keeping at
    least ``keep`` words (when the description is all there is, the name stays whole)."""
    words = name.split()
    lowered = _words(name)
    cut = max((i for i, w in enumerate(lowered[:-1]) if w in ROLE_WORDS), default=-1)
    if len(words) - (cut + 1) >= keep:
        words = words[cut + 1 :]
    while len(words) > keep and words[0].lower() in HONORIFICS:
        words = words[1:]
    while len(words) > keep and words[-1].lower() in PARTICLES:
        words = words[:-1]  # "... al Ahmad al": a name cut short in the source
    return " ".join(words)


def looks_like_org(name: str) -> bool:
    return any(w in ORG_WORDS for w in _words(name))


def clean_alias(raw: str) -> str | None:
    """A usable surface form, or None for junk and title-prefixed descriptions."""
    text = _tidy(raw)
    if not text or any(ch.isdigit() for ch in text):
        return None
    words = _words(text)
    if any(w in ROLE_WORDS for w in words) or words[0] in HONORIFICS:
        return None
    if len(words) == 1 and len(words[0].strip(".")) <= 3:
        return None
    if looks_like_org(text):
        return None
    return title_case(text) if text.upper() == text or text.lower() == text else text


def name_variants(name: str) -> set[str]:
    """ASCII-folded and de-hyphenated spellings of a name that news text also uses."""
    variants = {fold(name)}
    if "-" in name and len(name.split()) > 1:
        variants |= {v.replace("-", " ") for v in set(variants) | {name}}
    return {" ".join(v.split()) for v in variants} - {name}


# --------------------------------------------------------------------------- codes and dates


def parse_compact_date(token: str) -> str:
    """'20070101' / '970101' (two-digit years: <= 30 -> 20xx) -> ISO; '' when unusable."""
    digits = token.strip()
    if len(digits) == 10 and digits[:2] in ("19", "20"):
        digits = digits[2:]  # a stray century prefix: '1920030320' -> '20030320'
    if len(digits) == 6:
        year = int(digits[:2])
        digits = ("20" if year <= 30 else "19") + digits
    if len(digits) != 8 or not digits.isdigit():
        return ""
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).isoformat()
    except ValueError:
        return ""


def parse_date_spec(spec: str) -> tuple[str, str]:
    """TABARI date restriction: '>D' (from), '<D' (until), 'D1-D2', or a bare 'D' (from)."""
    spec = spec.replace(" ", "")
    if not spec:
        return "", ""
    if spec.startswith(">"):
        return parse_compact_date(spec[1:]), ""
    if spec.startswith("<"):
        return "", parse_compact_date(spec[1:])
    if "-" in spec:
        first, second = spec.split("-", 1)
        start, end = parse_compact_date(first), parse_compact_date(second)
        if start and end and start > end:
            return "", ""  # inverted range in the source: keep the role, not the dates
        return start, end
    return parse_compact_date(spec), ""


def split_code(code: str) -> tuple[str | None, str | None]:
    """CAMEO actor code -> (country, PLOVER sector); either may be None."""
    code = code.strip().upper()
    if not re.fullmatch(r"[A-Z]+", code) or len(code) % 3:
        return None, None
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    head, rest = parts[0], parts[1:]
    if head in NON_STATE:
        return head, _non_state_sector(head, rest)
    if head in SECTOR_MAP and not rest:
        return None, SECTOR_MAP[head]  # a bare sector ("[ELI]"): the caller supplies the country
    if rest[:2] == ["GOV", "LEG"]:
        return head, "LEG"  # CAMEO files legislators under government; PLOVER does not
    country, sector, saw_modifier = head, None, False
    for i, part in enumerate(rest):
        if part in RELIGION_PARTS or part in STATUS_PARTS:
            continue
        mapped = SECTOR_MAP.get(part, MISSING)
        if mapped is MISSING:
            if i == 0:
                country = part  # dependent territory: GBRVGB..., USAASM...
            continue
        if mapped is None:
            saw_modifier = True
            continue
        sector = mapped
        break
    if sector is None and saw_modifier:
        sector = "GOV"
    return country, sector


def _non_state_sector(head: str, rest: list[str]) -> str:
    mapped = [SECTOR_MAP.get(p) for p in rest if SECTOR_MAP.get(p, MISSING) is not MISSING]
    mapped = [m for m in mapped if m]
    if head == "IGO":
        return next((m for m in mapped if m in IGO_ROLE_SECTORS), "GOV")
    if head == "IMG":
        return next((m for m in mapped if m in {"ELI", "REB", "UAF", "MIL"}), "REB")
    return mapped[0] if mapped else "SOC"


# --------------------------------------------------------------------------- sources


def read_phoenix_countries(path: Path) -> list[Row]:
    """People (and their dated codes) from the Phoenix country actor dictionary."""
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    donors = _surname_donors(records)
    rows: list[Row] = []
    for record in records:
        codes = [_code_dates(c) for c in record["codes"]]
        country_info = (record.get("comment") or "").strip().lower() == "countryinfo.txt"
        dated = any(start or end for _, start, end in codes)
        if not (country_info or dated):
            continue
        name, aliases = _person_name(record["name"], record.get("synonyms") or [], donors)
        if not name or looks_like_org(name) or (not country_info and len(name.split()) < 2):
            continue
        rows += _rows_for(name, aliases, codes, "phoenix")
    return rows


def _code_dates(code: dict) -> tuple[str, str, str]:
    start, end = code.get("start") or "", code.get("end") or ""
    raw = code.get("raw") or ""
    if not start and not end and re.search(r"\d", raw):
        start, end = parse_date_spec(raw.split(None, 1)[1] if " " in raw.strip() else "")
    return code["code"], start, end


def _surname_donors(records: list[dict]) -> dict[str, dict]:
    """Code-less person records by surname, to restore a full name ("Gorbachev")."""
    by_surname: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        if record["codes"]:
            continue
        name = strip_titles(_tidy(record["name"]))
        if len(name.split()) >= 2 and not looks_like_org(name):
            by_surname[name.split()[-1].upper()].append(record)
    donors = {}
    for surname, found in by_surname.items():
        found.sort(key=lambda r: ((r.get("comment") or "").lower() != "countryinfo.txt", len(r["name"])))
        donors[surname] = found[0]
    return donors


def _person_name(raw: str, synonyms: list[str], donors: dict[str, dict]) -> tuple[str, set[str]]:
    tidy = re.sub(r"\s+\d.*$", "", _tidy(raw))  # "Elbegdorj 1st time": a note after the name
    name = strip_titles(tidy)
    if len(name.split()) == 1 and name != tidy:
        donor = donors.get(name.upper())
        if donor:
            synonyms = list(synonyms) + [donor["name"]] + list(donor.get("synonyms") or [])
            name = strip_titles(_tidy(donor["name"]))
        else:
            name = strip_titles(tidy, keep=2)  # "General Lord Ismay" -> "Lord Ismay"
    name = title_case(name) if name.upper() == name else name
    aliases = {a for a in (clean_alias(s) for s in synonyms) if a}
    return name, aliases


def _rows_for(name: str, aliases: set[str], codes: list[tuple[str, str, str]], source: str) -> list[Row]:
    rows, home = [], None
    for code, start, end in codes:
        country, sector = split_code(code)
        home = home or country
        country = country or home
        if country and sector:
            rows.append(Row(name, country, sector, start, end, source, set(aliases)))
    return rows


def read_tabari_people(path: Path, source: str) -> list[Row]:
    """Dated people from a TABARI actors file (names, '+' synonyms, [CODE dates] lists)."""
    rows: list[Row] = []
    blocks: list[tuple[str, list[str], list[str]]] = []
    for line in path.open(encoding="utf-8", errors="replace"):
        text = line.split("#", 1)[0].rstrip()
        stripped = text.strip()
        if not stripped:
            continue
        if stripped.startswith("+"):
            if blocks:
                blocks[-1][1].append(stripped[1:])
            continue
        brackets = re.findall(r"\[([^\]]*)\]", stripped)
        if stripped.startswith("["):
            if blocks:
                blocks[-1][2].extend(brackets)
            continue
        head = stripped.split("[", 1)[0]
        name_field = next((f for f in head.split("\t") if f.strip()), "").strip()
        blocks.append((name_field, [], brackets))
    for raw_name, synonyms, brackets in blocks:
        codes = []
        for bracket in brackets:
            match = re.match(r"\s*([A-Z~\-]+)\s*(.*)", bracket)
            if not match or set(match.group(1)) <= {"-", "~"}:
                continue
            start, end = parse_date_spec(match.group(2))
            codes.append((match.group(1).replace("~", ""), start, end))
        if not any(start or end for _, start, end in codes):
            continue
        if any(code.startswith("MNC") for code, _, _ in codes):
            continue  # a multinational company (ABN AMRO), not a person
        if "," in raw_name or not raw_name:
            continue  # "ANTHONY_CROSLAND,_THEN_DAVID_OWEN_": a note, not a name
        name, aliases = _person_name(raw_name, synonyms, {})
        if not name or looks_like_org(name):
            continue
        rows += _rows_for(name, aliases, codes, source)
    return _merge_igo_duplicates(rows)


def _merge_igo_duplicates(rows: list[Row]) -> list[Row]:
    """One person listed under several spellings with identical dated codes (KOFI_ANNAN_,
    K_ANNAN_, KOFI_ATTA_ANNAN_; OSMAN_OLCAY_, OSMAN_OLCAY_TURKEY_): keep the first
    spelling, alias the rest. Spellings must share the surname or extend one another."""
    by_name: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_name[row.name].append(row)
    groups: dict[tuple, list[list[str]]] = defaultdict(list)
    for name, person_rows in by_name.items():
        signature = tuple(sorted({(r.country, r.sector, r.start, r.end) for r in person_rows}))
        words = name_key(name).split()
        for group in groups[signature]:
            if any(_same_person(words, name_key(other).split()) for other in group):
                group.append(name)
                break
        else:
            groups[signature].append([name])
    rename: dict[str, str] = {}
    for signature_groups in groups.values():
        for group in signature_groups:
            # prefer a spelling that does not open with a title ("George Robertson", not "Baron ...")
            best = next((n for n in group if n.split()[0].lower() not in HONORIFICS | {"baron"}), group[0])
            rename.update({n: best for n in group if n != best})
    out = []
    for row in rows:
        target = rename.get(row.name)
        if target:
            row.aliases.add(row.name)
            row.name = target
        out.append(row)
    return out


def _same_person(words: list[str], other: list[str]) -> bool:
    short, long_ = sorted((words, other), key=len)
    return words[-1] == other[-1] or long_[: len(short)] == short


def country_codes_from_phoenix(path: Path) -> dict[str, str]:
    """Country name (upper case, any listed spelling) -> code, from Phoenix country records."""
    names: dict[str, str] = {}
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        current = [c["code"] for c in record["codes"] if re.fullmatch("[A-Z]{3}", c["code"]) and not c.get("end")]
        if not current or not all(re.fullmatch("[A-Z]{3}", c["code"]) or c.get("end") for c in record["codes"]):
            continue
        for spelling in [record["name"], *record.get("synonyms", [])]:
            names.setdefault(spelling.upper(), current[-1])
    return names


def read_heads(path: Path, phoenix_path: Path) -> list[Row]:
    """Heads of state and government in May 2026: undated GOV rows."""
    known = country_codes_from_phoenix(phoenix_path)
    with path.open(encoding="utf-8") as handle:
        records = list(csv.DictReader(handle, delimiter="\t"))
    countries_of_head: dict[str, set[str]] = defaultdict(set)
    for record in records:
        countries_of_head[record["head_of_state"].strip()].add(record["country"].strip())
    rows: list[Row] = []
    for record in records:
        country_name = record["country"].strip()
        code = COUNTRY_OVERRIDES.get(country_name) or known.get(country_name.upper()) or known.get(
            re.sub(r"^THE ", "", country_name.upper())
        )
        if not code:
            sys.exit(f"heads file: no country code for {country_name!r}; add it to COUNTRY_OVERRIDES")
        for role in ("head_of_state", "head_of_government"):
            name = record[role].strip()
            ascii_name = (record.get(f"{role}_ascii") or "").strip()
            if name.lower() in NOT_A_PERSON:
                continue
            shared = countries_of_head[name] if role == "head_of_state" else {country_name}
            if len(shared) > 1 and SHARED_HEAD_HOME.get(name, sorted(shared)[0]) != country_name:
                continue  # a monarch of several realms: kept for the home country only
            aliases = {ascii_name} if ascii_name and ascii_name != name else set()
            fixed = NAME_FIXES.get((country_name, name))
            if fixed:
                name = fixed
            rows.append(Row(name, code, "GOV", "", "", "heads2026", aliases))
    return rows


def read_curated(path: Path) -> list[Row]:
    rows: list[Row] = []
    with path.open(encoding="utf-8") as handle:
        for number, record in enumerate(csv.DictReader(handle, delimiter="\t"), start=2):
            if record["sector"] not in PLOVER_SECTORS:
                sys.exit(f"{path}:{number}: sector {record['sector']!r} is not a PLOVER sector")
            for date in (record["start"], record["end"]):
                if date:
                    dt.date.fromisoformat(date)  # raises on a malformed date
            aliases = {a.strip() for a in (record["aliases"] or "").split("|") if a.strip()}
            rows.append(Row(record["name"].strip(), record["country"], record["sector"],
                            record["start"], record["end"], "curated", aliases))
    return rows


# --------------------------------------------------------------------------- merging


def unify_names(rows: list[Row]) -> None:
    """Give every spelling of a person one display name (see the module docstring)."""
    rank = {s: i for i, s in enumerate(SOURCE_PRIORITY)}
    display: dict[str, str] = {}
    alias_owner: dict[str, tuple[str, set[str]]] = {}
    for row in sorted(rows, key=lambda r: rank[r.source]):
        display.setdefault(name_key(row.name), row.name)
    curated_countries: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row.source == "curated":
            curated_countries[row.name].add(row.country)
    for row in rows:
        if row.source == "curated":
            for alias in row.aliases:
                if len(alias.split()) > 1:
                    alias_owner.setdefault(name_key(alias), (row.name, curated_countries[row.name]))
    for row in rows:
        key = name_key(row.name)
        target = display[key]
        owner = alias_owner.get(key)
        if row.source != "curated" and owner and target not in curated_countries and row.country in owner[1]:
            target = owner[0]
        if target != row.name:
            row.aliases.add(row.name)
            row.name = target


def close_stale_roles(rows: list[Row]) -> int:
    """Close Phoenix roles left open when the curated timeline shows a later role."""
    curated: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row.source == "curated":
            curated[row.name].append(row)
    closed = 0
    for row in rows:
        if row.source == "curated" or row.source == "heads2026" or not row.start or row.end:
            continue
        mine = curated.get(row.name)
        if not mine:
            continue
        later = [c.start for c in mine if c.start and c.start > row.start]
        if later:
            row.end = (dt.date.fromisoformat(min(later)) - dt.timedelta(days=1)).isoformat()
            closed += 1
        elif all(c.end for c in mine):
            last = max(c.end for c in mine)
            if last >= row.start:
                row.end = last
                closed += 1
    return closed


def finish(rows: list[Row]) -> list[Row]:
    """Merge exact duplicates, share each person's aliases, add spelling variants, sort."""
    rank = {s: i for i, s in enumerate(SOURCE_PRIORITY)}
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        aliases[row.name] |= row.aliases
    best: dict[tuple, Row] = {}
    for row in rows:
        kept = best.get(row.key())
        if kept is None or rank[row.source] < rank[kept.source]:
            best[row.key()] = row
    for name, found in aliases.items():
        found = {a for a in (clean_alias(x) for x in found) if a}
        found |= name_variants(name)
        for alias in list(found):
            found |= {fold(alias)}
        by_lower: dict[str, str] = {}
        for alias in sorted(found):  # capitalised spellings sort first and win
            by_lower.setdefault(alias.lower(), alias)
        by_lower.pop(name.lower(), None)
        aliases[name] = set(by_lower.values())
    out = list(best.values())
    for row in out:
        row.aliases = aliases[row.name]
    out.sort(key=lambda r: (r.country, name_key(r.name), r.name, r.start, r.end or "9999", r.sector, rank[r.source]))
    return out


def write_tsv(rows: list[Row], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(HEADER)
        for row in rows:
            writer.writerow([row.name, "|".join(sorted(row.aliases)), row.country, row.sector,
                             row.start, row.end, row.source])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, default=REPO_ROOT.parent / "shared" / "reference",
                        help="folder holding actors/ (default: ../shared/reference from the repo root)")
    parser.add_argument("--curated", type=Path, default=REPO_ROOT / "whimbrel" / "data" / "people_curated.tsv")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "whimbrel" / "data" / "people.tsv")
    args = parser.parse_args(argv)

    actors = args.reference / "actors"
    phoenix_path = actors / "phoenix_countries_actors.jsonl"
    rows = read_phoenix_countries(phoenix_path)
    rows += read_tabari_people(actors / "Phoenix.MilNonState.actors.txt", "phoenix")
    rows += read_tabari_people(actors / "Phoenix.International.actors.txt", "phoenix-igo")
    rows += read_heads(actors / "heads_of_state_2026-05.tsv", phoenix_path)
    rows += read_curated(args.curated)

    rows = [r for r in rows if r.country not in FICTIONAL_COUNTRIES]
    for row in rows:
        row.country = ISO_CODES.get(row.country, row.country)
    unify_names(rows)
    closed = close_stale_roles(rows)
    rows = finish(rows)
    bad = [r for r in rows if r.sector not in PLOVER_SECTORS]
    if bad:
        sys.exit(f"non-PLOVER sectors left: {Counter(r.sector for r in bad)}")
    write_tsv(rows, args.out)

    by_source = Counter(r.source for r in rows)
    people_by_source = {s: len({r.name for r in rows if r.source == s}) for s in SOURCE_PRIORITY}
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    print(f"rows: {len(rows)}; people: {len({r.name for r in rows})}; "
          f"open Phoenix roles closed by curated dates: {closed}")
    for source in SOURCE_PRIORITY:
        print(f"  {source:12s} {by_source[source]:6d} rows  {people_by_source[source]:6d} people")
    print("rows by sector:", ", ".join(f"{s} {n}" for s, n in Counter(r.sector for r in rows).most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
