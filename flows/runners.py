"""Where extraction runs: in the flow's own process, in a local process pool, or on Dask.

Extraction is CPU-bound Python (spaCy rules), so threads do not help; parallel extraction
needs processes. Each worker process builds the registry and extractor once (several
seconds) and then takes batches. ``docs/flows.md`` has the measurements behind the choices.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pipeline.runner import toolkit


def warm(registry: tuple[str, ...]) -> None:
    """Build the toolkit in a fresh worker process before it takes its first batch."""
    toolkit(registry)


def process_pool(workers: int, registry: tuple[str, ...]) -> Any:
    from prefect.task_runners import ProcessPoolTaskRunner

    return ProcessPoolTaskRunner(max_workers=workers, initializer=warm, initargs=(registry,))


def dask_runner(address: str | None, workers: int) -> Any:
    """A DaskTaskRunner on a running scheduler (``tcp://host:8786``), or on a LocalCluster of
    ``workers`` single-threaded processes when no address is given."""
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as exc:  # the optional [dask] extra is not installed
        raise RuntimeError("the Dask task runner needs: pip install 'claimwatch[dask]'") from exc
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(
        cluster_class="distributed.LocalCluster",
        cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True},
    )


@contextmanager
def shared_api() -> Iterator[None]:
    """Point worker processes at the API this flow reports to. Prefect's temporary local
    server is not in the settings that a task runner hands its workers, so without this
    every worker process would start a temporary server of its own (15-30 s each here)."""
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if PREFECT_API_URL.value():
        yield
        return
    with get_client(sync_client=True) as client:
        url = str(client.api_url).rstrip("/")
    with temporary_settings({PREFECT_API_URL: url}):
        yield


@contextmanager
def extraction_runner(
    workers: int, registry: tuple[str, ...], dask_address: str | None = None
) -> Iterator[Any | None]:
    """A started task runner for the extraction tasks, or None to run them in the flow."""
    if dask_address is not None:
        runner = dask_runner(None if dask_address == "local" else dask_address, workers)
    elif workers > 1:
        runner = process_pool(workers, registry)
    else:
        yield None
        return
    with shared_api(), runner:
        yield runner
