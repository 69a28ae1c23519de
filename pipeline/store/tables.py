"""Table definitions and ordered migrations. All SQL of claimwatch lives in this package."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    inspect,
)

metadata = MetaData()

migrations_table = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("path", Text, nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("published", String(10)),
    Column("content_hash", String(64), nullable=False),
    Column("pipeline_version", String(40), nullable=False),
    Column("text", Text, nullable=False),
    Column("first_seen_run", String(40)),
    Column("processed_at", String(40), nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Column("model", Text, nullable=False),
    Column("model_id", String(100)),
    Column("attribute", String(40), nullable=False),
    Column("value", JSON),
    Column("precision", String(10)),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("qualifiers", JSON, nullable=False),
    Index("ix_claims_article", "article_id"),
)

verdicts = Table(
    "verdicts",
    metadata,
    Column("claim_id", String(32), ForeignKey("claims.id"), primary_key=True),
    Column("status", String(20), nullable=False),
    Column("reason", String(30)),
    Column("expected", JSON, nullable=False),
    Column("source", Text),
    Column("explanation", Text, nullable=False),
    Column("hint", Text),
    Column("severity", Float, nullable=False),
    Column("registry_version", String(40), nullable=False),
    Column("checked_at", String(40), nullable=False),
    Index("ix_verdicts_status", "status"),
)

runs = Table(
    "runs",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("started_at", String(40), nullable=False),
    Column("ended_at", String(40)),
    Column("status", String(20), nullable=False),
    Column("articles_seen", Integer, nullable=False, default=0),
    Column("articles_processed", Integer, nullable=False, default=0),
    Column("articles_skipped", Integer, nullable=False, default=0),
    Column("articles_failed", Integer, nullable=False, default=0),
    Column("claims", Integer, nullable=False, default=0),
    Column("contradicted", Integer, nullable=False, default=0),
)

failures = Table(
    "failures",
    metadata,
    Column("run_id", String(40), ForeignKey("runs.id"), primary_key=True),
    Column("path", Text, primary_key=True),
    Column("error", Text, nullable=False),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(32), ForeignKey("claims.id"), nullable=False),
    Column("decision", String(30), nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("note", Text),
    Column("verdict_status", String(20), nullable=False),
    Column("decided_at", String(40), nullable=False),
    Index("ix_decisions_claim", "claim_id"),
)

# Added by migration 2: a decision made once for a group of identical claims shares a batch id,
# and an undo is a new row whose ``undoes`` names the row it takes back.
DECISION_LINKS = (Column("batch", String(32)), Column("undoes", Integer))
for _column in DECISION_LINKS:
    decisions.append_column(_column)


verdict_changes = Table(
    "verdict_changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(32), ForeignKey("claims.id"), nullable=False),
    Column("old_status", String(20), nullable=False),
    Column("new_status", String(20), nullable=False),
    Column("old_registry_version", String(40), nullable=False),
    Column("new_registry_version", String(40), nullable=False),
    Column("old_explanation", Text, nullable=False),
    Column("changed_at", String(40), nullable=False),
    Index("ix_verdict_changes_claim", "claim_id"),
)


def _initial(conn: Connection) -> None:
    for table in (articles, claims, verdicts, runs, failures, decisions):
        table.create(conn, checkfirst=True)


def _decision_links(conn: Connection) -> None:
    """Add decisions.batch and decisions.undoes where migration 1 made the table without them."""
    present = {c["name"] for c in inspect(conn).get_columns("decisions")}
    for column in DECISION_LINKS:
        if column.name not in present:
            kind = column.type.compile(dialect=conn.dialect)
            conn.exec_driver_sql(f"ALTER TABLE decisions ADD COLUMN {column.name} {kind}")


def _verdict_changes(conn: Connection) -> None:
    verdict_changes.create(conn, checkfirst=True)


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "initial schema", _initial),
    (2, "decision batches and undo links", _decision_links),
    (3, "verdict changes recorded by recheck", _verdict_changes),
]
