"""A real browser (Debian's headless Chromium, driven by Playwright) through overview -> dyad ->
event -> document: the chart draws and the evidence is highlighted. .ci/run installs chromium."""

from __future__ import annotations

import shutil
import socket
import threading
import time

import pytest
from conftest import REPO
from typer.testing import CliRunner

from whimbrel.cli import app as cli

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from whimbrel.web import create_app

    folder = tmp_path_factory.mktemp("browser")
    db = folder / "w.duckdb"
    result = CliRunner().invoke(cli, ["ingest", str(REPO / "whimbrel" / "data" / "samples"), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.1)
    assert uv.started, "server did not start"
    yield f"http://127.0.0.1:{port}", folder
    uv.should_exit = True
    thread.join(timeout=10)


def test_overview_dyad_event_document_in_a_browser(server):
    from playwright.sync_api import sync_playwright

    base, folder = server
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(base + "/")
        page.wait_for_selector(".main-svg")  # Plotly drew the timeline
        page.click("a[href^='/dyad/']")
        page.wait_for_url("**/dyad/**")
        page.wait_for_selector(".main-svg")
        assert page.locator("td .hl.trigger, .hl.trigger").count() > 0
        assert page.locator(".hl.actor").count() > 0
        page.screenshot(path=str(folder / "dyad.png"), full_page=True)
        page.click("a[href^='/event/']")
        page.wait_for_url("**/event/**")
        assert page.locator(".evidence .hl.trigger").count() == 1
        page.click("a[href^='/document/']")
        page.wait_for_url("**/document/**")
        assert page.locator(".hl.mention").count() > 3 and page.locator(".hl.trigger").count() > 0
        browser.close()
    assert (folder / "dyad.png").stat().st_size > 10_000
