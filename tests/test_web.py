"""The web app (`whimbrel serve`): every page and API route on a database built by the real pipeline."""

from __future__ import annotations

import csv
import io
import json
import re
import warnings

import duckdb
import pytest
from conftest import REPO, SEED_STORY
from typer.testing import CliRunner

from whimbrel.cli import app as cli

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SAMPLES = REPO / "whimbrel" / "data" / "samples"
HOSTILE = {
    "id": "hostile-1",
    "title": "Talks <b>collapse</b> <script>alert(1)</script>",
    "date": "2025-03-04",
    "source": "Test <i>Wire</i>",
    "text": ("MOSCOW <img src=x onerror=alert(2)> Russia attacked Ukraine on Monday <script>alert(1)</script>, "
             "the Ukrainian defence ministry said. Officials in Kyiv said the <b>strike</b> hit an energy plant. "
             "The United States condemned Russia for the attack on Tuesday."),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    path = folder / "w.duckdb"
    result = CliRunner().invoke(cli, ["ingest", str(SEED_STORY), str(SAMPLES), str(hostile), "--db", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def client(db):
    from whimbrel.web import create_app

    with TestClient(create_app(db), raise_server_exceptions=True) as c:
        yield c


def sql(db, query, params=()):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(query, list(params)).fetchall()


def events_between(db, a, b):
    return sql(db, """SELECT count(*) FROM events WHERE (list_contains(actor_codes, ?) AND list_contains(recipient_codes, ?))
                      OR (list_contains(actor_codes, ?) AND list_contains(recipient_codes, ?))""", [a, b, b, a])[0][0]


# --- the app and the server ---------------------------------------------------------------------


def test_create_app_opens_the_database_read_only(db, tmp_path):
    from whimbrel.web import create_app

    web = create_app(db)
    with pytest.raises(duckdb.Error):
        web.state.store.con.execute("DELETE FROM events")
    web.state.store.close()
    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "missing.duckdb")


def test_serve_runs_uvicorn_on_localhost_by_default(db, monkeypatch):
    import inspect

    import uvicorn

    from whimbrel import web

    calls = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.update(app=app, **kw))
    web.serve(db)
    assert calls["host"] == "127.0.0.1" and calls["port"] == 8765
    assert calls["app"].title == "Whimbrel"
    assert inspect.signature(web.serve).parameters["host"].default == "127.0.0.1"
    calls.update(host=None)
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", "9123"])
    assert result.exit_code == 0, result.output
    assert calls["host"] == "127.0.0.1" and calls["port"] == 9123


# --- overview ------------------------------------------------------------------------------------


def test_overview_page_and_api(client, db):
    total = sql(db, "SELECT count(*) FROM events")[0][0]
    api = client.get("/api/overview").json()
    assert api["events"] == total
    assert sum(r["events"] for r in api["timeline"]) + api["not_on_timeline"] == total
    dyads = {(d["actor"], d["recipient"]): d["events"] for d in api["top_dyads"]}
    assert dyads[("PRK", "RUS")] >= 1 and ("RUS", "PRK") in dyads
    assert {t["event_type"] for t in api["event_types"]} == {r[0] for r in sql(db, "SELECT DISTINCT event_type FROM events")}
    assert any(a["code"] == "RUS" for a in api["top_actors"])
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '/dyad/PRK/RUS' in page.text and "Top actors" in page.text and "Event types" in page.text
    assert '<script src="/vendor/plotly.min.js"' in page.text
    spec = json.loads(re.search(r'id="overview-chart-spec">(.*?)</script>', page.text, re.S).group(1))
    assert [t["name"] for t in spec["data"]] == ["verbal cooperation", "material cooperation", "verbal conflict",
                                                 "material conflict"]


def test_overview_filters(client, db):
    future = sql(db, "SELECT count(*) FROM events WHERE realis = 'future'")[0][0]
    assert client.get("/api/overview", params={"realis": "future"}).json()["events"] == future
    later = sql(db, "SELECT count(*) FROM events WHERE coalesce(event_date, story_date) >= '2025-06-01'")[0][0]
    api = client.get("/api/overview", params={"since": "2025-06-01"}).json()
    assert api["events"] == later and api["filter"]["since"] == "2025-06-01"
    assert client.get("/api/overview", params={"since": "2099-01-01"}).json()["events"] == 0
    assert client.get("/", params={"since": "2099-01-01", "until": "2099-12-31", "realis": "asserted"}).status_code == 200


# --- dyads ---------------------------------------------------------------------------------------


def test_dyad_api_shows_both_directions(client, db):
    api = client.get("/api/dyad/PRK/RUS").json()
    assert api["events"] == events_between(db, "PRK", "RUS") > 0
    assert {r["direction"] for r in api["timeline"]} == {"ab", "ba"}
    for row in api["rows"]:
        assert "PRK" in row["actor_codes"] + row["recipient_codes"]
        assert "RUS" in row["actor_codes"] + row["recipient_codes"]
    assert client.get("/api/dyad/prk/rus").json()["events"] == api["events"]  # codes are case-insensitive
    two = client.get("/api/dyad/PRK/RUS", params={"per_page": 2, "page": 2}).json()
    assert two["page"] == 2 and len(two["rows"]) == min(2, api["events"] - 2)
    assert two["rows"][0]["event_id"] == api["rows"][2]["event_id"]


def test_dyad_page_highlights_the_evidence_by_offsets(client, db):
    page = client.get("/dyad/PRK/RUS")
    assert page.status_code == 200
    event_id, trigger, start, end, sentence = sql(db, """
        SELECT event_id, trigger, trigger_start, trigger_end, sentence FROM events
        WHERE list_contains(actor_codes, 'PRK') AND list_contains(recipient_codes, 'RUS') LIMIT 1""")[0]
    assert f'href="/event/{event_id}"' in page.text
    assert re.search(r'<mark class="hl trigger" title="trigger: [A-Z]+[^"]*">' + re.escape(trigger) + "</mark>", page.text)
    assert '<mark class="hl actor"' in page.text and '<mark class="hl recipient"' in page.text
    assert "/document/dprk_russia_greetings" in page.text
    assert "Korean Central News Agency" in page.text  # the reported_by chain
    spec = json.loads(re.search(r'id="dyad-chart-spec">(.*?)</script>', page.text, re.S).group(1))
    names = [t["name"] for t in spec["data"]]
    assert any(n.startswith("PRK→RUS") for n in names) and any(n.startswith("RUS→PRK") for n in names)
    assert "PRK→RUS mean Goldstein" in names


def test_evidence_segments_follow_the_stored_offsets():
    from whimbrel.web.data import evidence

    row = {"sentence": "Russia attacked Ukraine.", "doc_sentence": "Russia attacked Ukraine.", "sentence_start": 100,
           "trigger_start": 107, "trigger_end": 115, "event_type": "ASSAULT", "mode": None,
           "actor": [{"text": "Russia", "name": "Russia", "code": "RUS", "sector": None, "start": 100, "end": 106}],
           "recipient": [{"text": "Ukraine", "name": "Ukraine", "code": "UKR", "sector": None, "start": 116, "end": 123},
                         {"text": "elsewhere", "name": "X", "code": "XXX", "sector": None, "start": 5, "end": 9}]}
    runs = [(s["text"], s["kinds"]) for s in evidence(row)]
    assert runs == [("Russia", ["actor"]), (" ", []), ("attacked", ["trigger"]), (" ", []), ("Ukraine", ["recipient"]),
                    (".", [])]


# --- event search and downloads --------------------------------------------------------------------


def test_events_search_filters(client, db):
    api = client.get("/api/events", params={"actor": "PRK", "recipient": "RUS"}).json()
    expected = sql(db, "SELECT count(*) FROM events WHERE list_contains(actor_codes, 'PRK') AND list_contains(recipient_codes, 'RUS')")
    assert api["total"] == expected[0][0] > 0
    assert all("PRK" in r["actor_codes"] and "RUS" in r["recipient_codes"] for r in api["rows"])
    support = client.get("/api/events", params={"type": "support"}).json()
    assert support["total"] > 0 and {r["event_type"] for r in support["rows"]} == {"SUPPORT"}
    mode, count = sql(db, "SELECT mode, count(*) FROM events WHERE mode IS NOT NULL GROUP BY mode ORDER BY 2 DESC LIMIT 1")[0]
    by_mode = client.get("/api/events", params={"mode": mode}).json()
    assert by_mode["total"] == count and {r["mode"] for r in by_mode["rows"]} == {mode}
    text = client.get("/api/events", params={"q": "greetings"}).json()
    assert text["total"] > 0 and all("greetings" in r["sentence"].lower() for r in text["rows"])
    dated = client.get("/api/events", params={"since": "2025-12-01", "until": "2025-12-31", "realis": "asserted"}).json()
    assert dated["total"] > 0
    for r in dated["rows"]:
        assert "2025-12" <= (r["event_date"] or r["story_date"]) < "2026" and r["realis"] == "asserted"


def test_events_pagination(client, db):
    total = sql(db, "SELECT count(*) FROM events")[0][0]
    first = client.get("/api/events", params={"per_page": 5}).json()
    second = client.get("/api/events", params={"per_page": 5, "page": 2}).json()
    assert first["total"] == total and first["pages"] == -(-total // 5)
    assert len(first["rows"]) == 5 and len(second["rows"]) == 5
    assert not {r["event_id"] for r in first["rows"]} & {r["event_id"] for r in second["rows"]}
    everything = client.get("/api/events", params={"per_page": 200}).json()
    assert [r["event_id"] for r in everything["rows"]][:10] == [r["event_id"] for r in first["rows"] + second["rows"]]
    beyond = client.get("/api/events", params={"page": 999}).json()
    assert beyond["rows"] == [] and beyond["total"] == total
    page = client.get("/events", params={"per_page": 2, "page": 2, "actor": "RUS"})
    assert page.status_code == 200 and "page 2 of" in page.text and "next →" in page.text


def test_events_page_links_to_the_same_result_as_downloads(client):
    page = client.get("/events", params={"actor": "PRK", "type": "SUPPORT"})
    assert page.status_code == 200
    assert 'href="/events.csv?actor=PRK&amp;type=SUPPORT"' in page.text
    assert 'href="/events.jsonl?actor=PRK&amp;type=SUPPORT"' in page.text


def test_downloads_match_whimbrel_export_polecat(client, db, tmp_path):
    for fmt in ("csv", "jsonl"):
        out = tmp_path / f"cli.{fmt}"
        result = CliRunner().invoke(cli, ["export", "--format", fmt, "-o", str(out), "--db", str(db), "--columns", "polecat",
                                          "--actor", "RUS"])
        assert result.exit_code == 0, result.output
        got = client.get(f"/events.{fmt}", params={"actor": "RUS"})
        assert got.status_code == 200 and "attachment" in got.headers["content-disposition"]
        assert got.content == out.read_bytes()
    rows = list(csv.DictReader(io.StringIO(client.get("/events.csv", params={"mode": "phone"}).text)))
    assert rows and {r["mode"] for r in rows} == {"phone"}
    header = client.get("/events.csv").text.splitlines()[0]
    assert header.startswith("event_id,story_date,event_date,date_granularity,event_type,mode,context,actor_name")
    lines = client.get("/events.jsonl").text.splitlines()
    assert len(lines) == sql(db, "SELECT count(*) FROM events")[0][0]


# --- one event, one document -------------------------------------------------------------------------


def test_event_page_and_api(client, db):
    event_id, doc_id, trigger = sql(db, "SELECT event_id, doc_id, trigger FROM events WHERE doc_id = 'dprk_russia_greetings' LIMIT 1")[0]
    api = client.get(f"/api/event/{event_id}").json()
    assert api["event_id"] == event_id and api["trigger"] == trigger and "content_hash" not in api
    assert {"actor", "recipient", "reported_by", "realis", "temporal_status", "sentence_start", "quotes"} <= set(api)
    page = client.get(f"/event/{event_id}")
    assert page.status_code == 200 and f'href="/document/{doc_id}"' in page.text
    assert "temporal_status" in page.text and f">{trigger}</mark>" in page.text


def test_document_page_and_api(client, db):
    api = client.get("/api/document/dprk_russia_greetings").json()
    mentions = sql(db, "SELECT count(*) FROM mentions WHERE doc_id = 'dprk_russia_greetings'")[0][0]
    assert len(api["mentions"]) == mentions > 0
    assert len(api["events"]) == sql(db, "SELECT count(*) FROM events WHERE doc_id = 'dprk_russia_greetings'")[0][0]
    assert api["actors"] and api["quotes"] and api["text"].startswith(api["text"][:20])
    page = client.get("/document/dprk_russia_greetings")
    assert page.status_code == 200
    assert page.text.count('class="hl mention') >= len({(m["start"], m["end"]) for m in api["mentions"]}) // 2
    for event in api["events"]:
        assert f'href="/event/{event["event_id"]}"' in page.text
    assert "Kim Jong-un" in page.text and "Quotes" in page.text
    by_hash = client.get(f"/api/document/{api['content_hash']}").json()
    assert by_hash["doc_id"] == "dprk_russia_greetings"


# --- docs and assets ---------------------------------------------------------------------------------


def test_openapi_and_local_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/overview", "/api/dyad/{a}/{b}", "/api/events", "/api/event/{event_id}", "/api/document/{doc_id}",
                 "/events.csv", "/events.jsonl"):
        assert path in spec["paths"], path
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text and "/openapi.json" in docs.text
    assert client.get("/redoc").status_code == 404


def test_no_page_loads_anything_from_another_host(client):
    for url in ("/", "/dyad/PRK/RUS", "/events", "/document/dprk_russia_greetings", "/docs"):
        html = client.get(url).text
        for src in re.findall(r'(?:src|href)="([^"]*)"', html):
            assert not src.startswith(("http:", "https:", "//")), (url, src)
    js = client.get("/vendor/plotly.min.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"] and len(js.content) > 1_000_000
    for asset in ("/static/charts.js", "/static/style.css"):
        assert client.get(asset).status_code == 200


# --- errors --------------------------------------------------------------------------------------------


BAD = [
    ("/api/events", {"since": "yesterday"}, "since"),
    ("/api/events", {"until": "2025-02-30"}, "until"),
    ("/api/events", {"realis": "maybe"}, "realis"),
    ("/api/events", {"type": "PARTY"}, "type"),
    ("/api/events", {"mode": "teleport"}, "mode"),
    ("/api/events", {"actor": "RUSSIA"}, "actor"),
    ("/api/events", {"recipient": "R1"}, "recipient"),
    ("/api/events", {"page": "-1"}, "page"),
    ("/api/events", {"page": "0"}, "page"),
    ("/api/events", {"page": "two"}, "page"),
    ("/api/events", {"per_page": "201"}, "per_page"),
    ("/api/events", {"since": "2025-06-01", "until": "2025-01-01"}, "after"),
    ("/api/events", {"q": "x" * 500}, "q"),
    ("/api/overview", {"since": "2025-1-1"}, "since"),
    ("/api/overview", {"realis": "ASSERTED!"}, "realis"),
    ("/api/dyad/PR/RUS", {}, "actor"),
    ("/api/dyad/PRK/RUSS", {}, "recipient"),
    ("/api/dyad/PRK/RUS", {"per_page": "0"}, "per_page"),
    ("/events.csv", {"since": "soon"}, "since"),
    ("/events.jsonl", {"type": "X"}, "type"),
]


@pytest.mark.parametrize(("url", "query", "word"), BAD)
def test_bad_api_parameters_answer_400_json(client, url, query, word):
    response = client.get(url, params=query)
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400 and word in body["error"]


@pytest.mark.parametrize("url", ["/", "/events", "/dyad/PRK/RUS"])
def test_bad_page_parameters_answer_400_html(client, url):
    response = client.get(url, params={"since": "<script>alert(1)</script>", "page": "1"})
    assert response.status_code == 400 and response.headers["content-type"].startswith("text/html")
    assert "since must be a date" in response.text
    assert "<script>alert" not in response.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert client.get(url, params={"realis": "perhaps"}).status_code == 400
    if url != "/":
        bad_page = client.get(url, params={"page": "-3"})
        assert bad_page.status_code == 400 and "page must be 1 or more" in bad_page.text


def test_unknown_ids_answer_404(client):
    for url in ("/event/0000000000000000", "/document/no-such-document", "/no/such/page"):
        response = client.get(url)
        assert response.status_code == 404 and response.headers["content-type"].startswith("text/html"), url
    for url in ("/api/event/0000000000000000", "/api/document/no-such-document"):
        response = client.get(url)
        assert response.status_code == 404 and "no " in response.json()["error"], url


def test_sql_metacharacters_are_just_values(client, db):
    total = sql(db, "SELECT count(*) FROM events")[0][0]
    assert client.get("/api/events", params={"q": "' OR 1=1 --"}).json()["total"] == 0
    assert client.get("/api/event/x' OR '1'='1").status_code == 404
    assert client.get("/api/document/x'; DROP TABLE events; --").status_code == 404
    assert sql(db, "SELECT count(*) FROM events")[0][0] == total


# --- escaping ------------------------------------------------------------------------------------------


def test_article_html_is_escaped_on_document_and_event_pages(client, db):
    rows = sql(db, "SELECT event_id FROM events WHERE doc_id = 'hostile-1' AND sentence LIKE '%<script>%'")
    assert rows, "the hostile article must give an event whose evidence holds the script tag"
    pages = [client.get("/document/hostile-1"), client.get(f"/event/{rows[0][0]}"),
             client.get("/events", params={"q": "script"}), client.get("/dyad/RUS/UKR")]
    for page in pages:
        assert page.status_code == 200
        assert "<script>alert" not in page.text and "<img src=x" not in page.text and "<b>" not in page.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    document = pages[0].text
    assert "&lt;img src=x onerror=alert(2)&gt;" in document and "&lt;b&gt;strike&lt;/b&gt;" in document
    assert "Talks &lt;b&gt;collapse&lt;/b&gt;" in document
    api = client.get("/api/document/hostile-1").json()
    assert "<script>alert(1)</script>" in api["text"]  # JSON keeps the text as stored
    overview = client.get("/")
    spec = re.search(r'id="overview-chart-spec">(.*?)</script>', overview.text, re.S).group(1)
    assert "</" not in spec
