"""Readers: each input type, the crawler preamble, and bad input turned into per-record errors."""

from __future__ import annotations

import io
import json
import sys

from conftest import GUARDIAN_DOCS, SEED_STORY

from whimbrel.ingest import read_inputs
from whimbrel.ingest.preamble import split_preamble
from whimbrel.models import Article, ReadError

STORY = (
    "Kenya and Uganda agreed on Tuesday to reopen their shared border crossing, officials in Nairobi said. "
    "The two governments had closed the crossing last year after a dispute over trade tariffs."
)


def test_text_file_preamble_gives_date_wire_and_dateline_and_keeps_them_out_of_the_story():
    (article,) = list(read_inputs([str(SEED_STORY)]))
    assert isinstance(article, Article)
    assert article.doc_id == "dprk_russia_greetings"
    assert article.date == "2025-12-26"
    assert (article.distributor, article.wire) == ("MENAFN", "IANS")
    assert (article.dateline_place, article.dateline_date) == ("Seoul", "Dec 27")
    assert article.text.startswith("Seoul, Dec 27 (IANS) North Korean leader")
    assert "MENAFN" not in article.text and "date 2025" not in article.text
    raw = SEED_STORY.read_text(encoding="utf-8")
    assert raw[article.text_offset :].startswith(article.text[:50])


def test_date_marker_alone_on_first_line():
    preamble = split_preamble("date 2024-03-05\n\nNAIROBI, March 4 (Reuters) - " + STORY)
    assert preamble.marker_date == "2024-03-05"
    assert preamble.dateline_place == "Nairobi" and preamble.wire == "Reuters"
    assert preamble.text.startswith("NAIROBI, March 4")


def test_ordinary_first_sentence_is_not_a_dateline():
    assert split_preamble(STORY).dateline_place is None


def test_jsonl_records_with_metadata():
    articles = list(read_inputs([str(GUARDIAN_DOCS)]))
    assert len(articles) == 10 and all(isinstance(a, Article) for a in articles)
    assert articles[0].doc_id == "guardian-sdf-763" and articles[0].date == "2017-09-01"
    assert articles[0].origin.endswith("guardian_docs_dev.jsonl:1")


def test_html_page_main_text_and_metadata(tmp_path):
    page = tmp_path / "kenya.html"
    page.write_text(
        "<html><head><title>Kenya and Uganda reopen border</title>"
        '<meta property="article:published_time" content="2024-03-05"></head><body>'
        "<nav>Home | World | Sport</nav><article><h1>Kenya and Uganda reopen border</h1>"
        f"<p>{STORY}</p><p>{STORY}</p></article><footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    (article,) = list(read_inputs([str(page)]))
    assert isinstance(article, Article)
    assert "Kenya and Uganda agreed" in article.text and "Home | World" not in article.text
    assert article.title == "Kenya and Uganda reopen border"
    assert article.date == "2024-03-05"


def test_rss_feed_entries(tmp_path):
    feed = tmp_path / "world.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>World wire</title>'
        f"<item><title>Border deal</title><link>https://example.org/a</link><description>{STORY}</description>"
        "<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"
        "<item><title>Empty</title><link>https://example.org/b</link></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    first, second = list(read_inputs([str(feed)]))
    assert isinstance(first, Article) and first.date == "2024-03-05" and first.url == "https://example.org/a"
    assert isinstance(second, ReadError) and "entry2" in second.origin


def test_directories_globs_and_stdin(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(STORY.replace("Tuesday", "Monday"), encoding="utf-8")
    assert [a.doc_id for a in read_inputs([str(tmp_path)])] == ["a", "b"]
    assert [a.doc_id for a in read_inputs([str(tmp_path / "*.txt")])] == ["a"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps({"id": "s1", "text": STORY}).encode())))
    assert [a.doc_id for a in read_inputs(["-"])] == ["s1"]


def test_bad_inputs_each_get_a_clear_error_and_the_batch_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "latin1.txt").write_bytes(STORY.replace("Uganda", "Ugandá").encode("latin-1"))
    (tmp_path / "french.txt").write_text(
        "Le gouvernement du Kenya et celui de l'Ouganda ont convenu mardi de rouvrir leur poste frontière "
        "commun, selon des responsables à Nairobi, après une dispute sur les droits de douane.",
        encoding="utf-8",
    )
    (tmp_path / "nothing.html").write_text("<html><body><nav>menu</nav></body></html>", encoding="utf-8")
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    lines = [json.dumps({"id": "ok", "text": STORY}), "{not json", json.dumps({"id": "x"}), json.dumps([1, 2])]
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_inputs([str(tmp_path)]))
    errors = {r.origin.rsplit("/", 1)[-1]: r.reason for r in results if isinstance(r, ReadError)}
    good = sorted(r.doc_id for r in results if isinstance(r, Article))
    assert good == ["good", "ok"]
    assert errors["empty.txt"] == "empty file"
    assert "binary" in errors["binary.txt"]
    assert "not UTF-8" in errors["latin1.txt"]
    assert "English" in errors["french.txt"]
    assert "no article text" in errors["nothing.html"]
    assert "malformed JSON" in errors["mixed.jsonl:2"]
    assert "'text'" in errors["mixed.jsonl:3"]
    assert "JSON object" in errors["mixed.jsonl:4"]
    assert len(results) == 10  # six files and four JSON lines: every record accounted for


def test_huge_file_is_refused_with_its_size(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.seek(70 * 2**20)
        handle.write(b"end")
    (error,) = list(read_inputs([str(huge)]))
    assert isinstance(error, ReadError) and "too large" in error.reason and "huge.txt" in error.origin


def test_fifty_megabyte_article_text_is_refused_per_record(tmp_path):
    record = {"id": "big", "text": STORY * (50 * 2**20 // len(STORY))}
    (tmp_path / "big.jsonl").write_text(json.dumps(record) + "\n" + json.dumps({"id": "ok", "text": STORY}) + "\n")
    big, ok = list(read_inputs([str(tmp_path / "big.jsonl")]))
    assert isinstance(big, ReadError) and "too long" in big.reason and big.origin.endswith("big.jsonl:1")
    assert isinstance(ok, Article)


def test_missing_path_is_an_error_not_a_crash():
    (error,) = list(read_inputs(["/no/such/file.txt"]))
    assert error.reason == "no such file or directory"


def test_a_first_sentence_with_an_abbreviation_in_parentheses_is_no_dateline():
    text = "The Asia-Pacific Economic Cooperation (APEC) forum agreed to set up an energy centre."
    assert split_preamble(text).dateline_place is None
    assert split_preamble("WASHINGTON (AP) - " + text).dateline_place == "Washington"
