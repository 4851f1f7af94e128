"""Closed months and their exported lines, and the time entries a month's export takes.

A month is closed for the whole desk (scope "all") or for one customer ("customer:<id>"):
the closure is a row claimed by its primary key, committed with the lines it stored and the
entries it marked (`time_entries.invoice_month`), so an entry is exported once. Closures
are serialised (one PostgreSQL advisory lock; SQLite writes one at a time anyway), so two
exports at once never take the same entries.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, column, func, insert, select, table, text, update
from sqlalchemy.orm import Session, aliased

from bot.invoicing.rules import Booking, Entry, Line
from storage.db import upsert_insert
from storage.models import Base, Customer, InvoiceClosure, InvoiceLine, Ticket, TimeEntry

ALL = "all"
# Any constant shared by every replica; "BALIEINV" in ASCII.
_ADVISORY_LOCK = 0x42414C4945494E56 & 0x7FFFFFFFFFFFFFFF
# Rows per statement: well under SQLite's limit on bound parameters.
_CHUNK = 900

# The written orders' table (migration 0014, the billing facts'): read by name only, for the
# reference an entry was worked under, so this module needs nothing else of theirs.
_ORDERS = table("written_orders", column("id"), column("reference"))


# The lines as a plain table: a month's lines are written and read as rows, not objects.
_LINES: Table = Base.metadata.tables[InvoiceLine.__tablename__]


def customer_scope(customer_id: int) -> str:
    return f"customer:{customer_id}"


@dataclass(frozen=True)
class CustomerFacts:
    id: int
    code: str
    name: str
    contract_date: date


def lock(*, session: Session) -> None:
    """Serialise closing months (held until the transaction ends)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _ADVISORY_LOCK})


def closed_scopes(*, session: Session, month: str) -> set[str]:
    rows = session.execute(select(InvoiceClosure.scope).where(InvoiceClosure.month == month))
    return {scope for (scope,) in rows}


def later_closed(*, session: Session, month: str, scopes: Collection[str]) -> list[str]:
    """The months after `month` closed for any of these scopes, earliest first."""
    rows = session.execute(
        select(InvoiceClosure.month)
        .where(InvoiceClosure.month > month, InvoiceClosure.scope.in_(list(scopes)))
        .distinct()
        .order_by(InvoiceClosure.month)
    )
    return [m for (m,) in rows]


def any_closed_later(*, session: Session, month: str) -> list[str]:
    rows = session.execute(
        select(InvoiceClosure.month).where(InvoiceClosure.month > month).distinct()
    )
    return sorted(m for (m,) in rows)


def closed_at(*, session: Session, month: str, scopes: Collection[str]) -> datetime | None:
    """When the month was first closed for any of these scopes."""
    return session.execute(
        select(func.min(InvoiceClosure.closed_at)).where(
            InvoiceClosure.month == month, InvoiceClosure.scope.in_(list(scopes))
        )
    ).scalar_one_or_none()


def claim(
    *, session: Session, month: str, scope: str, at: datetime, actor_source: str, actor: str
) -> bool:
    """Close the month for the scope: True for the one export that made the claim."""
    stmt = (
        upsert_insert(session, InvoiceClosure)
        .values(
            month=month, scope=scope, closed_at=at, closed_by_source=actor_source, closed_by=actor
        )
        .on_conflict_do_nothing()
        .returning(InvoiceClosure.month)
    )
    return session.execute(stmt).scalar_one_or_none() is not None


def customers(*, session: Session, ids: Collection[int] | None = None) -> dict[int, CustomerFacts]:
    q = select(Customer.id, Customer.code, Customer.name, Customer.contract_date)
    if ids is not None:
        q = q.where(Customer.id.in_(list(ids)))
    return {r.id: CustomerFacts(r.id, r.code, r.name, r.contract_date) for r in session.execute(q)}


def customer_by_code(*, session: Session, code: str) -> CustomerFacts | None:
    row = session.execute(
        select(Customer.id, Customer.code, Customer.name, Customer.contract_date).where(
            func.upper(Customer.code) == code.upper()
        )
    ).first()
    return CustomerFacts(row.id, row.code, row.name, row.contract_date) if row else None


