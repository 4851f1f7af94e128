"""The facts billable work is decided on: referrals, training notices, written orders and a
ticket's scope (migration 0014).

bot.billing's ledger reads only the first four functions, so the two halves meet here; the
rest are the writes and reads of bot.billing.facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.db import upsert_insert
from storage.models import Customer, Referral, Ticket, TrainingNotice, WrittenOrder

# The states of a training notice; "planned" is not "taken": until the training is taken the
# period runs on (the service description: "if no training is taken ...").
OPEN, PLANNED, TAKEN, DECLINED = "open", "planned", "taken", "declined"
STATES = (OPEN, PLANNED, TAKEN, DECLINED)


# --- what the ledger reads --------------------------------------------------------------------


def referral_for(*, session: Session, ticket_id: int, at: datetime) -> int | None:
    """The referral (rule 2) made by `at` on this ticket, or on the ticket it was linked to:
    its id (the latest, when a ticket was referred more than once). Only time recorded
    afterwards is charged, so work done before the referral finds none."""
    own = _latest_referral(session, ticket_id, at)
    if own is not None:
        return own
    linked = session.execute(select(Ticket.linked_to).where(Ticket.id == ticket_id)).scalar()
    return _latest_referral(session, linked, at) if linked is not None else None


def questions_charged_since(
    *, session: Session, customer_id: int, now: datetime
) -> datetime | None:
    """From when the customer's user questions are charged (rule 3: a training declined, or
    still not taken after the policy's period), or None while they are not. Read as things
    stood at `now`: the customer's latest notice by then, its outcome if it came by then."""
    notice = session.execute(
        select(TrainingNotice)
        .where(TrainingNotice.customer_id == customer_id, TrainingNotice.noted_at <= now)
        .order_by(TrainingNotice.noted_at.desc(), TrainingNotice.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    if notice is None:
        return None
    return charged_since(notice, now)


def charged_since(notice: TrainingNotice, now: datetime) -> datetime | None:
    """One notice's answer to `questions_charged_since`."""
    known = notice.outcome_at is not None and notice.outcome_at <= now
    state = notice.state if known else OPEN
    if state == DECLINED:
        return notice.outcome_at
    if state == TAKEN:
        return None
    return notice.due_at if notice.due_at <= now else None


def order_for(*, session: Session, ticket_id: int, on: date) -> int | None:
    """The written order (rule 5) registered for this ticket and given on or before `on`, the
    (local) day of the work: its id (the latest registered). Excluded work is done only on an
    order given beforehand, so an order given after the work's day does not cover it."""
    return session.execute(
        select(WrittenOrder.id)
        .where(WrittenOrder.ticket_id == ticket_id, WrittenOrder.given_on <= on)
        .order_by(WrittenOrder.registered_at.desc(), WrittenOrder.id.desc())
        .limit(1)
    ).scalar()


def scope_of(*, session: Session, ticket_id: int) -> str | None:
    """The ticket's scope: None for in scope, else "out_of_scope:<kind>" (rule 4) or
    "exclusion:<kind>" (rule 5), the kinds from the policy."""
    return session.execute(select(Ticket.scope).where(Ticket.id == ticket_id)).scalar()


# --- referrals --------------------------------------------------------------------------------


def _latest_referral(session: Session, ticket_id: int, at: datetime | None = None) -> int | None:
    q = select(Referral.id).where(Referral.ticket_id == ticket_id)
    if at is not None:
        q = q.where(Referral.referred_at <= at)
    return session.execute(
        q.order_by(Referral.referred_at.desc(), Referral.id.desc()).limit(1)
    ).scalar()


def add_referral(
    *,
    session: Session,
    ticket: Ticket,
    reference: str,
    actor_source: str,
    actor: str,
    at: datetime,
) -> Referral:
    row = Referral(
        ticket_id=ticket.id,
        customer_id=ticket.customer_id,
        reference=reference,
        actor_source=actor_source,
        actor=actor,
        referred_at=at,
    )
    session.add(row)
    session.flush()
    return row


def get_referral(*, session: Session, referral_id: int) -> Referral | None:
    return session.get(Referral, referral_id)


def latest_referral(*, session: Session, ticket_id: int) -> Referral | None:
    found = _latest_referral(session, ticket_id)
    return session.get(Referral, found) if found is not None else None


# --- training notices -------------------------------------------------------------------------


def add_notice(
    *,
    session: Session,
    customer_id: int,
    text: str,
    noted_by: str,
    at: datetime,
    due_at: datetime,
) -> TrainingNotice:
    row = TrainingNotice(
        customer_id=customer_id,
        state=OPEN,
        text=text,
        noted_by=noted_by,
        noted_at=at,
        due_at=due_at,
    )
    session.add(row)
    session.flush()
    return row


def lock_customer(*, session: Session, customer_id: int) -> None:
    """Hold the customer's row until the transaction ends, so one customer's notices are
    written one after the other: two first notices at the same moment would otherwise both
    find none, both start a period and both tell the account manager as if first. (SQLite
    has one writer at a time already: Balie's write transactions begin IMMEDIATE.)"""
    session.execute(
        select(Customer.id).where(Customer.id == customer_id).with_for_update()
    ).scalar_one()


def latest_notice(*, session: Session, customer_id: int) -> TrainingNotice | None:
    return session.execute(
        select(TrainingNotice)
        .where(TrainingNotice.customer_id == customer_id)
        .order_by(TrainingNotice.noted_at.desc(), TrainingNotice.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def get_notice(*, session: Session, notice_id: int) -> TrainingNotice | None:
    return session.get(TrainingNotice, notice_id)


def set_outcome(
    *, session: Session, notice: TrainingNotice, state: str, by: str, at: datetime
) -> None:
    if state not in STATES or state == OPEN:
        raise ValueError(f"not an outcome: {state!r}")
    notice.state = state
    notice.outcome_by = by
    notice.outcome_at = at


# --- written orders ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Order:
    ticket_id: int
    reference: str
    given_by: str
    given_on: date
    terms: str
    registered_by: str
    registered_at: datetime


def add_order(*, session: Session, order: Order) -> tuple[WrittenOrder, bool]:
    """The order, and whether it is new: the same reference on the same ticket again (a
    retried command) is the order registered before, unchanged."""
    o = order
    created = session.execute(
        upsert_insert(session, WrittenOrder)
        .values(
            ticket_id=o.ticket_id,
            reference=o.reference,
            given_by=o.given_by,
            given_on=o.given_on,
            terms=o.terms,
            registered_by=o.registered_by,
            registered_at=o.registered_at,
        )
        .on_conflict_do_nothing()
        .returning(WrittenOrder.id)
    ).scalar_one_or_none()
    if created is not None:
        row = session.get(WrittenOrder, created)
        assert row is not None
        return row, True
    existing = session.execute(
        select(WrittenOrder).where(
            WrittenOrder.ticket_id == o.ticket_id, WrittenOrder.reference == o.reference
        )
    ).scalar_one()
    return existing, False


def order_by_reference(*, session: Session, ticket_id: int, reference: str) -> WrittenOrder | None:
    return session.execute(
        select(WrittenOrder).where(
            WrittenOrder.ticket_id == ticket_id, WrittenOrder.reference == reference
        )
    ).scalar_one_or_none()


def get_order(*, session: Session, order_id: int) -> WrittenOrder | None:
    return session.get(WrittenOrder, order_id)
