"""Prefect settings for flows run from the command line on one machine.

Prefect starts a temporary local API server when no ``PREFECT_API_URL`` is set. It waits
20 s for it by default; on a busy 2-core machine, or with two ``claimwatch run``s starting
at once, start-up takes 30 s or more and the run would fail before it began. A setting the
user made in the environment always wins.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

STARTUP_TIMEOUT_SECONDS = 180


@contextmanager
def local_prefect() -> Iterator[None]:
    """Patient start-up of the temporary server, and no telemetry from it."""
    from prefect.settings import (
        PREFECT_SERVER_ANALYTICS_ENABLED,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
        temporary_settings,
    )

    defaults: dict[Any, Any] = {
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS: STARTUP_TIMEOUT_SECONDS,
        PREFECT_SERVER_ANALYTICS_ENABLED: False,
    }
    updates = {s: v for s, v in defaults.items() if s.name not in os.environ}
    with temporary_settings(updates):
        yield
