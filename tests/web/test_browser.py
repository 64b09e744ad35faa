"""The reading room in a real browser (Debian's Chromium driven by Playwright), JavaScript off."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.support.server import Server, free_port, ingest_reference, start_server

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    not os.environ.get("CI") and not Path(CHROMIUM).exists(),
    reason=f"no {CHROMIUM}: apt-get install chromium (CI installs it and never skips)",
)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """The reference record served by ``memcon serve`` on a free loopback port."""
    folder = Path(tempfile.mkdtemp(prefix="memcon-browser-"))
    db = str(folder / "browser.sqlite3")
    ingest_reference(db, folder)
    server: Server = start_server(db, folder, free_port())
    try:
        yield server.wait_until_serving()
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """A headless Chromium."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def requested() -> list[str]:
    """The URLs the page requests, in order."""
    return []


@pytest.fixture
def page(browser: Browser, requested: list[str]) -> Iterator[Page]:
    """A fresh page with JavaScript off that records every request it makes."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.on("request", lambda request: requested.append(request.url))
    try:
        yield page
    finally:
        context.close()


def test_a_reader_goes_from_the_home_page_to_a_transcript(page: Page, site: str) -> None:
    page.goto(site)
    page.get_by_role("link", name="Record of a Meeting Between T.V. Soong and Stalin").click()
    assert page.locator("h1").inner_text() == "Record of a Meeting Between T.V. Soong and Stalin"
    assert page.locator(".turn").count() == 173
    assert page.locator(".turn .speaker", has_text="Stalin").count() == 78
    assert page.locator(".stage").count() == 2


def test_a_turn_link_scrolls_the_turn_into_view(page: Page, site: str) -> None:
    page.set_viewport_size({"width": 1000, "height": 700})
    page.goto(site.rstrip("/") + "/documents/1945-08-10-soong-stalin#t120")
    box = page.locator("#t120").bounding_box()
    assert box is not None and 0 <= box["y"] < 700
    assert page.locator("#t120 .speaker").inner_text() in {"Stalin", "Soong", "Wang", "Molotov"}


def test_the_search_form_finds_what_stalin_said_about_dairen(page: Page, site: str) -> None:
    page.goto(site.rstrip("/") + "/search")
    page.fill("#q", "Dairen")
    page.fill("#speaker", "Stalin")
    page.locator("form.search-form").locator("button, input[type=submit]").first.click()
    hits = page.locator("li.hit")
    assert hits.count() == 4
    assert page.locator("li.hit mark").first.inner_text() == "Dairen"
    hits.first.locator(".hit-turn a").click()
    assert "/documents/1945-08-10-soong-stalin#t" in page.url


def test_pages_load_nothing_from_outside_the_site(page: Page, site: str,
                                                  requested: list[str]) -> None:
    page.goto(site.rstrip("/") + "/documents/1945-08-10-soong-stalin")
    page.goto(site.rstrip("/") + "/search?q=Dairen")
    assert any(url.endswith(".css") for url in requested), requested
    assert all(url.startswith(site.rstrip("/")) for url in requested), requested
