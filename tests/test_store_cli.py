"""The DuckDB store and the CLI verbs, end to end on real text through the real model."""

from __future__ import annotations

import json

import duckdb
import pyarrow.parquet as pq
import pytest
from conftest import GUARDIAN_DOCS, SEED_STORY
from typer.testing import CliRunner

import whimbrel
from whimbrel.cli import app

runner = CliRunner()


def invoke(*args: str):
    result = runner.invoke(app, list(args))
    return result


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("db") / "w.duckdb"
    result = invoke("ingest", str(SEED_STORY), str(GUARDIAN_DOCS), "--db", str(db), "--quiet")
    assert result.exit_code == 0, result.output
    return db


def event_count(db) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT count(*) FROM events").fetchone()[0]


def test_code_writes_event_records_with_the_full_schema(tmp_path):
    out = tmp_path / "seed.jsonl"
    result = invoke("code", str(SEED_STORY), "-o", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(events) >= 3
    required = {
        "event_id", "doc_id", "event_type", "mode", "context", "cameo", "goldstein", "quad_class", "actor",
        "recipient", "trigger", "sentence", "sentence_index", "offsets", "event_date", "date_text", "story_date",
        "location", "reported_by", "realis", "confidence",
    }
    for event in events:
        assert required <= set(event)
        assert event["doc_id"] == "dprk_russia_greetings" and event["story_date"] == "2025-12-26"
        for side in ("actor", "recipient"):
            for ref in event[side]:
                assert set(ref) >= {"text", "name", "code", "sector"}
    pairs = {(a["code"], r["code"]) for e in events for a in e["actor"] for r in e["recipient"]}
    assert ("PRK", "RUS") in pairs and ("RUS", "PRK") in pairs
    assert "1 records, 1 coded" in result.output


def test_event_ids_are_stable_across_runs(tmp_path):
    ids = []
    for name in ("a.jsonl", "b.jsonl"):
        invoke("code", str(SEED_STORY), "-o", str(tmp_path / name), "--quiet")
        ids.append([json.loads(l)["event_id"] for l in (tmp_path / name).read_text().splitlines()])
    assert ids[0] == ids[1] and len(set(ids[0])) == len(ids[0])


def test_ingest_twice_adds_nothing(seeded_db):
    before = event_count(seeded_db)
    assert before > 0
    result = invoke("ingest", str(SEED_STORY), "--db", str(seeded_db), "--quiet")
    assert result.exit_code == 0 and "1 already stored" in result.output
    assert event_count(seeded_db) == before
    with duckdb.connect(str(seeded_db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 11


def test_events_query_filters(seeded_db):
    result = invoke("events", "--db", str(seeded_db), "--actor", "PRK", "--recipient", "RUS", "--format", "jsonl")
    assert result.exit_code == 0
    rows = [json.loads(l) for l in result.stdout.splitlines()]
    assert rows and all("PRK" in r["actor_country"] and "RUS" in r["recipient_country"] for r in rows)
    table = invoke("events", "--db", str(seeded_db), "--type", "ASSAULT", "--since", "2017-01-01", "--until", "2019-12-31")
    assert table.exit_code == 0 and "ASSAULT" in table.stdout


def test_export_formats_and_layouts(seeded_db, tmp_path):
    n = event_count(seeded_db)
    parquet = tmp_path / "e.parquet"
    assert invoke("export", "--db", str(seeded_db), "--format", "parquet", "-o", str(parquet)).exit_code == 0
    assert pq.read_table(parquet).num_rows == n
    csv_out = invoke("export", "--db", str(seeded_db), "--format", "csv", "--columns", "gdelt")
    header = csv_out.stdout.splitlines()[0].split(",")
    assert {"GLOBALEVENTID", "SQLDATE", "Actor1CountryCode", "EventCode", "GoldsteinScale", "QuadClass"} <= set(header)
    jsonl = invoke("export", "--db", str(seeded_db), "--format", "jsonl", "--columns", "polecat")
    rows = [json.loads(l) for l in jsonl.stdout.splitlines()]
    assert len(rows) == n and {"actor_country", "recipient_sector", "event_type"} <= set(rows[0])
    missing = invoke("export", "--db", str(seeded_db), "--format", "parquet")
    assert missing.exit_code != 0


def test_bad_inputs_in_a_batch_are_reported_and_the_run_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bad.jsonl").write_text('{"id": "1", "text": "Russia attacked Ukraine on Monday."}\n{oops\n')
    out = tmp_path / "out.jsonl"
    result = invoke("code", str(tmp_path), "-o", str(out), "--quiet")
    assert result.exit_code == 0
    assert "empty.txt: empty file" in result.output and "bad.jsonl:2: malformed JSON" in result.output
    assert "3 records, 1 coded" in result.output and "2 skipped" in result.output


def test_nothing_readable_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = invoke("code", str(tmp_path / "empty.txt"), "--quiet")
    assert result.exit_code == 1 and "0 coded" in result.output


def test_querying_a_missing_database_is_a_clear_error(tmp_path):
    result = invoke("events", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code != 0 and "no Whimbrel database" in str(result.exception or result.output)


def test_demo_codes_the_bundled_samples(tmp_path):
    db = tmp_path / "demo.duckdb"
    result = invoke("demo", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "Events per dyad and type" in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        documents, types = con.execute("SELECT count(DISTINCT doc_id), count(DISTINCT event_type) FROM events").fetchone()
    assert documents >= 6 and types >= 8


def test_default_jobs_use_all_cores_only_for_big_inputs(tmp_path):
    from whimbrel.parallel import AUTO, choose_jobs, default_jobs

    small = tmp_path / "small.jsonl"
    small.write_text('{"id": "1", "text": "Russia attacked Ukraine."}\n')
    big = tmp_path / "big.jsonl"
    big.write_bytes(b" " * (5 * 2**20))
    assert choose_jobs(AUTO, [str(small)]) == 1
    assert choose_jobs(AUTO, [str(tmp_path)]) == default_jobs()
    assert choose_jobs(0, [str(small)]) == default_jobs() and choose_jobs(3, [str(big)]) == 3


def test_worker_processes_give_the_same_events(tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert invoke("code", str(GUARDIAN_DOCS), "-o", str(one), "-q", "--jobs", "1").exit_code == 0
    assert invoke("code", str(GUARDIAN_DOCS), "-o", str(two), "-q", "--jobs", "2").exit_code == 0
    assert one.read_text() == two.read_text() and one.stat().st_size > 0


def test_a_database_of_an_earlier_version_gains_the_new_columns(tmp_path):
    from whimbrel.store import Store

    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.con.execute("ALTER TABLE events DROP COLUMN planned_date")  # as an earlier version made it
    with Store(path) as store:
        store.add(list(whimbrel.code_documents([{"id": "r1", "text": SEED_STORY.read_text(), "date": "2025-12-26"}])))
        columns = {row[0] for row in store.con.execute("DESCRIBE events").fetchall()}
        assert "planned_date" in columns and store.counts()["events"] >= 3
