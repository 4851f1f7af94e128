"""Chargeable items (after-hours service without entitlement) and the desk's once-only
handovers."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.db import upsert_insert
from storage.models import ChargeableItem, DeskHandover, Ticket, TicketEvent


@dataclass(frozen=True, slots=True)
class Service:
    """Who served which ticket, when, and why."""

    ticket_id: int
    customer_id: int
    rule: str
    reason: str
    actor_source: str
    actor: str
    period_start: datetime
    at: datetime


def record(*, session: Session, service: Service, now: datetime) -> int | None:
    """A new chargeable item, or None when this person already has one for this ticket, reason
    and period; that one is then extended to `service.at`. ON CONFLICT DO NOTHING: two
    replicas recording the same service at once make one item."""
    s = service
    stmt = (
        upsert_insert(session, ChargeableItem)
        .values(
            customer_id=s.customer_id,
            ticket_id=s.ticket_id,
            rule=s.rule,
            reason=s.reason,
            actor_source=s.actor_source,
            actor=s.actor,
            period_start=s.period_start,
            started_at=s.at,
            ended_at=s.at,
            minutes=None,
            note="",
            created_at=now,
        )
        .on_conflict_do_nothing()
        .returning(ChargeableItem.id)
    )
    created = session.execute(stmt).scalar_one_or_none()
    if created is None:
        session.execute(
            update(ChargeableItem)
            .where(
                ChargeableItem.ticket_id == s.ticket_id,
                ChargeableItem.actor_source == s.actor_source,
                ChargeableItem.actor == s.actor,
                ChargeableItem.reason == s.reason,
                ChargeableItem.period_start == s.period_start,
                ChargeableItem.ended_at < s.at,
            )
            .values(ended_at=s.at)
        )
    return created


def latest_of(
    *, session: Session, ticket_id: int, actor_source: str, actor: str, for_update: bool = False
) -> ChargeableItem | None:
    """This person's latest chargeable item on the ticket (of any rule): tonight's, when they
    have one, since a night's items are always the latest."""
    q = (
        select(ChargeableItem)
        .where(
            ChargeableItem.ticket_id == ticket_id,
            ChargeableItem.actor_source == actor_source,
            ChargeableItem.actor == actor,
        )
        .order_by(ChargeableItem.started_at.desc(), ChargeableItem.id.desc())
        .limit(1)
    )
    if for_update:
        q = q.with_for_update()
    return session.execute(q).scalar_one_or_none()


def get(*, session: Session, item_id: int, for_update: bool = False) -> ChargeableItem | None:
    q = select(ChargeableItem).where(ChargeableItem.id == item_id)
    if for_update:
        q = q.with_for_update()
    return session.execute(q).scalar_one_or_none()


def of_night(
    *, session: Session, ticket_id: int, actor_source: str, actor: str, period_start: datetime
) -> list[int]:
    """The ids of this person's items on the ticket in one night (one per reason: worked after
    hours, paged anyway): billable work keeps one ledger entry for all of them."""
    q = select(ChargeableItem.id).where(
        ChargeableItem.ticket_id == ticket_id,
        ChargeableItem.actor_source == actor_source,
        ChargeableItem.actor == actor,
        ChargeableItem.period_start == period_start,
    )
    return list(session.execute(q).scalars())


def set_time(*, session: Session, item: ChargeableItem, minutes: int, note: str = "") -> None:
    """The time spent on an item, as its person says: `minutes`, and the span from its start
    that long. A note, when given, replaces the one there was. Any rule's item: the billing
    issue's `/ticket tijd` records time through here too."""
    item.minutes = minutes
    item.ended_at = item.started_at + timedelta(minutes=minutes)
    if note:
        item.note = note
    session.flush()


# --- the desk's handovers --------------------------------------------------------------------


def claim_handover(
    *, session: Session, kind: str, at: datetime, now: datetime, tickets: Collection[int]
) -> bool:
    """Claim the handover at `at`: True for the one process that made the claim. The claim
    commits with what the handover sends, so it is sent once, or (rolled back) not at all."""
    stmt = (
        upsert_insert(session, DeskHandover)
        .values(kind=kind, at=at, claimed_at=now, tickets=sorted(tickets))
        .on_conflict_do_nothing()
        .returning(DeskHandover.kind)
    )
    return session.execute(stmt).scalar_one_or_none() is not None


def claimed(*, session: Session, kind: str, at: datetime) -> bool:
    return session.get(DeskHandover, (kind, at)) is not None


def handed_over(*, session: Session, kind: str, since: datetime, until: datetime) -> set[int]:
    """The tickets of the handovers of this kind in [since, until)."""
    rows = session.execute(
        select(DeskHandover.tickets).where(
            DeskHandover.kind == kind, DeskHandover.at >= since, DeskHandover.at < until
        )
    )
    return {int(t) for (ids,) in rows for t in ids}


def open_tickets(
    *,
    session: Session,
    statuses: Collection[str],
    types: Collection[str],
    priorities: Collection[str],
) -> Sequence[Ticket]:
    """Open tickets of these types and priorities, oldest first (the tier is the caller's)."""
    q = (
        select(Ticket)
        .where(
            Ticket.status.in_(list(statuses)),
            Ticket.type.in_(list(types)),
            Ticket.priority.in_(list(priorities)),
        )
        .order_by(Ticket.created_at, Ticket.id)
    )
    return session.execute(q).unique().scalars().all()


def touched(
    *, session: Session, since: datetime, until: datetime, kinds: Collection[str], prefix: str
) -> set[int]:
    """Tickets with an audit event in [since, until) of one of these kinds, or whose kind
    starts with `prefix` (the pages' events)."""
    rows = session.execute(
        select(TicketEvent.ticket_id)
        .where(
            TicketEvent.at >= since,
            TicketEvent.at < until,
            TicketEvent.kind.in_(list(kinds)) | TicketEvent.kind.startswith(prefix),
        )
        .distinct()
    )
    return {ticket_id for (ticket_id,) in rows}


def events_between(
    *, session: Session, ticket_ids: Collection[int], since: datetime, until: datetime
) -> Sequence[TicketEvent]:
    if not ticket_ids:
        return []
    return (
        session.execute(
            select(TicketEvent)
            .where(
                TicketEvent.ticket_id.in_(list(ticket_ids)),
                TicketEvent.at >= since,
                TicketEvent.at < until,
            )
            .order_by(TicketEvent.id)
        )
        .scalars()
        .all()
    )
