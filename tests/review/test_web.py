"""The web review through FastAPI's TestClient: pages, decisions, undo, and the guards."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pipeline.review.service import Review
from pipeline.review.web import COOKIE, HEADER, create_app
from pipeline.runner import Toolkit, process
from pipeline.store import Store

TOKEN = "test-token"
BASE = "http://127.0.0.1:8765"


def client(store: Store, *, authed: bool = True) -> TestClient:
    app = create_app(Review(store), TOKEN, "ann")
    test_client = TestClient(app, base_url=BASE)
    if authed:
        test_client.cookies.set(COOKIE, TOKEN)
    return test_client


def first_id(c: TestClient) -> str:
    return c.get("/api/queue").json()[0]["id"]


def decide(c: TestClient, claim_id: str, decision: str = "confirmed", **extra: str):
    data = {"token": TOKEN, "claim_id": claim_id, "decision": decision} | extra
    return c.post("/decide", data=data, follow_redirects=False)


def test_the_queue_is_worst_first_and_filterable(review_store: Store):
    c = client(review_store)
    items = c.get("/api/queue").json()
    assert [i["severity"] for i in items] == sorted((i["severity"] for i in items), reverse=True)
    dates = c.get("/api/queue", params={"attribute": "release_date"}).json()
    assert dates and {i["attribute"] for i in dates} == {"release_date"}
    page = c.get("/", params={"model": "llama-4"})
    assert page.status_code == 200 and "Llama 3.2" not in page.text.split("<tbody>")[1]


def test_a_claim_page_shows_the_evidence_and_the_marked_claim(review_store: Store):
    c = client(review_store)
    item = c.get("/api/queue").json()[0]
    page = c.get(f"/claim/{item['id']}").text
    record = Review(review_store).item(item["id"]).lead
    assert f"<mark>{record['text']}</mark>" in page
    assert f'href="{record["verdict"]["source"]}"' in page
    assert 'data-key="c"' in page and f'value="{TOKEN}"' in page


def test_decide_redirects_to_the_next_open_item_and_undo_comes_back(review_store: Store):
    c = client(review_store)
    items = c.get("/api/queue").json()
    answer = decide(c, items[0]["id"], "confirmed", note="wrong sizes")
    assert answer.status_code == 303 and answer.headers["location"] == f"/claim/{items[1]['id']}"
    assert c.get("/api/queue", params={"status": "decided"}).json()[0]["id"] == items[0]["id"]
    back = c.post("/undo", data={"token": TOKEN}, follow_redirects=False)
    assert back.headers["location"] == f"/claim/{items[0]['id']}"
    rows = Review(review_store).audit()
    assert [r["decision"] for r in rows] == ["undo", "confirmed"] and rows[0]["undoes"] == rows[1][
        "id"
    ]
    audit = c.get("/audit").text
    assert "wrong sizes" in audit and f"undo of #{rows[1]['id']}" in audit


def test_filters_survive_a_decision(review_store: Store):
    c = client(review_store)
    dates = c.get("/api/queue", params={"attribute": "release_date"}).json()
    answer = decide(c, dates[0]["id"], attribute="release_date")
    assert answer.headers["location"] == f"/claim/{dates[1]['id']}?attribute=release_date"


def test_the_last_decision_leads_back_to_an_empty_queue(review_store: Store):
    c = client(review_store)
    for item in c.get("/api/queue").json():
        decide(c, item["id"], "false_alarm")
    assert c.get("/api/queue", params={"status": "open"}).json() == []
    assert "Queue clear" in c.get("/").text


@pytest.mark.parametrize(
    "headers,data",
    [
        ({}, {}),
        ({}, {"token": "wrong"}),
        ({"Origin": "http://evil.example"}, {"token": TOKEN}),
        ({"Sec-Fetch-Site": "cross-site"}, {"token": TOKEN}),
    ],
    ids=["no-token", "wrong-token", "foreign-origin", "cross-site-fetch"],
)
def test_writes_need_the_token_and_the_same_origin(review_store: Store, headers: dict, data: dict):
    c = client(review_store)
    claim_id = first_id(c)
    answer = c.post(
        "/decide", data=data | {"claim_id": claim_id, "decision": "confirmed"}, headers=headers
    )
    assert answer.status_code == 403
    assert Review(review_store).audit() == []


def test_the_token_also_works_as_a_header_with_json(review_store: Store):
    c = client(review_store, authed=False)
    claim_id = first_id(c)
    answer = c.post(
        "/decide",
        json={"claim_id": claim_id, "decision": "skip"},
        headers={HEADER: TOKEN, "Origin": BASE},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert Review(review_store).audit()[0]["decision"] == "skip"


def test_without_the_cookie_pages_are_read_only(review_store: Store):
    c = client(review_store, authed=False)
    page = c.get(f"/claim/{first_id(c)}").text
    assert TOKEN not in page and "Read-only" in page and 'action="/decide"' not in page


def test_the_printed_address_sets_the_cookie(review_store: Store):
    c = client(review_store, authed=False)
    answer = c.get("/", params={"token": TOKEN}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    assert "httponly" in answer.headers["set-cookie"].lower()
    assert "samesite=strict" in answer.headers["set-cookie"].lower()
    wrong = c.get("/", params={"token": "nope"}, follow_redirects=False)
    assert "set-cookie" not in wrong.headers


def test_other_host_names_are_refused_when_bound_locally(review_store: Store):
    app = create_app(Review(review_store), TOKEN, "ann")
    answer = TestClient(app, base_url="http://attacker.example:8765").get("/")
    assert answer.status_code == 421


@pytest.mark.parametrize(
    "path,status",
    [
        ("/static/review.js", 200),
        ("/static/review.css", 200),
        ("/static/web.py", 404),
        ("/static/..%2Fweb.py", 404),
        ("/static/%2Fetc%2Fpasswd", 404),
    ],
)
def test_only_the_named_static_files_are_served(review_store: Store, path: str, status: int):
    assert client(review_store).get(path).status_code == status


def test_pages_carry_a_content_security_policy(review_store: Store):
    headers = client(review_store).get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("path", ["/claim/not-an-id", "/claim/ffffffff", "/article/ffffffff"])
def test_unknown_pages_are_404(review_store: Store, path: str):
    assert client(review_store).get(path).status_code == 404


XSS = "<script>document.title='pwned'</script>"


@pytest.fixture
def xss_store(tmp_path: Path, kit: Toolkit, make_article) -> Store:
    store = Store(f"sqlite:///{tmp_path / 'xss.db'}")
    text = f"Llama 4 has a 128K-token context window. {XSS} It was released on April 18, 2024."
    article = make_article(text, title=f"Title {XSS}")
    store.save_results(process([article], kit), "run-1", "test")
    return store


def test_article_text_and_titles_render_as_text(xss_store: Store):
    c = client(xss_store)
    item = c.get("/api/queue").json()[0]
    review = Review(xss_store)
    article_id = review.item(item["id"]).lead["article"]["id"]
    pages = [c.get(f"/claim/{item['id']}").text, c.get(f"/article/{article_id}").text]
    pages.append(c.get("/model/llama-4").text)
    for page in pages:
        assert "<script>document" not in page
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in pages[1]


def test_a_source_that_is_not_http_is_never_a_link(review_store: Store):
    from pipeline.review.pages import http_url

    assert http_url("javascript:alert(1)") is None
    assert http_url("https://example.com/card") == "https://example.com/card"
