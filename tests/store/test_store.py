"""The store: migrations recorded, idempotent upserts, runs and failures kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from pipeline.runner import Toolkit, process
from pipeline.schema import Article, FileFailure, RunSummary
from pipeline.store import Store
from pipeline.store.tables import MIGRATIONS

TEXT = "Meta released Llama 4 on April 18, 2024. Llama 4 has a 128K-token context window."


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'cw.db'}")


def results(kit: Toolkit):
    article = Article.build(path="a.md", text=TEXT, title="t", published=None)
    return process([article], kit)


def test_migrations_are_recorded_once(store: Store):
    assert store.migrate() == []
    with store.engine.connect() as conn:
        assert conn.execute(text("select count(*) from schema_migrations")).scalar() == len(
            MIGRATIONS
        )


def test_sqlite_runs_in_wal_mode(store: Store):
    with store.engine.connect() as conn:
        assert conn.execute(text("pragma journal_mode")).scalar() == "wal"


def test_saving_the_same_results_twice_adds_no_rows(store: Store, kit: Toolkit):
    batch = results(kit)
    assert batch[0].checked
    store.save_results(batch, "run-1", "v1")
    counts = (store.count("articles"), store.count("claims"), store.count("verdicts"))
    store.save_results(batch, "run-2", "v1")
    assert (store.count("articles"), store.count("claims"), store.count("verdicts")) == counts


def test_known_hashes_depend_on_pipeline_version(store: Store, kit: Toolkit):
    batch = results(kit)
    store.save_results(batch, "run-1", "v1")
    digest = batch[0].article.content_hash
    assert store.known_hashes([digest], "v1") == {digest}
    assert store.known_hashes([digest], "v2") == set()


def test_claim_records_carry_verdict_article_and_decision(store: Store, kit: Toolkit):
    store.save_results(results(kit), "run-1", "v1")
    records = list(store.claim_records(status="contradicted"))
    assert records and all(r["verdict"]["status"] == "contradicted" for r in records)
    first = records[0]
    assert first["article"]["path"] == "a.md" and first["decision"] is None
    assert first["verdict"]["source"].startswith("https://")


def test_runs_keep_counts_and_failures(store: Store):
    store.start_run("r1")
    failure = FileFailure(path="bad.md", error="E003 bad.md is empty")
    store.finish_run(
        RunSummary(
            run_id="r1",
            articles_seen=2,
            articles_processed=1,
            articles_skipped=0,
            articles_failed=[failure],
            claims=3,
            contradicted=1,
        )
    )
    (run,) = store.runs()
    assert (run["status"], run["claims"], run["articles_failed"]) == ("completed", 3, 1)
    assert store.failures("r1") == [failure]
