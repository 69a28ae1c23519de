"""Re-judge every stored claim against the current registry, without reading articles.

Verdicts are rewritten with the registry version that produced them; a verdict whose
judgement changed (status, reason, registry value, source or hint) is recorded in
``verdict_changes``. Each batch is one transaction, so a killed recheck resumes cleanly:
running it again re-judges every claim, and claims already re-judged do not change again.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from pipeline.check import check_claim
from pipeline.registry import Registry
from pipeline.store import Store
from pipeline.store.recheck import (
    claim_of,
    judgement_key,
    save_rechecked,
    stored_claims,
    stored_verdict,
)

BATCH_SIZE = 5000


class RecheckSummary(BaseModel):
    registry_version: str
    claims: int
    changed: int


def recheck(store: Store, registry: Registry, batch_size: int = BATCH_SIZE) -> RecheckSummary:
    claims = changed = 0
    judged: dict[tuple[Any, ...], dict[str, Any]] = {}  # identical claims are judged once
    for batch in stored_claims(store, batch_size):
        pairs = [(stored_verdict(row), _judge(row, registry, judged)) for row in batch]
        changed += save_rechecked(store, pairs, registry.version)
        claims += len(batch)
    return RecheckSummary(registry_version=registry.version, claims=claims, changed=changed)


def _judge(
    row: Any, registry: Registry, judged: dict[tuple[Any, ...], dict[str, Any]]
) -> dict[str, Any]:
    """The new verdict of a stored claim, as the JSON record the store writes."""
    key = judgement_key(row)
    verdict = judged.get(key)
    if verdict is None:
        claim, published = claim_of(row)
        verdict = judged[key] = check_claim(claim, registry, published).model_dump(mode="json")
    return {**verdict, "claim_id": row["id"]}