def open_entries(
    *,
    session: Session,
    before: datetime,
    customer_ids: Collection[int] | None,
    except_customers: Collection[int] = (),
) -> list[Entry]:
    """The entries not yet invoiced worked before `before` (of these customers, or of all but
    `except_customers`), oldest first, each with whether a later entry corrects it."""
    later = aliased(TimeEntry)
    q = (
        select(
            TimeEntry.id,
            TimeEntry.customer_id,
            Ticket.number,
            TimeEntry.worked_at,
            TimeEntry.minutes,
            TimeEntry.kind,
            TimeEntry.description,
            TimeEntry.chargeable,
            TimeEntry.rule,
            TimeEntry.reason,
            TimeEntry.after_hours,
            TimeEntry.order_id,
            TimeEntry.cancels_id,
            later.id.label("cancelled_by"),
        )
        .join(Ticket, Ticket.id == TimeEntry.ticket_id)
        .outerjoin(later, later.cancels_id == TimeEntry.id)
        .where(TimeEntry.invoice_month.is_(None), TimeEntry.worked_at < before)
        .order_by(TimeEntry.worked_at, TimeEntry.id)
    )
    if customer_ids is not None:
        q = q.where(TimeEntry.customer_id.in_(list(customer_ids)))
    if except_customers:
        q = q.where(TimeEntry.customer_id.not_in(list(except_customers)))
    rows = session.execute(q).all()
    orders = _order_references(session, {r.order_id for r in rows if r.order_id is not None})
    return [
        Entry(
            id=r.id,
            customer_id=r.customer_id,
            ticket=r.number,
            worked_at=r.worked_at,
            minutes=r.minutes,
            kind=r.kind,
            description=r.description,
            chargeable=r.chargeable,
            rule=r.rule,
            reason=r.reason,
            after_hours=r.after_hours,
            order_reference=orders.get(r.order_id) if r.order_id is not None else None,
            cancels_id=r.cancels_id,
            cancelled=r.cancelled_by is not None,
        )
        for r in rows
    ]


def _order_references(session: Session, ids: set[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for chunk in _chunks(sorted(ids)):
        rows = session.execute(
            select(_ORDERS.c.id, _ORDERS.c.reference).where(_ORDERS.c.id.in_(chunk))
        )
        found.update({int(i): str(ref) for i, ref in rows})
    return found


def own_lines(*, session: Session, entry_ids: Collection[int]) -> dict[int, Line]:
    """The stored own lines (not counter-entries) of these entries, by entry id."""
    found: dict[int, Line] = {}
    for chunk in _chunks(sorted(entry_ids)):
        rows = session.execute(
            select(InvoiceLine).where(
                InvoiceLine.entry_id.in_(chunk), InvoiceLine.counter.is_(False)
            )
        ).scalars()
        found.update({row.entry_id: _line(row) for row in rows})
    return found


def store(*, session: Session, month: str, lines: Sequence[Line]) -> None:
    """The lines of the month, numbered per customer in the order given."""
    positions: dict[int, int] = {}
    rows = []
    for x in lines:
        positions[x.customer_id] = positions.get(x.customer_id, 0) + 1
        rows.append(
            {
                "month": month,
                "customer_id": x.customer_id,
                "customer_code": x.customer_code,
                "customer_name": x.customer_name,
                "position": positions[x.customer_id],
                "entry_id": x.entry_id,
                "counter": x.counter,
                "reverses_id": x.reverses_id,
                "work_month": x.work_month,
                "ticket": x.ticket,
                "worked_on": x.worked_on,
                "work_kind": x.work_kind,
                "description": x.description,
                "minutes": x.minutes,
                "rounded_minutes": x.rounded_minutes,
                "rate_cents": x.rate_cents,
                "surcharge_percent": x.surcharge_percent,
                "amount_cents": x.amount_cents,
                "rule": x.rule,
                "reason": x.reason,
                "order_reference": x.order_reference,
                "terms": x.terms,
            }
        )
    # Core, not the ORM's bulk path: a month can hold tens of thousands of lines.
    conn = session.connection()
    for start in range(0, len(rows), 5000):
        conn.execute(insert(_LINES), rows[start : start + 5000])


def mark(*, session: Session, month: str, entry_ids: Collection[int]) -> None:
    """The entries are closed in `month`: never taken by an export again."""
    for chunk in _chunks(sorted(entry_ids)):
        session.execute(
            update(TimeEntry)
            .where(TimeEntry.id.in_(chunk), TimeEntry.invoice_month.is_(None))
            .values(invoice_month=month)
            .execution_options(synchronize_session=False)
        )


def lines_of(*, session: Session, month: str, customer_id: int | None = None) -> list[Line]:
    """The stored lines of a closed month, as the file lists them: by customer code, then in
    their stored order. Read as plain rows: a month can hold tens of thousands."""
    t = _LINES
    q = (
        select(t)
        .where(t.c.month == month)
        .order_by(t.c.customer_code, t.c.customer_id, t.c.position)
    )
    if customer_id is not None:
        q = q.where(t.c.customer_id == customer_id)
    return [_line(row) for row in session.execute(q)]


def _line(row: Any) -> Line:
    booking = (
        Booking.COUNTER
        if row.counter
        else (Booking.REGULAR if row.work_month == row.month else Booking.LATE)
    )
    return Line(
        customer_id=row.customer_id,
        entry_id=row.entry_id,
        booking=booking,
        work_month=row.work_month,
        ticket=row.ticket,
        worked_on=row.worked_on,
        work_kind=row.work_kind,
        description=row.description,
        minutes=row.minutes,
        rounded_minutes=row.rounded_minutes,
        rate_cents=row.rate_cents,
        surcharge_percent=row.surcharge_percent,
        amount_cents=row.amount_cents,
        rule=row.rule,
        reason=row.reason,
        order_reference=row.order_reference,
        reverses_id=row.reverses_id,
        id=row.id,
        customer_code=row.customer_code,
        customer_name=row.customer_name,
        terms=row.terms,
    )


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])
