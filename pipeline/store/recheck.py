"""SQL of ``recheck``: stored claims in batches, and verdict rewrites with their changes."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Text, cast, select, update

from pipeline.schema import Attribute, Claim, Precision, Qualifiers
from pipeline.store import Store, now
from pipeline.store import tables as t

JUDGED = ("status", "reason", "expected", "source", "hint")
VERDICT_COLUMNS = (*JUDGED, "registry_version", "explanation")
IN_CHUNK = 900  # ids per UPDATE ... IN (...), under every SQLite's bound-parameter limit

Row = Any  # a result row: claim columns, the article's `published`, the verdict columns


JSON_COLUMNS = ("value", "qualifiers", "expected")


def stored_claims(store: Store, batch_size: int) -> Iterator[list[Row]]:
    """Batches of stored claim rows with their article date and verdict, in id order.

    The JSON columns are read as text and decoded through a cache: across 100k claims they
    take few distinct values, and decoding each row's JSON was most of a recheck's reading.
    """
    columns = [cast(c, Text).label(c.name) if c.name in JSON_COLUMNS else c for c in t.claims.c]
    verdict_columns = [
        cast(t.verdicts.c[c], Text).label(c) if c in JSON_COLUMNS else t.verdicts.c[c]
        for c in VERDICT_COLUMNS
    ]
    query = (
        select(*columns, t.articles.c.published, *verdict_columns)
        .join(t.articles, t.articles.c.id == t.claims.c.article_id)
        .join(t.verdicts, t.verdicts.c.claim_id == t.claims.c.id)
        .order_by(t.claims.c.id)
    )
    with store.reading() as conn:
        if conn.dialect.name == "sqlite":  # the DB-API cursor's tuples: no Row objects to build
            cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.execute(str(query.compile(dialect=conn.dialect)))
                names = [d[0] for d in cursor.description]
                while rows := cursor.fetchmany(batch_size):
                    yield [_decoded(dict(zip(names, r, strict=True))) for r in rows]
            finally:
                cursor.close()
            return
        result = conn.execution_options(yield_per=batch_size).execute(query)
        for partition in result.partitions():  # a server-side cursor on PostgreSQL
            yield [_decoded(dict(r._mapping)) for r in partition]


def _decoded(row: dict[str, Any]) -> dict[str, Any]:
    """The row with its JSON columns decoded, the text kept beside them as '<column>_json'."""
    for column in JSON_COLUMNS:
        row[f"{column}_json"] = raw = row[column]
        row[column] = _json(raw)
    return row


@lru_cache(maxsize=65536)
def _json(raw: str | None) -> Any:
    """Decoded JSON, shared between equal texts: callers must not change it."""
    return None if raw is None else json.loads(raw)


def judgement_key(row: Row) -> tuple[Any, ...]:
    """What a verdict depends on besides the registry: equal keys, equal judgements."""
    return (
        row["model"],
        row["model_id"],
        row["attribute"],
        row["value_json"],
        row["precision"],
        row["text"],
        row["qualifiers_json"],
        row["published"],
    )


def claim_of(row: Row) -> tuple[Claim, dt.date | None]:
    """The Claim of a stored row (our own data: built without re-validation) and its date."""
    fields = {k: row[k] for k in Claim.model_fields if k != "qualifiers"}
    fields["attribute"] = Attribute(fields["attribute"])
    fields["precision"] = Precision(fields["precision"]) if fields["precision"] else None
    qualifiers = Qualifiers.model_validate(row["qualifiers"])
    claim = Claim.model_construct(**fields, qualifiers=qualifiers)
    published = dt.date.fromisoformat(row["published"]) if row["published"] else None
    return claim, published


def stored_verdict(row: Row) -> Row:
    """The stored verdict of a row: the row itself, which holds every verdict column."""
    return row


def save_rechecked(
    store: Store, pairs: Sequence[tuple[dict[str, Any], dict[str, Any]]], version: str
) -> int:
    """Rewrite the verdicts (JSON records) whose judgement changed, recording each change, and
    stamp every verdict of the batch with the registry version; one transaction per batch.
    Returns the number changed."""
    stamp = now()
    rows, changes, same = [], [], []
    for old, new in pairs:
        if any(old[k] != new[k] for k in JUDGED):
            rows.append({**new, "checked_at": stamp})
            changes.append(_change(old, new, stamp))
        elif old["registry_version"] != version:
            same.append(new["claim_id"])
    with store.engine.begin() as conn:
        store.upsert(conn, t.verdicts, rows, ["claim_id"])
        if changes:
            conn.execute(t.verdict_changes.insert(), changes)
        for start in range(0, len(same), IN_CHUNK):
            ids = same[start : start + IN_CHUNK]
            conn.execute(
                update(t.verdicts)
                .where(t.verdicts.c.claim_id.in_(ids))
                .values(registry_version=version, checked_at=stamp)
            )
    return len(changes)


def _change(old: dict[str, Any], new: dict[str, Any], stamp: str) -> dict[str, Any]:
    return {
        "claim_id": new["claim_id"],
        "old_status": old["status"],
        "new_status": new["status"],
        "old_registry_version": old["registry_version"],
        "new_registry_version": new["registry_version"],
        "old_explanation": old["explanation"],
        "changed_at": stamp,
    }


def verdict_changes(store: Store, claim_id: str | None = None) -> list[dict[str, Any]]:
    query = select(t.verdict_changes).order_by(t.verdict_changes.c.id)
    if claim_id:
        query = query.where(t.verdict_changes.c.claim_id == claim_id)
    with store.reading() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]
