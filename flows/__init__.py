"""Prefect flows of claimwatch, thin over ``pipeline``."""
