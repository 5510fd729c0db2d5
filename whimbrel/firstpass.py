"""The cheap first pass: parse only the sentences that can hold what Whimbrel codes.

The dependency parser and the entity recogniser are most of the cost of coding a story, yet
many sentences of a news story (prices, quantities, background colour) contain no word that
could trigger an event. Before the expensive components run, each sentence is tokenised,
split by punctuation, and looked up in the trigger lexicon by every lemma its words *could*
have (spaCy's own lemmatizer tables, for verbs, nouns and adjectives, without a tagger). A
sentence goes through the full pipeline when it may hold

- a trigger whose conditions can be met (an entry that needs "troops" as its object only
  counts when a word of the sentence can be "troop"),
- an obligation or a stated intention (must, should, ought, "willing to"), or
- the antecedent of "he" or "she" in the next sentence, when that one is analysed;

a sentence holding only a quotation gets the parser (its speaker is found on the parse) but
not the entity recogniser; every other sentence is only tokenised (tagging alone is two fifths
of spaCy's cost; actors there are still matched from the knowledge base, agent words by every
lemma they could have), and the pieces are joined back into one ``Doc`` with the original text
and offsets. ``whimbrel code --full-parse`` turns the first pass off.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
from spacy.attrs import DEP, HEAD, ORTH, SPACY
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from .events.lexicon import Lexicon
from .nlp import possible_lemmas

# How far a sentence is analysed, and the components each level goes without.
FULL, PARSE, LIGHT = 2, 1, 0
_SKIPPED = {FULL: (), PARSE: ("ner",)}  # LIGHT runs the tokenizer alone
_MODALS = frozenset({"must", "should", "ought"})
_QUOTE_CHARS = frozenset('"“”')
_POS_TABLES = ("verb", "noun", "adj")


class EventGate:
    """Decides, from surface words alone, whether a sentence may hold an event or a quotation."""

    def __init__(self, nlp: Language, lexicon: Lexicon):
        self._conditions: dict[str, list[frozenset[str]]] = {}
        for table in (lexicon.verbs, lexicon.nouns):
            for lemma, triggers in table.items():
                self._conditions.setdefault(lemma, []).extend(t.objects | t.modifiers for t in triggers)
        for word in lexicon.intent_adjectives | _MODALS:
            self._conditions.setdefault(word, []).append(frozenset())
        self._lemmas = lru_cache(maxsize=200_000)(self._any_lemma)

    def _any_lemma(self, form: str) -> frozenset[str]:
        """Every lemma a lower-case word form could have as a verb, noun or adjective."""
        return frozenset().union(*(possible_lemmas(form, pos) for pos in _POS_TABLES))

    def level(self, sentence) -> int:
        """FULL for a possible event, PARSE for a quotation only (its speaker needs the parse, not
        the entity recogniser), LIGHT for the rest."""
        lemmas = frozenset().union(*(self._lemmas(t.lower_) for t in sentence))
        for lemma in lemmas:
            for needed in self._conditions.get(lemma, ()):
                if not needed or needed & lemmas:
                    return FULL
        return PARSE if any(c in _QUOTE_CHARS for c in sentence.text) else LIGHT


def _trusted_sentences(doc: Doc) -> list:
    """Punctuation-split sentences, joined again where the split is doubtful: after what may be an
    abbreviation or an initial ("Lt. Col. Oliver North", "John F. Kennedy", "Sen. and confidant"),
    or before a word in lower case. A chunk boundary never falls inside a real sentence then."""
    spans = list(doc.sents)
    joined = spans[:1]
    for span in spans[1:]:
        previous = joined[-1]
        first = next((t for t in span if not t.is_space), span[0])
        last_word = previous[-2] if len(previous) > 1 and previous[-1].text == "." else previous[-1]
        doubtful = (first.is_lower or (last_word.is_title and len(last_word) <= 3)
                    or last_word.text.endswith(".") or (last_word.is_upper and len(last_word) == 1))
        if doubtful:
            joined[-1] = doc[previous.start:span.end]
        else:
            joined.append(span)
    return joined


def _has_personal_pronoun(sentence) -> bool:
    return any(t.lower_ in ("he", "she") for t in sentence)


class SelectiveParser:
    """``pipe(texts)`` yields one Doc per text, each sentence analysed as far as the gate asks."""

    def __init__(self, nlp: Language, lexicon: Lexicon):
        self.nlp = nlp
        self.gate = EventGate(nlp, lexicon)
        self._splitter = Sentencizer()
        self.sentences = self.parsed_sentences = 0  # counted for benchmarks and run reports

    def _chunks(self, text: str) -> list[tuple[Doc, int]]:
        """The text's tokens cut at sentence starts into runs of sentences at the same level, each
        run a new Doc built from the words (the text is tokenised once; the sentence starts set here
        must not bind the parser)."""
        doc = self._splitter(self.nlp.make_doc(text))
        sentences = _trusted_sentences(doc)
        levels = [self.gate.level(sentence) for sentence in sentences]
        for i in range(len(sentences) - 1):  # "he" or "she" in an analysed sentence is resolved through
            if levels[i] == LIGHT and levels[i + 1] != LIGHT and _has_personal_pronoun(sentences[i + 1]):
                levels[i] = FULL             # the subjects and names of the sentence before it
        runs: list[tuple[int, int]] = []
        for sentence, level in zip(sentences, levels):
            self.sentences += 1
            self.parsed_sentences += level != LIGHT
            if not runs or runs[-1][1] != level:
                runs.append((sentence.start if runs else 0, level))
        if not runs:
            return [(doc, LIGHT)]
        strings = self.nlp.vocab.strings
        tokens = doc.to_array([ORTH, SPACY])
        words = [strings[h] for h in tokens[:, 0].tolist()]
        spaces = [bool(s) for s in tokens[:, 1].tolist()]
        ends = [start for start, _ in runs[1:]] + [len(doc)]
        return [(Doc(self.nlp.vocab, words=words[start:end], spaces=spaces[start:end]), level)
                for (start, level), end in zip(runs, ends)]

    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
        plans = [self._chunks(text) for text in texts]
        analysed = {level: self._analyse([chunk for plan in plans for chunk, at in plan if at == level], level, batch_size)
                    for level in (FULL, PARSE, LIGHT)}
        for plan in plans:
            pieces = [next(analysed[level]) for _, level in plan]
            yield pieces[0] if len(pieces) == 1 else Doc.from_docs(pieces, ensure_whitespace=False, exclude=("tensor",))

    def _analyse(self, chunks: list[Doc], level: int, batch_size: int) -> Iterator[Doc]:
        if level == LIGHT:
            yield from (self._unparsed(doc) for doc in chunks)
            return
        for doc in self.nlp.pipe(chunks, batch_size=batch_size, disable=_SKIPPED[level]):
            if level == PARSE:
                doc.set_ents([], default="outside")
            yield doc

    def _unparsed(self, doc: Doc) -> Doc:
        """A skipped run of sentences: no tags or entities, and each sentence a flat tree whose root is
        its first token, so the joined document keeps these sentence boundaries and no rule reads a
        dependency label from them ("dep" is spaCy's unclassified relation)."""
        doc = self._splitter(doc)
        heads = numpy.zeros(len(doc), dtype="int64")
        labels = numpy.full(len(doc), self.nlp.vocab.strings.add("dep"), dtype="uint64")
        for sentence in doc.sents:
            root = sentence.start
            heads[sentence.start:sentence.end] = root - numpy.arange(sentence.start, sentence.end)
            labels[root] = self.nlp.vocab.strings.add("ROOT")
        doc.from_array([HEAD, DEP], numpy.stack([heads.astype("uint64"), labels], axis=1))
        doc.set_ents([], default="outside")
        return doc
