"""The facts billable work is decided on, as the desk records them on a ticket: a referral to
a manual (rule 2) and the questions linked to it, a ticket's scope (rules 4 and 5) and the
written order that excluded work needs (rule 5). A customer's missing basic knowledge and the
training offered (rule 3) are bot.billing.training.

Each is one transaction with what it causes: a referral resolves its ticket and enqueues the
contact's e-mail. The ledger (bot.billing.ledger) reads the facts through
storage.billing_facts only.

A change to a ticket goes through the desk's own use case (bot.tickets.changes.Tickets), so
its card, thread, SLA clocks and events follow as for any change; the handler hands it in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.billing.facts_payloads import ReferralMail
from bot.billing.terms import Terms, applies
from bot.clock import AMSTERDAM, Clock
from bot.errors import InvalidInput, InvalidTransition, NotFound
from bot.events import Actor
from bot.i18n import t, word
from bot.i18n.words import TERMS_KEYS
from bot.outbox.payloads import enqueue
from bot.policy import Policy
from bot.roles import STAFF, RoleResolver
from bot.tickets.changes import Changes, Tickets
from bot.tickets.views import TicketView
from storage import billing_facts as store
from storage import tickets as ticket_store
from storage.models import Ticket, WrittenOrder


@dataclass(frozen=True)
class Referred:
    ticket: TicketView
    reference: str


@dataclass(frozen=True)
class Linked:
    ticket: TicketView
    # The ticket with the referral and its reference; None when a link was undone.
    target: str | None
    reference: str | None
    changed: bool


@dataclass(frozen=True)
class Ordered:
    ticket: TicketView
    reference: str
    given_by: str
    given_on: date
    terms: Terms
    registered_by: str
    registered_at: datetime
    new: bool
    # The ticket's scope (an order is for excluded work; it can come before the scope).
    scope: str | None


@dataclass(frozen=True)
class Scoped:
    ticket: TicketView
    scope: str | None
    changed: bool
    # The ticket's written order, if it has one.
    order_reference: str | None


def terms_label(terms: str, lang: str) -> str:
    return word(lang, TERMS_KEYS, terms)


class BillingFacts:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        policy: Policy,
        clock: Clock,
        roles: RoleResolver,
        after_commit: Callable[[], None] = lambda: None,
    ) -> None:
        self.sessions = sessions
        self.policy = policy
        self.clock = clock
        self.roles = roles
        self._after_commit = after_commit

    # --- rule 2: referrals --------------------------------------------------------------------

    def refer(self, actor: Actor, tickets: Tickets, number: str, reference: str) -> Referred:
        """Refer the customer to a manual or work instruction: the referral is recorded, the
        question resolved with the reference as its resolution, and the contact e-mailed the
        reference. Only a user question can be answered by a manual."""
        self.roles.require_actor(actor, STAFF)
        self._question(number)

        def also(session: Session, ticket: Ticket) -> Changes:
            referral = store.add_referral(
                session=session,
                ticket=ticket,
                reference=reference,
                actor_source=actor.source.value,
                actor=actor.id,
                at=self.clock.now(),
            )
            enqueue(
                session=session,
                payload=ReferralMail(referral_id=referral.id),
                now=self.clock.now(),
                ordering_key=f"mail:{ticket.id}",
            )
            # In the audit trail: the thread tells the referral, and the desk's usual
            # "resolved" e-mail stays away (bot.tickets.effects): the contact gets this one.
            return {"referral": [None, reference]}

        outcome = tickets.resolve(actor, number, reference, also=also)
        return Referred(outcome.ticket, reference)

    def _question(self, number: str) -> None:
        with self.sessions() as session:
            ticket = ticket_store.get(session=session, number=number)
            if ticket is None:
                raise NotFound("error.ticket_not_found", value=number)
            questions = self.policy.billing.user_questions
            if ticket.type not in questions:
                raise InvalidTransition(
                    "facts.error.refer_not_a_question",
                    number=ticket.number,
                    type=self._type_label(ticket.type),
                    questions=", ".join(self._type_label(q) for q in questions),
                )

    def _type_label(self, code: str) -> str:
        found = self.policy.types.get(code)
        return found.label(self.policy.language) if found else code

    def link(self, actor: Actor, tickets: Tickets, number: str, target: str | None) -> Linked:
        """Link a new question to the ticket a referral answered: time on it is then charged
        as on that one (rule 2). Only within one customer. `target` None undoes a link."""
        self.roles.require_actor(actor, STAFF)
        lang = self.policy.language
        with self.sessions() as session:
            ticket = ticket_store.get(session=session, number=number)
            if ticket is None:
                raise NotFound("error.ticket_not_found", value=number)
            if target is None:
                if ticket.linked_to is None:
                    return Linked(TicketView.of(ticket), None, None, changed=False)
                text = t(lang, "facts.note.unlinked")
                goal, reference = None, None
            else:
                goal, reference = self._link_target(session, ticket, target)
                if ticket.linked_to == goal.id:
                    return Linked(TicketView.of(ticket), goal.number, reference, changed=False)
                text = t(lang, "facts.note.linked", target=goal.number, reference=reference)
        goal_id = goal.id if goal is not None else None
        goal_number = goal.number if goal is not None else None

        def also(session: Session, row: Ticket) -> Changes:
            # The audit trail keeps the numbers (what a reader knows a ticket by) and the
            # reference, so the thread tells the link in its reader's language; the note's
            # text stays as written, in the policy's language.
            before = _number_of(session, row.linked_to)
            row.linked_to = goal_id
            changes: Changes = {"linked_to": [before, goal_number]}
            if reference is not None:
                changes["referral"] = [None, reference]
            return changes

        outcome = tickets.note(actor, number, text, also=also)
        return Linked(outcome.ticket, goal.number if goal else None, reference, changed=True)

    def _link_target(self, session: Session, ticket: Ticket, number: str) -> tuple[Ticket, str]:
        goal = ticket_store.get(session=session, number=number)
        if goal is None:
            raise NotFound("error.ticket_not_found", value=number)
        if goal.customer_id != ticket.customer_id:
            raise InvalidTransition(
                "facts.error.link_other_customer",
                number=ticket.number,
                customer=ticket.customer.name,
                target=goal.number,
                target_customer=goal.customer.name,
            )
        referral = store.latest_referral(session=session, ticket_id=goal.id)
        if referral is None and goal.linked_to is not None:
            # Linked to a question that was itself linked: the link goes to the referral.
            first = ticket_store.get_by_id(session=session, ticket_id=goal.linked_to)
            if first is not None:
                goal = first
                referral = store.latest_referral(session=session, ticket_id=goal.id)
        if referral is None:
            raise InvalidTransition("facts.error.link_no_referral", target=goal.number)
        if goal.id == ticket.id:
            raise InvalidInput.one("target", "facts.field.link_self", number=ticket.number)
        return goal, referral.reference

    # --- rules 4 and 5: scope and written orders ------------------------------------------

    def scope(self, actor: Actor, tickets: Tickets, number: str, scope: str | None) -> Scoped:
        """Put a ticket out of scope, among the exclusions, or back in scope: its time is
        charged from then on (and excluded work needs a written order first)."""
        outcome = tickets.rescope(actor, number, scope)
        with self.sessions() as session:
            today = self.clock.now().astimezone(AMSTERDAM).date()
            found = store.order_for(session=session, ticket_id=outcome.ticket.id, on=today)
            order = store.get_order(session=session, order_id=found) if found else None
            reference = order.reference if order is not None else None
        return Scoped(outcome.ticket, scope, outcome.changed, reference)

    def order(
        self,
        actor: Actor,
        tickets: Tickets,
        number: str,
        reference: str,
        given_on: date | None,
        given_by: str | None,
    ) -> Ordered:
        """Register the customer's written order for excluded work: who gave it and on which
        day (today unless said; never a day still to come), and the terms that apply from the
        customer's contract date. The same reference on the same ticket again changes
        nothing."""
        self.roles.require_actor(actor, STAFF)
        now = self.clock.now()
        today = now.astimezone(AMSTERDAM).date()
        day = given_on or today
        if day > today:
            raise InvalidInput.one(
                "given_on", "facts.field.order_in_future", value=day.strftime("%d-%m-%Y")
            )
        with self.sessions() as session:
            ticket = ticket_store.get(session=session, number=number)
            if ticket is None:
                raise NotFound("error.ticket_not_found", value=number)
            existing = store.order_by_reference(
                session=session, ticket_id=ticket.id, reference=reference
            )
            if existing is not None:
                # A retried command, or the same order told twice: as it was registered.
                return _ordered(existing, TicketView.of(ticket), ticket.scope, new=False)
            who = given_by or ticket.contact.name
            terms = applies(ticket.customer.contract_date)
            scope = ticket.scope
        lang = self.policy.language
        saved: list[WrittenOrder] = []

        def also(session: Session, row: Ticket) -> Changes:
            order, _ = store.add_order(
                session=session,
                order=store.Order(
                    ticket_id=row.id,
                    reference=reference,
                    given_by=who,
                    given_on=day,
                    terms=terms.value,
                    registered_by=actor.id,
                    registered_at=now,
                ),
            )
            saved.append(order)
            # In the audit trail, so the thread tells the order in its reader's language.
            return {
                "order": [None, reference],
                "given_by": [None, who],
                "given_on": [None, day.isoformat()],
                "terms": [None, terms.value],
            }

        text = t(
            lang,
            "facts.note.order",
            reference=reference,
            given_by=who,
            given_on=day.strftime("%d-%m-%Y"),
            terms=terms_label(terms.value, lang),
        )
        outcome = tickets.note(actor, number, text, also=also)
        return _ordered(saved[0], outcome.ticket, scope, new=True)


def _number_of(session: Session, ticket_id: int | None) -> str | None:
    if ticket_id is None:
        return None
    found = ticket_store.get_by_id(session=session, ticket_id=ticket_id)
    return found.number if found is not None else None


def _ordered(order: WrittenOrder, ticket: TicketView, scope: str | None, *, new: bool) -> Ordered:
    return Ordered(
        ticket,
        order.reference,
        order.given_by,
        order.given_on,
        Terms(order.terms),
        order.registered_by,
        order.registered_at,
        new=new,
        scope=scope,
    )
