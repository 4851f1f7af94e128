"""The events the desk's use cases announce (published on bot.events.EventBus)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.events import Actor
from bot.tickets.rules.lifecycle import Action


@dataclass(frozen=True, slots=True)
class TicketChanged:
    """A ticket was registered (Action.REGISTER) or changed; `audit_id` is its row in the
    audit trail, `text` what the agent wrote with it (a reason, a resolution, a note).

    A registration takes its ticket number after its subscribers ran (bot.tickets.registration
    says why): they enqueue by id, and what they enqueue reads the number at delivery."""

    action: Action
    ticket_id: int
    audit_id: int
    actor: Actor
    at: datetime
    text: str = ""
    # Whether anything shown on the card changed (a note changes nothing on it).
    card_changed: bool = True
