"""Two ``claimwatch run``s started together over overlapping folders on one SQLite store
(one of them extracting in 2 processes): both succeed, and every article and claim is stored
exactly once."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from pipeline.runner import Toolkit, process, read_articles
from pipeline.store import Store
from tests.conftest import ARTICLES

pytestmark = pytest.mark.slow

NAMES = sorted(p.name for p in ARTICLES.iterdir())[:9]
OVERLAP = 3


def test_two_runs_over_overlapping_folders_share_one_store(tmp_path: Path, kit: Toolkit):
    folders = [tmp_path / "a", tmp_path / "b"]
    halves = [NAMES[: 3 + OVERLAP], NAMES[3:]]
    for folder, names in zip(folders, halves, strict=True):
        folder.mkdir()
        for name in names:
            shutil.copy(ARTICLES / name, folder)
    db = f"sqlite:///{tmp_path / 'cw.db'}"
    env = {**os.environ, "CLAIMWATCH_DB": db}
    command = [sys.executable, "-m", "pipeline.cli.main", "run", "--json", "--progress"]
    children = [
        subprocess.Popen(
            [*command, str(f), *options],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f, options in zip(folders, ([], ["--workers", "2"]), strict=True)
    ]
    outputs = [c.communicate(timeout=400) for c in children]
    for child, (out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err[-3000:]
        assert json.loads(out)["articles_failed"] == []  # stdout is the JSON alone
        assert "articles" in err  # the progress bar went to stderr
        # pool workers report to the run's temporary Prefect server instead of starting their own
        assert err.count("Starting temporary server") == 1
    articles, _ = read_articles([ARTICLES / n for n in NAMES])
    expected = {c.claim.id for r in process(articles, kit) for c in r.checked}
    store = Store(db)
    assert store.count("articles") == len(NAMES)
    assert {r["id"] for r in store.claim_records()} == expected
    assert store.count("claims") == store.count("verdicts") == len(expected)
    with store.reading() as conn:
        assert conn.execute(text("pragma integrity_check")).scalar() == "ok"
