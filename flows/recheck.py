"""The ``recheck-claims`` flow: re-judge stored claims after the registry changed."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from pipeline.recheck import RecheckSummary, recheck
from pipeline.registry import load_registry, registry_dirs
from pipeline.store import Store


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def recheck_store(db_url: str | None, registry: tuple[str, ...]) -> RecheckSummary:
    """One coarse task: batches are transactions inside it, so a retry is harmless."""
    return recheck(Store(db_url), load_registry(registry_dirs([Path(p) for p in registry])))


@flow(name="recheck-claims", log_prints=True)
def recheck_claims(db_url: str | None = None, registry: tuple[str, ...] = ()) -> RecheckSummary:
    summary = recheck_store(db_url, registry)
    changed = f"{summary.changed} verdicts changed"
    print(f"rechecked {summary.claims} claims against {summary.registry_version}: {changed}")
    return summary
