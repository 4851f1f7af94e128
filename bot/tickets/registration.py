"""Registering a report: sufficiency, single point of contact, classification, routing."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.directory.rules.contacts import ContactRole, check_may_report, match_contacts, may_report
from bot.errors import InvalidInput
from bot.events import Actor, EventBus
from bot.policy import Policy
from bot.roles import STAFF, RoleResolver
from bot.tickets.events import TicketChanged
from bot.tickets.inputs import NewTicket
from bot.tickets.rules.lifecycle import Action, Status
from bot.tickets.rules.priority import classify
from bot.tickets.rules.routing import line_for
from bot.tickets.views import TicketView
from storage import counters, customers, tickets
from storage.models import Contact, Customer, Ticket


@dataclass(frozen=True)
class ContactsHint:
    """Who may report for a customer, shown when the named reporter may not."""

    customer: str
    contacts: list[tuple[str, str, str]]  # (name, e-mail, role)


def contacts_hint(customer: Customer) -> ContactsHint:
    """Only who may report: naming an end user to the agent invites the next refusal."""
    return ContactsHint(
        customer.name,
        [(c.name, c.email, c.role) for c in customer.contacts if may_report(c.role)],
    )


def resolve_reporter(*, session: Session, data: NewTicket) -> tuple[Customer, Contact]:
    customer = customers.get(session=session, code=data.customer)
    if customer is None:
        raise InvalidInput.one("customer", "field.customer_unknown", value=data.customer)
    contacts = sorted(customer.contacts, key=lambda c: c.name)  # loaded with the customer
    if data.contact.isdigit():
        # The modal's contact select sends the contact's id.
        found = [c for c in contacts if c.id == int(data.contact)]
    else:
        found = list(match_contacts(data.contact, contacts))
    if not found:
        raise InvalidInput.one(
            "contact",
            "field.contact_unknown",
            value=data.contact,
            customer=customer.name,
            hint=contacts_hint(customer),
        )
    if len(found) > 1:
        raise InvalidInput.one(
            "contact",
            "field.contact_ambiguous",
            value=data.contact,
            customer=customer.name,
            candidates=", ".join(f"{c.name} ({c.email})" for c in found),
        )
    contact = found[0]
    check_may_report(
        ContactRole(contact.role),
        name=contact.name,
        customer=customer.name,
        hint=contacts_hint(customer),
    )
    return customer, contact


def check(policy: Policy, data: NewTicket) -> None:
    """What can be checked without the database (so an ack can refuse it at once)."""
    if data.type not in policy.types:
        raise InvalidInput.one(
            "type", "field.type_invalid", value=data.type, choices=", ".join(policy.types)
        )


def register(
    *,
    session: Session,
    policy: Policy,
    actor: Actor,
    data: NewTicket,
    now: datetime,
    events: EventBus,
    request_key: str | None = None,
) -> TicketView:
    check(policy, data)
    customer, contact = resolve_reporter(session=session, data=data)
    c = classify(
        matrix=policy.priority_matrix, type=data.type, impact=data.impact, urgency=data.urgency
    )
    line = line_for(policy.routing.rules, type=c.type, priority=c.priority, escalated_to=None)
    ticket = tickets.add(
        session=session,
        ticket=Ticket(
            # A unique placeholder until the number is taken, at the end (see there).
            number=uuid.uuid4().hex,
            customer=customer,
            contact=contact,
            via=data.via,
            subject=data.subject,
            description=data.description,
            type=c.type,
            impact=c.impact,
            urgency=c.urgency,
            priority=c.priority,
            line=line,
            escalated_to=None,
            status=Status.WAITING_INFO if data.missing else Status.NEW,
            assignee=None,
            missing_info=data.missing,
            created_by=actor.id,
            created_at=now,
            updated_at=now,
            request_key=request_key,
        ),
    )
    event = tickets.add_event(
        session=session,
        ticket=ticket,
        at=now,
        actor=actor.id,
        actor_source=actor.source.value,
        kind=Action.REGISTER.value,
        changes={
            "status": [None, ticket.status],
            "priority": [None, c.priority],
            "line": [None, line],
        },
        text=data.missing or "",
    )
    events.publish(
        session,
        TicketChanged(
            action=Action.REGISTER,
            ticket_id=ticket.id,
            audit_id=event.id,
            actor=actor,
            at=now,
            text=data.missing or "",
        ),
    )
    # The number comes last. The counter's row stays locked until commit and every registration
    # waits for it (on SQLite the whole database is locked anyway): taken here, it is held for
    # one UPDATE of the ticket (its number and SLA clocks together) and the commit, not for
    # the inserts and the subscribers as well. Under load that window decides how many
    # registrations per second PostgreSQL can take. A replayed request fails on its key above,
    # before it takes a number.
    seq = counters.next_value(session=session, name="ticket")
    ticket.number = f"{policy.ticket_prefix}{seq:06d}"
    return TicketView.of(ticket)


class Registration:
    """The use case: register a report, while Slack waits for the answer."""

    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        readers: sessionmaker[Session],
        policy: Policy,
        clock: Clock,
        roles: RoleResolver,
        events: EventBus,
        after_commit: Callable[[], None] = lambda: None,
    ) -> None:
        self.sessions = sessions
        self.readers = readers
        self.policy = policy
        self.clock = clock
        self.roles = roles
        self.events = events
        self._after_commit = after_commit

    def register(
        self, actor: Actor, data: NewTicket, *, request_key: str | None = None
    ) -> TicketView:
        """Register a report, while Slack waits for the answer. `request_key` names the Slack
        request (a command's trigger_id, a modal's view id): the same request replayed gets
        the ticket it registered the first time, not a second one."""
        self.roles.require_actor(actor, STAFF)
        check(self.policy, data)
        try:
            # A replay is rare: the unique request key finds it, not a look-up on every ack.
            with self.sessions.begin() as session:
                view = register(
                    session=session,
                    policy=self.policy,
                    actor=actor,
                    data=data,
                    now=self.clock.now(),
                    events=self.events,
                    request_key=request_key,
                )
        except IntegrityError:
            # The same request registered before (or beside us, on PostgreSQL): that one won.
            if request_key is None:
                raise
            with self.readers() as session:
                done = tickets.get_by_request_key(session=session, key=request_key)
                if done is None:
                    raise
                return TicketView.of(done)
        self._after_commit()
        return view
