"""The pipeline: articles in, coded documents out.

    read (ingest/) -> parse (nlp, firstpass) -> actors (actors/) -> events (events/) -> CodedDocument

``Coder`` holds what is loaded once (spaCy, knowledge base, lexicon, ontology) and codes a
stream of articles in batches through ``nlp.pipe``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .actors import find_actors, load_kb
from .attribution import document_reporters, find_quotes, reporting_chain, sentence_sources, told_outlets
from .dates import today
from .events import REALIS_ALL, REALIS_DEFAULT, code_events, load_lexicon
from .firstpass import SelectiveParser
from .models import Article, CodedDocument, ReadError
from .nlp import load_nlp, sentence_starts, unwrap_lines
from .ontology import load_ontology


class Coder:
    """Loads the models and knowledge once; ``code`` turns articles into CodedDocuments."""

    def __init__(self, *, actors_file: str | None = None, realis: str = "default", keep_uncoded: bool = False,
                 full_parse: bool = False):
        if realis not in ("default", "all"):
            raise ValueError("realis must be 'default' or 'all'")
        self.nlp = load_nlp()
        self.kb = load_kb(actors_file)
        self.lexicon = load_lexicon()
        self.ontology = load_ontology()
        self.realis = REALIS_ALL if realis == "all" else REALIS_DEFAULT
        self.keep_uncoded = keep_uncoded
        self.parser = None if full_parse else SelectiveParser(self.nlp, self.lexicon)
        self.settings = {"actors_file": actors_file, "realis": realis, "keep_uncoded": keep_uncoded,
                         "full_parse": full_parse}

    def code(self, items: Iterable[Article | ReadError], *, batch_size: int = 32,
             jobs: int = 1) -> Iterator[CodedDocument | ReadError]:
        """Code each Article; ReadErrors pass through in order so callers can account for every record."""
        if jobs > 1:
            from .parallel import code_parallel

            yield from code_parallel(items, self.settings, jobs)
            return
        pending: list[Article] = []
        for item in items:
            if isinstance(item, ReadError):
                yield from self._code_batch(pending, batch_size)
                pending = []
                yield item
                continue
            pending.append(item)
            if len(pending) >= batch_size:
                yield from self._code_batch(pending, batch_size)
                pending = []
        yield from self._code_batch(pending, batch_size)

    def _code_batch(self, articles: list[Article], batch_size: int) -> Iterator[CodedDocument]:
        if not articles:
            return
        texts = [unwrap_lines(a.text) for a in articles]
        docs = self.parser.pipe(texts, batch_size) if self.parser else self.nlp.pipe(texts, batch_size=batch_size)
        for article, doc in zip(articles, docs):
            yield self.code_doc(article, doc)

    def code_doc(self, article: Article, doc) -> CodedDocument:
        date = article.date or today()
        actors = find_actors(doc, self.kb, self.nlp, date, skip_chars=article.dateline_end,
                             reporting_verbs=self.lexicon.reporting_verbs)
        quotes = find_quotes(doc, actors, article)
        reporters, told = document_reporters(doc, actors), told_outlets(doc, actors)
        events = code_events(
            doc, article, actors, self.lexicon, self.ontology, realis=self.realis, keep_uncoded=self.keep_uncoded,
            reported_by=lambda token: reporting_chain(sentence_sources(doc, token, actors, quotes), reporters, article,
                                                      told),
            quotes=quotes,
        )
        return CodedDocument(article, actors.actors, events, quotes, sentences=len(sentence_starts(doc)))
