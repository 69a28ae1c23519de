"""The ``process-articles`` flow: list files, skip known ones, extract and check in batches,
store, publish the flagged claims as an artifact, and report counts."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE

from pipeline.ingest import discover
from pipeline.runner import pipeline_version, process, read_articles, toolkit
from pipeline.schema import Article, ArticleResult, FileFailure, RunSummary, Status
from pipeline.store import Store

BATCH_SIZE = 50


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def read_batch(paths: list[str]) -> tuple[list[Article], list[FileFailure]]:
    """Read a batch of files (I/O: retried)."""
    return read_articles([Path(p) for p in paths])


@task(cache_policy=NO_CACHE)
def extract_and_check(articles: list[Article], registry: tuple[str, ...]) -> list[ArticleResult]:
    """Extract and check a batch of articles in this worker."""
    return process(articles, toolkit(registry))


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def store_batch(results: list[ArticleResult], db_url: str, run_id: str, version: str) -> None:
    """Write a batch in one transaction (I/O: retried; upserts make a retry harmless)."""
    Store(db_url).save_results(results, run_id, version)


def flagged_rows(results: Sequence[ArticleResult]) -> list[dict[str, object]]:
    return [
        {
            "article": r.article.path,
            "model": c.claim.model,
            "attribute": c.claim.attribute.value,
            "claimed": c.claim.text,
            "registry": ", ".join(str(v) for v in c.verdict.expected),
            "hint": c.verdict.hint or "",
        }
        for r in results
        for c in r.checked
        if c.verdict.status is Status.contradicted
    ]


@flow(name="process-articles", log_prints=True)
def process_articles(
    paths: list[str],
    db_url: str,
    registry: tuple[str, ...] = (),
    batch_size: int = BATCH_SIZE,
    run_id: str | None = None,
) -> RunSummary:
    """Process every article file under ``paths`` that the store has not seen."""
    run_id = run_id or uuid.uuid4().hex
    store, version = Store(db_url), pipeline_version()
    store.start_run(run_id)
    found = discover([Path(p) for p in paths])
    failures = [FileFailure(path=str(p), error=f"E020 no such path: {p}") for p in found.missing]
    processed, skipped, flagged = 0, len(found.skipped), []
    claims = contradicted = 0
    files = [str(p) for p in found.files]
    for start in range(0, len(files), batch_size):
        articles, bad = read_batch(files[start : start + batch_size])
        failures += bad
        known = store.known_hashes([a.content_hash for a in articles], version)
        fresh = [a for a in articles if a.content_hash not in known]
        skipped += len(articles) - len(fresh)
        if not fresh:
            continue
        results = extract_and_check(fresh, registry)
        store_batch(results, db_url, run_id, version)
        processed += len(results)
        claims += sum(len(r.checked) for r in results)
        rows = flagged_rows(results)
        contradicted += len(rows)
        flagged += rows
    summary = RunSummary(
        run_id=run_id,
        articles_seen=len(files) + len(found.skipped),
        articles_processed=processed,
        articles_skipped=skipped,
        articles_failed=failures,
        claims=claims,
        contradicted=contradicted,
    )
    store.finish_run(summary)
    create_table_artifact(
        key="flagged-claims",
        table=flagged or [{"flagged": "none"}],
        description=f"Claims contradicted by the registry in run {run_id}",
    )
    return summary
