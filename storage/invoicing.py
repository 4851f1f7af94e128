"""Closed months and their exported lines, and the time entries a month's export takes.

A month is closed for the whole desk (scope "all") or for one customer ("customer:<id>"):
the closure is a row claimed by its primary key, committed with the lines it stored and the
entries it marked (`time_entries.invoice_month`), so an entry is exported once. Closures
are serialised (one PostgreSQL advisory lock; SQLite writes one at a time anyway), so two
exports at once never take the same entries.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from itertools import starmap
from operator import attrgetter
from typing import Any

from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import Session, aliased

from bot.invoicing.rules import Booking, Entry, Line, Total, by_customer_code
from storage.db import upsert_insert
from storage.models import (
    Base,
    Customer,
    InvoiceClosure,
    InvoiceLine,
    Ticket,
    TimeEntry,
    WrittenOrder,
)

ALL = "all"
# Any constant shared by every replica; "BALIEINV" in ASCII.
_ADVISORY_LOCK = 0x42414C4945494E56 & 0x7FFFFFFFFFFFFFFF
# Rows per statement: well under SQLite's limit on bound parameters.
_CHUNK = 900

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
    *,
    session: Session,
    month: str,
    scope: str,
    at: datetime,
    actor_source: str,
    actor: str,
    csv: bytes,
    xlsx: bytes,
) -> bool:
    """Close the month for the scope, with the files of its export: True for the one export
    that made the claim."""
    stmt = (
        upsert_insert(session, InvoiceClosure)
        .values(
            month=month,
            scope=scope,
            closed_at=at,
            closed_by_source=actor_source,
            closed_by=actor,
            csv=csv,
            xlsx=xlsx,
        )
        .on_conflict_do_nothing()
        .returning(InvoiceClosure.month)
    )
    return session.execute(stmt).scalar_one_or_none() is not None


def files_of(*, session: Session, month: str, scope: str) -> tuple[bytes, bytes] | None:
    """The CSV and the XLSX stored when the month was closed for exactly this scope."""
    row = session.execute(
        select(InvoiceClosure.csv, InvoiceClosure.xlsx).where(
            InvoiceClosure.month == month, InvoiceClosure.scope == scope
        )
    ).first()
    return (row.csv, row.xlsx) if row else None


def totals(*, session: Session, month: str, customer_id: int | None) -> tuple[Total, int]:
    """The stored lines' total and the number of customers they are for."""
    t = _LINES.c
    q = select(
        func.count(),
        func.coalesce(func.sum(t.minutes), 0),
        func.coalesce(func.sum(t.rounded_minutes), 0),
        func.coalesce(func.sum(t.amount_cents), 0),
        func.count(t.customer_id.distinct()),
    ).where(t.month == month)
    if customer_id is not None:
        q = q.where(t.customer_id == customer_id)
    lines, minutes, rounded, amount, customers = session.execute(q).one()
    return Total(int(lines), int(minutes), int(rounded), int(amount)), int(customers)


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
    `except_customers`), each with whether a later entry corrects it; in no order (the lines
    are sorted)."""
    later = aliased(TimeEntry)
    # The columns in Entry's order: a month's rows become entries without a name looked up.
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
            WrittenOrder.reference,
            WrittenOrder.terms,
            TimeEntry.cancels_id,
            later.id.is_not(None),
        )
        .join(Ticket, Ticket.id == TimeEntry.ticket_id)
        .outerjoin(later, later.cancels_id == TimeEntry.id)
        .outerjoin(WrittenOrder, WrittenOrder.id == TimeEntry.order_id)
        .where(TimeEntry.invoice_month.is_(None), TimeEntry.worked_at < before)
    )
    if customer_ids is not None:
        q = q.where(TimeEntry.customer_id.in_(list(customer_ids)))
    if except_customers:
        q = q.where(TimeEntry.customer_id.not_in(list(except_customers)))
    # Core, not the ORM's execution: plain rows, for a month's hundred thousand.
    return list(starmap(Entry, session.connection().execute(q).all()))


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


# The lines' columns as store writes them (the id is the database's): the month, the line's
# position among its customer's, whether it is a counter-entry, the day of the work (text on
# SQLite, as SQLAlchemy writes a date there), then the Line's own fields by name.
_FIELDS = (
    "customer_id",
    "customer_code",
    "customer_name",
    "entry_id",
    "reverses_id",
    "work_month",
    "ticket",
    "work_kind",
    "description",
    "minutes",
    "rounded_minutes",
    "rate_cents",
    "surcharge_percent",
    "amount_cents",
    "rule",
    "reason",
    "order_reference",
    "terms",
)
_COLUMNS = ("month", "position", "counter", "worked_on", *_FIELDS)


def store(*, session: Session, month: str, lines: Sequence[Line]) -> None:
    """The lines of the month, numbered per customer in the order given.

    Written past SQLAlchemy's per-row parameter handling, which costs more than the database
    for a month's tens of thousands of lines: PostgreSQL's COPY, SQLite's executemany."""
    if not lines:
        return
    postgres = session.get_bind().dialect.name == "postgresql"
    day = (lambda d: d) if postgres else cache(date.isoformat)
    fields = attrgetter(*_FIELDS)
    positions: dict[int, int] = {}
    rows = []
    for x in lines:
        positions[x.customer_id] = position = positions.get(x.customer_id, 0) + 1
        rows.append((month, position, x.booking is Booking.COUNTER, day(x.worked_on), *fields(x)))
    names = ", ".join(f'"{c}"' for c in _COLUMNS)
    driver = session.connection().connection.driver_connection
    assert driver is not None, "a session's connection has its driver's"
    if postgres:
        with driver.cursor() as cur, cur.copy(f"COPY {_LINES.name} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        marks = ", ".join("?" for _ in _COLUMNS)
        driver.executemany(f"INSERT INTO {_LINES.name} ({names}) VALUES ({marks})", rows)


def mark(*, session: Session, month: str, entry_ids: Collection[int]) -> None:
    """The entries are closed in `month`: never taken by an export again. Exactly these (not
    whatever matches the export's query by now: an entry recorded meanwhile is not in its
    lines), in one statement: the ids as one array or JSON list, not thousands of
    parameters."""
    ids = sorted(entry_ids)
    param: list[int] | str
    if session.get_bind().dialect.name == "postgresql":
        where, param = "id = ANY(:ids)", ids
    else:
        where, param = "id IN (SELECT value FROM json_each(:ids))", json.dumps(ids)
    session.execute(
        text(
            f"UPDATE {TimeEntry.__tablename__} SET invoice_month = :month "
            f"WHERE {where} AND invoice_month IS NULL"
        ),
        {"month": month, "ids": param},
    )


def lines_of(*, session: Session, month: str, customer_id: int | None = None) -> list[Line]:
    """The stored lines of a closed month, as the file lists them: by customer code, then in
    their stored order. Read as plain rows: a month can hold tens of thousands."""
    t = _LINES
    q = select(t).where(t.c.month == month).order_by(t.c.customer_id, t.c.position)
    if customer_id is not None:
        q = q.where(t.c.customer_id == customer_id)
    # Sorted here, not by the database's collation: as the closing sorts a new month's file.
    return by_customer_code(_line(row) for row in session.execute(q))


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
