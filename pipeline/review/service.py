"""Review operations over the store: the queue, one item, decisions, undo, the audit trail.

The CLI and the web app are thin over this class; all SQL is in pipeline/store/review.py.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from pipeline.errors import ReviewError, ReviewErrors
from pipeline.review.queue import (
    UNDO,
    Decision,
    ReviewItem,
    State,
    effective_decisions,
    group,
)
from pipeline.store import Store, now
from pipeline.store import review as sql

FLAGGED = "contradicted"


def public_decision(row: dict[str, Any] | None) -> dict[str, Any] | None:
    """A decision row as it appears in claim records (the export shape of the design)."""
    if row is None:
        return None
    return {k: row[k] for k in ("decision", "reviewer", "note", "decided_at")}


def export_record(record: dict[str, Any]) -> dict[str, Any]:
    """A claim record with its decision in the export shape."""
    return {**record, "decision": public_decision(record["decision"])}


@dataclass(frozen=True)
class Filters:
    """What the queue is narrowed to; empty fields do not filter."""

    state: State | None = None
    model: str | None = None
    attribute: str | None = None
    article: str | None = None


class Review:
    """The review of flagged claims, backed by one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # reading ---------------------------------------------------------------------
    def records(self, status: str | None = None, **filters: Any) -> list[dict[str, Any]]:
        """Claim records with the decision that holds for each (not merely the latest row)."""
        records = sql.claim_records(self.store, status=status, **filters)
        holding = effective_decisions(sql.decision_rows(self.store))
        for record in records:
            record["decision"] = holding.get(record["id"])  # the whole row; see export_record
        return records

    def queue(self, filters: Filters = Filters()) -> list[ReviewItem]:
        """Review items, worst first; grouped over every flag, then filtered."""
        items = group(self.records(FLAGGED))
        return [
            i
            for i in items
            if (filters.state is None or i.state == filters.state)
            and i.matches(filters.model, filters.attribute, filters.article)
        ]

    def resolve(self, claim_id: str) -> str:
        """A full claim id from an id or a unique prefix of one."""
        found = sql.claim_ids_like(self.store, claim_id) if claim_id else []
        if claim_id in found:
            return claim_id
        if len(found) == 1:
            return found[0]
        if not found:
            raise ReviewError(ReviewErrors.E030.format(claim_id=claim_id))
        raise ReviewError(ReviewErrors.E031.format(claim_id=claim_id, candidates=", ".join(found)))

    def item(self, claim_id: str) -> ReviewItem:
        """The review item (group) the claim belongs to."""
        full = self.resolve(claim_id)
        for item in self.queue():
            if full in item.claim_ids():
                return item
        status = sql.verdict_statuses(self.store, [full]).get(full, "unchecked")
        raise ReviewError(ReviewErrors.E032.format(claim_id=full, status=status))

    def next_open(
        self, after: ReviewItem | None, filters: Filters = Filters()
    ) -> ReviewItem | None:
        """The first open item of the queue other than ``after``."""
        opened = Filters(State.open, filters.model, filters.attribute, filters.article)
        for item in self.queue(opened):
            if after is None or item.key != after.key:
                return item
        return None

    def history(self, item: ReviewItem) -> list[dict[str, Any]]:
        """Every decision row about the item's claims, oldest first."""
        return sql.decision_rows(self.store, item.claim_ids())

    def audit(self, limit: int = 500) -> list[dict[str, Any]]:
        return sql.audit_rows(self.store, limit)

    def article(self, article_id: str) -> dict[str, Any] | None:
        return sql.article(self.store, article_id)

    def article_texts(self, records: list[dict[str, Any]]) -> dict[str, str]:
        return sql.article_texts(self.store, [r["article"]["id"] for r in records])

    # writing ---------------------------------------------------------------------
    def decide(
        self, claim_id: str, decision: str, reviewer: str, note: str | None = None
    ) -> tuple[str, ReviewItem]:
        """Record one decision for the claim's whole group; return the batch id and the item."""
        choice = _decision(decision)
        item = self.item(claim_id)
        batch, stamp = secrets.token_hex(8), now()
        rows = [
            {
                "claim_id": c["id"],
                "decision": choice.value,
                "reviewer": reviewer,
                "note": note or None,
                "verdict_status": c["verdict"]["status"],
                "decided_at": stamp,
                "batch": batch,
            }
            for c in item.claims
        ]
        sql.add_decisions(self.store, rows)
        return batch, item

    def undo(self, reviewer: str, batch: str | None = None) -> str:
        """Take back a batch (default: the reviewer's latest still holding); a new event.

        Returns the id of a claim of the undone batch, to return to it.
        """
        rows = sql.decision_rows(self.store)
        undone = {r["undoes"] for r in rows if r["decision"] == UNDO}
        live = [r for r in rows if r["decision"] != UNDO and r["id"] not in undone]
        if batch is None:
            mine = [r for r in live if r["reviewer"] == reviewer]
            batch = mine[-1]["batch"] if mine else None
        targets = [r for r in live if batch is not None and r["batch"] == batch]
        if not targets:
            raise ReviewError(ReviewErrors.E033)
        stamp = now()
        undo_rows = [_undo_row(r, reviewer, stamp) for r in targets]
        sql.add_decisions(self.store, undo_rows)
        return str(targets[0]["claim_id"])


def _undo_row(row: dict[str, Any], reviewer: str, stamp: str) -> dict[str, Any]:
    return {
        "claim_id": row["claim_id"],
        "decision": UNDO,
        "reviewer": reviewer,
        "note": f"undo of decision {row['id']} ({row['decision']})",
        "verdict_status": row["verdict_status"],
        "decided_at": stamp,
        "batch": row["batch"],
        "undoes": row["id"],
    }


def _decision(value: str) -> Decision:
    try:
        return Decision(value)
    except ValueError:
        choices = ", ".join(d.value for d in Decision)
        raise ReviewError(ReviewErrors.E034.format(decision=value, choices=choices)) from None
