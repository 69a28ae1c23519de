"""The process-articles flow under a Prefect test server: incremental, bad files recorded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flows.process import batch_size_for, flagged_rows, process_articles
from pipeline.store import Store
from tests.conftest import ARTICLES

pytestmark = pytest.mark.slow


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "articles"
    shutil.copytree(ARTICLES, target)
    (target / "broken.md").write_bytes(b"\x00\x01binary")
    (target / "notes.csv").write_text("not an article")
    return target


def test_a_folder_is_processed_once_and_bad_files_are_reported(
    prefect_harness, folder: Path, tmp_path: Path
):
    db = f"sqlite:///{tmp_path / 'cw.db'}"
    first = process_articles([str(folder)], db, batch_size=4)
    articles = len(list(ARTICLES.iterdir()))
    assert first.articles_processed == articles
    assert [f.path for f in first.articles_failed] == [str(folder / "broken.md")]
    assert "binary" in first.articles_failed[0].error
    assert first.claims > 0 and first.contradicted > 0
    store = Store(db)
    claims = store.count("claims")
    second = process_articles([str(folder)], db, batch_size=4)
    assert (second.articles_processed, second.claims) == (0, 0)
    assert second.articles_skipped == articles + 1  # unchanged articles and the .csv
    assert store.count("claims") == claims
    assert [r["id"] for r in store.runs()] == [second.run_id, first.run_id]


def test_flagged_rows_are_the_contradicted_claims(kit):
    from pipeline.runner import process, read_articles

    articles, _ = read_articles([ARTICLES / "factsheet-llama4-wrong.md"])
    rows = flagged_rows(process(articles, kit))
    assert rows and all(r["model"] for r in rows)


def test_recheck_claims_flow_rejudges_the_store(prefect_harness, folder: Path, tmp_path: Path):
    from flows.recheck import recheck_claims

    db = f"sqlite:///{tmp_path / 'cw.db'}"
    first = process_articles([str(folder)], db, batch_size=20)
    summary = recheck_claims(db)
    assert (summary.claims, summary.changed) == (first.claims, 0)


SMALL = ["factsheet-llama4-wrong.md", "news-llama3-launch.md", "press-release-mistral.md"]


@pytest.fixture
def small(tmp_path: Path) -> Path:
    target = tmp_path / "small"
    target.mkdir()
    for name in SMALL:
        shutil.copy(ARTICLES / name, target)
    return target


@pytest.fixture(scope="module")
def expected_claims(kit) -> set[str]:
    """The claim ids of the small folder, extracted in this process."""
    from pipeline.runner import process, read_articles

    articles, _ = read_articles([ARTICLES / name for name in SMALL])
    return {c.claim.id for r in process(articles, kit) for c in r.checked}


def stored_claim_ids(db: str) -> set[str]:
    return {r["id"] for r in Store(db).claim_records()}


@pytest.mark.parametrize("workers", [2])
def test_a_process_pool_extracts_the_same_claims(
    prefect_harness, small: Path, tmp_path: Path, expected_claims: set[str], workers: int
):
    db = f"sqlite:///{tmp_path / 'cw.db'}"
    summary = process_articles([str(small)], db, workers=workers)
    assert (summary.articles_processed, summary.claims) == (len(SMALL), len(expected_claims))
    assert stored_claim_ids(db) == expected_claims


def test_dask_workers_of_a_cluster_extract_the_same_claims(
    prefect_harness, small: Path, tmp_path: Path, expected_claims: set[str]
):
    distributed = pytest.importorskip("distributed", reason="the [dask] extra is not installed")
    db = f"sqlite:///{tmp_path / 'cw.db'}"
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        summary = process_articles([str(small)], db, dask_address=cluster.scheduler_address)
        with distributed.Client(cluster) as client:
            workers_used = client.run(lambda: "pipeline.runner" in __import__("sys").modules)
    assert summary.articles_processed == len(SMALL)
    assert stored_claim_ids(db) == expected_claims
    assert sum(workers_used.values()) >= 1  # extraction ran in the cluster's worker processes


def test_the_flow_stores_into_postgresql(
    prefect_harness, small: Path, pg_url: str, expected_claims: set[str]
):
    first = process_articles([str(small)], pg_url, batch_size=2)
    second = process_articles([str(small)], pg_url, batch_size=2)
    assert first.articles_processed == len(SMALL) and second.articles_skipped == len(SMALL)
    assert stored_claim_ids(pg_url) == expected_claims
    assert [r["id"] for r in Store(pg_url).runs()] == [second.run_id, first.run_id]


@pytest.mark.parametrize(
    "files,batch_size,workers,expected",
    [(400, 50, 1, 50), (400, 50, 4, 50), (10, 50, 2, 5), (3, 50, 4, 1), (0, 50, 2, 1)],
)
def test_batches_shrink_so_every_worker_gets_some(files, batch_size, workers, expected):
    assert batch_size_for(files, batch_size, workers) == expected


def test_a_folder_of_every_format_is_processed(prefect_harness, tmp_path: Path):
    import json

    from pipeline.store import Store

    folder = tmp_path / "inbox"
    folder.mkdir()
    body = "Meta released Llama 3 on April 18, 2024. Llama 3 has an 8K context window."
    (folder / "a.md").write_text(f"---\ntitle: A\npublished: 2024-04-20\n---\n{body}\n")
    (folder / "b.txt").write_text(body.replace("8K", "8,192-token"))
    (folder / "c.html").write_text(
        "<html><head><title>C</title><link rel='canonical' href='https://example.com/c'>"
        "<meta property='article:published_time' content='2024-04-21'></head><body><article>"
        f"<h1>C</h1><p>{body} It was trained on 15T tokens.</p></article></body></html>"
    )
    articles = [
        {"title": f"D{i}", "text": f"{body} Item {i}.", "published": "2024-04-22"} for i in range(2)
    ]
    (folder / "d.json").write_text(json.dumps(articles))
    (folder / "e.jsonl").write_text(
        "\n".join(json.dumps({**a, "title": f"E{a['title']}"}) for a in articles)
    )
    db = f"sqlite:///{tmp_path / 'cw.db'}"
    summary = process_articles([str(folder)], db)
    assert summary.articles_failed == []
    assert summary.articles_processed == 7
    paths = {r["article"]["path"] for r in Store(db).claim_records()}
    names = {Path(p).name for p in paths}
    assert {"a.md", "b.txt", "c.html", "d.json#1", "d.json#2", "e.jsonl:1", "e.jsonl:2"} <= names


def test_an_unchanged_folder_is_recorded_without_the_flow(folder: Path, tmp_path: Path, kit):
    from pipeline.ingest import discover
    from pipeline.runner import pipeline_version, process, read_articles, unchanged
    from pipeline.store import Store

    db = f"sqlite:///{tmp_path / 'cw.db'}"
    assert unchanged([str(folder)], db) is None  # new articles: the flow has work
    articles, _ = read_articles(discover([folder]).files)
    Store(db).save_results(process(articles, kit), "run-1", pipeline_version())
    summary = unchanged([str(folder)], db)
    assert summary is not None
    assert (summary.articles_processed, summary.claims) == (0, 0)
    assert [f.path for f in summary.articles_failed] == [str(folder / "broken.md")]
    assert Store(db).runs()[0]["id"] == summary.run_id
