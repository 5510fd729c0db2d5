"""Coding on a Dask cluster into Parquet partitions, loading them into DuckDB, and resumable output.

The cluster is a real LocalCluster of two worker processes, the input the development gold set;
the resume test SIGKILLs a real ``python -m whimbrel.cli`` mid-run and reruns it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from itertools import islice

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import REPO, SHARED
from typer.testing import CliRunner

from whimbrel.cli import app
from whimbrel.distributed import MARKER, batch_key, code_partition, read_events
from whimbrel.ingest import read_inputs
from whimbrel.models import CodedDocument, ReadError
from whimbrel.store import SCHEMAS, Store

GOLD = SHARED / "gold" / "plover_gsr_dev.jsonl"
REUTERS = SHARED / "corpora" / "reuters21578_politics_subset.jsonl"
TABLES = ("documents", "actors", "mentions", "events", "quotes")


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def lines_of(coder, inputs: list[str]) -> list[str]:
    """What a plain single-process `whimbrel code` writes for these inputs."""
    return [json.dumps(e.to_record(), ensure_ascii=False) + "\n"
            for d in coder.code(read_inputs(inputs)) if isinstance(d, CodedDocument) for e in d.events]


@pytest.fixture(scope="module")
def bad_input(tmp_path_factory):
    path = tmp_path_factory.mktemp("bad") / "bad.jsonl"
    path.write_text('{"id": "no-text"}\nnot json\n', encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cluster_run(tmp_path_factory, bad_input):
    """One `whimbrel code --dask local:2` run over the gold set plus two unreadable records."""
    root = tmp_path_factory.mktemp("cluster")
    parts, out = root / "parts", root / "events.jsonl"
    result = invoke("code", str(GOLD), str(bad_input), "--dask", "local:2", "--parquet-dir", str(parts),
                    "-o", str(out), "--quiet")
    return result, parts, out


def test_cluster_events_equal_single_process_output(cluster_run, coder, bad_input):
    result, parts, out = cluster_run
    assert result.exit_code == 0, result.output
    expected = lines_of(coder, [str(GOLD), str(bad_input)])
    assert len(expected) > 100
    by_id = lambda records: sorted(records, key=lambda r: (r["event_id"], json.dumps(r, sort_keys=True)))
    expected_records = [json.loads(line) for line in expected]
    got_lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    assert by_id([json.loads(line) for line in got_lines]) == by_id(expected_records)
    assert got_lines == expected  # input order is kept too
    assert by_id(read_events(parts)) == by_id(expected_records)  # and the partitions hold the same events


def test_cluster_run_accounts_for_every_record(cluster_run, bad_input):
    result, _, _ = cluster_run
    assert f"skipped {bad_input}:1: no 'text' string in the record" in result.output
    assert f"skipped {bad_input}:2: malformed JSON" in result.output
    records = sum(1 for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip())
    assert f"{records + 2} records, {records} coded, " in result.output
    assert "2 skipped (1 no 'text' string in the record, 1 malformed JSON)" in result.output


def test_partitions_have_the_store_schemas(cluster_run):
    _, parts, _ = cluster_run
    assert (parts / MARKER).is_file()
    events = sorted(parts.glob("part-*.parquet"))
    assert len(events) >= 2
    for path in events:
        assert pq.read_schema(path).equals(SCHEMAS["events"])
        for name in ("documents", "actors", "mentions", "quotes"):
            schema = pq.read_schema(parts / name / path.name)
            assert schema.names == SCHEMAS[name].names
            for field in SCHEMAS[name]:  # Parquet keeps timestamps in ms at the least; the rest is exact
                read = schema.field(field.name).type
                assert read == field.type or (pa.types.is_timestamp(read) and pa.types.is_timestamp(field.type))
    keys = (parts / MARKER).read_text().split()
    assert sorted(f"part-{k}.parquet" for k in keys) == [p.name for p in events]


def test_ingest_partitions_is_idempotent_and_matches_local_ingest(cluster_run, coder, tmp_path):
    _, parts, _ = cluster_run
    db = tmp_path / "parts.duckdb"
    first = invoke("ingest", str(parts), "--db", str(db), "--quiet")
    assert first.exit_code == 0, first.output
    with Store(db) as store:
        counts = store.counts()
    second = invoke("ingest", str(parts), "--db", str(db), "--quiet")
    assert second.exit_code == 0, second.output
    assert ", 0 coded, 0 events, " in second.output and "already stored" in second.output
    with Store(db) as store:
        assert store.counts() == counts
        loaded = _table_rows(store)

    with Store(tmp_path / "local.duckdb") as store:  # what `whimbrel ingest GOLD` stores
        documents = [d for d in coder.code(read_inputs([str(GOLD)])) if isinstance(d, CodedDocument)]
        for start in range(0, len(documents), 64):
            store.add(documents[start:start + 64])
        assert store.counts() == counts
        assert _table_rows(store) == loaded
    assert counts["documents"] > 100 and counts["events"] > 100


def _table_rows(store) -> dict[str, list]:
    rows = {}
    for table in TABLES:
        columns = ", ".join(f'"{f.name}"' for f in SCHEMAS[table] if f.name != "ingested_at")
        rows[table] = sorted(map(repr, store.con.execute(f"SELECT {columns} FROM {table}").fetchall()))
    return rows


def test_rerun_of_a_batch_overwrites_its_partition(coder, tmp_path):
    items = list(islice(read_inputs([str(GOLD)]), 5)) + [ReadError("x.jsonl:9", "malformed JSON: test")]
    key = batch_key(items)
    assert key == batch_key(list(items)) and key != batch_key(items[1:])
    first = code_partition(items, {}, str(tmp_path), key)
    files = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.parquet"))
    second = code_partition(items, {}, str(tmp_path), key)
    assert first == second and first["coded"] == 5 and first["errors"] == [("x.jsonl:9", "malformed JSON: test")]
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.parquet")) == files
    assert len(files) == 5 and not list(tmp_path.rglob("*.tmp"))


def test_resume_after_sigkill_loses_and_repeats_nothing(coder, tmp_path):
    source = tmp_path / "reuters.jsonl"
    with REUTERS.open(encoding="utf-8") as handle:
        source.write_text("".join(islice(handle, 150)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "whimbrel.cli", "code", str(source), "-o", str(out), "--resume", "--quiet"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    process = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 25:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    written = out.read_bytes().count(b"\n")
    with out.open("ab") as handle:  # as if the kill had landed in the middle of a line
        handle.write(b'{"event_id": "half a rec')

    expected = lines_of(coder, [str(source)])
    assert 25 <= written < len(expected)

    rerun = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert "already stored" in rerun.stderr
    got = out.read_text(encoding="utf-8").splitlines(keepends=True)
    assert got == expected
    ids = [json.loads(line)["event_id"] for line in got]
    assert len(ids) == len(set(ids))


def test_resume_refuses_an_output_it_has_no_record_of(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"event_id": "old"}\n', encoding="utf-8")
    result = invoke("code", str(GOLD), "-o", str(out), "--resume", "--quiet")
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == '{"event_id": "old"}\n'
    assert invoke("code", str(GOLD), "--resume", "--quiet").exit_code == 2  # needs -o
    assert invoke("code", str(GOLD), "--dask", "local:1", "--quiet").exit_code == 2  # needs --parquet-dir
