"""Actor stage: knowledge base, phrase coding and per-document resolution."""

from .kb import ActorKB, load_kb
from .resolve import DocActors, find_actors

__all__ = ["ActorKB", "DocActors", "find_actors", "load_kb"]
