"""The waakdienst's domain events (published on bot.events.EventBus, in the publisher's
transaction, like the desk's TicketChanged)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.events import Actor


class PageReason(StrEnum):
    REGISTERED = "registered"  # registered while the waakdienst is active
    RECLASSIFIED = "reclassified"  # a reclassification brought it into the waakdienst's set
    REOPENED = "reopened"
    OFFICE_END = "office_end"  # still open when the desk closed: handed to the waakdienst
    MANUAL = "manual"  # paged by hand ("Toch oproepen", `/waakdienst roep-op`), not charged
    # Paged by hand for a customer who is not entitled, after hours: a chargeable item.
    MANUAL_CHARGED = "manual_charged"


@dataclass(frozen=True, slots=True)
class PageRequested:
    """The waakdienst must be paged for this ticket. The chain engine starts a chain unless one
    is already running for it. `accepted_by`: the on-call engineer registered it themselves
    (the customer called the waakdienst number), so it counts as acknowledged by them at once
    and nobody is paged."""

    ticket_id: int
    reason: PageReason
    actor: Actor
    at: datetime
    accepted_by: str | None = None
