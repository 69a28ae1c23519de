"""The queue as data: which decision holds, grouping, the claim inside its sentence."""

from __future__ import annotations

import pytest

from pipeline.review.queue import (
    ReviewItem,
    State,
    effective_decisions,
    group,
    group_key,
    segments,
    sentence_span,
)


def record(cid: str, *, value: object = 128000, model_id: str | None = "llama-4", **over) -> dict:
    base = {
        "id": cid,
        "model": "Llama 4",
        "model_id": model_id,
        "attribute": "context_length",
        "value": value,
        "text": "128K",
        "start": 0,
        "end": 4,
        "sentence": "128K tokens.",
        "verdict": {"severity": 0.5, "status": "contradicted"},
        "article": {"id": "a1", "path": "a.md", "published": "2025-01-02"},
        "decision": None,
    }
    return base | over


def row(rid: int, claim: str, decision: str, undoes: int | None = None) -> dict:
    return {"id": rid, "claim_id": claim, "decision": decision, "undoes": undoes}


@pytest.mark.parametrize(
    "rows,expected",
    [
        ([row(1, "x", "confirmed")], {"x": 1}),
        ([row(1, "x", "confirmed"), row(2, "x", "false_alarm")], {"x": 2}),
        ([row(1, "x", "confirmed"), row(2, "x", "undo", undoes=1)], {}),
        ([row(1, "x", "skip"), row(2, "x", "confirmed"), row(3, "x", "undo", undoes=2)], {"x": 1}),
    ],
    ids=["one", "latest-holds", "undone", "undo-restores-previous"],
)
def test_effective_decisions(rows: list[dict], expected: dict[str, int]):
    holding = effective_decisions(rows)
    assert {c: r["id"] for c, r in holding.items()} == expected


@pytest.mark.parametrize(
    "other,same",
    [
        ({"article": {"id": "a2", "path": "b.md", "published": "2025-01-01"}}, True),
        ({"model": "LLaMA 4"}, True),  # same registry id, other spelling
        ({"value": 1000000}, False),
        ({"attribute": "parameters"}, False),
    ],
    ids=["other-article", "other-spelling", "other-value", "other-attribute"],
)
def test_identical_claims_share_a_group(other: dict, same: bool):
    assert (group_key(record("a")) == group_key(record("b", **other))) is same


def test_unresolved_models_group_by_name_case_blind():
    a = record("a", model_id=None, model="Grok 9")
    assert group_key(a) == group_key(record("b", model_id=None, model="grok 9"))


def test_group_puts_the_first_appearance_first_and_the_worst_item_first():
    early = {"id": "a2", "path": "b.md", "published": "2024-12-31"}
    records = [
        record("worst", value=1, verdict={"severity": 0.9, "status": "contradicted"}),
        record("late"),
        record("early", article=early),
    ]
    items = group(records)
    assert [i.lead["id"] for i in items] == ["worst", "early"]
    assert items[1].claim_ids() == ["early", "late"]


def test_skipped_items_go_last_and_stay_open():
    skip = {"id": 1, "decision": "skip"}
    records = [record("a", value=1, decision=skip), record("b")]
    items = group(records)
    assert [i.lead["id"] for i in items] == ["b", "a"]
    assert items[1].state == State.open


def test_an_item_is_decided_only_when_every_appearance_is():
    done = {"id": 1, "decision": "confirmed"}
    item = ReviewItem("k", [record("a", decision=done), record("b")])
    assert item.state == State.open
    item.claims[1]["decision"] = {"id": 2, "decision": "false_alarm"}
    assert item.state == State.decided and item.decision == {"id": 2, "decision": "false_alarm"}


@pytest.mark.parametrize(
    "text,start,end,expected",
    [
        ("Intro. 128K tokens. Then 128K tokens.", 25, 29, (0, 4)),
        ("Intro. 128K tokens.", 7, 11, (0, 4)),
        ("Nothing placeable here.", 0, 4, (0, 4)),  # falls back to the text in the sentence
    ],
    ids=["repeated-sentence", "single", "fallback"],
)
def test_sentence_span(text: str, start: int, end: int, expected: tuple[int, int]):
    assert sentence_span(text, record("a", start=start, end=end)) == expected


def test_sentence_span_picks_the_occurrence_holding_the_offsets():
    text = "It has 8K tokens and 8K tokens."
    claim = record("a", sentence="It has 8K tokens and 8K tokens.", text="8K", start=21, end=23)
    assert sentence_span(text, claim) == (21, 23)


def test_segments_cut_the_text_around_claims_and_merge_overlaps():
    text = "Llama 4 has 128K tokens and 8B parameters."
    claims = [
        record("a", start=12, end=16),
        record("b", start=12, end=23),
        record("c", start=28, end=30),
    ]
    pieces = segments(text, claims)
    assert "".join(p.text for p in pieces) == text
    marked = [(p.text, [c["id"] for c in p.claims]) for p in pieces if p.claims]
    assert marked == [("128K tokens", ["b", "a"]), ("8B", ["c"])]
