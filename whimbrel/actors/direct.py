"""Direct actor coding: one actor string (with an optional date and context) to country and sector.

This is what ``whimbrel actors`` runs and what the actor scorer reads: each string is parsed,
its main phrase (the one at the top of the parse) is coded as in running text, and a context
string, when given, supplies the country the actor string itself lacks.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..dates import normalise_date, today
from ..nlp import load_nlp, unwrap_lines
from .kb import load_kb
from .phrases import Phrase
from .resolve import find_actors


def code_actor_records(path: Path, actors_file: str | None = None) -> Iterator[dict]:
    nlp, kb = load_nlp(), load_kb(actors_file)
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            origin = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                yield {"origin": origin, "error": f"malformed JSON: {error.msg}"}
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                yield {"origin": origin, "error": "expected an object with a 'text' string"}
                continue
            records.append(record)
    texts = [unwrap_lines(r["text"].strip()) or " " for r in records]
    contexts = [unwrap_lines(str(r.get("context") or "")) for r in records]
    for record, doc, context_doc in zip(records, nlp.pipe(texts), nlp.pipe(contexts)):
        date = normalise_date(record.get("date")) or today()
        yield {"id": record.get("id"), "text": record["text"], **code_actor_doc(doc, context_doc, kb, nlp, date)}


def code_actor_doc(doc, context_doc, kb, nlp, date: str) -> dict:
    """Country, sector, name and kind of the main actor phrase of a parsed actor string."""
    phrase = _main_phrase(doc, find_actors(doc, kb, nlp, date).phrases) if len(doc) else None
    result = {"country": "", "sector": "", "name": doc.text.strip(), "kind": "unknown", "date": date}
    if phrase is not None:
        result.update(country=phrase.codes[0] if phrase.codes else "", sector=phrase.sector or "",
                      name=phrase.name or result["name"], kind=phrase.kind)
        if phrase.entry is not None and phrase.entry.plover_code and phrase.codes == ["IGO"]:
            result["country"] = phrase.entry.plover_code
    elif any(t.lower_ in kb.unknown_words or t.lemma_.lower() in kb.unknown_words for t in doc):
        result["sector"] = "UNK"
    if not result["country"] and len(context_doc):
        context = _main_phrase(context_doc, find_actors(context_doc, kb, nlp, date).phrases)
        if context is not None and context.codes:
            result["country"] = context.codes[0]
    return result


def _main_phrase(doc, phrases: dict[int, Phrase]) -> Phrase | None:
    """The phrase nearest the root of the parse; ties go to the one that covers most words."""
    if not phrases:
        return None

    def depth(index: int) -> int:
        token, steps = doc[index], 0
        while token.head != token:
            token, steps = token.head, steps + 1
        return steps

    return min(phrases.values(), key=lambda p: (depth(p.head), -(p.end - p.start)))
