"""The ledger of time on tickets (table time_entries): appended, never changed.

A correction is a new entry that cancels an old one (`cancels_id`, unique: an entry is
cancelled once). The ticket keeps the totals of its entries that are not cancelled
(tickets.time_minutes, tickets.chargeable_minutes), updated in the entry's transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, select, update
from sqlalchemy.orm import Session, aliased

from storage.db import upsert_insert
from storage.models import Ticket, TimeEntry


@dataclass(frozen=True, slots=True)
class NewEntry:
    ticket_id: int
    customer_id: int
    minutes: int
    kind: str
    description: str
    actor_source: str
    actor: str
    worked_at: datetime
    chargeable: bool
    rule: str
    reason: str
    after_hours: bool
    order_id: int | None = None
    referral_id: int | None = None
    chargeable_item_id: int | None = None
    cancels_id: int | None = None


def add(*, session: Session, entry: NewEntry, now: datetime) -> TimeEntry | None:
    """The entry, with the ticket's totals moved by it (and back by the entry it cancels).
    None when the entry it cancels was cancelled already (by a correction racing this one):
    the unique cancels_id lets one of them win, ON CONFLICT DO NOTHING."""
    e = entry
    stmt = (
        upsert_insert(session, TimeEntry)
        .values(
            ticket_id=e.ticket_id,
            customer_id=e.customer_id,
            minutes=e.minutes,
            kind=e.kind,
            description=e.description,
            actor_source=e.actor_source,
            actor=e.actor,
            worked_at=e.worked_at,
            created_at=now,
            chargeable=e.chargeable,
            rule=e.rule,
            reason=e.reason,
            after_hours=e.after_hours,
            order_id=e.order_id,
            referral_id=e.referral_id,
            chargeable_item_id=e.chargeable_item_id,
            cancels_id=e.cancels_id,
        )
        .on_conflict_do_nothing()
        .returning(TimeEntry.id)
    )
    new_id = session.execute(stmt).scalar_one_or_none()
    if new_id is None:
        return None
    minutes, charged = e.minutes, e.minutes if e.chargeable else 0
    if e.cancels_id is not None:
        old = session.get(TimeEntry, e.cancels_id)
        assert old is not None  # a foreign key
        minutes -= old.minutes
        charged -= old.minutes if old.chargeable else 0
    session.execute(
        update(Ticket)
        .where(Ticket.id == e.ticket_id)
        .values(
            time_minutes=Ticket.time_minutes + minutes,
            chargeable_minutes=Ticket.chargeable_minutes + charged,
        )
        .execution_options(synchronize_session=False)
    )
    found = session.get(TimeEntry, new_id)
    assert found is not None
    return found


def get(*, session: Session, entry_id: int) -> TimeEntry | None:
    return session.get(TimeEntry, entry_id)


def cancelled_by(*, session: Session, entry_id: int) -> int | None:
    """The entry that cancels this one, if any."""
    q = select(TimeEntry.id).where(TimeEntry.cancels_id == entry_id)
    return session.execute(q).scalar_one_or_none()


def of_ticket(*, session: Session, ticket_id: int) -> Sequence[TimeEntry]:
    """The ticket's entries, oldest first (cancelled ones too: the ledger is its history)."""
    q = select(TimeEntry).where(TimeEntry.ticket_id == ticket_id).order_by(TimeEntry.id)
    return session.execute(q).scalars().all()


def active_of_items(*, session: Session, item_ids: Collection[int]) -> TimeEntry | None:
    """The entry that prices these chargeable items now (one night's items of one person on
    one ticket): the latest one of theirs not cancelled."""
    if not item_ids:
        return None
    later = aliased(TimeEntry)
    q = (
        select(TimeEntry)
        .where(
            TimeEntry.chargeable_item_id.in_(list(item_ids)),
            ~exists().where(later.cancels_id == TimeEntry.id),
        )
        .order_by(TimeEntry.id.desc())
        .limit(1)
    )
    return session.execute(q).scalar_one_or_none()


def set_questions_charged_since(*, session: Session, ticket_id: int, since: datetime) -> None:
    """Through the ORM: the registration's own Ticket object (same session) shows it at once."""
    ticket = session.get(Ticket, ticket_id)
    if ticket is not None:
        ticket.questions_charged_since = since


def totals(*, session: Session, ticket_id: int) -> tuple[int, int]:
    """The ticket's (minutes, chargeable minutes), as stored now."""
    q = select(Ticket.time_minutes, Ticket.chargeable_minutes).where(Ticket.id == ticket_id)
    row = session.execute(q).one()
    return int(row[0]), int(row[1])
