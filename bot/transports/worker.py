"""The worker: delivers the outbox (registrations, Slack messages, e-mail) and runs the SLA
monitor, in a process of its own.

HTTP mode starts one beside gunicorn, so the web workers only answer Slack: their acks never
share the interpreter lock with the work that follows them. Several replicas may each run one;
leases and claims in the database keep them from doing anything twice.

Acks go first. The worker shares the host's cores with the web workers, and each delivery also
costs the database and the peers some CPU, which the worker's lower priority (WORKER_NICE) does
not reach. So the web workers raise a beacon (storage.beacon) while they answer a request, and
the worker waits for it to go down before each delivery, ACKS_FIRST_CAP at most. At a desk's
pace the beacon is nearly always down and costs nothing; in a flood of requests the worker
slows down to about one delivery per cap (fewer on SQLite, where its writes also let waiting
acks go first) and catches up when the flood ends.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bot.settings import Settings
from bot.wiring import build_services

log = logging.getLogger(__name__)

# The longest the worker waits for the acks before each delivery: a flood of requests slows
# deliveries down to a few per second, and never stops them.
ACKS_FIRST_CAP = 0.2


def run_worker(settings: Settings, *, acks: str | None = None) -> int:
    """Run the background work until SIGTERM; `acks` is the web workers' beacon file."""
    services = build_services(settings, run_migrations=False)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    services.background.start()
    log.info("Balie worker started (pid %s)", os.getpid())
    stop.wait()
    log.info("Balie worker stopping")
    services.close()
    return 0


class Supervisor:
    """Keeps one `python -m bot worker` running beside the web server; restarts it if it dies.

    `acks` is the path of the beacon the web workers raise while they answer Slack.
    """

    def __init__(self, nice: int = 0) -> None:
        self.nice = nice
        # In /dev/shm where there is one: cleaners of /tmp (systemd-tmpfiles) may delete an
        # old file, and a restarted worker would then wait on a new one nobody raises.
        shm = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
        self._dir = Path(tempfile.mkdtemp(prefix="balie-", dir=shm))
        self.acks = str(self._dir / "acks")
        self._proc: subprocess.Popen[bytes] | None = None
        self._stopping = threading.Event()
        self._thread = threading.Thread(
            target=self._watch, name="balie-worker-supervisor", daemon=True
        )

    def _spawn(self) -> subprocess.Popen[bytes]:
        nice = self.nice

        def lower_priority() -> None:
            if nice:
                os.nice(nice)

        return subprocess.Popen(
            [sys.executable, "-m", "bot", "worker", "--acks", self.acks],
            preexec_fn=lower_priority,
        )

    def start(self) -> None:
        self._proc = self._spawn()
        self._thread.start()

    def _watch(self) -> None:
        delay = 1.0
        while not self._stopping.is_set():
            proc = self._proc
            if proc is not None and proc.poll() is not None and not self._stopping.is_set():
                log.error(
                    "Balie worker exited with %s; restarting in %.0fs", proc.returncode, delay
                )
                time.sleep(delay)
                delay = min(delay * 2, 60.0)
                self._proc = self._spawn()
            self._stopping.wait(1.0)

    def stop(self) -> None:
        self._stopping.set()
        proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(self._dir, ignore_errors=True)
