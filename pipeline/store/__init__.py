"""The store: SQLite by default, PostgreSQL by URL; idempotent upserts; ordered migrations.

Ids derive from content (articles from their text, claims from article + offsets), so
storing the same results twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Select, create_engine, event, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from pipeline.schema import ArticleResult, FileFailure, RunSummary, Status
from pipeline.store import tables as t

DB_ENV = "CLAIMWATCH_DB"
DEFAULT_URL = "sqlite:///.claimwatch/claimwatch.db"
BUSY_TIMEOUT_MS = 30_000
READ_OPTION = "claimwatch_read"


def default_url() -> str:
    return os.environ.get(DB_ENV) or DEFAULT_URL


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _sqlite_engine(url: str) -> Engine:
    path = url.split(":///", 1)[1] if ":///" in url else ""
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # writes take the lock up front (no deadlock between two upgrading readers);
        # reads stay deferred so that they never block a writer under WAL
        read = conn.get_execution_options().get(READ_OPTION)
        conn.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")

    return engine


class Store:
    """All reads and writes of claimwatch's database."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or default_url()
        is_sqlite = self.url.startswith("sqlite")
        self.engine = _sqlite_engine(self.url) if is_sqlite else create_engine(self.url)
        self.dialect = sqlite if is_sqlite else postgresql
        self.migrate()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for reads only: deferred transactions that never block writers."""
        with self.engine.connect() as conn:
            yield conn.execution_options(**{READ_OPTION: True})

    def migrate(self) -> list[int]:
        """Apply the migrations not yet recorded in the database, in order."""
        with self.engine.begin() as conn:
            t.migrations_table.create(conn, checkfirst=True)
            done = set(conn.scalars(select(t.migrations_table.c.version)))
            applied = []
            for version, name, step in t.MIGRATIONS:
                if version not in done:
                    step(conn)
                    row = {"version": version, "name": name, "applied_at": now()}
                    conn.execute(insert(t.migrations_table).values(row))
                    applied.append(version)
        return applied

    def upsert(
        self, conn: Connection, table: Any, rows: list[dict[str, Any]], keys: Sequence[str]
    ) -> None:
        if not rows:
            return
        # dedupe the batch, then write in key order: two transactions upserting overlapping
        # rows lock them in the same order, so PostgreSQL never sees a deadlock between them
        by_key = {tuple(r[k] for k in keys): r for r in rows}
        unique = [by_key[key] for key in sorted(by_key)]
        stmt = self.dialect.insert(table)
        update = {c: stmt.excluded[c] for c in unique[0] if c not in keys}
        # executemany of one small statement: a multi-row VALUES clause is compiled afresh
        # for every batch (a bind parameter per cell), which cost seconds per thousand claims
        conn.execute(stmt.on_conflict_do_update(index_elements=list(keys), set_=update), unique)

    # articles, claims, verdicts -------------------------------------------------------
    def known_hashes(self, hashes: Sequence[str], pipeline_version: str) -> set[str]:
        """Which of these content hashes are stored for this pipeline version."""
        if not hashes:
            return set()
        query = select(t.articles.c.content_hash).where(
            t.articles.c.content_hash.in_(list(hashes)),
            t.articles.c.pipeline_version == pipeline_version,
        )
        with self.reading() as conn:
            return set(conn.scalars(query))

    def save_results(
        self, results: Sequence[ArticleResult], run_id: str, pipeline_version: str
    ) -> None:
        """Store articles with their claims and verdicts in one transaction."""
        stamp = now()
        article_rows = [_article_row(r, run_id, pipeline_version, stamp) for r in results]
        claim_rows = [_claim_row(c) for r in results for c in r.checked]
        verdict_rows = [_verdict_row(c, stamp) for r in results for c in r.checked]
        with self.engine.begin() as conn:
            self.upsert(conn, t.articles, article_rows, ["id"])
            self.upsert(conn, t.claims, claim_rows, ["id"])
            self.upsert(conn, t.verdicts, verdict_rows, ["claim_id"])

    # runs -------------------------------------------------------------------------
    def start_run(self, run_id: str) -> None:
        with self.engine.begin() as conn:
            row = {"id": run_id, "started_at": now(), "status": "running"}
            self.upsert(conn, t.runs, [row], ["id"])

    def finish_run(self, summary: RunSummary) -> None:
        row = {
            "id": summary.run_id,
            "ended_at": now(),
            "status": "completed",
            "articles_seen": summary.articles_seen,
            "articles_processed": summary.articles_processed,
            "articles_skipped": summary.articles_skipped,
            "articles_failed": len(summary.articles_failed),
            "claims": summary.claims,
            "contradicted": summary.contradicted,
        }
        failure_rows = [
            {"run_id": summary.run_id, **f.model_dump()} for f in summary.articles_failed
        ]
        with self.engine.begin() as conn:
            conn.execute(t.runs.update().where(t.runs.c.id == summary.run_id).values(row))
            self.upsert(conn, t.failures, failure_rows, ["run_id", "path"])

    def runs(self) -> list[dict[str, Any]]:
        with self.reading() as conn:
            rows = conn.execute(select(t.runs).order_by(t.runs.c.started_at.desc()))
            return [dict(r._mapping) for r in rows]

    def failures(self, run_id: str) -> list[FileFailure]:
        query = select(t.failures.c.path, t.failures.c.error).where(t.failures.c.run_id == run_id)
        with self.reading() as conn:
            return [FileFailure(path=p, error=e) for p, e in conn.execute(query)]

    # reading claims ------------------------------------------------------------------
    def count(self, table: str = "claims") -> int:
        with self.reading() as conn:
            return int(conn.scalar(select(func.count()).select_from(t.metadata.tables[table])) or 0)

    def claim_records(
        self, *, status: str | None = None, run_id: str | None = None
    ) -> Iterator[dict[str, Any]]:
        """Claims joined with their verdict, article and latest decision (the export record)."""
        query = records_query()
        if status:
            query = query.where(t.verdicts.c.status == status)
        if run_id:
            query = query.where(t.articles.c.first_seen_run == run_id)
        with self.reading() as conn:
            latest = _latest_decisions(conn)
            for row in conn.execute(query):
                yield _record(dict(row._mapping), latest.get(row.id))


def records_query() -> Select[Any]:
    """Claims joined with their verdict and article, worst first (the export record's rows)."""
    return (
        select(
            t.claims,
            t.verdicts,
            t.articles.c.path,
            t.articles.c.title,
            t.articles.c.url,
            t.articles.c.published,
        )
        .join(t.verdicts, t.verdicts.c.claim_id == t.claims.c.id)
        .join(t.articles, t.articles.c.id == t.claims.c.article_id)
        .order_by(t.verdicts.c.severity.desc(), t.articles.c.published, t.claims.c.start)
    )


def _latest_decisions(conn: Connection) -> dict[str, dict[str, Any]]:
    rows = conn.execute(select(t.decisions).order_by(t.decisions.c.id))
    return {r.claim_id: dict(r._mapping) for r in rows}


def _article_row(result: ArticleResult, run_id: str, version: str, stamp: str) -> dict[str, Any]:
    a = result.article
    return {
        "id": a.id,
        "path": a.path,
        "title": a.title,
        "url": a.url,
        "published": a.published.isoformat() if a.published else None,
        "content_hash": a.content_hash,
        "pipeline_version": version,
        "text": a.text,
        "first_seen_run": run_id,
        "processed_at": stamp,
    }


def _claim_row(checked: Any) -> dict[str, Any]:
    c = checked.claim
    return {
        "id": c.id,
        "article_id": c.article_id,
        "model": c.model,
        "model_id": c.model_id,
        "attribute": c.attribute.value,
        "value": c.value,
        "precision": c.precision.value if c.precision else None,
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "sentence": c.sentence,
        "qualifiers": c.qualifiers.model_dump(mode="json"),
    }


def _verdict_row(checked: Any, stamp: str) -> dict[str, Any]:
    v = checked.verdict.model_dump(mode="json")
    return {**v, "checked_at": stamp}


def _record(row: dict[str, Any], decision: dict[str, Any] | None) -> dict[str, Any]:
    verdict_keys = (
        "status",
        "reason",
        "expected",
        "source",
        "explanation",
        "hint",
        "severity",
        "registry_version",
    )
    return {
        "id": row["id"],
        "model": row["model"],
        "model_id": row["model_id"],
        "attribute": row["attribute"],
        "value": row["value"],
        "precision": row["precision"],
        "text": row["text"],
        "start": row["start"],
        "end": row["end"],
        "sentence": row["sentence"],
        "qualifiers": row["qualifiers"],
        "verdict": {k: row[k] for k in verdict_keys},
        "article": {k: row[k] for k in ("path", "title", "url", "published")}
        | {"id": row["article_id"]},
        "decision": _decision(decision),
    }


def _decision(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {k: row[k] for k in ("decision", "reviewer", "note", "decided_at")}


__all__ = ["DEFAULT_URL", "Status", "Store", "default_url"]
