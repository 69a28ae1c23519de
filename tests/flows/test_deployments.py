"""prefect.yaml deploys to a Prefect server: the scheduled process-articles deployment on a
process work pool, with its cron schedule and parameters (flows.schedule starts the server)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.schedule import healthy, prefect_api
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def prefect(*args: str, api_url: str) -> str:
    env = {**os.environ, "PREFECT_API_URL": api_url}
    command = [sys.executable, "-m", "prefect", "--no-prompt", *args]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done.stdout


def test_prefect_yaml_deploys_a_scheduled_flow_for_a_process_pool(tmp_path: Path):
    with prefect_api(tmp_path / ".claimwatch") as api_url:
        prefect("work-pool", "create", "claimwatch", "--type", "process", api_url=api_url)
        prefect("deploy", "--all", api_url=api_url)
        shown = prefect(
            "deployment",
            "inspect",
            "process-articles/scheduled",
            "--output",
            "json",
            api_url=api_url,
        )
    deployment = json.loads(shown)
    assert deployment["work_pool_name"] == "claimwatch"
    assert deployment["entrypoint"] == "flows/process.py:process_articles"
    assert [s["schedule"]["cron"] for s in deployment["schedules"]] == ["*/15 * * * *"]
    assert set(deployment["parameters"]) <= set(
        deployment["parameter_openapi_schema"]["properties"]
    )
    assert not healthy(api_url)  # the server started for the test is gone
