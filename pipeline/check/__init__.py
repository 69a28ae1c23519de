"""Check: Claim + Registry -> Verdict."""

from pipeline.check.checker import CachedChecker, check_claim, check_claims

__all__ = ["CachedChecker", "check_claim", "check_claims"]
