#!/usr/bin/env python3
"""Rebuild whimbrel/data/ontology/ from the PLOVER and CAMEO reference tables.

Why this script exists: the coder needs the PLOVER event types, modes and contexts, the CAMEO
codes (with Goldstein values and quad classes) and the 2021 CAMEO-to-PLOVER mapping as small,
plain TSV files it can load at run time. The reference material is not ours to redistribute
verbatim, so the facts (names, codes, numbers, mappings) are re-encoded here and every
description is a one-line text written for this project (the dictionaries below). The output
is committed; rerun the script only when the reference tables change:

    python scripts/build_ontology.py --reference ../shared/reference

Choices made while re-encoding (each is reported on stderr when it applies):

* Modes are the union of the manual's mode tables and the extra modes of the NGEC-2025
  structured codebook (RETREAT return, THREATEN ban/rights, COERCE ban, ASSAULT execute,
  assassinate, massacre, cleansing), because NGEC-2025 training and evaluation data use them.
* cameo_plover.tsv keeps the first row for a CAMEO code listed twice (08 is split between
  CONCEDE and RETREAT; the root keeps CONCEDE). A mapped mode that is not a mode of the mapped
  event (e.g. "ease", which the mapping itself retires) is left blank; a context written in
  the mode column moves to the context column. Context names outside the PLOVER context
  list are translated through CONTEXT_ALIASES or dropped; several are joined with "|".
* CAMEO labels keep their wording; double quotes become single quotes so the TSV needs no
  quoting.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "whimbrel" / "data" / "ontology"

QUADS = {
    "VERBAL COOPERATION": "verbal_cooperation",
    "MATERIAL COOPERATION": "material_cooperation",
    "VERBAL CONFLICT": "verbal_conflict",
    "MATERIAL CONFLICT": "material_conflict",
}

EVENT_TEXT = {
    "AGREE": "Offer, promise or declared willingness to cooperate, incl. plans to sign deals and future cooperative acts.",
    "CONSULT": "Meetings, visits, talks, negotiations and calls between parties.",
    "SUPPORT": "Verbal, non-material backing: praise, endorsement, recognition, new ties, signing or ratifying deals.",
    "CONCEDE": "Verbal concession without immediate material effect: pardon, apology, eased rules, announced truce or pullback.",
    "COOPERATE": "Material cooperation that benefits both sides: trade, joint drills, judicial help, intelligence sharing.",
    "AID": "Material help that mainly benefits the recipient: money, arms, relief supplies, asylum, rescues.",
    "RETREAT": "Concession carried out in practice: release, withdrawal, disarmament, truce observed, access, resignation.",
    "REQUEST": "Verbal request, appeal, demand or order addressed to another party.",
    "ACCUSE": "Criticism, condemnation, accusation, lawsuit, criminal charge or investigation.",
    "REJECT": "Refusal or rejection of a request, proposal, plan or norm.",
    "THREATEN": "Warning of coercive or violent action not yet taken.",
    "PROTEST": "Collective public dissent by civilians: demonstration, riot, strike, boycott, blockade.",
    "SANCTION": "Cutting back existing relations: sanctions, broken ties, expelled envoys, halted aid, convictions.",
    "MOBILIZE": "Military, police or militia moves and shows of force that stop short of using it.",
    "COERCE": "Repression short of violence: arrest, seizure, ban, censorship, curfew, deportation.",
    "ASSAULT": "Deliberate use of physical force able to cause serious harm.",
}

MODE_TEXT = {
    ("CONSULT", "visit"): "One side travels to the other, which hosts.",
    ("CONSULT", "third-party"): "A third party hosts the meeting.",
    ("CONSULT", "multilateral"): "Meeting within an alliance, summit or international body.",
    ("CONSULT", "phone"): "Contact by telephone, video link or another remote channel.",
    ("RETREAT", "withdraw"): "Forces pull back from an area or give up territory.",
    ("RETREAT", "release"): "Prisoners, captives or hostages are set free.",
    ("RETREAT", "disarm"): "Fighters give up weapons or units stand down.",
    ("RETREAT", "ceasefire"): "A truce is put into effect.",
    ("RETREAT", "access"): "Observers, peacekeepers or aid workers are let in.",
    ("RETREAT", "resign"): "An official steps down.",
    ("RETREAT", "return"): "Seized property is handed back (NGEC-2025).",
    ("REQUEST", "assist"): "Asks for aid, cooperation, relations or exchange.",
    ("REQUEST", "change"): "Asks for new policy, leaders or institutions.",
    ("REQUEST", "yield"): "Asks the other side to back down: free captives, lift sanctions or curfews, stop fighting.",
    ("REQUEST", "meet"): "Asks for a meeting, talks or mediation.",
    ("ACCUSE", "disapprove"): "Criticism, condemnation or a formal complaint.",
    ("ACCUSE", "investigate"): "An inquiry or probe into some conduct.",
    ("ACCUSE", "allege"): "An accusation or charge, formal or not, incl. lawsuits and indictments.",
    ("REJECT", "assist"): "Turns down a request for aid, cooperation or relations.",
    ("REJECT", "change"): "Turns down a call for new policy, leaders or institutions.",
    ("REJECT", "yield"): "Refuses to back down: keep captives, sanctions or curfews, keep fighting.",
    ("REJECT", "meet"): "Turns down a meeting, talks or mediation.",
    ("THREATEN", "restrict"): "Threat to restrict movement or activity: blockade, boycott, curfew, ban.",
    ("THREATEN", "arrest"): "Threat to arrest, detain or jail.",
    ("THREATEN", "relations"): "Threat to cut ties or break off talks.",
    ("THREATEN", "expel"): "Threat to throw out diplomats, peacekeepers or organisations.",
    ("THREATEN", "territory"): "Threat to occupy or take territory.",
    ("THREATEN", "violence"): "Threat of force or violence.",
    ("THREATEN", "ban"): "Threat to bar a party, group or person from politics (NGEC-2025).",
    ("THREATEN", "rights"): "Threat to curb civil rights such as speech or assembly (NGEC-2025).",
    ("PROTEST", "demo"): "Mostly peaceful demonstration, march or rally.",
    ("PROTEST", "riot"): "Violent unrest against people or property.",
    ("PROTEST", "strike"): "Workers stop work in protest.",
    ("PROTEST", "hunger"): "Protesters refuse food.",
    ("PROTEST", "boycott"): "Protesters shun an event, product, body or country.",
    ("PROTEST", "obstruct"): "Protesters block roads, entrances or access.",
    ("PROTEST", "vandalize"): "Symbolic damage to property as protest.",
    ("SANCTION", "convict"): "A court or tribunal finds a party guilty or liable.",
    ("SANCTION", "expel"): "A party is put out of a body, group or country, e.g. diplomats.",
    ("SANCTION", "withdraw"): "Pulls itself or non-military resources out of a body, process or country.",
    ("SANCTION", "discontinue"): "Cuts or ends ties, trade or exchanges, incl. formal sanctions.",
    ("MOBILIZE", "troops"): "Armed forces are mobilised, deployed or put on alert.",
    ("MOBILIZE", "weapons"): "Weapons systems are readied, moved or tested.",
    ("MOBILIZE", "police"): "Police or security units are mobilised or reinforced.",
    ("MOBILIZE", "militia"): "A non-state armed group mobilises.",
    ("COERCE", "seize"): "Search, raid or confiscation of property.",
    ("COERCE", "restrict"): "Limits on freedoms or movement, incl. cordons.",
    ("COERCE", "censor"): "Blocking or suppressing publications or information.",
    ("COERCE", "curfew"): "A curfew is imposed.",
    ("COERCE", "martial-law"): "A state of emergency or martial law is declared.",
    ("COERCE", "arrest"): "People are arrested or detained.",
    ("COERCE", "deport"): "Individuals are expelled or deported.",
    ("COERCE", "withhold"): "Power, water, internet, food or other public goods are cut off.",
    ("COERCE", "misinformation"): "Deception, manipulation or disinformation operations.",
    ("COERCE", "cyber"): "Hacking, intrusions and other cyber attacks.",
    ("COERCE", "ban"): "A party, group or person is banned (NGEC-2025).",
    ("ASSAULT", "abduct"): "Kidnapping, hijacking or hostage taking.",
    ("ASSAULT", "beat"): "Beating with fists or blunt objects.",
    ("ASSAULT", "torture"): "Inflicting severe pain on people held captive.",
    ("ASSAULT", "sexual"): "Sexual violence.",
    ("ASSAULT", "targeted"): "Deliberate killing of chosen victims, incl. assassinations and executions.",
    ("ASSAULT", "destroy"): "Intentional destruction of property or infrastructure.",
    ("ASSAULT", "primitive"): "Attack with fire, blades, stones or tools.",
    ("ASSAULT", "firearms"): "Attack with guns and light arms.",
    ("ASSAULT", "explosives"): "Attack with mines, IEDs or planted bombs.",
    ("ASSAULT", "suicide-attack"): "Attack in which the attacker means to die.",
    ("ASSAULT", "aerial"): "Strike from manned aircraft or helicopters.",
    ("ASSAULT", "drone"): "Strike from unmanned aircraft.",
    ("ASSAULT", "heavy-weapons"): "Shelling, rockets, tanks and other heavy weapons.",
    ("ASSAULT", "crowd-control"): "Less-lethal crowd weapons such as tear gas or water cannon.",
    ("ASSAULT", "unconventional"): "Chemical, biological, radiological or nuclear weapons.",
    ("ASSAULT", "execute"): "Killing ordered by a court or authority (NGEC-2025).",
    ("ASSAULT", "assassinate"): "Killing, or trying to kill, a particular person (NGEC-2025).",
    ("ASSAULT", "massacre"): "Mass killing of defenceless people (NGEC-2025).",
    ("ASSAULT", "cleansing"): "Mass expulsion or ethnic cleansing (NGEC-2025).",
}

CONTEXT_TEXT = {
    "military": "State armed forces and their operations, aid, spending and politics.",
    "intelligence": "State spy agencies and covert information gathering.",
    "executive": "Heads of government, cabinets, bureaucracies and their personal affairs.",
    "legislative": "Parliaments, lawmakers, lawmaking and coalition building.",
    "election": "Elections, campaigns, voting and election monitoring.",
    "political_institutions": "Changes to, or unusual dealings within, parties and formal political bodies.",
    "pro_democracy": "Moves toward democracy.",
    "pro_autocracy": "Moves toward autocracy.",
    "economic": "Economy, trade, finance, development and monetary policy.",
    "legal": "Courts, judges, and national or international law.",
    "reparations": "Compensation for past harm.",
    "human_rights": "Human rights in general.",
    "rights_freedoms": "Civil liberties, political rights and press freedom.",
    "repression": "Forceful repression by security forces.",
    "human_security": "Access to food, water, housing, energy and land.",
    "gender": "Women's issues, gender equality and reproductive rights.",
    "lgbt": "LGBTQ laws, discrimination and activism.",
    "religion_ethnicity": "Religious, ethnic, caste or language groups and relations between them.",
    "inequality": "Unequal spread of income, resources or opportunity.",
    "diplomatic": "Diplomacy, envoys, embassies and foreign ministries.",
    "territory": "Territorial disputes, secession and forced displacement.",
    "peacekeeping": "Peacekeeping operations.",
    "health": "Public health, disease and epidemics.",
    "asylum": "Seeking or granting asylum.",
    "migration": "Migrants, refugees and displaced people.",
    "disasters": "Natural disasters, industrial accidents and spills.",
    "natural_resource": "Extraction, trade and management of natural resources.",
    "environment": "Pollution, climate, conservation and environmental politics.",
    "technology": "New technology and high-tech industry.",
    "terrorism": "Terrorist groups and acts, and counter-terrorism.",
    "cbrn": "Chemical, biological, radiological and nuclear weapons.",
    "cyber": "Cyber attacks, cyber crime and cyber security.",
    "misinformation": "Disinformation, influence operations and fake news.",
    "crime": "Crime and criminals not covered by a narrower context.",
    "corruption": "Bribery, embezzlement, nepotism and other abuse of office.",
    "illegal_drugs": "Making, selling or holding illegal drugs.",
    "trafficking": "Smuggling of people, drugs, wildlife or other goods.",
}

# Context names in the 2021 mapping that are not PLOVER contexts.
CONTEXT_ALIASES = {"humanitarian": "human_security", "democracy": "pro_democracy"}


def warn(message: str) -> None:
    print(f"build_ontology: {message}", file=sys.stderr)


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle, delimiter="\t")]


def write_tsv(name: str, header: list[str], rows: list[list[str]]) -> None:
    path = OUT_DIR / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\t".join(header) + "\n")
        for row in rows:
            for cell in row:
                if any(c in cell for c in "\t\n\""):
                    raise ValueError(f"{name}: cell needs quoting: {cell!r}")
            handle.write("\t".join(row) + "\n")
    print(f"wrote {path.relative_to(REPO)} ({len(rows)} rows)")


def describe(table: dict, key, what: str) -> str:
    if key not in table:
        raise SystemExit(f"build_ontology: no description written for {what} {key!r}; add one to this script")
    return table[key]


def build(reference: Path) -> None:
    plover, cameo_dir = reference / "plover", reference / "cameo"
    OUT_DIR.mkdir(parents=True, exist_ok=True)

    events = read_tsv(plover / "plover_events.tsv")
    event_rows = [[e["event"], QUADS[e["quad_category"].upper()], e["requires_recipient"].strip().lower(),
                   describe(EVENT_TEXT, e["event"], "event")] for e in events]
    write_tsv("plover_events.tsv", ["event", "quad_class", "requires_recipient", "description"], event_rows)
    event_names = {e["event"] for e in events}

    modes: list[tuple[str, str]] = [(m["event"], m["mode"]) for m in read_tsv(plover / "plover_modes.tsv")]
    with (plover / "plover_structured_codebook_NGEC2025.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["event"].strip(), row["mode"].strip().lower())
            if key[1] and key not in modes:
                warn(f"mode {key[0]} {key[1]} added from the NGEC-2025 codebook")
                modes.append(key)
    order = {name: i for i, name in enumerate(e["event"] for e in events)}
    modes.sort(key=lambda m: order[m[0]])  # stable: manual order, then codebook additions
    write_tsv("plover_modes.tsv", ["event", "mode", "description"],
              [[e, m, describe(MODE_TEXT, (e, m), "mode")] for e, m in modes])
    modes_of: dict[str, set[str]] = {}
    for e, m in modes:
        modes_of.setdefault(e, set()).add(m)

    contexts = [c["context"] for c in read_tsv(plover / "plover_contexts.tsv")]
    write_tsv("plover_contexts.tsv", ["context", "description"],
              [[c, describe(CONTEXT_TEXT, c, "context")] for c in contexts])

    cameo_rows = []
    for row in read_tsv(cameo_dir / "cameo_eventcodes.tsv"):
        label = row["label"].replace('"', "'")
        cameo_rows.append([row["code"], label, f"{float(row['goldstein']):.1f}", str(int(row["quad_class"]))])
    write_tsv("cameo_events.tsv", ["code", "label", "goldstein", "quad_class"], cameo_rows)
    cameo_codes = {r[0] for r in cameo_rows}

    mapping_rows, seen = [], set()
    for row in read_tsv(plover / "cameo_to_plover_2021.tsv"):
        code, event = row["cameo_code"], row["plover_event"]
        if code in seen:
            warn(f"CAMEO {code} listed again (as {event}); first row kept")
            continue
        seen.add(code)
        if event not in event_names:
            raise SystemExit(f"build_ontology: mapping row {code} names unknown event {event!r}")
        if code not in cameo_codes:
            warn(f"CAMEO {code} is mapped but not in cameo_eventcodes.tsv; kept")
        mode, extra = row["plover_mode"].lower(), []
        if mode and mode not in modes_of.get(event, set()):
            if mode in contexts:  # a context written in the mode column
                warn(f"CAMEO {code}: {mode!r} moved from mode to context")
                extra = [mode]
            else:
                warn(f"CAMEO {code}: {mode!r} is not a {event} mode; left blank")
            mode = ""
        found = []
        for ctx in [c.strip() for c in row["plover_context"].split(";")] + extra:
            if not ctx:
                continue
            ctx = CONTEXT_ALIASES.get(ctx, ctx)
            if ctx in contexts:
                found.append(ctx)
            else:
                warn(f"CAMEO {code}: context {ctx!r} is not a PLOVER context; dropped")
        mapping_rows.append([code, event, mode, "|".join(found)])
    write_tsv("cameo_plover.tsv", ["cameo", "event", "mode", "context"], mapping_rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=REPO.parent / "shared" / "reference",
                        help="folder holding plover/ and cameo/ reference tables (default: ../shared/reference)")
    args = parser.parse_args()
    build(args.reference)


if __name__ == "__main__":
    main()
