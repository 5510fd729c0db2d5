"""The records that flow through the pipeline.

Each stage takes one of these and hands the next stage another; none of them holds a
reference back to spaCy objects, so they pickle across processes and serialise to JSON.
Character offsets always index the article's ``text`` (the story after any crawler
marker or aggregator prefix has been cut off; ``Article.text_offset`` says how much).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


def content_hash(text: str) -> str:
    """Identity of an article's content: whitespace-normalised SHA-256, so re-ingest adds nothing."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One input record, as read: the story text plus what its container said about it."""

    doc_id: str
    text: str
    origin: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    text_offset: int = 0
    distributor: str | None = None
    wire: str | None = None
    dateline_place: str | None = None
    dateline_date: str | None = None
    dateline_end: int = 0  # where the story's first sentence begins, after any dateline

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def to_record(self) -> dict[str, Any]:
        record = asdict(self)
        record["content_hash"] = self.content_hash
        return record


@dataclass(frozen=True)
class ReadError:
    """An input record that could not become an Article, and why; ``origin`` names file and record."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names or refers to an actor."""

    text: str
    start: int
    end: int
    sentence_index: int
    how: str = "name"  # name | title | description | surname | pronoun | metonym | group


@dataclass
class Actor:
    """A participant resolved for one document: one identity, all the places it is mentioned.

    ``code`` is an ISO 3166 alpha-3 country, or IGO/NGO/IMG/MNC/ISM for actors of no one country;
    ``plover_code`` holds PLOVER's finer international code where there is one (UNO, EUR).
    """

    actor_id: str
    name: str
    code: str | None
    sector: str | None
    kind: str
    plover_code: str | None = None
    mentions: list[Mention] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ActorRef:
    """An event argument: which actor, and the words in this sentence that name it."""

    text: str
    name: str
    code: str | None
    sector: str | None
    start: int
    end: int
    actor_id: str | None = None


@dataclass(frozen=True)
class Event:
    """One coded political event with its evidence. Unknown fields stay None, never guessed."""

    event_id: str
    doc_id: str
    event_type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    actor: tuple[ActorRef, ...]
    recipient: tuple[ActorRef, ...]
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: str
    sentence_index: int
    sentence_start: int
    sentence_end: int
    realis: str
    confidence: float
    story_date: str | None = None
    event_date: str | None = None
    date_text: str | None = None
    date_granularity: str | None = None
    date_source: str | None = None
    date_end: str | None = None
    temporal_status: str | None = None  # current, background, future, unknown
    planned_date: str | None = None  # an announced act's own time ("will convene ... in February")
    conflict: bool = False  # the story gives this event two different dates
    event_date_alternatives: tuple[str, ...] = ()
    location: str | None = None
    reported_by: tuple[str, ...] = ()
    quote_ids: tuple[str, ...] = ()

    @property
    def offsets(self) -> dict[str, Any]:
        return {
            "sentence": [self.sentence_start, self.sentence_end],
            "trigger": [self.trigger_start, self.trigger_end],
            "actor": [[a.start, a.end] for a in self.actor],
            "recipient": [[r.start, r.end] for r in self.recipient],
        }

    def to_record(self) -> dict[str, Any]:
        """The JSON record written by ``whimbrel code``: one object per line."""
        record = asdict(self)
        record["context"] = list(self.context)
        record["actor"] = [asdict(a) for a in self.actor]
        record["recipient"] = [asdict(r) for r in self.recipient]
        record["reported_by"] = list(self.reported_by)
        record["quote_ids"] = list(self.quote_ids)
        record["event_date_alternatives"] = list(self.event_date_alternatives)
        record["offsets"] = self.offsets
        return record


@dataclass(frozen=True)
class Quote:
    """A direct quotation and who said it."""

    quote_id: str
    doc_id: str
    text: str
    start: int
    end: int
    sentence_index: int
    speaker: str | None
    speaker_code: str | None
    speaker_actor_id: str | None


@dataclass
class CodedDocument:
    """Everything the coder learned from one article."""

    article: Article
    actors: list[Actor]
    events: list[Event]
    quotes: list[Quote] = field(default_factory=list)
    sentences: int = 0
