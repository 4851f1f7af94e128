"""The outbox contract: one typed payload per kind of side effect.

Producers enqueue one of these and deliveries read the same type back, so a row is never a
hand-written dict. Payloads say what to deliver, not how it reads: messages and e-mails are
rendered at delivery from the ticket as it is then, so no service imports Block Kit.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal, TypeVar

from pydantic import BaseModel, ConfigDict
from sqlalchemy.orm import Session

from storage import outbox
from storage.models import OutboxItem

P = TypeVar("P", bound="Payload")


class Payload(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    kind: ClassVar[str]

    @classmethod
    def of(cls: type[P], item: OutboxItem) -> P:
        if item.kind != cls.kind:
            raise TypeError(f"outbox row {item.id} is a {item.kind!r}, not a {cls.kind!r}")
        return cls.model_validate(item.payload)


class CardSync(Payload):
    """Post the ticket's card, or update it in place (a burst of these is one update)."""

    kind: ClassVar[str] = "card"
    ticket_id: int


class CardMoved(Payload):
    """The ticket moved to another line's channel: its old card points to the new one."""

    kind: ClassVar[str] = "card_stub"
    channel: str
    ts: str
    number: str
    to: str


class ThreadEvent(Payload):
    """One entry of the audit trail, as a reply in the card's thread."""

    kind: ClassVar[str] = "thread"
    ticket_id: int
    event_id: int


class CustomerMail(Payload):
    """An e-mail to the ticket's contact: the confirmation, a question, the resolution."""

    kind: ClassVar[str] = "mail"
    ticket_id: int
    template: Literal["registered", "waiting", "resolved"]
    text: str = ""


class SlaAlert(Payload):
    """A threshold of a ticket's clock, told in its thread (`where` = "thread"), in its line's
    channel ("line", calling whoever should act) or to the team leads ("leads", pinging
    nobody)."""

    kind: ClassVar[str] = "sla_alert"
    ticket_id: int
    clock: str
    percent: int
    where: Literal["thread", "line", "leads"]


class SlaCatchUp(Payload):
    """Thresholds that passed while Balie was not running, as one message for one channel."""

    kind: ClassVar[str] = "sla_catch_up"
    channel: str
    reached: tuple[tuple[int, str, int], ...]  # (ticket id, clock, percent)
    mention: bool


class Respond(Payload):
    """A reply to one agent through an interaction's response_url (already in their words)."""

    kind: ClassVar[str] = "respond"
    response_url: str
    text: str


class Ephemeral(Payload):
    """A notice to one agent: ephemeral in the channel, or else a direct message."""

    kind: ClassVar[str] = "ephemeral"
    user: str
    text: str
    channel: str | None = None


def ticket_key(ticket_id: int) -> str:
    """Rows of one ticket are delivered in the order they were enqueued."""
    return f"ticket:{ticket_id}"


def enqueue(
    *, session: Session, payload: Payload, now: datetime, ordering_key: str | None = None
) -> None:
    # A plain INSERT, not an ORM object: nothing reads the row back in this transaction, and the
    # unit of work costs more than the row (this runs in the ack of every registration).
    enqueue_many(session=session, rows=[(payload, ordering_key)], now=now)


def enqueue_many(
    *, session: Session, rows: list[tuple[Payload, str | None]], now: datetime
) -> None:
    """Many rows in one statement: (payload, ordering key) pairs."""
    outbox.enqueue_many(
        session=session,
        rows=[
            {"kind": p.kind, "payload": p.model_dump(mode="json"), "ordering_key": key}
            for p, key in rows
        ],
        now=now,
    )


KINDS: dict[str, type[Payload]] = {
    cls.kind: cls
    for cls in (
        CardSync,
        CardMoved,
        ThreadEvent,
        CustomerMail,
        SlaAlert,
        SlaCatchUp,
        Respond,
        Ephemeral,
    )
}
