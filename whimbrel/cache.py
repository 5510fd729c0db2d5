"""Derived knowledge kept on disk between runs, so start-up does not rebuild it.

The knowledge base (tens of thousands of names and roles read from YAML and TSV) and its name
index are built once and pickled under ``$WHIMBREL_CACHE`` (else ``$XDG_CACHE_HOME`` or
``~/.cache``)``/whimbrel``. Each file is named by a digest of everything it was built from, so a
changed data file or module is never served stale; only the newest few files of each kind are
kept. A read-only home only means rebuilding each time.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
from collections.abc import Iterable
from pathlib import Path

KEEP = 4
"""How many files of one kind to keep (one per knowledge base: built-in, or with a user's actors file)."""


def cache_dir() -> Path:
    base = os.environ.get("WHIMBREL_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "whimbrel"


def digest(parts: Iterable[bytes | str]) -> str:
    """A short name for what a cached value was built from."""
    hashed = hashlib.sha1()
    for part in parts:
        hashed.update(part.encode() if isinstance(part, str) else part)
        hashed.update(b"\0")
    return hashed.hexdigest()[:20]


def load(kind: str, key: str) -> object | None:
    path = cache_dir() / f"{kind}-{key}.pickle"
    if not path.exists():
        return None
    collecting = gc.isenabled()
    gc.disable()  # unpickling creates many objects and no cycles: collection passes would only cost time
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    finally:
        if collecting:
            gc.enable()


def store(kind: str, key: str, value: object) -> None:
    """Write atomically (a partial file is never read), then prune older files of the same kind."""
    path = cache_dir() / f"{kind}-{key}.pickle"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
        older = sorted(path.parent.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in older[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: the value is simply rebuilt next time
