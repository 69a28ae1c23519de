"""recheck: re-judges stored claims against the current registry and records the changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.recheck import recheck
from pipeline.registry import BUNDLED, load_registry
from pipeline.runner import Toolkit, process, read_articles
from pipeline.store import Store
from pipeline.store.recheck import verdict_changes
from tests.conftest import ARTICLES

ARTICLE_FILES = ["factsheet-llama4-wrong.md", "news-llama3-launch.md", "press-release-mistral.md"]


@pytest.fixture
def filled(tmp_path: Path, kit: Toolkit) -> Store:
    store = Store(f"sqlite:///{tmp_path / 'cw.db'}")
    articles, _ = read_articles([ARTICLES / name for name in ARTICLE_FILES])
    store.save_results(process(articles, kit), "run-1", "v1")
    return store


def edited_registry(tmp_path: Path, old: str, new: str):
    """The bundled registry with one fact edited in a copy of meta.yaml."""
    folder = tmp_path / "registry"
    shutil.copytree(BUNDLED, folder)
    path = folder / "meta.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_registry([folder])


def test_an_unchanged_registry_changes_no_verdict(filled: Store, kit: Toolkit):
    summary = recheck(filled, kit.registry)
    assert summary.claims == filled.count("claims") and summary.changed == 0
    assert verdict_changes(filled) == []


def test_editing_one_fact_changes_exactly_the_verdicts_that_depend_on_it(
    filled: Store, tmp_path: Path
):
    # Llama 4 Scout's context window, as if the registry had said 128K: claims of 128K about
    # Llama 4 now fit Scout but not Maverick, so they become ambiguous; nothing else moves.
    registry = edited_registry(
        tmp_path, "context_length:\n        value: 10M", "context_length:\n        value: 128K"
    )
    before = {r["id"]: r["verdict"]["status"] for r in filled.claim_records()}
    summary = recheck(filled, registry)
    changes = verdict_changes(filled)
    assert summary.changed == len(changes) > 0
    records = {r["id"]: r for r in filled.claim_records()}
    for change in changes:
        record = records[change["claim_id"]]
        assert (record["model_id"], record["attribute"]) == ("llama-4", "context_length")
        assert change["old_status"] == before[change["claim_id"]]
        assert change["new_registry_version"] == registry.version
    assert all(r["verdict"]["registry_version"] == registry.version for r in records.values())


def test_recheck_twice_records_each_change_once(filled: Store, tmp_path: Path):
    registry = edited_registry(
        tmp_path, "context_length:\n        value: 10M", "context_length:\n        value: 128K"
    )
    first = recheck(filled, registry)
    second = recheck(filled, registry)
    assert first.changed > 0 and second.changed == 0
    assert len(verdict_changes(filled)) == first.changed
