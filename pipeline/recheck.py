"""Re-judge every stored claim against the current registry, without reading articles.

Verdicts are rewritten with the registry version that produced them; a verdict whose
judgement changed (status, reason, registry value, source or hint) is recorded in
``verdict_changes``. Each batch is one transaction, so a killed recheck resumes cleanly:
running it again re-judges every claim, and claims already re-judged do not change again.
"""

from __future__ import annotations

from pydantic import BaseModel

from pipeline.check import check_claim
from pipeline.registry import Registry
from pipeline.store import Store
from pipeline.store.recheck import save_rechecked, stored_claims

BATCH_SIZE = 5000


class RecheckSummary(BaseModel):
    registry_version: str
    claims: int
    changed: int


def recheck(store: Store, registry: Registry, batch_size: int = BATCH_SIZE) -> RecheckSummary:
    claims = changed = 0
    for batch in stored_claims(store, batch_size):
        pairs = [(old, check_claim(claim, registry, published)) for claim, published, old in batch]
        changed += save_rechecked(store, pairs)
        claims += len(batch)
    return RecheckSummary(registry_version=registry.version, claims=claims, changed=changed)
