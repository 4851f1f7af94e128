"""Delivers outbox rows, retrying failures from durable state.

Each row is leased (claimed_until) before delivery. Leases are short, and a live process renews
the leases of the rows it still holds while it delivers them (a heartbeat), so the rows of a
process that died are free again within seconds, for any replica. A lease that ran out without
its row being completed or retried marks the row uncertain: its holder may have died after the
other side accepted the delivery. Deliveries that can look first (a Slack post carries the
row's id in its metadata) then adopt what they find instead of sending again; e-mails carry a
stable Message-ID per row, so a repeated one can be recognised.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from types import TracebackType

from sqlalchemy.orm import Session, sessionmaker

from bot import logs
from bot.clock import Clock
from storage import outbox
from storage.models import OutboxItem

log = logging.getLogger(__name__)


class Retry(Exception):
    """Try again later; `after` is the server's word (Retry-After) when it gave one.

    `uncertain` when the attempt may have taken effect all the same (no answer, a 5xx)."""

    def __init__(
        self, reason: str, after: timedelta | None = None, *, uncertain: bool = False
    ) -> None:
        super().__init__(reason)
        self.after = after
        self.uncertain = uncertain


class Permanent(Exception):
    """Retrying the same request will fail the same way (e.g. channel_not_found)."""


class GiveUp(Permanent):
    """Nothing can make this row work any more: give up at once."""


# A delivery gets a detached copy of its row and opens its own short transactions: no
# transaction is ever held across a Slack or SMTP call.
Deliver = Callable[[sessionmaker[Session], OutboxItem], None]

# Long enough for a renewal to be late three times over; short enough that a dead worker's
# rows wait seconds, not minutes. Renewals run on real time, whatever the dispatcher's clock.
LEASE = timedelta(seconds=8)
RENEW_EVERY = 2.0
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
        lease: timedelta = LEASE,
        renew_every: float = RENEW_EVERY,
        batch: int = 20,
        readers: sessionmaker[Session] | None = None,
        kinds: Collection[str] | None = None,
        exclude: Collection[str] = (),
        workers: int = 1,
    ) -> None:
        self.sessions = sessions
        self.readers = readers or sessions
        self.clock = clock
        self.handlers = dict(handlers)
        self.lease = lease
        self.renew_every = renew_every
        self.batch = batch
        # A lane: only these kinds (None: all), never those (another lane delivers them).
        self.kinds = None if kinds is None else frozenset(kinds)
        self.exclude = frozenset(exclude)
        # One drain at a time per process; other replicas are kept apart by the leases.
        self._lock = threading.Lock()
        # Rows of one round delivered side by side (the pages: a DM, a call and a text per
        # chain, each mostly waiting on the database and the far side). Safe for the order:
        # a round holds at most one row per ordering key (`claimable` skips a row whose
        # predecessor is not done).
        self.workers = workers
        self._pool: ThreadPoolExecutor | None = None

    def drain(self, max_rounds: int = 50) -> int:
        """Deliver everything due now; returns the number of rows delivered."""
        if not self._lock.acquire(blocking=False):
            return 0
        try:
            delivered = 0
            for _ in range(max_rounds):
                now = self.clock.now()
                # Search in a read transaction, lease in a short write.
                with self.readers() as session:
                    ids = outbox.claimable(
                        session=session,
                        now=now,
                        limit=self.batch,
                        kinds=self.kinds,
                        exclude=self.exclude,
                    )
                if not ids:
                    break
                until = now + self.lease
                with self.sessions.begin() as session:
                    items = list(
                        outbox.lease(session=session, ids=ids, now=now, duration=self.lease)
                    )
                    session.expunge_all()
                if items:
                    delivered += self._round(items, until)
            return delivered
        finally:
            self._lock.release()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def _round(self, items: list[OutboxItem], until: datetime) -> int:
        with Held(self, [item.id for item in items], until) as held:
            if self.workers > 1 and len(items) > 1:
                if self._pool is None:
                    self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="balie-lane")
                return sum(self._pool.map(lambda item: self._one(item, held), items))
            return sum(self._one(item, held) for item in items)

    def _one(self, item: OutboxItem, held: Held) -> int:
        """Deliver one leased row; 1 when it was delivered and recorded."""
        delivered = 0
        if not held.holds(item.id):
            # Another process took it over (our renewals failed): it is theirs now.
            log.warning("outbox %s: lease lost; leaving it to its new holder", item.id)
            return 0
        # Each row is recorded as soon as it is delivered: a crash repeats one row at most,
        # not the rest of the round.
        if self._deliver(item):
            if not held.holds(item.id):
                log.warning("outbox %s: its lease was taken over during its delivery", item.id)
            with self.sessions.begin() as session:
                outbox.finish(session=session, item_id=item.id, now=self.clock.now())
            delivered = 1
        held.release(item.id)
        return delivered

    def _deliver(self, item: OutboxItem) -> bool:
        # Every line logged about this row, its retry included, names the row (and the ticket,
        # once the delivery has read it).
        with logs.about(**{logs.OUTBOX: item.id, logs.KIND: item.kind}):
            return self._attempt(item)

    def _attempt(self, item: OutboxItem) -> bool:
        item_id, kind, attempts = item.id, item.kind, item.attempts
        handler = self.handlers.get(kind)
        try:
            if handler is None:
                raise Permanent(f"no handler for outbox kind {kind!r}")
            handler(self.sessions, item)
            return True
        except Retry as exc:
            after = exc.after or backoff(attempts)
            self._retry(item_id, after, str(exc), uncertain=exc.uncertain)
        except Permanent as exc:
            if isinstance(exc, GiveUp) or attempts + 1 >= PERMANENT_ATTEMPTS:
                log.error("outbox %s (%s) failed for good: %s", item_id, kind, exc)
                with self.sessions.begin() as session:
                    outbox.give_up(
                        session=session, item_id=item_id, now=self.clock.now(), error=str(exc)
                    )
            else:
                self._retry(item_id, backoff(attempts), str(exc))
        except Exception as exc:
            # Unknown failures are treated as transient: losing a side effect is worse than
            # retrying one. Whether it took effect is unknown too.
            log.exception("outbox %s (%s) failed; will retry", item_id, kind)
            error = f"{type(exc).__name__}: {exc}"
            self._retry(item_id, backoff(attempts), error, uncertain=True)
        return False

    def _retry(
        self, item_id: int, after: timedelta, error: str, *, uncertain: bool = False
    ) -> None:
        log.warning("outbox %s: retry in %ss: %s", item_id, int(after.total_seconds()), error)
        with self.sessions.begin() as session:
            outbox.retry_later(
                session=session,
                item_id=item_id,
                at=self.clock.now() + after,
                error=error,
                uncertain=uncertain,
            )


class Lanes:
    """Several lanes' dispatchers drained one after the other, for whoever wants all their
    rows delivered now (the console, a test). In the background each has a thread of its own
    (bot.scheduler.Background.add_lane), so one lane's slow remote never holds up another's."""

    def __init__(self, *dispatchers: Dispatcher) -> None:
        self.dispatchers = dispatchers

    def drain(self, max_rounds: int = 50) -> int:
        return sum(d.drain(max_rounds) for d in self.dispatchers)

    def close(self) -> None:
        for d in self.dispatchers:
            d.close()


class Held:
    """The leases of one round, renewed by a heartbeat thread until the round ends.

    A renewal extends only the leases this round still holds (outbox.renew compares on the
    lease it set); a row whose lease was taken over is dropped, and the round skips it.
    """

    def __init__(self, dispatcher: Dispatcher, ids: Collection[int], until: datetime) -> None:
        self.dispatcher = dispatcher
        self._ids = set(ids)
        self._until = until
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Held:
        if self.dispatcher.renew_every > 0:
            self._thread = threading.Thread(
                target=self._beat, name="balie-outbox-lease", daemon=True
            )
            self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def holds(self, item_id: int) -> bool:
        with self._lock:
            return item_id in self._ids

    def release(self, item_id: int) -> None:
        with self._lock:
            self._ids.discard(item_id)

    def _beat(self) -> None:
        while not self._stop.wait(self.dispatcher.renew_every):
            try:
                self.renew()
            except Exception:
                # The next beat tries again; until the lease runs out the rows stay ours.
                log.exception("renewing outbox leases failed")

    def renew(self) -> None:
        with self._lock:
            ids, held_until = set(self._ids), self._until
        if not ids:
            return
        d = self.dispatcher
        until = d.clock.now() + d.lease
        with d.sessions.begin() as session:
            kept = set(
                outbox.renew(session=session, ids=sorted(ids), held_until=held_until, until=until)
            )
        with self._lock:
            # Rows not kept were completed or retried meanwhile, or taken over: not ours.
            self._ids &= kept
            self._until = until
