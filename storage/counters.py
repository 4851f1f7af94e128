"""Gap-free shared sequences.

An UPDATE ... RETURNING on one row is atomic on SQLite and PostgreSQL alike, and the row lock it
takes makes every replica see a distinct value; the unique index on tickets.number backs it up.
"""

from __future__ import annotations

from sqlalchemy import insert, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import Counter


def next_value(*, session: Session, name: str) -> int:
    value = session.execute(
        update(Counter)
        .where(Counter.name == name)
        .values(value=Counter.value + 1)
        .returning(Counter.value)
    ).scalar_one_or_none()
    if value is not None:
        return value
    try:
        with session.begin_nested():
            session.execute(insert(Counter).values(name=name, value=1))
        return 1
    except IntegrityError:
        # Another replica created the row between our UPDATE and INSERT: use it.
        return next_value(session=session, name=name)
