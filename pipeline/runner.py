"""Wiring of the stages for one batch: read -> extract -> check. Used by flows and the CLI.

This is the only library module that imports more than one stage; the stages themselves
never import each other.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline import __version__
from pipeline.check import check_claims
from pipeline.errors import Errors
from pipeline.extract import Extractor
from pipeline.extract.nlp import PATTERNS
from pipeline.ingest import discover, read_articles_from
from pipeline.registry import Registry, load_registry, registry_dirs
from pipeline.schema import Article, ArticleResult, CheckedClaim, FileFailure, RunSummary
from pipeline.store import Store


def pipeline_version() -> str:
    """Code version plus a digest of the extraction patterns: a change re-processes articles."""
    digest = hashlib.sha256()
    for path in sorted(PATTERNS.glob("*.yaml")):
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:8]}"


@dataclass(frozen=True)
class Toolkit:
    registry: Registry
    extractor: Extractor


TRAINED_ENV = "CLAIMWATCH_TRAINED"


def toolkit(extra_registry: tuple[str, ...] = (), trained: str | None = None) -> Toolkit:
    """The registry and the extractor built from it, once per process. A trained spaCy
    pipeline is used when named here or in $CLAIMWATCH_TRAINED (default: rules only)."""
    return _toolkit(extra_registry, trained or os.environ.get(TRAINED_ENV) or None)


@lru_cache(maxsize=4)
def _toolkit(extra_registry: tuple[str, ...], trained: str | None) -> Toolkit:
    registry = load_registry(registry_dirs([Path(p) for p in extra_registry]))
    extractor = Extractor(
        registry.model_patterns(),
        registry.organisation_patterns(),
        registry.licence_patterns(),
        registry.size_index(),
        trained=trained,
        short_names=registry.short_names(),
        families=registry.family_index(),
        makers=registry.makers(),
        exact_models=registry.exact_model_patterns(),
    )
    return Toolkit(registry, extractor)


def read_articles(paths: Sequence[Path]) -> tuple[list[Article], list[FileFailure]]:
    """Read each file (one may hold several articles); a bad file or element becomes a
    FileFailure and the rest go on."""
    articles: list[Article] = []
    failures: list[FileFailure] = []
    for path in paths:
        try:
            found, bad = read_articles_from(path)
        except Exception as exc:  # an unexpected reader bug must not stop the run
            detail = f"{type(exc).__name__}: {exc}"
            bad = [FileFailure(path=str(path), error=Errors.E001.format(path=path, detail=detail))]
            found = []
        articles += found
        failures += bad
    return articles, failures


def process_safely(
    articles: Sequence[Article], kit: Toolkit
) -> tuple[list[ArticleResult], list[FileFailure]]:
    """process(), but an article that makes extraction or checking fail is reported as a
    failure (E021, naming its path) and the others go on."""
    try:
        return process(articles, kit), []
    except Exception:  # find the article(s) at fault, one at a time
        results, failures = [], []
        for article in articles:
            try:
                results += process([article], kit)
            except Exception as exc:
                detail = f"{type(exc).__name__}: {exc}"
                failures.append(
                    FileFailure(
                        path=article.path,
                        error=Errors.E021.format(detail=f"{article.path}: {detail}"),
                    )
                )
        return results, failures


def process(articles: Sequence[Article], kit: Toolkit) -> list[ArticleResult]:
    """Extract and check a batch of articles."""
    results = []
    for article, claims in zip(articles, kit.extractor.extract_many(articles), strict=True):
        verdicts = check_claims(claims, kit.registry, article.published)
        checked = [CheckedClaim(claim=c, verdict=v) for c, v in zip(claims, verdicts, strict=True)]
        results.append(ArticleResult(article=article, checked=checked))
    return results


def unchanged(paths: Sequence[str], db_url: str | None = None) -> RunSummary | None:
    """Record a run without starting Prefect when no file under ``paths`` holds an article
    the store lacks: re-running an unchanged folder then costs reading and hashing only, not
    Prefect's start-up and the pipeline build. None when there is work for the flow."""
    store, version = Store(db_url), pipeline_version()
    found = discover([Path(p) for p in paths])
    articles, failures = read_articles(found.files)
    hashes = sorted({a.content_hash for a in articles})
    chunks = (hashes[i : i + 900] for i in range(0, len(hashes), 900))
    if sum(len(store.known_hashes(c, version)) for c in chunks) < len(hashes):
        return None
    missing = [FileFailure(path=str(p), error=Errors.E020.format(path=p)) for p in found.missing]
    run_id = uuid.uuid4().hex
    store.start_run(run_id)
    summary = RunSummary(
        run_id=run_id,
        articles_seen=len(found.files) + len(found.skipped),
        articles_processed=0,
        articles_skipped=len(articles) + len(found.skipped),
        articles_failed=missing + failures,
        claims=0,
        contradicted=0,
    )
    store.finish_run(summary)
    return summary
