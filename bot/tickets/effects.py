"""What follows a change to a ticket: the subscribers that turn the desk's events into outbox
rows (the card, the thread, the customer's e-mail), in the same transaction as the change.

The outbox delivers them after commit, in order per ticket, and retries until they succeed; a
crash between commit and delivery loses nothing.
"""

from __future__ import annotations

from typing import Literal

from sqlalchemy.orm import Session

from bot.events import EventBus
from bot.outbox.payloads import (
    CardSync,
    CustomerMail,
    Payload,
    ThreadEvent,
    enqueue,
    enqueue_many,
    ticket_key,
)
from bot.tickets.events import TicketChanged
from bot.tickets.rules.lifecycle import Action
from storage import tickets as store

# The changes the contact hears about by e-mail.
_MAILED: dict[Action, Literal["registered", "waiting", "resolved"]] = {
    Action.REGISTER: "registered",
    Action.WAIT: "waiting",
    Action.RESOLVE: "resolved",
}


def subscribe(bus: EventBus) -> None:
    bus.subscribe(TicketChanged, card_and_thread)
    bus.subscribe(TicketChanged, customer_mail)


def card_and_thread(session: Session, e: TicketChanged) -> None:
    key = ticket_key(e.ticket_id)
    rows: list[tuple[Payload, str | None]] = []
    if e.card_changed:
        # Every change enqueues a card sync; the delivery skips all but the newest of a burst,
        # so a burst is one chat.update. (Deciding here whether one is already waiting would
        # race with the worker on PostgreSQL and could leave the card showing an older state.)
        rows.append((CardSync(ticket_id=e.ticket_id), key))
    rows.append((ThreadEvent(ticket_id=e.ticket_id, event_id=e.audit_id), key))
    # One statement for both, card first: the outbox delivers rows of one key in id order.
    enqueue_many(session=session, rows=rows, now=e.at)


def customer_mail(session: Session, e: TicketChanged) -> None:
    template = _MAILED.get(e.action)
    if template is not None and not _referred(session, e):
        enqueue(
            session=session,
            payload=CustomerMail(ticket_id=e.ticket_id, template=template, text=e.text),
            now=e.at,
            # Apart from the Slack rows: Slack being down never holds up the customer's e-mail.
            ordering_key=f"mail:{e.ticket_id}",
        )


def _referred(session: Session, e: TicketChanged) -> bool:
    """A resolve that referred the contact to a manual (billable work's rule 2, marked in the
    audit trail as "referral"): the referral's own e-mail tells the contact, with the
    reference, so the generic "resolved" e-mail would be a second one about the same thing."""
    if e.action is not Action.RESOLVE:
        return False
    audit = store.get_event(session=session, event_id=e.audit_id)
    return audit is not None and "referral" in audit.changes
