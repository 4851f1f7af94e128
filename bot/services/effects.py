"""Side effects are enqueued in the same transaction as the change that causes them.

The outbox delivers them after commit, in order per ticket, and retries until they succeed; a
crash between commit and delivery loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

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
INTAKE = "intake"


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


def intake(
    *,
    submit: Callable[[dict[str, Any]], None],
    actor: str,
    data: dict[str, Any],
    response_url: str | None,
    lang: str,
    now: datetime,
) -> None:
    """A registration to be done by the outbox worker; its reply goes to response_url.

    The one write on the ack path: a plain INSERT, no ORM unit of work, group-committed with
    the intakes other request threads are writing at the same moment."""
    payload = {"actor": actor, "data": data, "response_url": response_url, "lang": lang}
    submit({"kind": INTAKE, "payload": payload, "ordering_key": None, "created_at": now})


def respond(*, session: Session, response_url: str, text: str, now: datetime) -> None:
    outbox.enqueue(
        session=session,
        kind=RESPOND,
        payload={"response_url": response_url, "text": text},
        now=now,
    )


def post(
    *,
    session: Session,
    channel: str,
    text: str,
    blocks: list[dict[str, Any]] | None,
    now: datetime,
    ordering_key: str | None = None,
    thread_of: int | None = None,
) -> None:
    """A plain channel message; with thread_of, a reply in that ticket's card thread."""
    outbox.enqueue(
        session=session,
        kind=POST,
        payload={"channel": channel, "text": text, "blocks": blocks, "thread_of": thread_of},
        now=now,
        ordering_key=ordering_key,
    )
