"""Review operations: one decision per group, an append-only audit, undo as a new event."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ReviewError
from pipeline.review.queue import State, group_key
from pipeline.review.service import Filters, Review
from pipeline.runner import Toolkit, process
from pipeline.store import Store

SAME = "Meta says Llama 4 has a 128K-token context window."


@pytest.fixture
def twice(tmp_path: Path, kit: Toolkit, make_article) -> Review:
    """Two articles making the same wrong claim, plus the review fixture articles' flags."""
    store = Store(f"sqlite:///{tmp_path / 'twice.db'}")
    articles = [make_article(SAME, title="first"), make_article(SAME + " More.", title="second")]
    store.save_results(process(articles, kit), "run-1", "test")
    return Review(store)


def test_identical_claims_in_two_articles_are_one_item(twice: Review):
    (item,) = [i for i in twice.queue() if i.lead["attribute"] == "context_length"]
    assert len(item.claims) == 2
    assert {c["article"]["title"] for c in item.claims} == {"first", "second"}


def test_one_decision_covers_the_group_and_keeps_the_verdict_answered(twice: Review):
    item = twice.queue()[0]
    batch, decided = twice.decide(item.claims[1]["id"], "confirmed", "ann", "Llama 3's value")
    rows = twice.history(decided)
    assert len(rows) == len(item.claims) == 2
    assert {
        (r["decision"], r["reviewer"], r["note"], r["verdict_status"], r["batch"]) for r in rows
    } == {("confirmed", "ann", "Llama 3's value", "contradicted", batch)}
    assert twice.item(item.lead["id"]).state == State.decided
    assert twice.queue(Filters(State.open)) == []


def test_undo_is_a_new_event_and_reopens_the_item(twice: Review):
    item = twice.queue()[0]
    twice.decide(item.lead["id"], "false_alarm", "ann")
    back = twice.undo("ann")
    assert back in item.claim_ids()
    rows = twice.history(item)
    assert [r["decision"] for r in rows] == ["false_alarm"] * 2 + ["undo"] * 2
    assert {r["undoes"] for r in rows[2:]} == {r["id"] for r in rows[:2]}
    assert twice.item(back).state == State.open
    with pytest.raises(ReviewError, match="E033"):
        twice.undo("ann")


def test_undo_takes_back_only_the_reviewers_own_latest_decision(review_store: Store):
    review = Review(review_store)
    first, second = review.queue()[:2]
    review.decide(first.lead["id"], "confirmed", "ann")
    review.decide(second.lead["id"], "confirmed", "bob")
    assert review.undo("ann") == first.lead["id"]
    assert review.item(second.lead["id"]).state == State.decided


def test_a_new_decision_replaces_the_old_one_without_overwriting_it(review_store: Store):
    review = Review(review_store)
    lead = review.queue()[0].lead["id"]
    review.decide(lead, "skip", "ann")
    review.decide(lead, "registry_outdated", "ann", "new model card")
    assert [r["decision"] for r in review.history(review.item(lead))] == [
        "skip",
        "registry_outdated",
    ]
    (record,) = [r for r in review.records() if r["id"] == lead]
    assert record["decision"]["decision"] == "registry_outdated"


def test_queue_is_worst_first_with_filters(review_store: Store):
    review = Review(review_store)
    items = review.queue()
    flags = review.records("contradicted")
    assert len(items) == len({group_key(r) for r in flags}) >= 10
    severities = [i.severity for i in items]
    assert severities == sorted(severities, reverse=True)
    dates = review.queue(Filters(model="llama-4", attribute="release_date"))
    assert dates and all(i.lead["attribute"] == "release_date" for i in dates)
    article = items[0].lead["article"]["id"]
    assert all(
        c["article"]["id"] == article
        for i in review.queue(Filters(article=article))
        for c in i.claims
    )


@pytest.mark.parametrize(
    "claim_id,code",
    [("ffffffffffff", "E030"), ("", "E030")],
    ids=["unknown", "empty"],
)
def test_unknown_ids_are_refused(review_store: Store, claim_id: str, code: str):
    with pytest.raises(ReviewError, match=code):
        Review(review_store).item(claim_id)


def test_only_flagged_claims_are_reviewed(review_store: Store):
    review = Review(review_store)
    supported = next(r for r in review.records() if r["verdict"]["status"] != "contradicted")
    with pytest.raises(ReviewError, match="E032"):
        review.decide(supported["id"], "confirmed", "ann")


def test_unknown_decisions_are_refused(review_store: Store):
    review = Review(review_store)
    with pytest.raises(ReviewError, match="E034"):
        review.decide(review.queue()[0].lead["id"], "maybe", "ann")
