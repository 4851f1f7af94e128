"""Moments as team leads type them, in Dutch or English, in Europe/Amsterdam.

`2026-12-24 18:00`, `24-12-2026 18:00`, `24-12 18:00`, `24/12`, `ma 08:30`, `maandag`,
`morgen 18:00`, `vandaag`, `nu`, `18:00`, `week 49` (its Monday). A date without a time means
the rota's handover time that day, because that is when shifts change. A date without a year,
a weekday or a week is the next one from today on (today included). Pure: `now` is given.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from bot.oncall.rules.rota import AMSTERDAM

WEEKDAY_WORDS: dict[str, int] = {
    **dict.fromkeys(("ma", "maandag", "mon", "monday"), 0),
    **dict.fromkeys(("di", "dinsdag", "tue", "tuesday"), 1),
    **dict.fromkeys(("wo", "woensdag", "wed", "wednesday"), 2),
    **dict.fromkeys(("do", "donderdag", "thu", "thursday"), 3),
    **dict.fromkeys(("vr", "vrijdag", "fri", "friday"), 4),
    **dict.fromkeys(("za", "zaterdag", "sat", "saturday"), 5),
    **dict.fromkeys(("zo", "zondag", "sun", "sunday"), 6),
}
_RELATIVE = {"vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2}
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[-/](\d{1,2})(?:[-/](\d{4}))?$")
_WEEK = re.compile(r"^(?:week|wk|w)\s*(\d{1,2})$")
# A date without a year up to this long ago is this year's (yesterday is yesterday).
_RECENT = timedelta(days=31)
_PERIOD = re.compile(r"^(\d{1,3})\s*(d|dag|dagen|day|days|w|wk|week|weken|weeks)?$")
# `45m`, `1u30m`, `1h30`, `2u`, `90`: hours (u or h) and/or minutes (m or min, or bare).
_DURATION = re.compile(r"^(?:(\d{1,3})\s*(?:u|uur|h|hr|hrs))?\s*(?:(\d{1,4})\s*(?:m|min|mins)?)?$")
# Time on one item is at most a week (a long weekend with a holiday is shorter).
MAX_MINUTES = 7 * 24 * 60


def clock_time(text: str) -> time | None:
    m = _TIME.match(text.strip())
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        return None
    return time(int(m[1]), int(m[2]))


def _day(word: str, today: date) -> date | None:
    word = word.lower()
    if word in _RELATIVE:
        return today + timedelta(days=_RELATIVE[word])
    if word in WEEKDAY_WORDS:
        return today + timedelta(days=(WEEKDAY_WORDS[word] - today.weekday()) % 7)
    m = _WEEK.match(word)
    if m:
        return _week(int(m[1]), today)
    try:
        if m := _ISO.match(word):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DMY.match(word):
            day, month = int(m[1]), int(m[2])
            if m[3]:
                return date(int(m[3]), month, day)
            found = date(today.year, month, day)
            # `24-12` in December is this Christmas; `5-1` then is next year's January.
            recent = found >= today - _RECENT
            return found if recent else date(today.year + 1, month, day)
    except ValueError:
        return None
    return None


def _week(number: int, today: date) -> date | None:
    """The Monday of ISO week `number`: this year's, or next year's once it has passed."""
    for year in (today.year, today.year + 1):
        try:
            monday = date.fromisocalendar(year, number, 1)
        except ValueError:
            continue
        if monday + timedelta(days=6) >= today:
            return monday
    return None


def moment(
    text: str, now: datetime, default_time: time, after: datetime | None = None
) -> datetime | None:
    """The moment `text` names, in UTC, or None when it names none. With `after` (the start
    of a stretch whose end this is), a weekday or date without a year counts from that day,
    and a weekday that would not be after it is the one a week later (`van=vr tot=vr`)."""
    found = _moment(text, after or now, default_time)
    words = text.lower().split()
    if found is not None and after is not None and found <= after and words[0] in WEEKDAY_WORDS:
        local = found.astimezone(AMSTERDAM)
        found = datetime.combine(
            local.date() + timedelta(days=7), local.time(), tzinfo=AMSTERDAM
        ).astimezone(UTC)
    return found


def _moment(text: str, now: datetime, default_time: time) -> datetime | None:
    words = text.replace("T", " ").split() if _ISO.match(text.split("T")[0]) else text.split()
    words = [w.strip(",") for w in words if w.strip(",")]
    if [w.lower() for w in words] in (["nu"], ["now"]):
        return now.astimezone(UTC)
    if len(words) == 2 and words[0].lower() in ("week", "wk"):
        words = [f"{words[0]}{words[1]}"]
    if not 1 <= len(words) <= 2:
        return None
    today = now.astimezone(AMSTERDAM).date()
    at = clock_time(words[-1])
    if len(words) == 1 and at is not None:
        day: date | None = today
    else:
        day = _day(words[0], today)
        if len(words) == 2 and at is None:
            return None
    if day is None:
        return None
    return datetime.combine(day, at or default_time, tzinfo=AMSTERDAM).astimezone(UTC)


def handover(text: str) -> tuple[int, time] | None:
    """`ma 08:30` / `mon 8:30`: a rotation's handover weekday and wall-clock time."""
    words = text.split()
    if len(words) != 2 or words[0].lower() not in WEEKDAY_WORDS:
        return None
    at = clock_time(words[1])
    return None if at is None else (WEEKDAY_WORDS[words[0].lower()], at)


def period_days(text: str) -> int | None:
    """`7d`, `14 dagen`, `2w`, `1 week`, `7`: a whole number of days, at least one."""
    m = _PERIOD.match(text.strip().lower())
    if not m:
        return None
    days = int(m[1]) * (7 if (m[2] or "d")[0] == "w" else 1)
    return days if 1 <= days <= 365 else None


def minutes(text: str) -> int | None:
    """`45m`, `1u30m`, `1h30m`, `2u`, `90m`, `90`: a whole number of minutes, at least one."""
    m = _DURATION.match(text.strip().lower())
    if not m or (m[1] is None and m[2] is None):
        return None
    total = int(m[1] or 0) * 60 + int(m[2] or 0)
    return total if 1 <= total <= MAX_MINUTES else None


def day(text: str, now: datetime) -> date | None:
    """A date as a team lead writes it (no time): `2026-12-01`, `1-12`, `ma`, `week 49`."""
    words = text.split()
    if len(words) == 2 and words[0].lower() in ("week", "wk"):
        words = [f"{words[0]}{words[1]}"]
    if len(words) != 1:
        return None
    return _day(words[0], now.astimezone(AMSTERDAM).date())
