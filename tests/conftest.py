"""Shared fixtures: registries (bundled and miniature), the toolkit, article builders, Prefect."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pipeline.registry import BUNDLED, Registry, load_registry
from pipeline.runner import Toolkit, process, read_articles, toolkit
from pipeline.schema import Article, ArticleResult
from pipeline.store import Store

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
ARTICLES = FIXTURES / "articles"
GOLD = FIXTURES / "gold"
MINI_REGISTRY = FIXTURES / "registry"
SEED = ROOT.parent / "shared" / "seed" / "llama4-article.md"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never see the developer's own registry overlay or database."""
    monkeypatch.delenv("CLAIMWATCH_REGISTRY", raising=False)
    monkeypatch.delenv("CLAIMWATCH_DB", raising=False)


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry([BUNDLED])


@pytest.fixture(scope="session")
def mini_registry() -> Registry:
    return load_registry([MINI_REGISTRY])


@pytest.fixture(scope="session")
def kit() -> Toolkit:
    return toolkit(())


ArticleFactory = Callable[..., Article]


@pytest.fixture
def make_article() -> ArticleFactory:
    def build(
        text: str, published: dt.date | None = dt.date(2024, 4, 20), title: str | None = None
    ) -> Article:
        return Article.build(path="test.md", text=text, title=title, published=published)

    return build


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One Prefect test server for the whole session (it takes 13-15 s to start here)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


REVIEW_ARTICLES = ("factsheet-llama4-wrong.md", "news-llama-versions-mixed.md")


@pytest.fixture(scope="session")
def review_results(kit: Toolkit) -> list[ArticleResult]:
    """The two review fixture articles, extracted and checked once per session."""
    articles, failures = read_articles([ARTICLES / name for name in REVIEW_ARTICLES])
    assert not failures
    return process(articles, kit)


@pytest.fixture
def review_store(tmp_path: Path, review_results: list[ArticleResult]) -> Store:
    """A fresh SQLite store holding the review fixture articles (a dozen or more flags)."""
    store = Store(f"sqlite:///{tmp_path / 'review.db'}")
    store.save_results(review_results, "run-1", "test")
    return store


PG_ENV = "CLAIMWATCH_TEST_PG_URL"


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The PostgreSQL server named by $CLAIMWATCH_TEST_PG_URL (.ci/run starts one and sets it)."""
    from sqlalchemy import create_engine, text

    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server to test against (.ci/run has one)")
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("select 1"))
    except Exception as exc:  # set but unreachable: a broken setup, not a reason to skip
        pytest.fail(f"{PG_ENV} is set but PostgreSQL cannot be reached: {exc}")
    finally:
        engine.dispose()
    return url


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A database URL on the test server whose tables live in a fresh schema, dropped after."""
    from sqlalchemy import create_engine

    schema = f"test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(pg_server)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in pg_server else "?"
    yield f"{pg_server}{separator}options=-csearch_path%3D{schema}"
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    engine.dispose()
