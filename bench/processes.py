"""The ack bench's processes: the fake Slack and SMTP peers (and what they received), and the
two servers under test, each started as `python -m bench.serve` in a session of its own."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
SLACK_PATH = "/slack/events"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def stop_process(proc: subprocess.Popen[Any], grace: float = 25.0) -> None:
    """SIGTERM (gunicorn's graceful stop), then SIGKILL to the process group it leads."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    # Workers left behind by a killed master are in its process group (start_new_session).
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@dataclass(frozen=True)
class Deliveries:
    cards: dict[int, list[float]]
    mails: dict[int, list[float]]


@dataclass(frozen=True)
class Pages:
    """When each bench ticket was paged (its DM, call and text) and its card posted."""

    dms: dict[int, list[float]]
    calls: dict[int, list[float]]
    texts: dict[int, list[float]]
    cards: dict[int, list[float]]


class Fakes:
    """bench/fakes.py in a subprocess: the fake Slack API, SMTP server and Twilio API for
    Balie's outbox."""

    def __init__(self, workdir: Path) -> None:
        self.log = workdir / "fakes.log"
        self._log_file = self.log.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bench.fakes"],
            cwd=workdir,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log_file,
            text=True,
            start_new_session=True,
        )
        first = self._read_line()
        self.slack_api_url: str = first["slack_api_url"]
        self.smtp_url: str = first["smtp_url"]
        self.twilio_api_url: str = first["twilio_api_url"]
        self.response_url = self.slack_api_url.removesuffix("api/") + "response/bench"

    def _read_line(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"bench.fakes stopped:\n{_tail(self.log)}")
        result: dict[str, Any] = json.loads(line)
        return result

    def _ask(self, line: str) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self._read_line()

    def stats(self) -> dict[str, Any]:
        return self._ask("stats")

    def deliveries(self, first: int, last: int) -> Deliveries:
        """When the card and the e-mail of each bench ticket first..last arrived (unix time)."""
        got = self._ask(f"deliveries {first} {last}")
        return Deliveries(
            cards={int(k): v for k, v in got["cards"].items()},
            mails={int(k): v for k, v in got["mails"].items()},
        )

    def pages(self, first: int, last: int, user: str) -> Pages:
        """When each bench ticket first..last was paged to `user`, and its card (unix time)."""
        got = self._ask(f"pages {first} {last} {user}")

        def of(kind: str) -> dict[int, list[float]]:
            return {int(k): v for k, v in got[kind].items()}

        return Pages(dms=of("dms"), calls=of("calls"), texts=of("texts"), cards=of("cards"))

    def close(self) -> None:
        if self.proc.stdin is not None:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            stop_process(self.proc, grace=5)
        stop_process(self.proc, grace=0)
        self._log_file.close()


@dataclass
class Server:
    name: str
    port: int
    proc: subprocess.Popen[bytes]
    log: Path
    log_file: IO[bytes]

    def get(self, path: str) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection(HOST, self.port, timeout=10)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def wait_ready(self, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited with status {self.proc.returncode}:\n{_tail(self.log)}"
                )
            with contextlib.suppress(OSError, http.client.HTTPException):
                status, _ = self.get("/healthz")
                if status == 200:
                    return
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} not ready after {timeout:.0f}s:\n{_tail(self.log)}")

    def stop(self) -> None:
        stop_process(self.proc)
        self.log_file.close()


@contextlib.contextmanager
def server(app: str, env: dict[str, str], workdir: Path) -> Iterator[Server]:
    port = free_port()
    log = workdir / f"{app}-{port}.log"
    log_file = log.open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.serve", app, "--port", str(port)],
        cwd=workdir,  # not the repository: no .env is read
        env=env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    srv = Server(app, port, proc, log, log_file)
    try:
        srv.wait_ready()
        yield srv
    finally:
        srv.stop()
