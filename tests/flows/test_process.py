"""The process-articles flow under a Prefect test server: incremental, bad files recorded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flows.process import flagged_rows, process_articles
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
