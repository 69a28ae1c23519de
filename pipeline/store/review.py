"""The review's SQL: flagged claims with their articles, the decision log, article texts.

Decisions are an append-only log: rows are inserted, never updated or deleted. A decision
made for a group of identical claims is one row per claim sharing a ``batch`` id; an undo is
a new row (decision ``undo``) whose ``undoes`` names the row it takes back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, insert, select

from pipeline.store import Store, _record, records_query
from pipeline.store import tables as t


def claim_records(
    store: Store,
    *,
    status: str | None = None,
    attribute: str | None = None,
    article_id: str | None = None,
    model_key: str | None = None,
) -> list[dict[str, Any]]:
    """Claim records (the export shape, decision left empty), worst first, filtered."""
    query = records_query()
    if status:
        query = query.where(t.verdicts.c.status == status)
    if attribute:
        query = query.where(t.claims.c.attribute == attribute)
    if article_id:
        query = query.where(t.claims.c.article_id == article_id)
    if model_key:
        key = model_key.casefold()
        query = query.where(
            (func.lower(t.claims.c.model_id) == key) | (func.lower(t.claims.c.model) == key)
        )
    with store.reading() as conn:
        return [_record(dict(row._mapping), None) for row in conn.execute(query)]


def claim_ids_like(store: Store, prefix: str) -> list[str]:
    """Ids of the claims whose id starts with ``prefix`` (at most a few)."""
    query = select(t.claims.c.id).where(t.claims.c.id.startswith(prefix, autoescape=True))
    with store.reading() as conn:
        return list(conn.scalars(query.limit(5)))


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One stored article with its text."""
    query = select(t.articles).where(t.articles.c.id == article_id)
    with store.reading() as conn:
        row = conn.execute(query).first()
    return dict(row._mapping) if row else None


def article_texts(store: Store, article_ids: Sequence[str]) -> dict[str, str]:
    """Article id -> text, for the given ids."""
    if not article_ids:
        return {}
    query = select(t.articles.c.id, t.articles.c.text).where(
        t.articles.c.id.in_(list(set(article_ids)))
    )
    with store.reading() as conn:
        return {i: text for i, text in conn.execute(query)}


def decision_rows(store: Store, claim_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """The decision log in the order it was written, optionally for some claims only."""
    query = select(t.decisions).order_by(t.decisions.c.id)
    if claim_ids is not None:
        query = query.where(t.decisions.c.claim_id.in_(list(claim_ids)))
    with store.reading() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def add_decisions(store: Store, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Append decision rows in one transaction; return their ids in order."""
    ids = []
    with store.engine.begin() as conn:
        for row in rows:
            key = conn.execute(insert(t.decisions).values(**row)).inserted_primary_key
            assert key is not None  # an insert always has one
            ids.append(int(key[0]))
    return ids


def verdict_statuses(store: Store, claim_ids: Sequence[str]) -> dict[str, str]:
    """Claim id -> its current verdict status."""
    query = select(t.verdicts.c.claim_id, t.verdicts.c.status).where(
        t.verdicts.c.claim_id.in_(list(claim_ids))
    )
    with store.reading() as conn:
        return {c: s for c, s in conn.execute(query)}


def audit_rows(store: Store, limit: int = 500) -> list[dict[str, Any]]:
    """The newest decision rows with what they were about (model, attribute, claimed text)."""
    query = (
        select(
            t.decisions,
            t.claims.c.model,
            t.claims.c.attribute,
            t.claims.c.text,
            t.claims.c.article_id,
        )
        .join(t.claims, t.claims.c.id == t.decisions.c.claim_id)
        .order_by(t.decisions.c.id.desc())
        .limit(limit)
    )
    with store.reading() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]
