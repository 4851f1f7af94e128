"""Side effects are enqueued in the same transaction as the change that causes them.

The outbox delivers them after commit, in order per ticket, and retries until they succeed; a
crash between commit and delivery loses nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.mail.templates import Draft
from storage import outbox
from storage.models import Ticket, TicketEvent

CARD = "card"
THREAD = "thread"
MAIL = "mail"
RESPOND = "respond"
POST = "post"
EPHEMERAL = "ephemeral"


def ticket_key(ticket_id: int) -> str:
    return f"ticket:{ticket_id}"


def card_changed(*, session: Session, ticket: Ticket, now: datetime) -> None:
    # Every change enqueues a card sync; the delivery skips all but the newest of a burst, so
    # a burst is one chat.update. (Deciding here whether one is already waiting would race
    # with the worker on PostgreSQL and could leave the card showing an older state.)
    key = ticket_key(ticket.id)
    outbox.enqueue(
        session=session, kind=CARD, payload={"ticket_id": ticket.id}, now=now, ordering_key=key
    )


def thread_event(*, session: Session, ticket: Ticket, event: TicketEvent, now: datetime) -> None:
    outbox.enqueue(
        session=session,
        kind=THREAD,
        payload={"ticket_id": ticket.id, "event_id": event.id},
        now=now,
        ordering_key=ticket_key(ticket.id),
    )


def mail(*, session: Session, ticket: Ticket, draft: Draft, now: datetime) -> None:
    outbox.enqueue(
        session=session,
        kind=MAIL,
        payload={
            "to": draft.to,
            "subject": draft.subject,
            "body": draft.body,
            "ticket": ticket.number,
        },
        now=now,
        ordering_key=f"mail:{ticket.id}",
    )


def respond(*, session: Session, response_url: str, text: str, now: datetime) -> None:
    outbox.enqueue(
        session=session,
        kind=RESPOND,
        payload={"response_url": response_url, "text": text},
        now=now,
    )
