"""Tickets and their audit events."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from storage.models import Customer, Ticket, TicketEvent


def get(*, session: Session, number: str, for_update: bool = False) -> Ticket | None:
    q = select(Ticket).where(Ticket.number == number.upper())
    if for_update:
        # Serialises concurrent changes to one ticket on PostgreSQL; SQLite's single writer
        # (BEGIN IMMEDIATE) already does.
        q = q.with_for_update(of=Ticket)
    return session.execute(q).unique().scalar_one_or_none()


def get_by_request_key(*, session: Session, key: str) -> Ticket | None:
    return (
        session.execute(select(Ticket).where(Ticket.request_key == key))
        .unique()
        .scalar_one_or_none()
    )


def get_by_id(*, session: Session, ticket_id: int) -> Ticket | None:
    return session.get(Ticket, ticket_id)


def add(*, session: Session, ticket: Ticket) -> Ticket:
    session.add(ticket)
    session.flush()
    return ticket


def add_event(
    *,
    session: Session,
    ticket: Ticket,
    at: datetime,
    actor: str,
    kind: str,
    changes: dict[str, Any] | None = None,
    text: str = "",
    actor_source: str = "slack",
) -> TicketEvent:
    event = TicketEvent(
        ticket_id=ticket.id,
        at=at,
        actor=actor,
        actor_source=actor_source,
        kind=kind,
        changes=changes or {},
        text=text,
    )
    session.add(event)
    session.flush()
    return event


def events(*, session: Session, ticket_id: int) -> Sequence[TicketEvent]:
    return (
        session.execute(
            select(TicketEvent).where(TicketEvent.ticket_id == ticket_id).order_by(TicketEvent.id)
        )
        .scalars()
        .all()
    )


def get_event(*, session: Session, event_id: int) -> TicketEvent | None:
    return session.get(TicketEvent, event_id)


@dataclass(frozen=True)
class Filter:
    assignee: str | None = None
    line: int | None = None
    customer_code: str | None = None
    statuses: Sequence[str] | None = None


def search(
    *, session: Session, where: Filter, priority_order: Sequence[str], limit: int = 50
) -> Sequence[Ticket]:
    """Most urgent first, then oldest first."""
    q = select(Ticket)
    if where.assignee is not None:
        q = q.where(Ticket.assignee == where.assignee)
    if where.line is not None:
        q = q.where(Ticket.line == where.line)
    if where.customer_code is not None:
        q = q.join(Customer, Ticket.customer_id == Customer.id).where(
            func.lower(Customer.code) == where.customer_code.lower()
        )
    if where.statuses:
        q = q.where(Ticket.status.in_(list(where.statuses)))
    rank = case({p: i for i, p in enumerate(priority_order)}, value=Ticket.priority, else_=99)
    q = q.order_by(rank, Ticket.created_at, Ticket.id).limit(limit)
    return session.execute(q).unique().scalars().all()


def set_card(*, session: Session, ticket_id: int, channel: str, ts: str, line: int) -> None:
    """Where the ticket's card now lives (a plain UPDATE: no need to load the ticket)."""
    session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id)
        .values(card_channel=channel, card_ts=ts, card_line=line)
    )
