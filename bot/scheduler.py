"""Background work: delivering the outbox, the SLA monitor, and housekeeping.

The outbox has a thread of its own that sleeps on an Event: a commit in this process wakes it
at once (`kick`), and it polls the database a few times a second for rows committed by other
processes (the web workers, other replicas). The periodic jobs run on APScheduler.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler

from bot.clock import Clock
from bot.outbox.dispatcher import Dispatcher
from storage import outbox

log = logging.getLogger(__name__)


class Background:
    def __init__(self, *, dispatcher: Dispatcher, clock: Clock, poll_seconds: float = 0.25) -> None:
        self.dispatcher = dispatcher
        self.clock = clock
        self.poll_seconds = poll_seconds
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lanes: list[_Lane] = []
        self.scheduler = BackgroundScheduler(
            executors={"default": ThreadPoolExecutor(4)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 30},
            timezone=UTC,
        )
        self.add_periodic("outbox_purge", self._purge, seconds=6 * 3600)

    def add_periodic(self, job_id: str, fn: Callable[[], object], seconds: float) -> None:
        def run() -> None:
            # Jobs that fell due while others ran wait in the executor's queue, and shutdown
            # runs everything queued: after a slow start that is every job once more, so a stop
            # took as long as a round of them. Once stopping, a queued job does nothing.
            if self._stop.is_set():
                return
            try:
                fn()
            except Exception:
                log.exception("%s failed; retrying at the next tick", job_id)

        self.scheduler.add_job(
            run, "interval", seconds=seconds, id=job_id, next_run_time=datetime.now(UTC)
        )

    def add_monitor(self, sweep: Callable[[], object], seconds: float = 30.0) -> None:
        """The SLA monitor; several replicas may sweep at once (claims live in the database)."""
        self.add_periodic("sla_monitor", sweep, seconds)

    def add_lane(self, name: str, work: Callable[[], object], seconds: float) -> None:
        """A loop of its own, like the outbox's: `work` runs every `seconds` and at once after
        every kick. The Slack pages run in one and the phone's calls and texts in another, so
        a page never waits behind a card or an e-mail, nor a DM behind a slow call."""
        self._lanes.append(_Lane(name, work, seconds, self._stop))

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._outbox_loop, name="balie-outbox", daemon=True)
        self._thread.start()
        for lane in self._lanes:
            lane.start()
        if not self.scheduler.running:
            self.scheduler.start()

    def shutdown(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None
        for lane in self._lanes:
            lane.join()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)

    def kick(self) -> None:
        """Deliver now: something was just committed."""
        self._wake.set()
        for lane in self._lanes:
            lane.wake.set()

    def _outbox_loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.poll_seconds)
            self._wake.clear()
            try:
                # Rows committed during a drain are picked up by its own loop, or by the next
                # round at the latest.
                self.dispatcher.drain()
            except Exception:
                log.exception("outbox drain failed; retrying")
                self._stop.wait(1.0)

    def _purge(self) -> None:
        with self.dispatcher.sessions.begin() as session:
            removed = outbox.purge_delivered(
                session=session, before=self.clock.now() - timedelta(days=7)
            )
        log.info("purged %d delivered outbox rows", removed)


class _Lane:
    def __init__(
        self, name: str, work: Callable[[], object], seconds: float, stop: threading.Event
    ) -> None:
        self.name = name
        self.work = work
        self.seconds = seconds
        self.wake = threading.Event()
        self._stop = stop
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(
                target=self._loop, name=f"balie-{self.name}", daemon=True
            )
            self._thread.start()

    def join(self) -> None:
        self.wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.wake.wait(self.seconds)
            self.wake.clear()
            try:
                self.work()
            except Exception:
                log.exception("%s failed; retrying", self.name)
                self._stop.wait(1.0)
