"""Shared fixtures: paths to the development data in ../shared and one loaded coder per session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_STORY = SHARED / "examples" / "dprk_russia_greetings.txt"
GUARDIAN_DOCS = SHARED / "gold" / "documents" / "guardian_docs_dev.jsonl"


@pytest.fixture(scope="session")
def coder():
    import whimbrel

    return whimbrel.get_coder()


@pytest.fixture(scope="session")
def seed_coded(coder):
    from whimbrel.ingest import read_inputs

    (article,) = list(read_inputs([str(SEED_STORY)]))
    return next(coder.code([article]))
