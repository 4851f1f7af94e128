"""The durable outbox: side effects are rows committed with the change that caused them."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, exists, func, insert, or_, select, update
from sqlalchemy.orm import Session, aliased

from storage.models import OutboxItem


def enqueue(
    *,
    session: Session,
    kind: str,
    payload: dict[str, Any],
    now: datetime,
    ordering_key: str | None = None,
) -> OutboxItem:
    item = OutboxItem(
        kind=kind,
        payload=payload,
        ordering_key=ordering_key,
        created_at=now,
        next_attempt_at=now,
        attempts=0,
        failed=False,
    )
    session.add(item)
    return item


def enqueue_many(*, session: Session, rows: Sequence[dict[str, Any]], now: datetime) -> None:
    """Insert many rows in one statement; each dict has kind, payload and ordering_key."""
    if rows:
        # Core executemany, not the ORM's bulk path: no identity map, one round trip batch.
        session.connection().execute(
            insert(OutboxItem.__table__),  # type: ignore[arg-type]
            [
                {"created_at": now, "next_attempt_at": now, "attempts": 0, "failed": False, **row}
                for row in rows
            ],
        )


def has_later(*, session: Session, kind: str, ordering_key: str, after_id: int) -> bool:
    """Whether a newer undelivered row of this kind waits behind this one."""
    return session.execute(
        select(
            exists().where(
                OutboxItem.kind == kind,
                OutboxItem.ordering_key == ordering_key,
                OutboxItem.id > after_id,
                OutboxItem.done_at.is_(None),
            )
        )
    ).scalar_one()


def claimable(
    *,
    session: Session,
    now: datetime,
    limit: int,
    kinds: Collection[str] | None = None,
    exclude: Collection[str] = (),
) -> Sequence[int]:
    """Due rows whose predecessors (same ordering_key) are all delivered; a read, so on SQLite
    the search holds no write lock (`lease` checks again).

    The scan walks the partial index of undelivered rows in id order and stops once it has its
    rows; a row waiting for a predecessor costs one probe of the (ordering_key, id) index, so a
    long run of waiting rows slows a claim a little but never starves the rows behind it.

    `kinds` and `exclude` make lanes: the pages have a dispatcher of their own, so a page
    never waits behind card updates or e-mails.
    """
    earlier = aliased(OutboxItem)
    free = (
        select(OutboxItem.id)
        .where(
            OutboxItem.done_at.is_(None),
            OutboxItem.next_attempt_at <= now,
            or_(OutboxItem.claimed_until.is_(None), OutboxItem.claimed_until < now),
            ~exists().where(
                earlier.ordering_key == OutboxItem.ordering_key,
                earlier.id < OutboxItem.id,
                earlier.done_at.is_(None),
            ),
        )
        .order_by(OutboxItem.id)
        .limit(limit)
    )
    if kinds is not None:
        free = free.where(OutboxItem.kind.in_(list(kinds)))
    if exclude:
        free = free.where(OutboxItem.kind.not_in(list(exclude)))
    return session.execute(free).scalars().all()


def lease(
    *, session: Session, ids: Sequence[int], now: datetime, duration: timedelta
) -> Sequence[OutboxItem]:
    """Lease these rows, as far as they are still free; returns the rows leased."""
    if not ids:
        return []
    if session.get_bind().dialect.name == "postgresql":
        # Replicas skip each other's rows instead of queueing behind their locks.
        locked = (
            select(OutboxItem.id).where(OutboxItem.id.in_(ids)).with_for_update(skip_locked=True)
        )
        ids = session.execute(locked).scalars().all()
        if not ids:
            return []
    # The WHERE is checked again on the locked rows, and RETURNING says which rows this claim
    # took: a row another process leased in the meantime is not ours. A lease still set here
    # has run out without its row being completed or retried: its holder died, perhaps in the
    # middle of delivering it, so the row becomes uncertain (SET reads the old values).
    taken = (
        session.execute(
            update(OutboxItem)
            .where(
                OutboxItem.id.in_(ids),
                OutboxItem.done_at.is_(None),
                or_(OutboxItem.claimed_until.is_(None), OutboxItem.claimed_until < now),
            )
            .values(
                claimed_until=now + duration,
                uncertain=or_(OutboxItem.uncertain, OutboxItem.claimed_until.is_not(None)),
            )
            .returning(OutboxItem.id)
        )
        .scalars()
        .all()
    )
    if not taken:
        return []
    return (
        session.execute(select(OutboxItem).where(OutboxItem.id.in_(taken)).order_by(OutboxItem.id))
        .scalars()
        .all()
    )


def renew(
    *, session: Session, ids: Sequence[int], held_until: datetime, until: datetime
) -> Sequence[int]:
    """Extend the leases this holder still has: rows not done whose lease is still the one it
    set (`held_until`). A new lease always ends later than the one it replaced, so a row that
    another process took over never matches. Returns the rows renewed."""
    if not ids:
        return []
    return (
        session.execute(
            update(OutboxItem)
            .where(
                OutboxItem.id.in_(list(ids)),
                OutboxItem.done_at.is_(None),
                OutboxItem.claimed_until == held_until,
            )
            .values(claimed_until=until)
            .returning(OutboxItem.id)
        )
        .scalars()
        .all()
    )


def finish(*, session: Session, item_id: int, now: datetime) -> bool:
    """Mark a row done; False if it already was (another process got there first). The row lock
    this takes makes a concurrent `finish` of the same row wait, then return False."""
    done = session.execute(
        update(OutboxItem)
        .where(OutboxItem.id == item_id, OutboxItem.done_at.is_(None))
        .values(done_at=now, claimed_until=None, attempts=OutboxItem.attempts + 1)
        .returning(OutboxItem.id)
    ).first()
    return done is not None


def retry_later(
    *, session: Session, item_id: int, at: datetime, error: str, uncertain: bool = False
) -> None:
    """Free the row until `at`; `uncertain` when this attempt may have taken effect."""
    values: dict[str, Any] = {
        "next_attempt_at": at,
        "claimed_until": None,
        "attempts": OutboxItem.attempts + 1,
        "last_error": error[:2000],
    }
    if uncertain:
        values["uncertain"] = True
    session.execute(update(OutboxItem).where(OutboxItem.id == item_id).values(**values))


def give_up(*, session: Session, item_id: int, now: datetime, error: str) -> None:
    session.execute(
        update(OutboxItem)
        .where(OutboxItem.id == item_id)
        .values(
            done_at=now,
            failed=True,
            claimed_until=None,
            attempts=OutboxItem.attempts + 1,
            last_error=error[:2000],
        )
    )


def pending_count(*, session: Session) -> int:
    return session.execute(
        select(func.count()).select_from(OutboxItem).where(OutboxItem.done_at.is_(None))
    ).scalar_one()


def failed_items(*, session: Session, limit: int = 20) -> Sequence[OutboxItem]:
    return (
        session.execute(
            select(OutboxItem)
            .where(OutboxItem.failed.is_(True))
            .order_by(OutboxItem.id.desc())
            .limit(limit)
        )
        .scalars()
        .all()
    )


def purge_delivered(*, session: Session, before: datetime) -> int:
    """Delivered rows are history; failed ones stay for an operator to read."""
    result = session.execute(
        delete(OutboxItem).where(
            OutboxItem.done_at.is_not(None),
            OutboxItem.done_at < before,
            OutboxItem.failed.is_(False),
        )
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
