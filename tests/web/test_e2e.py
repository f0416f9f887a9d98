"""End to end in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright): the
overview, the question where Armenia gives 710 soldiers killed, a search for زنغلان, and a
document with its evidence highlighted. The store is built from the seeds by marsad's own
extractor; screenshots go to test-artifacts/e2e/ (gitignored)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "e2e"

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (/usr/bin/chromium)", allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

import httpx  # noqa: E402
import uvicorn  # noqa: E402
from conftest import build_seeds_store  # noqa: E402
from web_kit import ZANGILAN, arm_710  # noqa: E402

from marsad.serve import create_app  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """uvicorn serving the seeds store on a free loopback port, in a thread, for this module."""
    db = str(tmp_path_factory.mktemp("e2e") / "seeds.db")
    build_seeds_store(db)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[object]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        tab = browser.new_page(viewport={"width": 1280, "height": 900}, base_url=server)
        yield tab
        browser.close()


def _shot(page: object, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def test_overview_question_search_document(server: str, page: object) -> None:
    expect = playwright.expect
    page.goto("/")
    expect(page.locator("h1")).to_have_text("Overview")
    expect(page.locator("text=Nagorno-Karabakh").first).to_be_visible()
    _shot(page, "1-overview")

    with httpx.Client(base_url=server) as api:
        question = arm_710(api)
    page.goto("/questions?kind=killed&item=soldiers&actor=ARM")
    page.click(f'a[href="/questions/{question["id"]}"]')
    expect(page.locator("h1")).to_contain_text("Armenian soldiers killed")
    table = page.locator("table.side-by-side")
    expect(table.locator("thead th", has_text="ARM")).to_be_visible()
    expect(table).to_contain_text("710")
    expect(page.locator("p.evidence mark", has_text="710").first).to_be_visible()
    assert page.locator("p.evidence").first.get_attribute("dir") == "rtl"
    _shot(page, "2-question-arm-710")

    page.fill("form.search input[name=q]", ZANGILAN)
    page.press("form.search input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    expect(page.locator("ol.results mark").first).to_have_text(ZANGILAN)
    _shot(page, "3-search")

    page.locator("ol.results li a").first.click()
    page.wait_for_url("**/documents/*")
    marks = page.locator("article.text mark")
    expect(marks.first).to_be_visible()
    assert marks.count() >= 1
    assert page.locator("article.text").get_attribute("dir") == "rtl"
    page.locator("article.text a.ev").first.click()
    assert "#claim-" in page.url
    expect(page.locator("tr:target")).to_be_visible()
    _shot(page, "4-document")
