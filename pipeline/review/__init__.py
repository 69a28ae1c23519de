"""Review of flagged claims: the queue (grouped, worst first), decisions with an append-only
audit trail, exports and registry proposals, the terminal session and the web app."""
