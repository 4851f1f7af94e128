"""What a summary reads: the tickets of a window, its waakdienst pages and SLA warnings.

Every query is constrained by one indexed moment only (tickets.done_at, page_steps.claimed_at,
page_acks.at) or by primary keys, so each reads the window's rows and the open tickets and
never the history before them: ten times the history costs the same for the same window. The
scope (a line, a customer) is left to the caller, on the rows: a condition on the customer
would let a planner without statistics (SQLite's, by default) walk the customer's whole
history by its index instead of the window by its moment.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Integer, any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from storage.models import Customer, PageAck, PageChain, PageStep, SlaAnnouncement, Ticket

# The row of `tickets`, in bot.summaries.model.TicketRow's field order.
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
_CHUNK = 1000  # ids per IN list


def customer_exists(*, session: Session, code: str) -> bool:
    return session.execute(select(Customer.id).where(Customer.code == code)).first() is not None


def tickets(*, session: Session, start: datetime, end: datetime) -> list[tuple[Any, ...]]:
    """The tickets open at some moment of [start, end), as TICKET_COLUMNS tuples in id order:
    registered before its end and not done before its start. Two disjoint ranges of the
    done_at index: the open tickets (NULL) and those done since `start`. Every ticket
    registered, responded to, resolved, breached or reopened in the window is among them."""
    found: list[tuple[Any, ...]] = []
    for moment in (Ticket.done_at.is_(None), Ticket.done_at >= start):
        query = (
            select(*TICKET_COLUMNS).join(Customer, Customer.id == Ticket.customer_id).where(moment)
        )
        # On the connection: Core rows, without the ORM's per-row bookkeeping.
        found.extend(row for row in session.connection().execute(query).all() if row[11] < end)
    found.sort(key=lambda row: row[0])
    return found


def first_warnings(
    *, session: Session, ticket_ids: Collection[int]
) -> list[tuple[int, str, datetime]]:
    """(ticket id, clock, first warning's moment) of these tickets: the warnings below the
    breach (bot.sla.rules.BREACH, always announced too) that make a ticket at risk."""
    if not ticket_ids:
        return []
    # The ids as one array or JSON list, in one statement: a desk's ten thousand open tickets
    # in IN lists of a thousand bound parameters cost PostgreSQL a plan and a scan of the
    # table per list, and the client the rendering of every parameter: on PostgreSQL, a
    # third of a day summary's time.
    ids = sorted(ticket_ids)
    among: ColumnElement[bool]
    if session.get_bind().dialect.name == "postgresql":
        among = SlaAnnouncement.ticket_id == any_(bindparam("ids", ids, type_=ARRAY(Integer)))
    else:
        each = func.json_each(json.dumps(ids)).table_valued("value")
        among = SlaAnnouncement.ticket_id.in_(select(each.c.value))
    query = select(
        SlaAnnouncement.ticket_id, SlaAnnouncement.clock, SlaAnnouncement.announced_at
    ).where(among, SlaAnnouncement.threshold < 100)
    first: dict[tuple[int, str], datetime] = {}
    for ticket_id, clock, at in session.execute(query):
        key = (ticket_id, clock)
        if key not in first or at < first[key]:
            first[key] = at
    return [(ticket, clock, at) for (ticket, clock), at in first.items()]


def pages_sent(
    *, session: Session, start: datetime, end: datetime
) -> Sequence[tuple[int, str, str, str, datetime, str | None, datetime, int, str]]:
    """The pages claimed in [start, end), reminders left out, in claim order: (chain id,
    ticket number, customer name, priority, chain start, who was paged (None: the team leads'
    channel), claimed at, the ticket's line, the customer's code)."""
    query = (
        select(
            PageStep.chain_id,
            Ticket.number,
            Customer.name,
            Ticket.priority,
            PageChain.started_at,
            PageStep.target,
            PageStep.claimed_at,
            Ticket.line,
            Customer.code,
        )
        .join(PageChain, PageChain.id == PageStep.chain_id)
        .join(Ticket, Ticket.id == PageChain.ticket_id)
        .join(Customer, Customer.id == Ticket.customer_id)
        .where(
            PageStep.claimed_at >= start,
            PageStep.claimed_at < end,
            PageStep.kind != "reminder",
        )
        .order_by(PageStep.claimed_at, PageStep.chain_id, PageStep.round, PageStep.step)
    )
    return session.execute(query).all()


def acks(
    *, session: Session, start: datetime, end: datetime, chain_ids: Collection[int]
) -> list[tuple[int, str, datetime, int, str]]:
    """(chain id, who, when, the ticket's line, the customer's code) of every acknowledgement
    made in [start, end), and of every one of `chain_ids` (the window's pages: who took them,
    even after the window), by moment."""
    columns = (PageAck.id, PageAck.chain_id, PageAck.actor, PageAck.at, Ticket.line, Customer.code)
    joined = (
        select(*columns)
        .join(PageChain, PageChain.id == PageAck.chain_id)
        .join(Ticket, Ticket.id == PageChain.ticket_id)
        .join(Customer, Customer.id == Ticket.customer_id)
    )
    queries = [joined.where(PageAck.at >= start, PageAck.at < end)]
    ids = sorted(chain_ids)
    queries += [
        joined.where(PageAck.chain_id.in_(ids[i : i + _CHUNK])) for i in range(0, len(ids), _CHUNK)
    ]
    found: dict[int, tuple[int, str, datetime, int, str]] = {}
    for query in queries:
        for ack_id, chain_id, actor, at, line, code in session.execute(query).all():
            found[ack_id] = (chain_id, actor, at, line, code)
    return sorted(found.values(), key=lambda a: (a[2], a[0]))
