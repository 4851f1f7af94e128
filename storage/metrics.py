"""What /metrics reads: counts and ages straight from the tables, so every process and replica
reports the same figures without a shared metrics store."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import OutboxItem, PageAck, PageStep, SlaAnnouncement


class KindBacklog(NamedTuple):
    kind: str
    pending: int
    retrying: int
    oldest: datetime | None


def outbox_backlog(*, session: Session) -> Sequence[KindBacklog]:
    """Undelivered rows per kind (those still to be tried), how many of them failed at least
    once, and when the oldest was enqueued."""
    rows = session.execute(
        select(
            OutboxItem.kind,
            func.count(),
            func.count().filter(OutboxItem.attempts > 0),
            func.min(OutboxItem.created_at),
        )
        .where(OutboxItem.done_at.is_(None))
        .group_by(OutboxItem.kind)
    ).all()
    # min() keeps its argument's type, so the oldest comes back as an aware UTC datetime.
    return [KindBacklog(*row) for row in rows]


def outbox_failed(*, session: Session) -> dict[str, int]:
    """Rows given up on, per kind (kept until an operator looks: `python -m bot outbox`)."""
    rows = session.execute(
        select(OutboxItem.kind, func.count())
        .where(OutboxItem.failed.is_(True))
        .group_by(OutboxItem.kind)
    ).all()
    return {kind: count for kind, count in rows}


def sla_announcements(*, session: Session) -> dict[tuple[str, bool], int]:
    """(clock, breach?) -> how many thresholds were ever announced."""
    breach = SlaAnnouncement.threshold >= 100
    rows = session.execute(
        select(SlaAnnouncement.clock, breach, func.count()).group_by(SlaAnnouncement.clock, breach)
    ).all()
    return {(clock, bool(is_breach)): count for clock, is_breach, count in rows}


def oldest_undelivered(*, session: Session, kinds: Collection[str]) -> datetime | None:
    """When the oldest row of these kinds still waiting for delivery was enqueued."""
    if not kinds:
        return None
    return session.execute(
        select(func.min(OutboxItem.created_at)).where(
            OutboxItem.done_at.is_(None), OutboxItem.kind.in_(kinds)
        )
    ).scalar_one_or_none()


def page_steps(*, session: Session) -> dict[str, int]:
    """Steps sent (claimed) per kind: primary, backup, leads, reminder."""
    rows = session.execute(select(PageStep.kind, func.count()).group_by(PageStep.kind)).all()
    return {kind: count for kind, count in rows}


def acknowledgements(*, session: Session) -> dict[str, int]:
    """Acknowledgements per way (button, command, phone), a reminder's answer included; not
    those the engineer took themselves (registered by the on-call engineer: nobody was paged).
    Counted from the appended rows, so the figure only grows."""
    rows = session.execute(
        select(PageAck.via, func.count()).where(PageAck.via != "self").group_by(PageAck.via)
    ).all()
    return {str(via): count for via, count in rows}


def times_to_acknowledge(*, session: Session) -> Sequence[float]:
    """Seconds from each round's first page to its first acknowledgement, for every round
    that paged someone and was acknowledged."""
    first_page = (
        select(
            PageStep.chain_id,
            PageStep.round,
            func.min(PageStep.claimed_at).label("paged_at"),
        )
        .where(PageStep.kind != "reminder")
        .group_by(PageStep.chain_id, PageStep.round)
        .subquery()
    )
    first_ack = (
        select(PageAck.chain_id, PageAck.round, func.min(PageAck.at).label("acked_at"))
        .group_by(PageAck.chain_id, PageAck.round)
        .subquery()
    )
    rows = session.execute(
        select(first_page.c.paged_at, first_ack.c.acked_at).join(
            first_ack,
            (first_ack.c.chain_id == first_page.c.chain_id)
            & (first_ack.c.round == first_page.c.round),
        )
    ).all()
    return [max((_aware(acked) - _aware(paged)).total_seconds(), 0.0) for paged, acked in rows]


def _aware(at: datetime) -> datetime:
    # min() over a subquery comes back naive on SQLite: the database holds UTC.
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)
