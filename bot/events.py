"""Domain events: what a use case announces once it has changed something, and who did it.

A use case publishes an event inside its transaction; subscribers (the card, the thread, the
customer's e-mail, and later the waakdienst, the summaries, billing and the App Home) turn it
into outbox rows in that same transaction. So an event and its side effects commit together,
and a new capability attaches here without touching the use cases.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class ActorSource(StrEnum):
    SLACK = "slack"  # a Slack user id
    EMAIL = "email"  # a customer's e-mail address (e-mail intake)
    SYSTEM = "system"  # Balie itself: the SLA monitor, the waakdienst


@dataclass(frozen=True, slots=True)
class Actor:
    """Who did it. Role checks apply to Slack actors only; the others never hold a role."""

    source: ActorSource
    id: str

    @classmethod
    def slack(cls, user_id: str) -> Actor:
        return cls(ActorSource.SLACK, user_id)

    @classmethod
    def system(cls, name: str) -> Actor:
        return cls(ActorSource.SYSTEM, name)


Subscriber = Callable[["Session", Any], None]
E = TypeVar("E")


class EventBus:
    """Synchronous, in-process: subscribers run in the publisher's transaction, in the order
    they subscribed. A subscriber that raises rolls the whole change back: a side effect is
    never silently dropped."""

    def __init__(self) -> None:
        self._subscribers: dict[type, list[Subscriber]] = defaultdict(list)

    def subscribe(self, kind: type[E], subscriber: Callable[[Session, E], None]) -> None:
        self._subscribers[kind].append(subscriber)

    def publish(self, session: Session, event: object) -> None:
        for subscriber in self._subscribers[type(event)]:
            subscriber(session, event)
