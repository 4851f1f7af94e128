"""What the SLA monitor announces (published on bot.events.EventBus)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class SlaThresholdReached:
    """A clock of a ticket passed a threshold (a percentage of its target; 100 is the breach).
    `covered` lists every threshold this announcement stands for; `late` says the moment
    passed while Balie was not running."""

    ticket_id: int
    line: int
    clock: str
    percent: int
    covered: tuple[int, ...]
    late: bool
    at: datetime


@dataclass(frozen=True, slots=True)
class MissedThresholds:
    """The thresholds of one sweep that passed while Balie was not running: they are told in
    one message per channel, after each was announced in its ticket's thread."""

    reached: tuple[SlaThresholdReached, ...]
    at: datetime
