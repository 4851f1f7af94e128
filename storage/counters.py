"""Gap-free shared sequences, and shared high-water marks.

An UPDATE ... RETURNING on one row is atomic on SQLite and PostgreSQL alike, and the row lock it
takes makes every replica see a distinct value; the unique index on tickets.number backs it up.
A high-water mark (`raise_to`) only ever goes up, whichever replica writes last.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, case, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import Counter

# The table, not the mapped class: an ORM-enabled UPDATE looks through the session for objects
# to synchronise, work no caller needs (counters are never loaded as objects).
_COUNTERS = cast(Table, Counter.__table__)


def next_value(*, session: Session, name: str) -> int:
    c = _COUNTERS.c
    value: int | None = (
        session.connection()
        .execute(
            update(_COUNTERS).where(c.name == name).values(value=c.value + 1).returning(c.value)
        )
        .scalar_one_or_none()
    )
    if value is not None:
        return value
    try:
        with session.begin_nested():
            session.execute(insert(Counter).values(name=name, value=1))
        return 1
    except IntegrityError:
        # Another replica created the row between our UPDATE and INSERT: use it.
        return next_value(session=session, name=name)


def value_of(*, session: Session, name: str) -> int | None:
    """The counter's current value, or None if it was never set."""
    return session.execute(select(Counter.value).where(Counter.name == name)).scalar_one_or_none()


def raise_to(*, session: Session, name: str, value: int) -> None:
    """Set the counter to `value` unless it already holds more."""
    raised = session.execute(
        update(Counter)
        .where(Counter.name == name)
        .values(value=case((Counter.value < value, value), else_=Counter.value))
        .returning(Counter.value)
    ).scalar_one_or_none()
    if raised is not None:
        return
    try:
        with session.begin_nested():
            session.execute(insert(Counter).values(name=name, value=value))
    except IntegrityError:
        # Another replica created the row first: raise that one.
        raise_to(session=session, name=name, value=value)
