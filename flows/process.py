"""The ``process-articles`` flow: list files, skip known ones, extract and check in batches,
store, publish the flagged claims as an artifact, and report counts.

Batches are read and filtered in the flow; extraction runs in the flow itself or, with
``workers > 1`` or ``dask_address``, on a process pool or a Dask cluster (flows/runners.py)
while the flow keeps reading and storing; batches are stored in the order they were read.
"""

from __future__ import annotations

import math
import uuid
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from flows.progress import progress_bar
from flows.runners import extraction_runner
from pipeline.errors import Errors
from pipeline.ingest import discover
from pipeline.runner import pipeline_version, process, read_articles, toolkit
from pipeline.schema import Article, ArticleResult, FileFailure, RunSummary, Status
from pipeline.store import Store

BATCH_SIZE = 50
# Batches go to tasks wrapped in quote(): Prefect otherwise walks every field of every
# article and claim twice per task looking for futures (a third of a run's time at N=500).
IN_FLIGHT_PER_WORKER = 2  # batches queued per worker: keeps workers busy, memory bounded


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def read_batch(paths: list[str]) -> tuple[list[Article], list[FileFailure]]:
    """Read a batch of files (I/O: retried)."""
    return read_articles([Path(p) for p in paths])


@task(cache_policy=NO_CACHE)
def extract_and_check(articles: list[Article], registry: tuple[str, ...]) -> list[ArticleResult]:
    """Extract and check a batch of articles in this worker."""
    return process(_unquoted(articles), toolkit(registry))


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def store_batch(results: list[ArticleResult], db_url: str, run_id: str, version: str) -> None:
    """Write a batch in one transaction (I/O: retried; upserts make a retry harmless)."""
    Store(db_url).save_results(_unquoted(results), run_id, version)


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


@dataclass
class Tally:
    """What a run has done so far."""

    failures: list[FileFailure] = field(default_factory=list)
    skipped: int = 0
    processed: int = 0
    claims: int = 0
    flagged: list[dict[str, object]] = field(default_factory=list)

    def add(self, results: list[ArticleResult]) -> None:
        self.processed += len(results)
        self.claims += sum(len(r.checked) for r in results)
        self.flagged += flagged_rows(results)


def fresh_batches(
    files: list[str], size: int, store: Store, version: str, tally: Tally
) -> Iterator[tuple[list[Article], int]]:
    """(articles the store has not seen for this version, files in the batch), batch by batch."""
    for start in range(0, len(files), size):
        chunk = files[start : start + size]
        articles, bad = read_batch(chunk)
        tally.failures += bad
        known = store.known_hashes([a.content_hash for a in articles], version)
        fresh = [a for a in articles if a.content_hash not in known]
        tally.skipped += len(articles) - len(fresh)
        yield fresh, len(chunk)


def extracted(
    batches: Iterable[tuple[list[Article], int]], registry: tuple[str, ...], runner: Any, depth: int
) -> Iterator[tuple[list[ArticleResult], int]]:
    """Results batch by batch, in order: computed here, or on ``runner`` ``depth`` at a time."""
    pending: deque[tuple[Any, int]] = deque()
    for articles, files in batches:
        if runner is not None and articles:
            batch = articles if _is_dask(runner) else _quoted(articles)
            params = {"articles": batch, "registry": registry}
            pending.append((runner.submit(extract_and_check, params), files))
        else:  # computed now: a list, ready as soon as the batches before it are
            done = extract_and_check(_quoted(articles), registry) if articles else []
            pending.append((done, files))
        while pending and (len(pending) > depth or isinstance(pending[0][0], list)):
            yield _resolved(pending.popleft())
    while pending:
        yield _resolved(pending.popleft())


def _quoted(batch: list[Any]) -> Any:
    """The batch, passed to a task without Prefect walking its contents (it unwraps it)."""
    return quote(batch)


def _unquoted(batch: Any) -> Any:
    """Prefect unwraps a quoted parameter before the task runs; unwrap it here if not."""
    return batch.unquote() if isinstance(batch, quote) else batch


def _is_dask(runner: Any) -> bool:
    """prefect-dask ships parameters to its workers its own way: quote() does not survive
    the trip (the worker got the wrapper's tuple), so batches go to Dask as they are."""
    return type(runner).__module__.startswith("prefect_dask")


def _resolved(item: tuple[Any, int]) -> tuple[list[ArticleResult], int]:
    outcome, files = item
    return (outcome if isinstance(outcome, list) else outcome.result()), files


def batch_size_for(files: int, batch_size: int, workers: int) -> int:
    """Smaller batches when there are too few files to give every worker some."""
    return max(1, min(batch_size, math.ceil(files / max(workers, 1))))


@flow(name="process-articles", log_prints=True)
def process_articles(
    paths: list[str],
    db_url: str | None = None,
    registry: tuple[str, ...] = (),
    batch_size: int = BATCH_SIZE,
    run_id: str | None = None,
    workers: int = 1,
    dask_address: str | None = None,
    progress: bool = False,
) -> RunSummary:
    """Process every article file under ``paths`` that the store has not seen (``db_url``
    defaults to $CLAIMWATCH_DB where the flow runs, then to the local SQLite file)."""
    run_id = run_id or uuid.uuid4().hex
    store, version = Store(db_url), pipeline_version()
    db_url = store.url
    store.start_run(run_id)
    found = discover([Path(p) for p in paths])
    tally = Tally(
        [FileFailure(path=str(p), error=Errors.E020.format(path=p)) for p in found.missing]
    )
    tally.skipped = len(found.skipped)
    files = [str(p) for p in found.files]
    size = batch_size_for(len(files), batch_size, workers)
    with (
        extraction_runner(workers, registry, dask_address) as runner,
        progress_bar(len(files), progress) as advance,
    ):
        batches = fresh_batches(files, size, store, version, tally)
        for results, done in extracted(batches, registry, runner, workers * IN_FLIGHT_PER_WORKER):
            if results:
                store_batch(_quoted(results), db_url, run_id, version)
                tally.add(results)
            advance(done)
    summary = finish(store, tally, run_id, len(files) + len(found.skipped))
    publish(tally.flagged, run_id)
    return summary


def finish(store: Store, tally: Tally, run_id: str, seen: int) -> RunSummary:
    summary = RunSummary(
        run_id=run_id,
        articles_seen=seen,
        articles_processed=tally.processed,
        articles_skipped=tally.skipped,
        articles_failed=tally.failures,
        claims=tally.claims,
        contradicted=len(tally.flagged),
    )
    store.finish_run(summary)
    return summary


def publish(flagged: list[dict[str, object]], run_id: str) -> None:
    create_table_artifact(
        key="flagged-claims",
        table=flagged or [{"flagged": "none"}],
        description=f"Claims contradicted by the registry in run {run_id}",
    )
