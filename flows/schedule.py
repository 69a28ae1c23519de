"""``claimwatch schedule``: serve ``process-articles`` on a cron or interval schedule.

Prefect runs schedules only against a real API, not against its temporary local one. With
``PREFECT_API_URL`` set, the deployment is served against that server; without it, a local
Prefect server is started here (127.0.0.1, a free port, state in ``.claimwatch/prefect``),
used while serving, and shut down on exit (Ctrl-C or SIGTERM).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from types import FrameType

DATA_DIR = Path(".claimwatch")
SERVER_TIMEOUT = 120.0  # seconds for a local server to answer /api/health (15-30 s here)
DEPLOYMENT = "scheduled"


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def start_server(home: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``prefect server start`` on a free port in its own process group."""
    home.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = {**os.environ, "PREFECT_HOME": str(home.resolve())}
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.pop("PREFECT_API_URL", None)
    command = [sys.executable, "-m", "prefect", "server", "start"]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    with (home / "server.log").open("ab") as log:
        server = subprocess.Popen(
            command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    return server, f"http://127.0.0.1:{port}/api"


def wait_healthy(server: subprocess.Popen[bytes], api_url: str, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not healthy(api_url):
        if server.poll() is not None or time.monotonic() > deadline:
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"the local Prefect server did not start at {api_url}:\n{tail}")
        time.sleep(0.5)


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """Stop the server and the processes it started (its own process group)."""
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # SIGTERM while starting: leave through the same cleanup


@contextmanager
def prefect_api(data_dir: Path = DATA_DIR, timeout: float = SERVER_TIMEOUT) -> Iterator[str]:
    """The configured Prefect API, or a local server started for the duration."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if configured := PREFECT_API_URL.value():
        yield configured
        return
    home = data_dir / "prefect"
    previous = signal.signal(signal.SIGTERM, _interrupt)
    server, api_url = start_server(home)
    try:
        wait_healthy(server, api_url, home / "server.log", timeout)
        os.environ["PREFECT_API_URL"] = api_url  # flow runs are subprocesses: they inherit it
        with temporary_settings({PREFECT_API_URL: api_url}):
            yield api_url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        signal.signal(signal.SIGTERM, previous)
        stop_server(server)


def absolute_db_url(url: str) -> str:
    """A relative SQLite path made absolute, so that flow runs find the same file."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/") and ":memory:" not in url:
        return prefix + str(Path(url[len(prefix) :]).resolve())
    return url


def serve_schedule(
    paths: list[str],
    db_url: str,
    registry: tuple[str, ...] = (),
    *,
    cron: str | None = None,
    interval: float | None = None,
) -> None:
    """Serve process-articles on the schedule until interrupted (runs never overlap)."""
    from prefect.deployments.runner import EntrypointType

    from flows.process import process_articles

    parameters = {
        "paths": [str(Path(p).resolve()) for p in paths],
        "db_url": absolute_db_url(db_url),
        "registry": [str(Path(p).resolve()) for p in registry],
    }
    with prefect_api() as api_url:
        print(f"serving process-articles on the Prefect API at {api_url}", flush=True)
        process_articles.serve(
            name=DEPLOYMENT,
            cron=cron,
            interval=interval,
            paused=False,
            parameters=parameters,
            limit=1,  # a run still going when the next is due: the next one is skipped
            pause_on_shutdown=False,
            entrypoint_type=EntrypointType.MODULE_PATH,  # runs import flows.process
        )
