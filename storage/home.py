"""The App Home's bookkeeping (who opened it, what it last showed, the pending republishes)
and the reads its cockpit is built from."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, delete, func, or_, select, update
from sqlalchemy.orm import Session

from storage.db import upsert_insert
from storage.models import HomePending, HomeUser, SlaAnnouncement, Ticket

# --- who opened it ----------------------------------------------------------------------------


def record_open(*, session: Session, user_id: str, event_id: str | None, now: datetime) -> bool:
    """Note that `user_id` opened their Home; False when this event was already handled (Slack
    redelivers an event it thinks went unanswered, with the same event id)."""
    won = session.execute(
        upsert_insert(session, HomeUser)
        .values(user_id=user_id, opened_at=now, last_event_id=event_id, lines=[], lead=False)
        .on_conflict_do_nothing()
        .returning(HomeUser.user_id)
    ).first()
    if won is not None:
        return True
    # Opened before: the row lock orders two replicas handling the same redelivered event.
    row = session.get(HomeUser, user_id, with_for_update=True, populate_existing=True)
    assert row is not None
    if event_id is not None and row.last_event_id == event_id:
        return False
    row.opened_at, row.last_event_id = now, event_id
    return True


def viewers(*, session: Session) -> Sequence[HomeUser]:
    """Everyone who has a Home (a small table: one row per member of the desk)."""
    return session.execute(select(HomeUser)).scalars().all()


def published(
    *,
    session: Session,
    user_id: str,
    lines: Collection[int],
    lead: bool,
    at: datetime,
    stale_at: datetime | None,
) -> None:
    session.execute(
        update(HomeUser)
        .where(HomeUser.user_id == user_id)
        .values(lines=sorted(lines), lead=lead, published_at=at, stale_at=stale_at)
    )


def stale(*, session: Session, now: datetime, opened_since: datetime) -> list[str]:
    """Homes gone out of date by time alone, of users who opened theirs recently; their
    `stale_at` is cleared (the republish sets it again)."""
    users = list(
        session.execute(
            select(HomeUser.user_id).where(
                HomeUser.stale_at.is_not(None),
                HomeUser.stale_at <= now,
                HomeUser.opened_at >= opened_since,
            )
        ).scalars()
    )
    if users:
        session.execute(update(HomeUser).where(HomeUser.user_id.in_(users)).values(stale_at=None))
    return users


# --- pending republishes ----------------------------------------------------------------------


def claim_pending(
    *, session: Session, user_ids: Collection[str], now: datetime, due_at: datetime
) -> list[str]:
    """One pending republish per user: the users for whom this call made one (the others have
    one on its way already, which will show this change too)."""
    if not user_ids:
        return []
    stmt = (
        upsert_insert(session, HomePending).on_conflict_do_nothing().returning(HomePending.user_id)
    )
    params = [{"user_id": u, "requested_at": now, "due_at": due_at} for u in sorted(user_ids)]
    return sorted(u for (u,) in session.execute(stmt, params))


def release_pending(*, session: Session, user_id: str) -> None:
    session.execute(delete(HomePending).where(HomePending.user_id == user_id))


# --- the cockpit's tickets --------------------------------------------------------------------


def assigned_open(
    *, session: Session, user_id: str, statuses: Collection[str], limit: int
) -> Sequence[Ticket]:
    return (
        session.execute(
            select(Ticket)
            .where(Ticket.assignee == user_id, Ticket.status.in_(list(statuses)))
            .order_by(Ticket.id)
            .limit(limit)
        )
        .unique()
        .scalars()
        .all()
    )


def _live_clock_at_risk(threshold_below: int) -> ColumnElement[bool]:
    """An open ticket's clock that still runs and was warned about, or is breached."""
    warned = (
        select(SlaAnnouncement.ticket_id)
        .where(
            SlaAnnouncement.ticket_id == Ticket.id,
            SlaAnnouncement.threshold < threshold_below,
        )
        .correlate(Ticket)
    )
    response_live = Ticket.responded_at.is_(None)
    return or_(
        Ticket.resolution_state == "breached",
        (Ticket.response_state == "breached") & response_live,
        warned.where(SlaAnnouncement.clock == "resolution").exists(),
        warned.where(SlaAnnouncement.clock == "response").exists() & response_live,
    )


def at_risk(
    *, session: Session, lines: Collection[int] | None, statuses: Collection[str], limit: int
) -> Sequence[Ticket]:
    """Open tickets with a live clock past a warning threshold (announced by the SLA monitor)
    or breached, in these lines (None: all). The monitor's announcements are the desk's word
    on "at risk": what the Home shows is what the channels were told."""
    q = select(Ticket).where(Ticket.status.in_(list(statuses)), _live_clock_at_risk(100))
    if lines is not None:
        q = q.where(Ticket.line.in_(list(lines)))
    return session.execute(q.order_by(Ticket.id).limit(limit)).unique().scalars().all()


def ever_warned(*, session: Session, ticket_id: int) -> bool:
    """Whether any clock of the ticket was ever announced (a warning or its breach)."""
    return (
        session.execute(
            select(SlaAnnouncement.ticket_id).where(SlaAnnouncement.ticket_id == ticket_id).limit(1)
        ).first()
        is not None
    )


@dataclass(frozen=True)
class Totals:
    """The desk's open tickets for the team leads: by priority and line, at risk, breached."""

    by_priority: dict[str, int]
    by_line: dict[int, int]
    at_risk: int
    breached: int

    @property
    def open(self) -> int:
        return sum(self.by_priority.values())


def totals(*, session: Session, statuses: Collection[str]) -> Totals:
    open_ = Ticket.status.in_(list(statuses))
    by_priority = {
        p: n
        for p, n in session.execute(
            select(Ticket.priority, func.count()).where(open_).group_by(Ticket.priority)
        )
    }
    by_line = {
        line: n
        for line, n in session.execute(
            select(Ticket.line, func.count()).where(open_).group_by(Ticket.line)
        )
    }
    breached_ = or_(
        Ticket.resolution_state == "breached",
        (Ticket.response_state == "breached") & Ticket.responded_at.is_(None),
    )
    breached = session.execute(
        select(func.count()).select_from(Ticket).where(open_, breached_)
    ).scalar_one()
    risky = session.execute(
        select(func.count()).select_from(Ticket).where(open_, _live_clock_at_risk(100), ~breached_)
    ).scalar_one()
    return Totals(by_priority=by_priority, by_line=by_line, at_risk=risky, breached=breached)
