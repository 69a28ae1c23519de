"""Check: Claim + Registry -> Verdict."""

from pipeline.check.checker import check_claim, check_claims

__all__ = ["check_claim", "check_claims"]
