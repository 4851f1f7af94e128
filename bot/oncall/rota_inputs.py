"""What people ask of the waakdienst, as read from `/waakdienst` or a rota file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from bot.oncall.rules.rota import Which


@dataclass(frozen=True, slots=True)
class RotationChange:
    """A rotation set anew. None: the policy's default (handover, period), or for the anchor
    the latest handover, so the first member has it from now on."""

    which: Which
    members: tuple[str, ...]
    anchor: date | None = None
    handover: tuple[int, time] | None = None
    every_days: int | None = None


@dataclass(frozen=True, slots=True)
class TakeOver:
    """`user` has it from `start` (None: now) to `end` (None: the end of that shift)."""

    user: str
    which: Which = Which.PRIMARY
    start: datetime | None = None
    end: datetime | None = None


@dataclass(frozen=True, slots=True)
class SwapRequest:
    """`a` and `b` swap their next shifts from `after` (None: now)."""

    a: str
    b: str
    which: Which = Which.PRIMARY
    after: datetime | None = None


@dataclass(frozen=True, slots=True)
class PhoneChange:
    user: str
    phone: str


@dataclass(frozen=True, slots=True)
class TimeEntry:
    """`/waakdienst tijd`: the caller spent `minutes` on ticket `number` (chargeable)."""

    number: str
    minutes: int
    note: str = ""
