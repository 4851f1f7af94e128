"""What /metrics reads: counts and ages straight from the tables, so every process and replica
reports the same figures without a shared metrics store."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import OutboxItem, PageChain, PageStep, SlaAnnouncement


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


def acknowledgements(*, session: Session) -> Sequence[tuple[str, float]]:
    """(how, seconds from the chain's start) for every acknowledged chain, except those the
    engineer took themselves (registered by the on-call engineer: nobody was paged)."""
    rows = session.execute(
        select(PageChain.acknowledged_via, PageChain.started_at, PageChain.acknowledged_at).where(
            PageChain.acknowledged_at.is_not(None), PageChain.acknowledged_via != "self"
        )
    ).all()
    return [
        (str(via), (acked - started).total_seconds())
        for via, started, acked in rows
        if acked is not None
    ]
