"""The team's shared calendar (iCalendar) read as rota overrides; see bot.oncall.rota_files
for the mapping. Pure: the calendar's bytes, the engineers and `now` in; spans and problems
(catalogue keys) out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import icalendar
import recurring_ical_events  # type: ignore[import-untyped]

from bot.oncall.rules.rota import AMSTERDAM, Which

# Events are read from now to this far ahead (a recurring event without an end would be
# endless).
AHEAD = timedelta(days=366)
_BACKUP_WORDS = re.compile(r"\b(achterwacht|reserve|backup)\b", re.I)

Engineer = tuple[str, str | None, str | None]  # Slack id, name, e-mail
Problem = tuple[str, str, dict[str, Any]]  # where, catalogue key, params


@dataclass(frozen=True)
class Span:
    where: str
    which: Which
    user: str
    start: datetime
    end: datetime


@dataclass
class CalendarRead:
    spans: list[Span] = field(default_factory=list)
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)


def read_calendar(
    raw: bytes, *, engineers: list[Engineer], now: datetime, at: time, source: str
) -> CalendarRead:
    """The events from `now` on that name one engineer, as spans; `at` is the handover time
    an all-day event starts and ends at."""
    read = CalendarRead()
    try:
        calendar = icalendar.Calendar.from_ical(raw)
        events = recurring_ical_events.of(calendar).between(now, now + AHEAD)
    except Exception as exc:  # both libraries raise many kinds on a broken file, RRULE or date
        read.problems.append((source, "rota.import.ical_invalid", {"detail": str(exc)[:200]}))
        return read
    for event in events:
        span = _event(read, event, engineers, at)
        if span is not None and span.end > now:
            read.spans.append(span)
    return read


def _event(read: CalendarRead, event: Any, engineers: list[Engineer], at: time) -> Span | None:
    summary = str(event.get("SUMMARY", ""))
    start = _moment(event.get("DTSTART").dt, at)
    end_prop = event.get("DTEND")
    end = _moment(end_prop.dt, at) if end_prop is not None else start
    where = f"{summary or '?'} ({start.astimezone(AMSTERDAM):%d-%m-%Y %H:%M})"
    users = _named(event, summary, engineers)
    if not users:
        read.skipped += 1
        return None
    if len(users) > 1:
        read.problems.append(
            (where, "rota.import.ical_several", {"users": ", ".join(sorted(users))})
        )
        return None
    if end <= start:
        read.problems.append((where, "rota.until_before_from", {}))
        return None
    categories = " ".join(str(c) for c in _categories(event))
    which = Which.BACKUP if _BACKUP_WORDS.search(f"{summary} {categories}") else Which.PRIMARY
    return Span(where, which, next(iter(users)), start, end)


def _moment(value: date | datetime, at: time) -> datetime:
    if isinstance(value, datetime):
        local = value if value.tzinfo is not None else value.replace(tzinfo=AMSTERDAM)
        return local.astimezone(UTC)
    return datetime.combine(value, at, tzinfo=AMSTERDAM).astimezone(UTC)


def _categories(event: Any) -> list[str]:
    found = event.get("CATEGORIES")
    if found is None:
        return []
    items = found if isinstance(found, list) else [found]
    return [str(c) for item in items for c in getattr(item, "cats", [item])]


def _named(
    event: Any, summary: str, engineers: list[tuple[str, str | None, str | None]]
) -> set[str]:
    """The engineers an event names: by attendee e-mail first, else in its summary."""
    attendees = event.get("ATTENDEE") or []
    if not isinstance(attendees, list):
        attendees = [attendees]
    mails = {str(a).lower().removeprefix("mailto:") for a in attendees}
    by_mail = {user for user, _, email in engineers if email and email.lower() in mails}
    if by_mail:
        return by_mail
    text = summary.lower()
    return {
        user
        for user, name, _ in engineers
        if re.search(rf"\b{re.escape(user.lower())}\b", text)
        or (name and re.search(rf"\b{re.escape(name.lower())}\b", text))
    }
