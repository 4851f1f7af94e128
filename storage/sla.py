"""SLA bookkeeping: status histories, announcements, the monitor's due list and its last sweep."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage import counters
from storage.db import upsert_insert
from storage.models import SlaAnnouncement, Ticket, TicketEvent

StatusRow = tuple[datetime, str, str | None]  # (at, status, third party)


def status_history(*, session: Session, ticket_ids: Collection[int]) -> dict[int, list[StatusRow]]:
    """Every status a ticket entered, in order, from its audit events."""
    out: dict[int, list[StatusRow]] = defaultdict(list)
    if not ticket_ids:
        return out
    rows = session.execute(
        select(TicketEvent.ticket_id, TicketEvent.at, TicketEvent.changes)
        .where(TicketEvent.ticket_id.in_(list(ticket_ids)))
        .order_by(TicketEvent.id)
    )
    for ticket_id, at, changes in rows:
        if "status" in changes:
            third = changes.get("third_party", [None, None])[1]
            out[ticket_id].append((at, changes["status"][1], third))
    return out


def announced(*, session: Session, ticket_ids: Collection[int]) -> dict[int, dict[str, set[int]]]:
    out: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    if not ticket_ids:
        return out
    rows = session.execute(
        select(SlaAnnouncement.ticket_id, SlaAnnouncement.clock, SlaAnnouncement.threshold).where(
            SlaAnnouncement.ticket_id.in_(list(ticket_ids))
        )
    )
    for ticket_id, clock, threshold in rows:
        out[ticket_id][clock].add(threshold)
    return out


def claim_many(
    *, session: Session, rows: Sequence[tuple[int, str, int]], now: datetime
) -> set[tuple[int, str, int]]:
    """Record these thresholds as announced: the (ticket_id, clock, threshold) rows this call
    inserted. ON CONFLICT DO NOTHING makes another process's claim a no-op instead of an error,
    so exactly one process announces each (ticket, clock, threshold)."""
    if not rows:
        return set()
    stmt = (
        upsert_insert(session, SlaAnnouncement)
        .on_conflict_do_nothing()
        .returning(SlaAnnouncement.ticket_id, SlaAnnouncement.clock, SlaAnnouncement.threshold)
    )
    # executemany with RETURNING ("insertmanyvalues"): one cached statement, batched.
    params = [{"ticket_id": t, "clock": c, "threshold": p, "announced_at": now} for t, c, p in rows]
    won = {(t, c, p) for t, c, p in session.execute(stmt, params)}
    return won


def forget(*, session: Session, ticket_id: int, clock: str, thresholds: Collection[int]) -> None:
    """Thresholds that moved into the future again (a priority change) may be announced anew."""
    if thresholds:
        session.execute(
            delete(SlaAnnouncement).where(
                SlaAnnouncement.ticket_id == ticket_id,
                SlaAnnouncement.clock == clock,
                SlaAnnouncement.threshold.in_(list(thresholds)),
            )
        )


def due(*, session: Session, now: datetime, limit: int) -> Sequence[Ticket]:
    """Tickets whose next SLA check has come, oldest first; uses the partial index only."""
    q = (
        select(Ticket)
        .where(Ticket.sla_next_check_at.is_not(None), Ticket.sla_next_check_at <= now)
        .order_by(Ticket.sla_next_check_at)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        # Replicas sweep side by side: each takes tickets the others are not holding.
        q = q.with_for_update(skip_locked=True, of=Ticket)
    return session.execute(q).unique().scalars().all()


def open_tickets(
    *, session: Session, lines: Collection[int] | None, statuses: Collection[str]
) -> Sequence[Ticket]:
    q = select(Ticket).where(Ticket.status.in_(list(statuses)))
    if lines:
        q = q.where(Ticket.line.in_(list(lines)))
    return session.execute(q).unique().scalars().all()


_LAST_SWEEP = "sla_last_sweep"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_US = timedelta(microseconds=1)


def last_sweep(*, session: Session) -> datetime | None:
    """When the monitor last caught up (any replica), or None if it never did."""
    us = counters.value_of(session=session, name=_LAST_SWEEP)
    return None if us is None else _EPOCH + us * _US


def record_sweep(*, session: Session, at: datetime) -> None:
    """A sweep as of `at` left nothing due behind; an earlier moment never overwrites a later."""
    counters.raise_to(session=session, name=_LAST_SWEEP, value=(at - _EPOCH) // _US)
