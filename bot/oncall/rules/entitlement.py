"""Who the waakdienst is for, and when the desk hands over to it (pure).

The paging rule: an incident (a ticket type with `incident: true`) with a priority in the
waakdienst's set, of a customer whose tier is entitled, while the waakdienst is active, which is
exactly while the desk is closed by the one business calendar. A high-priority incident of a
customer who is not entitled is told apart: nobody is paged, whoever works it after hours is
told that it will be charged, and they may page anyway.

The desk's handovers follow the same calendar: the waakdienst takes over when a business day
closes (17:30, or whenever the calendar's last opening interval of that day ends) and hands back
when the next one opens.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Protocol
from zoneinfo import ZoneInfo


class Calendar(Protocol):
    """What these rules read from bot.calendar.BusinessCalendar."""

    def is_open(self, at: datetime) -> bool: ...

    def next_open(self, at: datetime) -> datetime: ...

    def add(self, start: datetime, duration: timedelta) -> datetime: ...

    def between(self, a: datetime, b: datetime) -> timedelta: ...


@dataclass(frozen=True, slots=True)
class Rule:
    """The policy's side of the rule: which types are incidents, which priorities and tiers
    the waakdienst serves."""

    incident_types: frozenset[str]
    priorities: frozenset[str]
    tiers: frozenset[str]


@dataclass(frozen=True, slots=True)
class Facts:
    """The ticket's side of the rule."""

    type: str
    priority: str
    tier: str


class Verdict(StrEnum):
    PAGE = "page"
    NOT_ENTITLED = "not_entitled"  # after hours, high priority, but bronze or silver: charged
    NOTHING = "nothing"


def high_priority_incident(rule: Rule, facts: Facts) -> bool:
    return facts.type in rule.incident_types and facts.priority in rule.priorities


def entitled(rule: Rule, tier: str) -> bool:
    return tier in rule.tiers


def in_set(rule: Rule, facts: Facts) -> bool:
    """The tickets the waakdienst is paged for while it is active."""
    return high_priority_incident(rule, facts) and entitled(rule, facts.tier)


def verdict(rule: Rule, facts: Facts, *, active: bool) -> Verdict:
    if not active or not high_priority_incident(rule, facts):
        return Verdict.NOTHING
    return Verdict.PAGE if entitled(rule, facts.tier) else Verdict.NOT_ENTITLED


def entered(rule: Rule, before: Facts, after: Facts) -> bool:
    """A reclassification pages only when it brings the ticket into the set: one that was
    already in it (P2 -> P1) has been paged for, or handed over, already."""
    return in_set(rule, after) and not in_set(rule, before)


# --- the desk's handovers --------------------------------------------------------------------


class Handover(StrEnum):
    OFFICE_END = "office_end"  # the desk closed: the waakdienst takes over
    OFFICE_START = "office_start"  # the desk opened again: the waakdienst hands back


@dataclass(frozen=True, slots=True)
class Moment:
    kind: Handover
    at: datetime


# A closed stretch longer than this (Christmas and New Year with a weekend are about five days)
# is not looked back over: a handover that old is news to nobody.
LOOK_BACK_DAYS = 21
_US = timedelta(microseconds=1)


def business_day(cal: Calendar, tz: ZoneInfo, day: date) -> tuple[datetime, datetime] | None:
    """When the desk opens and closes on a local day: its first opening and the end of its last
    opening interval, as the calendar has them (so a closing day, or a day the policy gives
    shorter hours, closes earlier). None when the desk does not open that day."""
    start = datetime.combine(day, time(0), tz)
    end = datetime.combine(day + timedelta(days=1), time(0), tz)
    business = cal.between(start, end)
    if business <= timedelta(0):
        return None
    # The earliest moment by which the whole day's business time has passed is the end of the
    # day's last interval (bot.calendar.add: an interval used up ends at its closing time).
    return cal.next_open(start), cal.add(start, business)


def _moments(cal: Calendar, tz: ZoneInfo, day: date) -> Iterator[Moment]:
    bounds = business_day(cal, tz, day)
    if bounds is None:
        return
    opens, closes = bounds
    # An interval that runs on over midnight neither opens nor closes the desk there.
    if not cal.is_open(opens - _US):
        yield Moment(Handover.OFFICE_START, opens)
    if not cal.is_open(closes):
        yield Moment(Handover.OFFICE_END, closes)


def latest(
    cal: Calendar, tz: ZoneInfo, now: datetime, kinds: Collection[Handover] = tuple(Handover)
) -> Moment | None:
    """The last handover at or before `now` (of these kinds). The desk's handover that is due
    is always the latest one: an earlier one that was missed is overtaken by it."""
    today = now.astimezone(tz).date()
    for back in range(LOOK_BACK_DAYS + 1):
        found = [
            m
            for m in _moments(cal, tz, today - timedelta(days=back))
            if m.at <= now and m.kind in kinds
        ]
        if found:
            return max(found, key=lambda m: m.at)
    return None


def closed_since(cal: Calendar, tz: ZoneInfo, at: datetime) -> datetime:
    """When the closed stretch that `at` falls in began: the key of "one night" (an evening, a
    night, a weekend or a holiday). Outside office hours only; falls back to local midnight for
    a calendar without a closing in reach."""
    found = latest(cal, tz, at, (Handover.OFFICE_END,))
    if found is not None:
        return found.at
    return datetime.combine(at.astimezone(tz).date(), time(0), tz)
