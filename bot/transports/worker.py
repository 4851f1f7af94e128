"""The worker: delivers the outbox (Slack messages, e-mail) and runs the SLA monitor, in a
process of its own.

HTTP mode starts one beside gunicorn (the Supervisor below), so the web workers only answer
Slack: their acks never share the interpreter lock with the work that follows them. Several
replicas may each run one; leases and claims in the database keep them from doing anything
twice. The worker lowers its own CPU priority (WORKER_NICE) once it runs, so the web workers
on the same host go first.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time

from bot.settings import Settings
from bot.wiring import build_services

log = logging.getLogger(__name__)


def run_worker(settings: Settings) -> int:
    """Run the background work until SIGTERM."""
    lower_priority(settings.worker_nice)
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


def lower_priority(nice: int) -> None:
    """Yield the CPU by `nice` steps, from this process itself (the parent has threads, and a
    preexec_fn there could deadlock the child between fork and exec)."""
    if nice <= 0:
        return
    try:
        current = os.getpriority(os.PRIO_PROCESS, 0)
        os.setpriority(os.PRIO_PROCESS, 0, min(current + nice, 19))
    except OSError as exc:
        log.warning("could not lower the worker's priority by %s: %s", nice, exc)


def describe_exit(returncode: int) -> str:
    """How a child process ended, as Popen reports it (a negative code is a signal)."""
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        return f"was killed by {name}"
    return f"exited with status {returncode}"


class Supervisor:
    """Keeps one `python -m bot worker` running beside the web server; restarts it if it dies.

    It logs how the worker ended: its exit status, or the signal that killed it. Restarts back
    off from `first_delay`, doubling up to `max_delay`; a worker that ran for `healthy_after`
    seconds ran well, and the restart after it waits `first_delay` again.
    """

    def __init__(
        self,
        *,
        argv: list[str] | None = None,
        first_delay: float = 1.0,
        max_delay: float = 60.0,
        healthy_after: float = 60.0,
        poll: float = 1.0,
    ) -> None:
        self.argv = argv or [sys.executable, "-m", "bot", "worker"]
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.healthy_after = healthy_after
        self.poll = poll
        self._proc: subprocess.Popen[bytes] | None = None
        self._started = 0.0
        # Held while a worker is started or stopped, so stop() never misses a new one.
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread = threading.Thread(
            target=self._watch, name="balie-worker-supervisor", daemon=True
        )

    @property
    def pid(self) -> int | None:
        proc = self._proc
        return proc.pid if proc is not None else None

    def _spawn(self) -> None:
        self._proc = subprocess.Popen(self.argv)
        self._started = time.monotonic()

    def start(self) -> None:
        with self._lock:
            self._spawn()
        self._thread.start()

    def _watch(self) -> None:
        delay = self.first_delay
        while not self._stopping.is_set():
            proc = self._proc
            if proc is None:
                return
            try:
                code = proc.wait(timeout=self.poll)
            except subprocess.TimeoutExpired:
                continue
            if self._stopping.is_set():
                return
            ran = time.monotonic() - self._started
            if ran >= self.healthy_after:
                delay = self.first_delay
            log.error(
                "Balie worker (pid %s) %s after %.0fs; restarting in %gs",
                proc.pid,
                describe_exit(code),
                ran,
                delay,
            )
            if self._stopping.wait(delay):
                return
            with self._lock:
                if self._stopping.is_set():
                    return
                self._spawn()
            delay = min(delay * 2, self.max_delay)

    def stop(self) -> None:
        with self._lock:
            self._stopping.set()
            proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._thread.is_alive():
            self._thread.join(timeout=self.poll + 1)
