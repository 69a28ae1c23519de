"""The store on PostgreSQL: the store and review-SQL tests run again against a real server
($CLAIMWATCH_TEST_PG_URL; each test in a fresh schema), plus what only PostgreSQL shows:
concurrent writers and the JSON column types."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import inspect

from pipeline.recheck import recheck
from pipeline.runner import Toolkit, process
from pipeline.schema import Article, ArticleResult
from pipeline.store import Store

# The SQLite suites, collected again here with the fixtures below (on PostgreSQL). The
# SQLite-only tests (WAL mode, dropping a column from a SQLite file) are left out.
from tests.store.test_review_store import (  # noqa: F401
    test_audit_rows_name_the_claim_newest_first,
    test_claim_records_are_worst_first,
    test_claim_records_filter,
    test_decisions_are_appended_in_order_and_never_changed,
    test_id_prefixes_are_matched_literally,
)
from tests.store.test_store import (  # noqa: F401
    TEXT,
    test_claim_records_carry_verdict_article_and_decision,
    test_known_hashes_depend_on_pipeline_version,
    test_migrations_are_recorded_once,
    test_runs_keep_counts_and_failures,
    test_saving_the_same_results_twice_adds_no_rows,
)


@pytest.fixture
def store(pg_url: str) -> Iterator[Store]:
    store = Store(pg_url)
    yield store
    store.engine.dispose()


@pytest.fixture
def review_store(pg_url: str, review_results: list[ArticleResult]) -> Iterator[Store]:
    store = Store(pg_url)
    store.save_results(review_results, "run-1", "test")
    yield store
    store.engine.dispose()


def test_the_store_really_is_postgresql(store: Store):
    assert store.engine.dialect.name == "postgresql"
    assert {"articles", "claims", "verdicts", "decisions"} <= set(
        inspect(store.engine).get_table_names()
    )


def batch(kit: Toolkit, copies: int) -> list[ArticleResult]:
    articles = [
        Article.build(path=f"a{i}.md", text=f"{TEXT} Edition {i}.", title="t", published=None)
        for i in range(copies)
    ]
    return process(articles, kit)


def test_a_batch_holding_the_same_article_twice_is_stored_once(store: Store, kit: Toolkit):
    results = batch(kit, 2)
    store.save_results([*results, results[0]], "run-1", "v1")  # ON CONFLICT twice in one batch
    assert store.count("articles") == 2
    assert store.count("claims") == sum(len(r.checked) for r in results)


def test_concurrent_writers_of_overlapping_batches_leave_no_duplicate(pg_url: str, kit: Toolkit):
    results = batch(kit, 6)
    first, second = results[:4], list(reversed(results[2:]))  # overlap, opposite order
    stores = [Store(pg_url), Store(pg_url)]
    with ThreadPoolExecutor(2) as pool:
        jobs = [
            pool.submit(lambda s=s, b=b: [s.save_results(b, f"run-{i}", "v1") for i in range(5)])
            for s, b in zip(stores, (first, second), strict=True)
        ]
        for job in jobs:
            job.result()  # a deadlock or a unique violation would raise here
    assert stores[0].count("articles") == 6
    assert stores[0].count("claims") == sum(len(r.checked) for r in results)
    for s in stores:
        s.engine.dispose()


def test_recheck_reads_back_json_values_and_changes_no_verdict(store: Store, kit: Toolkit):
    """Values, expectations and qualifiers go through PostgreSQL's JSON columns and come back
    equal: re-judging them against the same registry changes nothing."""
    results = batch(kit, 2)
    store.save_results(results, "run-1", "v1")
    summary = recheck(store, kit.registry)
    assert summary.claims == sum(len(r.checked) for r in results) > 0
    assert summary.changed == 0
