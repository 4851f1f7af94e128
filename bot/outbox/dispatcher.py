"""Delivers outbox rows, retrying failures from durable state.

Each row is leased (claimed_until) before delivery, so a crashed process's rows are picked up
again once the lease runs out, by any replica. Delivery is at-least-once: a crash between a
successful Slack call and the commit that records it repeats the call. Message-IDs of e-mails
are stable per row, so a repeated e-mail can be recognised.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from storage import outbox
from storage.models import OutboxItem

log = logging.getLogger(__name__)


class Retry(Exception):
    """Try again later; `after` is the server's word (Retry-After) when it gave one."""

    def __init__(self, reason: str, after: timedelta | None = None) -> None:
        super().__init__(reason)
        self.after = after


class Permanent(Exception):
    """Retrying the same request will fail the same way (e.g. channel_not_found)."""


class GiveUp(Permanent):
    """Nothing can make this row work any more: give up at once."""


# A delivery gets a detached copy of its row and opens its own short transactions: no
# transaction (and, on SQLite, no write lock) is ever held across a Slack or SMTP call.
Deliver = Callable[[sessionmaker[Session], OutboxItem], None]

MAX_BACKOFF = timedelta(minutes=10)
# A permanent error is still retried for a while (about an hour with the back-off below): an
# operator may be fixing the channel or the bot's membership right now.
PERMANENT_ATTEMPTS = 10


def backoff(attempts: int) -> timedelta:
    return min(timedelta(seconds=2 ** min(attempts + 1, 12)), MAX_BACKOFF)


class Dispatcher:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        clock: Clock,
        handlers: Mapping[str, Deliver],
        # Longer than a round can take: 20 rows x a 10 s Slack or 15 s SMTP timeout.
        lease: timedelta = timedelta(minutes=6),
        batch: int = 20,
        readers: sessionmaker[Session] | None = None,
    ) -> None:
        self.sessions = sessions
        self.readers = readers or sessions
        self.clock = clock
        self.handlers = dict(handlers)
        self.lease = lease
        self.batch = batch
        # Called before each delivery, and may wait: the worker process sets it to let the acks
        # of the web workers on its host go first (bot.transports.worker).
        self.pace: Callable[[], object] | None = None
        # One drain at a time per process; other replicas are kept apart by the leases.
        self._lock = threading.Lock()

    def drain(self, max_rounds: int = 50) -> int:
        """Deliver everything due now; returns the number of rows delivered."""
        if not self._lock.acquire(blocking=False):
            return 0
        try:
            delivered = 0
            for _ in range(max_rounds):
                now = self.clock.now()
                # Search in a read transaction, lease in a short write: on SQLite the search
                # through a backlog never holds the write lock the acks are waiting for.
                with self.readers() as session:
                    ids = outbox.claimable(session=session, now=now, limit=self.batch)
                if not ids:
                    break
                with self.sessions.begin() as session:
                    items = list(
                        outbox.lease(session=session, ids=ids, now=now, duration=self.lease)
                    )
                    session.expunge_all()
                if not items:
                    continue
                done = [item.id for item in items if self._paced(item)]
                # One write for the whole round: fewer transactions competing with the acks
                # for SQLite's write lock. A crash before it repeats the round (at least once).
                with self.sessions.begin() as session:
                    outbox.complete_many(session=session, item_ids=done, now=self.clock.now())
                delivered += len(done)
            return delivered
        finally:
            self._lock.release()

    def _paced(self, item: OutboxItem) -> bool:
        if self.pace is not None:
            try:
                self.pace()
            except Exception:
                # Pacing is a courtesy; failing here would abort the round and send its
                # delivered rows again when their lease runs out.
                log.exception("pacing failed; delivering without it")
        return self._deliver(item)

    def _deliver(self, item: OutboxItem) -> bool:
        item_id, kind, attempts = item.id, item.kind, item.attempts
        handler = self.handlers.get(kind)
        try:
            if handler is None:
                raise Permanent(f"no handler for outbox kind {kind!r}")
            handler(self.sessions, item)
            return True
        except Retry as exc:
            self._retry(item_id, attempts, exc.after or backoff(attempts), str(exc))
        except Permanent as exc:
            if isinstance(exc, GiveUp) or attempts + 1 >= PERMANENT_ATTEMPTS:
                log.error("outbox %s (%s) failed for good: %s", item_id, kind, exc)
                with self.sessions.begin() as session:
                    outbox.give_up(
                        session=session, item_id=item_id, now=self.clock.now(), error=str(exc)
                    )
            else:
                self._retry(item_id, attempts, backoff(attempts), str(exc))
        except Exception as exc:
            # Unknown failures are treated as transient: losing a side effect is worse than
            # retrying one.
            log.exception("outbox %s (%s) failed; will retry", item_id, kind)
            self._retry(item_id, attempts, backoff(attempts), f"{type(exc).__name__}: {exc}")
        return False

    def _retry(self, item_id: int, attempts: int, after: timedelta, error: str) -> None:
        log.warning("outbox %s: retry in %ss: %s", item_id, int(after.total_seconds()), error)
        with self.sessions.begin() as session:
            outbox.retry_later(
                session=session, item_id=item_id, at=self.clock.now() + after, error=error
            )
