"""``claimwatch schedule`` end to end: a local Prefect server is started, the folder is
processed on an interval, an article dropped between runs is picked up, and SIGTERM stops
the command and its server."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.schedule import absolute_db_url, healthy
from pipeline.cli.main import app
from pipeline.store import Store
from tests.conftest import ARTICLES

FIRST, DROPPED = "news-llama3-launch.md", "press-release-mistral.md"


def wait_for(condition: Callable[[], bool], timeout: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"no {what} within {timeout} s; log:\n{log.read_text()[-3000:]}")
        time.sleep(1)


def completed_runs(db: str) -> list[dict]:
    return [r for r in Store(db).runs() if r["status"] == "completed"][::-1]  # oldest first


def stored_paths(db: str) -> set[str]:
    return {Path(r["article"]["path"]).name for r in Store(db).claim_records()}


@pytest.mark.slow
def test_schedule_processes_the_folder_on_an_interval_and_stops_cleanly(tmp_path: Path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(ARTICLES / FIRST, folder)
    db, log = f"sqlite:///{tmp_path / 'cw.db'}", tmp_path / "schedule.log"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_UI_ENABLED"] = "false"  # the server starts faster without building the UI
    command = [sys.executable, "-m", "pipeline.cli.main", "schedule", str(folder)]
    command += ["--interval", "5", "--db", db]
    with log.open("wb") as out:
        child = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=out, stderr=out)
    try:
        wait_for(lambda: len(completed_runs(db)) >= 1, 240, "first run", log)
        assert stored_paths(db) == {FIRST}
        shutil.copy(ARTICLES / DROPPED, folder)
        wait_for(lambda: DROPPED in stored_paths(db), 180, "run picking up the new article", log)
    finally:
        child.send_signal(signal.SIGTERM)
        child.wait(timeout=90)
    runs = completed_runs(db)
    assert len(runs) >= 2 and runs[0]["articles_processed"] == 1
    assert any(r["articles_processed"] == 1 and r["articles_skipped"] == 1 for r in runs[1:])
    assert child.returncode == 0, log.read_text()[-3000:]
    api = re.search(r"Prefect API at (\S+)", log.read_text())
    assert api and not healthy(api.group(1))  # the local server went down with the command
    assert (tmp_path / ".claimwatch" / "prefect").is_dir()


@pytest.mark.parametrize(
    "url,expected",
    [
        ("sqlite:///cw.db", "sqlite:///{cwd}/cw.db"),
        ("sqlite:////abs/cw.db", "sqlite:////abs/cw.db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ],
)
def test_relative_sqlite_urls_are_made_absolute_for_flow_runs(url: str, expected: str):
    assert absolute_db_url(url) == expected.format(cwd=Path.cwd())


@pytest.mark.parametrize(
    "options", [[], ["--cron", "* * * * *", "--interval", "60"]], ids=["neither", "both"]
)
def test_schedule_needs_exactly_one_of_cron_and_interval(tmp_path: Path, options: list[str]):
    result = CliRunner().invoke(app, ["schedule", str(tmp_path), *options])
    assert result.exit_code == 2 and "exactly one of --cron and --interval" in result.output
