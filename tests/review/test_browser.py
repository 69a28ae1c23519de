"""Real-browser tests: Playwright driving Debian's Chromium (apt package ``chromium``).

Never ``playwright install``: the browser is the system one at /usr/bin/chromium.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.review.service import Review
from pipeline.review.web import create_app
from pipeline.runner import Toolkit, process, read_articles
from pipeline.store import Store
from tests.conftest import ARTICLES

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
TOKEN = "browser-token"
XSS = "<script>document.title='pwned'</script>"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def serve() -> Iterator:
    """Start the review app for a store on 127.0.0.1; yield a function store -> base URL."""
    import uvicorn

    servers = []

    def start(store: Store) -> str:
        port = free_port()
        app = create_app(Review(store), TOKEN, "browser")
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        )
        threading.Thread(target=server.run, daemon=True).start()
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started, "the review server did not start"
        servers.append(server)
        return f"http://127.0.0.1:{port}"

    yield start
    for server in servers:
        server.should_exit = True


@pytest.fixture(scope="module")
def browser() -> Iterator:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser) -> Iterator:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def open_queue(page, base: str) -> None:
    page.goto(f"{base}/?token={TOKEN}")
    assert page.url == f"{base}/"


def press(page, key: str) -> None:
    with page.expect_navigation():
        page.keyboard.press(key)


def test_decide_by_keyboard_undo_and_see_the_audit_trail(page, serve, review_store: Store):
    base = serve(review_store)
    review = Review(review_store)
    first, second = (i.lead["id"] for i in review.queue()[:2])
    open_queue(page, base)
    press(page, "Enter")
    assert page.url.endswith(f"/claim/{first}")
    assert page.locator("#sentence mark").inner_text() == review.item(first).lead["text"]
    press(page, "c")
    assert page.url.endswith(f"/claim/{second}")
    page.keyboard.press("n")  # the note field takes the keys now, not the shortcuts
    page.keyboard.type("sizes of Llama 3")
    page.keyboard.press("Escape")
    press(page, "f")
    press(page, "u")
    assert page.url.endswith(f"/claim/{second}")
    assert "open" in page.locator("#state").inner_text()
    page.goto(f"{base}/audit")
    cells = page.locator("#audit tbody tr td:nth-child(4)").all_inner_texts()
    assert [c.split()[0] for c in cells] == ["undo", "false_alarm", "confirmed"]
    assert "sizes of Llama 3" in page.locator("#audit").inner_text()
    assert review.item(first).state.value == "decided" and review.item(second).state.value == "open"


@pytest.mark.slow
def test_a_queue_of_fifty_flags_clears_by_keyboard_alone(page, serve, tmp_path: Path, kit: Toolkit):
    articles, _ = read_articles(sorted(ARTICLES.iterdir()))
    store = Store(f"sqlite:///{tmp_path / 'all.db'}")
    store.save_results(process(articles, kit), "run-1", "test")
    review = Review(store)
    flags = len(review.records("contradicted"))
    assert flags >= 50
    base = serve(store)
    open_queue(page, base)
    press(page, "Enter")
    decisions = 0
    while "/claim/" in page.url:
        press(page, "crf"[decisions % 3])
        decisions += 1
    assert page.locator("#queue-clear").is_visible()
    assert review.queue() and all(i.state.value == "decided" for i in review.queue())
    rows = review.audit(limit=1000)
    assert len(rows) == flags and decisions == len(review.queue())
    assert "registry_outdated" in {r["decision"] for r in rows}


def test_an_article_with_a_script_renders_it_as_text(
    page, serve, tmp_path: Path, kit: Toolkit, make_article
):
    store = Store(f"sqlite:///{tmp_path / 'xss.db'}")
    text = f"Llama 4 has a 128K-token context window. {XSS} It was released on April 18, 2024."
    article = make_article(text, title=f"Title {XSS}")
    store.save_results(process([article], kit), "run-1", "test")
    base = serve(store)
    page.goto(f"{base}/article/{article.id}")
    assert page.title() != "pwned"
    assert XSS in page.locator("#article-text").inner_text()
    assert XSS in page.locator("#title").inner_text()
    open_queue(page, base)
    press(page, "Enter")
    assert page.title() != "pwned"
