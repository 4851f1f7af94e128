"""Background work on APScheduler: delivering the outbox, and housekeeping.

The outbox job runs every few seconds and is also woken right after a commit (`kick`), so a
card appears in Slack within milliseconds, not at the next tick.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler

from bot.clock import Clock
from bot.outbox.dispatcher import Dispatcher
from storage import outbox

log = logging.getLogger(__name__)

OUTBOX_JOB = "outbox"


class Background:
    def __init__(self, *, dispatcher: Dispatcher, clock: Clock, poll_seconds: float = 2.0) -> None:
        self.dispatcher = dispatcher
        self.clock = clock
        self.scheduler = BackgroundScheduler(
            executors={"default": ThreadPoolExecutor(4)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 30},
            timezone=UTC,
        )
        self.scheduler.add_job(
            self._drain,
            "interval",
            seconds=poll_seconds,
            id=OUTBOX_JOB,
            next_run_time=datetime.now(UTC),
        )
        self.scheduler.add_job(self._purge, "interval", hours=6, id="outbox_purge")

    def add_monitor(self, sweep: Callable[[], object], seconds: float = 30.0) -> None:
        """The SLA monitor; several replicas may sweep at once (claims live in the database)."""

        def run() -> None:
            try:
                sweep()
            except Exception:
                log.exception("SLA sweep failed; retrying at the next tick")

        self.scheduler.add_job(
            run, "interval", seconds=seconds, id="sla_monitor", next_run_time=datetime.now(UTC)
        )

    def add_periodic(self, job_id: str, fn: Callable[[], object], seconds: float) -> None:
        def run() -> None:
            try:
                fn()
            except Exception:
                log.exception("%s failed; retrying at the next tick", job_id)

        self.scheduler.add_job(
            run, "interval", seconds=seconds, id=job_id, next_run_time=datetime.now(UTC)
        )

    def start(self) -> None:
        if not self.scheduler.running:
            self.scheduler.start()

    def shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)

    def kick(self) -> None:
        """Run the outbox job now (it is skipped, not queued, if it is already running)."""
        if not self.scheduler.running:
            return
        with contextlib.suppress(JobLookupError):  # only during shutdown
            self.scheduler.modify_job(OUTBOX_JOB, next_run_time=datetime.now(UTC))

    def _drain(self) -> None:
        try:
            # Rows committed while a drain runs are picked up by the loop inside drain(),
            # or by the next tick at the latest.
            self.dispatcher.drain()
        except Exception:
            log.exception("outbox drain failed; retrying at the next tick")

    def _purge(self) -> None:
        with self.dispatcher.sessions.begin() as session:
            removed = outbox.purge_delivered(
                session=session, before=self.clock.now() - timedelta(days=7)
            )
        log.info("purged %d delivered outbox rows", removed)
