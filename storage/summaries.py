"""What a summary reads: the tickets of a window, its waakdienst pages and SLA warnings.

Every query starts from an index on a moment (tickets.done_at, page_steps.claimed_at, ...), so
it reads the window's rows and the open tickets, never the history before them: ten times the
history costs the same for the same window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, select, union_all
from sqlalchemy.orm import Session

from storage.models import Customer, PageAck, PageChain, PageStep, SlaAnnouncement, Ticket

# The row of storage.summaries.tickets, in bot.summaries.model.TicketRow's field order.
TICKET_COLUMNS = (
    Ticket.id,
    Ticket.number,
    Customer.code,
    Customer.name,
    Customer.sla_tier,
    Ticket.type,
    Ticket.priority,
    Ticket.line,
    Ticket.status,
    Ticket.subject,
    Ticket.assignee,
    Ticket.created_at,
    Ticket.responded_at,
    Ticket.resolved_at,
    Ticket.closed_at,
    Ticket.done_at,
    Ticket.reopened_at,
    Ticket.reopen_count,
    Ticket.response_state,
    Ticket.response_due_at,
    Ticket.response_breached_at,
    Ticket.response_seconds,
    Ticket.resolution_state,
    Ticket.resolution_due_at,
    Ticket.resolution_breached_at,
    Ticket.resolution_seconds,
)


@dataclass(frozen=True)
class Where:
    """The scope of a summary: a line, a customer (by id), both, or the whole desk."""

    line: int | None = None
    customer_id: int | None = None

    def on_ticket(self) -> list[ColumnElement[bool]]:
        """The conditions on tickets (joined as Ticket) that keep the scope's."""
        found: list[ColumnElement[bool]] = []
        if self.line is not None:
            found.append(Ticket.line == self.line)
        if self.customer_id is not None:
            found.append(Ticket.customer_id == self.customer_id)
        return found


def customer_id(*, session: Session, code: str) -> int | None:
    return session.execute(select(Customer.id).where(Customer.code == code)).scalar_one_or_none()


def _window_ids(start: datetime, end: datetime, where: Where) -> Any:
    """The ids of the tickets open at some moment of [start, end): registered before its end
    and not done before its start. Two disjoint index ranges on done_at: the open tickets
    (NULL) and those done since `start`. Every ticket registered, responded to, resolved,
    breached or reopened in the window is among them."""
    scope = where.on_ticket()
    open_now = select(Ticket.id).where(Ticket.done_at.is_(None), Ticket.created_at < end, *scope)
    done_since = select(Ticket.id).where(Ticket.done_at >= start, Ticket.created_at < end, *scope)
    return union_all(open_now, done_since).subquery()


def tickets(
    *, session: Session, start: datetime, end: datetime, where: Where
) -> Sequence[tuple[Any, ...]]:
    """The window's tickets as TICKET_COLUMNS tuples, in number order."""
    ids = _window_ids(start, end, where)
    query = (
        select(*TICKET_COLUMNS)
        .join(Customer, Customer.id == Ticket.customer_id)
        .join(ids, ids.c.id == Ticket.id)
        .order_by(Ticket.id)
    )
    return [tuple(row) for row in session.execute(query)]


def first_warnings(
    *, session: Session, start: datetime, end: datetime, where: Where
) -> Sequence[tuple[int, str, datetime]]:
    """(ticket id, clock, first warning's moment) of the window's tickets: the warnings below
    the breach (bot.sla.rules.BREACH) that made a ticket at risk."""
    ids = _window_ids(start, end, where)
    query = (
        select(
            SlaAnnouncement.ticket_id,
            SlaAnnouncement.clock,
            SlaAnnouncement.announced_at,
        )
        .join(ids, ids.c.id == SlaAnnouncement.ticket_id)
        .where(SlaAnnouncement.threshold < 100)
    )
    first: dict[tuple[int, str], datetime] = {}
    for ticket_id, clock, at in session.execute(query):
        key = (ticket_id, clock)
        if key not in first or at < first[key]:
            first[key] = at
    return [(t, c, at) for (t, c), at in first.items()]


def pages_sent(
    *, session: Session, start: datetime, end: datetime, where: Where
) -> Sequence[tuple[int, str, str, str, datetime, str | None, datetime]]:
    """The pages claimed in [start, end), reminders left out, in claim order: (chain id,
    ticket number, customer name, priority, chain start, who was paged (None: the team leads'
    channel), claimed at)."""
    query = (
        select(
            PageStep.chain_id,
            Ticket.number,
            Customer.name,
            Ticket.priority,
            PageChain.started_at,
            PageStep.target,
            PageStep.claimed_at,
        )
        .join(PageChain, PageChain.id == PageStep.chain_id)
        .join(Ticket, Ticket.id == PageChain.ticket_id)
        .join(Customer, Customer.id == Ticket.customer_id)
        .where(
            PageStep.claimed_at >= start,
            PageStep.claimed_at < end,
            PageStep.kind != "reminder",
            *where.on_ticket(),
        )
        .order_by(PageStep.claimed_at, PageStep.chain_id, PageStep.round, PageStep.step)
    )
    return session.execute(query).all()


def acks(
    *, session: Session, start: datetime, end: datetime, chain_ids: Sequence[int], where: Where
) -> Sequence[tuple[int, str, datetime]]:
    """(chain id, who, when) of every acknowledgement made in [start, end), and of every one
    of `chain_ids` (the window's pages: who took them, even after the window), by moment."""
    columns = (PageAck.id, PageAck.chain_id, PageAck.actor, PageAck.at)
    in_window = (
        select(*columns)
        .join(PageChain, PageChain.id == PageAck.chain_id)
        .join(Ticket, Ticket.id == PageChain.ticket_id)
        .where(PageAck.at >= start, PageAck.at < end, *where.on_ticket())
    )
    found = {row[0]: (row[1], row[2], row[3]) for row in session.execute(in_window)}
    ids = sorted(set(chain_ids))
    for i in range(0, len(ids), 500):
        chunk = select(*columns).where(PageAck.chain_id.in_(ids[i : i + 500]))
        found.update({row[0]: (row[1], row[2], row[3]) for row in session.execute(chunk)})
    return sorted(found.values(), key=lambda a: (a[2], a[0]))
