"""Crash safety of the real CLI on a SQLite store (two runs at once: see tests/flows/).

* ``run`` killed with SIGKILL after its first batch is stored, then run again: it finishes, and
  the store holds exactly what one clean run stores (same article and claim ids: none lost,
  none duplicated).
* ``recheck`` killed the same way, then run again: every verdict carries the new registry
  version and each changed verdict is recorded once in verdict_changes.

The CLI runs in subprocesses against the session's Prefect test server (PREFECT_API_URL), which
saves each of them Prefect's 10-15 s temporary-server start; tests/test_hostile.py covers the
temporary server. SIGKILL goes to the whole process group, as when a machine loses power.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pipeline.ingest import discover
from pipeline.recheck import recheck
from pipeline.registry import BUNDLED, load_registry, registry_dirs
from pipeline.runner import Toolkit, process, read_articles
from pipeline.schema import Article, ArticleResult, CheckedClaim, Claim
from pipeline.store import Store
from tests.conftest import ARTICLES

pytestmark = pytest.mark.slow

BATCH = "4"  # articles per run batch: the corpus of 40 makes ten batches
COPIES = 15  # the recheck store: the corpus's claims 15 times over (about 12,500 claims, 3 batches)
TIMEOUT = 300


@dataclass(frozen=True)
class Reference:
    """What one clean run over the corpus stores."""

    folder: Path
    db: Path
    files: list[Path]
    results: list[ArticleResult]
    articles: set[str]
    claims: set[str]


def sql(db: Path, query: str, *params: object) -> list[tuple[Any, ...]]:
    """Read the store as an outside observer would; nothing while the file does not exist."""
    if not db.exists():
        return []
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute(query, params).fetchall()
    except sqlite3.OperationalError:  # tables not created yet
        return []
    finally:
        conn.close()


def count(db: Path, query: str, *params: object) -> int:
    rows = sql(db, query, *params)
    return int(rows[0][0]) if rows else 0


def ids(db: Path, table: str) -> list[str]:
    return [row[0] for row in sql(db, f"SELECT id FROM {table}")]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, kit: Toolkit) -> Reference:
    """Every fixture article with a small variation (so hashes differ from the fixtures'),
    processed once in this process and stored in a temporary database."""
    folder = tmp_path_factory.mktemp("corpus")
    for source in sorted(ARTICLES.iterdir()):
        text = source.read_text(encoding="utf-8") + "\n\nUpdated edition.\n"
        (folder / source.name).write_text(text, encoding="utf-8")
    files = discover([folder]).files
    articles, failures = read_articles(files)
    assert not failures and len(articles) == len(files)
    results = process(articles, kit)
    db = folder.parent / "reference.db"
    Store(f"sqlite:///{db}").save_results(results, "reference", "test")
    return Reference(folder, db, files, results, set(ids(db, "articles")), set(ids(db, "claims")))


@pytest.fixture(scope="module")
def api_url(prefect_harness: None) -> str:
    from prefect.settings import get_current_settings

    return str(get_current_settings().api.url)


@dataclass
class Cli:
    """Starts claimwatch subprocesses on one database and one Prefect server."""

    db: Path
    api_url: str
    logs: Path

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "CLAIMWATCH_DB": f"sqlite:///{self.db}",
            "PREFECT_API_URL": self.api_url,
        }

    def start(self, *args: str, name: str) -> subprocess.Popen[bytes]:
        command = [sys.executable, "-m", "pipeline.cli.main", *args]
        with (
            (self.logs / f"{name}.out").open("wb") as out,
            (self.logs / f"{name}.err").open("wb") as err,
        ):  # files, not pipes: Prefect's logs would fill a pipe and stall
            return subprocess.Popen(
                command, env=self.env(), stdout=out, stderr=err, start_new_session=True
            )

    def finish(self, proc: subprocess.Popen[bytes], name: str) -> dict[str, Any]:
        returncode = proc.wait(timeout=TIMEOUT)
        err = (self.logs / f"{name}.err").read_text(errors="replace")
        assert returncode == 0, err[-3000:]
        return json.loads((self.logs / f"{name}.out").read_text())

    def run(self, *args: str, name: str) -> dict[str, Any]:
        return self.finish(self.start(*args, name=name), name)

    def kill_when(self, proc: subprocess.Popen[bytes], query: str, *params: object) -> None:
        """SIGKILL the process group as soon as ``query`` counts something in the store."""
        deadline = time.monotonic() + TIMEOUT
        while count(self.db, query, *params) == 0:
            assert proc.poll() is None, "the command ended before it stored anything"
            assert time.monotonic() < deadline, "nothing stored in time"
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=60) == -signal.SIGKILL


@pytest.fixture
def cli(tmp_path: Path, api_url: str) -> Cli:
    return Cli(tmp_path / "cw.db", api_url, tmp_path)


CLAIMS = (
    "SELECT c.id, a.path, c.model, c.attribute, c.text"
    " FROM claims c JOIN articles a ON a.id = c.article_id"
)


def differences(db: Path, ref: Reference) -> list[str]:
    """The claims only one of the two stores holds, readably (for the assertion message)."""
    ours = {row[0]: row[1:] for row in sql(db, CLAIMS)}
    theirs = {row[0]: row[1:] for row in sql(ref.db, CLAIMS)}
    extra = [f"extra {ours[k]}" for k in set(ours) - set(theirs)]
    return extra + [f"missing {theirs[k]}" for k in set(theirs) - set(ours)]


def assert_holds_the_reference(db: Path, ref: Reference) -> None:
    claims = ids(db, "claims")
    assert len(claims) == len(set(claims))
    assert set(claims) == ref.claims, differences(db, ref)
    assert set(ids(db, "articles")) == ref.articles
    assert count(db, "SELECT count(*) FROM verdicts") == len(ref.claims)
    assert sql(db, "PRAGMA integrity_check") == [("ok",)]


def test_a_killed_run_resumes_without_loss_or_duplicates(cli: Cli, reference: Reference):
    args = ("run", str(reference.folder), "--json", "--batch-size", BATCH)
    cli.kill_when(cli.start(*args, name="killed"), "SELECT count(*) FROM claims")
    stored = count(cli.db, "SELECT count(*) FROM articles")
    assert 0 < stored < len(reference.files), "killed too late to show anything"
    summary = cli.run(*args, name="rerun")
    assert summary["articles_failed"] == []
    assert (summary["articles_processed"], summary["articles_skipped"]) == (
        len(reference.files) - stored,
        stored,
    )
    assert_holds_the_reference(cli.db, reference)


def copies(result: ArticleResult, copy: int) -> ArticleResult:
    """The same article and claims under new ids: the text gains a last line."""
    old = result.article
    text = old.text + (f"\n\nCopy {copy}." if copy else "")
    article = Article.build(
        path=f"{old.path}#{copy}", text=text, title=old.title, url=old.url, published=old.published
    )
    checked = []
    for item in result.checked:
        c = item.claim
        claim_id = Claim.make_id(article.id, c.attribute.value, c.start, c.end, c.model)
        claim = c.model_copy(update={"id": claim_id, "article_id": article.id})
        verdict = item.verdict.model_copy(update={"claim_id": claim_id})
        checked.append(CheckedClaim(claim=claim, verdict=verdict))
    return ArticleResult(article=article, checked=checked)


def edited_overlay(folder: Path) -> Path:
    """A registry overlay in which Llama 4 Scout's context window is 128K instead of 10M."""
    folder.mkdir()
    text = (BUNDLED / "meta.yaml").read_text(encoding="utf-8")
    old = "context_length:\n        value: 10M"
    assert text.count(old) == 1
    new = text.replace(old, "context_length:\n        value: 128K")
    (folder / "meta.yaml").write_text(new, encoding="utf-8")
    return folder


def changed_claims(results: list[ArticleResult], overlay: Path, db: Path) -> Iterator[str]:
    """Ids of the claims whose verdict a clean recheck with ``overlay`` changes."""
    store = Store(f"sqlite:///{db}")
    store.save_results(results, "reference", "test")
    recheck(store, load_registry(registry_dirs([overlay])))
    for (claim_id,) in sql(db, "SELECT claim_id FROM verdict_changes"):
        yield claim_id


def test_a_killed_recheck_resumes_and_records_each_change_once(
    cli: Cli, reference: Reference, tmp_path: Path
):
    store = Store(f"sqlite:///{cli.db}")
    clones = [[copies(r, k) for r in reference.results] for k in range(COPIES)]
    for batch in clones:
        store.save_results(batch, "filled", "test")
    overlay = edited_overlay(tmp_path / "overlay")
    changed = set(changed_claims(reference.results, overlay, tmp_path / "reference.db"))
    assert changed, "the registry edit must change some verdicts"
    expected = sorted(
        clone.claim.id
        for batch in clones
        for base, copy in zip(reference.results, batch, strict=True)
        for original, clone in zip(base.checked, copy.checked, strict=True)
        if original.claim.id in changed
    )
    version = load_registry(registry_dirs([overlay])).version
    total = store.count("claims")
    args = ("recheck", "--json", "--registry", str(overlay))
    new = "SELECT count(*) FROM verdicts WHERE registry_version = ?"
    cli.kill_when(cli.start(*args, name="killed"), new, version)
    assert 0 < count(cli.db, new, version) < total, "killed too late to show anything"
    summary = cli.run(*args, name="rerun")
    assert summary["claims"] == total
    assert count(cli.db, new, version) == count(cli.db, "SELECT count(*) FROM verdicts") == total
    recorded = sorted(row[0] for row in sql(cli.db, "SELECT claim_id FROM verdict_changes"))
    assert recorded == expected
    assert sql(cli.db, "PRAGMA integrity_check") == [("ok",)]
