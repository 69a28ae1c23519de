"""SQL of ``recheck``: stored claims in batches, and verdict rewrites with their changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import select

from pipeline.schema import Claim, Verdict
from pipeline.store import Store, now
from pipeline.store import tables as t

JUDGED = ("status", "reason", "expected", "source", "hint")


def stored_claims(
    store: Store, batch_size: int
) -> Iterator[list[tuple[Claim, dt.date | None, dict[str, Any]]]]:
    """Batches of (claim, article publication date, stored verdict row), in id order."""
    query = (
        select(t.claims, t.articles.c.published, *(c.label(f"v_{c.name}") for c in t.verdicts.c))
        .join(t.articles, t.articles.c.id == t.claims.c.article_id)
        .join(t.verdicts, t.verdicts.c.claim_id == t.claims.c.id)
        .order_by(t.claims.c.id)
    )
    with store.reading() as conn:
        result = conn.execution_options(yield_per=batch_size).execute(query)
        for rows in result.partitions():
            yield [_from_row(dict(r._mapping)) for r in rows]


def _from_row(row: dict[str, Any]) -> tuple[Claim, dt.date | None, dict[str, Any]]:
    claim = Claim.model_validate({k: row[k] for k in Claim.model_fields})
    published = dt.date.fromisoformat(row["published"]) if row["published"] else None
    verdict = {k[2:]: v for k, v in row.items() if k.startswith("v_")}
    return claim, published, verdict


def save_rechecked(store: Store, pairs: Sequence[tuple[dict[str, Any], Verdict]]) -> int:
    """Write the new verdicts (every one carries the new registry version); record and count
    those whose judgement changed. One transaction per batch."""
    stamp = now()
    rows, changes = [], []
    for old, verdict in pairs:
        new = verdict.model_dump(mode="json")
        rows.append({**new, "checked_at": stamp})
        if any(old[k] != new[k] for k in JUDGED):
            changes.append(_change(old, new, stamp))
    with store.engine.begin() as conn:
        store.upsert(conn, t.verdicts, rows, ["claim_id"])
        if changes:
            conn.execute(t.verdict_changes.insert(), changes)
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
