"""A dead man's switch: while Balie pages as it should, the worker calls HEARTBEAT_URL every
minute; an outside monitor (healthchecks.io, Uptime Kuma) raises the alarm when the calls stop.

The call is made only while every check passes (each slice contributes its own: the chain
engine's "every running chain's next step is on time", the outbox's "the oldest page is younger
than a minute"), so a Balie that is up but no longer paging stops calling too. Grafana OnCall
has the same idea (`check_escalation_finished`).
"""

from __future__ import annotations

import logging
import urllib.request
from collections.abc import Callable, Collection, Iterable
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from storage import metrics as store

log = logging.getLogger(__name__)

# A check reads the database at `now` and says what is wrong, or None when all is well.
Check = Callable[[Session, datetime], str | None]
Ping = Callable[[str], None]


def ping(url: str) -> None:
    with urllib.request.urlopen(url, timeout=10) as resp:
        resp.read()


def outbox_fresh(kinds: Collection[str], max_age: timedelta = timedelta(minutes=1)) -> Check:
    """The oldest undelivered row of these kinds (the pages) is younger than `max_age`."""

    def check(session: Session, now: datetime) -> str | None:
        oldest = store.oldest_undelivered(session=session, kinds=kinds)
        if oldest is not None and now - oldest >= max_age:
            return f"an undelivered page is {int((now - oldest).total_seconds())} s old"
        return None

    return check


class Heartbeat:
    def __init__(
        self,
        *,
        url: str | None,
        readers: sessionmaker[Session],
        clock: Clock,
        checks: Iterable[Check] = (),
        send: Ping = ping,
    ) -> None:
        self.url = url
        self.readers = readers
        self.clock = clock
        self.checks = list(checks)
        self.send = send

    def add(self, check: Check) -> None:
        self.checks.append(check)

    def problems(self) -> list[str]:
        now = self.clock.now()
        with self.readers() as session:
            return [p for check in self.checks if (p := check(session, now)) is not None]

    def beat(self) -> bool:
        """Call the URL if all is well; returns whether it was called."""
        if self.url is None:
            return False
        problems = self.problems()
        if problems:
            # Staying silent is the alarm; the log says why.
            log.error("heartbeat withheld: %s", "; ".join(problems))
            return False
        try:
            self.send(self.url)
        except Exception as exc:
            log.warning("heartbeat call failed: %s", exc)
            return False
        return True
