"""PLOVER and CAMEO tables: event types, modes, contexts, CAMEO codes with Goldstein and quad class.

Loaded once from ``whimbrel/data/ontology/`` (re-encoded from the PLOVER manual and the CAMEO
codebook by ``scripts/build_ontology.py``; see NOTICE).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from .data_files import data_path

QUAD_CLASS_BY_PLOVER = {
    "verbal_cooperation": 1,
    "material_cooperation": 2,
    "verbal_conflict": 3,
    "material_conflict": 4,
}


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    goldstein: float
    quad_class: int


@dataclass(frozen=True)
class Ontology:
    event_types: dict[str, str]  # PLOVER type -> quad class name
    needs_recipient: frozenset[str]  # types PLOVER codes only with a recipient (AID, COOPERATE, SANCTION)
    modes: dict[str, frozenset[str]]  # PLOVER type -> its modes
    contexts: frozenset[str]
    cameo: dict[str, CameoCode]
    cameo_to_plover: dict[str, tuple[str, str | None]]  # CAMEO code -> (PLOVER type, mode)

    def cameo_code(self, code: str | None) -> CameoCode | None:
        """The CAMEO entry for ``code`` or, when only a finer code is unknown, its nearest listed parent."""
        while code:
            if code in self.cameo:
                return self.cameo[code]
            code = code[:-1]
        return None

    def quad_class(self, event_type: str) -> int | None:
        return QUAD_CLASS_BY_PLOVER.get(self.event_types.get(event_type, ""))


def _rows(name: str) -> list[dict[str, str]]:
    path = data_path(f"ontology/{name}")
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    modes: dict[str, set[str]] = {}
    for row in _rows("plover_modes.tsv"):
        modes.setdefault(row["event"], set()).add(row["mode"])
    return Ontology(
        event_types={row["event"]: row["quad_class"] for row in _rows("plover_events.tsv")},
        needs_recipient=frozenset(r["event"] for r in _rows("plover_events.tsv") if r["requires_recipient"] == "yes"),
        modes={event: frozenset(found) for event, found in modes.items()},
        contexts=frozenset(row["context"] for row in _rows("plover_contexts.tsv")),
        cameo={
            row["code"]: CameoCode(row["code"], row["label"], float(row["goldstein"]), int(row["quad_class"]))
            for row in _rows("cameo_events.tsv")
        },
        cameo_to_plover={row["cameo"]: (row["event"], row["mode"] or None) for row in _rows("cameo_plover.tsv")},
    )
