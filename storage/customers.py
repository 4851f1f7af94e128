"""Customers and their contacts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from bot.domain.contacts import match_contacts
from storage.models import Contact, Customer, Ticket


def get(*, session: Session, code: str) -> Customer | None:
    return session.execute(
        select(Customer)
        .where(func.lower(Customer.code) == code.lower())
        .options(selectinload(Customer.contacts))
    ).scalar_one_or_none()


def get_by_id(*, session: Session, customer_id: int) -> Customer | None:
    return session.get(Customer, customer_id)


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


def upsert(
    *,
    session: Session,
    code: str,
    name: str,
    sla_tier: str,
    contract_date: date,
    account_manager: str,
    now: datetime,
) -> tuple[Customer, str]:
    """Create or update by code; returns (customer, "created" | "updated" | "unchanged")."""
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
        return customer, "created"
    if all(getattr(customer, k) == v for k, v in fields.items()):
        return customer, "unchanged"
    for k, v in fields.items():
        setattr(customer, k, v)
    customer.updated_at = now
    return customer, "updated"


def delete(*, session: Session, customer: Customer) -> None:
    session.delete(customer)


def get_contact(*, session: Session, contact_id: int) -> Contact | None:
    return session.get(Contact, contact_id)


def find_contacts(*, session: Session, customer_id: int, query: str) -> Sequence[Contact]:
    """The customer's contacts `query` names (bot.domain.contacts.match_contacts: the exact
    e-mail, else the exact name, else a unique enough prefix of the name or of a word in it)."""
    contacts = (
        session.execute(
            select(Contact).where(Contact.customer_id == customer_id).order_by(Contact.name)
        )
        .scalars()
        .all()
    )
    return match_contacts(query, contacts)


def upsert_contact(
    *, session: Session, customer: Customer, name: str, email: str, phone: str, role: str
) -> tuple[Contact, str]:
    """Create or update by e-mail within the customer; returns (contact, state) as upsert."""
    contact = session.execute(
        select(Contact).where(
            Contact.customer_id == customer.id, func.lower(Contact.email) == email.lower()
        )
    ).scalar_one_or_none()
    if contact is None:
        contact = Contact(customer=customer, name=name, email=email, phone=phone, role=role)
        session.add(contact)
        session.flush()
        return contact, "created"
    if (contact.name, contact.phone, contact.role) == (name, phone, role):
        return contact, "unchanged"
    contact.name, contact.phone, contact.role = name, phone, role
    return contact, "updated"


def has_tickets(*, session: Session, contact_id: int) -> bool:
    return session.execute(select(exists().where(Ticket.contact_id == contact_id))).scalar_one()


def remove_contact(*, session: Session, contact: Contact) -> None:
    session.delete(contact)
