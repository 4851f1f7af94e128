"""Customers and their contacts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, Literal, TypeVar

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from storage.models import Contact, Customer, Ticket

R = TypeVar("R", Customer, Contact)


def get(*, session: Session, code: str) -> Customer | None:
    # One query with its contacts: registering a ticket reads them all.
    return (
        session.execute(
            select(Customer)
            .where(func.lower(Customer.code) == code.lower())
            .options(joinedload(Customer.contacts))
        )
        .unique()
        .scalar_one_or_none()
    )


def search(*, session: Session, query: str, limit: int = 100) -> Sequence[Customer]:
    """Customers whose code or name contains `query`, for the modal's external select."""
    q = select(Customer).order_by(Customer.name).limit(limit)
    if query.strip():
        like = f"%{query.strip().lower()}%"
        q = q.where(or_(func.lower(Customer.code).like(like), func.lower(Customer.name).like(like)))
    return session.execute(q).scalars().all()


def all_customers(*, session: Session) -> Sequence[Customer]:
    return (
        session.execute(
            select(Customer).order_by(Customer.code).options(selectinload(Customer.contacts))
        )
        .scalars()
        .all()
    )


@dataclass(frozen=True)
class Saved(Generic[R]):
    """What a create-or-update did: the row, and each field that changed (old, new)."""

    row: R
    state: Literal["created", "updated", "unchanged"]
    changes: tuple[tuple[str, Any, Any], ...] = ()


def _apply(row: R, fields: dict[str, Any]) -> Saved[R]:
    changes = tuple((k, getattr(row, k), v) for k, v in fields.items() if getattr(row, k) != v)
    for k, _, new in changes:
        setattr(row, k, new)
    return Saved(row, "updated" if changes else "unchanged", changes)


def upsert(
    *,
    session: Session,
    code: str,
    name: str,
    sla_tier: str,
    contract_date: date,
    account_manager: str,
    now: datetime,
) -> Saved[Customer]:
    """Create or update by code (in any case)."""
    customer = get(session=session, code=code)
    fields = {
        "name": name,
        "sla_tier": sla_tier,
        "contract_date": contract_date,
        "account_manager": account_manager,
    }
    if customer is None:
        customer = Customer(code=code, created_at=now, updated_at=now, **fields)
        session.add(customer)
        session.flush()
        return Saved(customer, "created")
    saved = _apply(customer, fields)
    if saved.changes:
        customer.updated_at = now
    return saved


def contact_by_email(*, session: Session, customer: Customer, email: str) -> Contact | None:
    """E-mail addresses compare in any case; they are stored in lower case."""
    return (
        session.execute(
            select(Contact)
            .where(Contact.customer_id == customer.id, func.lower(Contact.email) == email.lower())
            .order_by(Contact.id)
        )
        .scalars()
        .first()
    )


def upsert_contact(
    *, session: Session, customer: Customer, name: str, email: str, phone: str, role: str
) -> Saved[Contact]:
    """Create or update by e-mail (in any case) within the customer. The address is stored in
    lower case, so the unique (customer, email) constraint holds in any case on both
    databases."""
    email = email.strip().lower()
    contact = contact_by_email(session=session, customer=customer, email=email)
    if contact is None:
        contact = Contact(customer=customer, name=name, email=email, phone=phone, role=role)
        session.add(contact)
        session.flush()
        return Saved(contact, "created")
    return _apply(contact, {"name": name, "email": email, "phone": phone, "role": role})


def has_tickets(*, session: Session, contact_id: int) -> bool:
    return session.execute(select(exists().where(Ticket.contact_id == contact_id))).scalar_one()


def remove_contact(*, session: Session, contact: Contact) -> None:
    session.delete(contact)
