"""The review's SQL: migration 2, filtered claim records, the append-only decision log."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from pipeline.store import Store
from pipeline.store import review as sql
from pipeline.store.tables import MIGRATIONS


def _row(claim_id: str, decision: str = "confirmed", **extra: object) -> dict:
    base = {
        "claim_id": claim_id,
        "decision": decision,
        "reviewer": "ann",
        "note": None,
        "verdict_status": "contradicted",
        "decided_at": "2025-01-01T00:00:00+00:00",
    }
    return base | extra


def test_migration_2_adds_batch_and_undoes_to_a_version_1_database(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    store = Store(url)
    with store.engine.begin() as conn:  # make it look like a database only migration 1 made
        conn.execute(text("ALTER TABLE decisions DROP COLUMN batch"))
        conn.execute(text("ALTER TABLE decisions DROP COLUMN undoes"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version = 2"))
    store.engine.dispose()
    assert Store(url).migrate() == []  # the constructor applied migration 2 again
    columns = {c["name"] for c in inspect(Store(url).engine).get_columns("decisions")}
    assert {"batch", "undoes"} <= columns
    assert [m[0] for m in MIGRATIONS][:2] == [1, 2]


def test_decisions_are_appended_in_order_and_never_changed(review_store: Store):
    claim = sql.claim_records(review_store, status="contradicted")[0]["id"]
    first = sql.add_decisions(review_store, [_row(claim, batch="b1")])
    second = sql.add_decisions(review_store, [_row(claim, "undo", batch="b1", undoes=first[0])])
    rows = sql.decision_rows(review_store, [claim])
    assert [r["id"] for r in rows] == first + second
    assert [(r["decision"], r["undoes"]) for r in rows] == [("confirmed", None), ("undo", first[0])]
    assert sql.decision_rows(review_store, ["no-such-claim"]) == []


@pytest.mark.parametrize(
    "filters,check",
    [
        ({"status": "contradicted"}, lambda r: r["verdict"]["status"] == "contradicted"),
        ({"attribute": "release_date"}, lambda r: r["attribute"] == "release_date"),
        ({"model_key": "LLAMA-4"}, lambda r: r["model_id"] == "llama-4"),
        ({"model_key": "llama 3.2"}, lambda r: r["model"] == "Llama 3.2"),
    ],
    ids=["status", "attribute", "model-id-any-case", "model-name"],
)
def test_claim_records_filter(review_store: Store, filters: dict, check):
    records = sql.claim_records(review_store, **filters)
    assert records and all(check(r) for r in records)
    assert len(records) < review_store.count("claims")


def test_claim_records_are_worst_first(review_store: Store):
    severities = [r["verdict"]["severity"] for r in sql.claim_records(review_store)]
    assert severities == sorted(severities, reverse=True)


def test_id_prefixes_are_matched_literally(review_store: Store):
    claim = sql.claim_records(review_store)[0]["id"]
    assert sql.claim_ids_like(review_store, claim[:6]) == [claim]
    assert sql.claim_ids_like(review_store, "%") == []


def test_audit_rows_name_the_claim_newest_first(review_store: Store):
    claims = [r["id"] for r in sql.claim_records(review_store, status="contradicted")[:2]]
    sql.add_decisions(review_store, [_row(claims[0]), _row(claims[1], "skip")])
    rows = sql.audit_rows(review_store)
    assert [r["decision"] for r in rows] == ["skip", "confirmed"]
    assert rows[0]["claim_id"] == claims[1] and rows[0]["attribute"]
