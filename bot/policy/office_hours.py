"""The policy's `office_hours` section: when the desk is open, which public holidays close it,
and its one-off closing days (Policy.calendar builds the business calendar from it)."""

from __future__ import annotations

import re
from datetime import date, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from bot.calendar import HOLIDAY_KEYS
from bot.policy.base import WEEKDAYS, HolidayRule, PolicyProblem, Weekday, _bad, _Strict


def _parse_interval(value: object) -> tuple[time, time]:
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*", str(value))
    if not m:
        raise _bad("policy.interval", value=str(value))
    h1, m1, h2, m2 = (int(g) for g in m.groups())
    try:
        start, end = time(h1, m1), time(h2 % 24, m2)
    except ValueError:
        raise _bad("policy.interval", value=str(value)) from None
    if not (start < end or (h2, m2) == (24, 0)):
        raise _bad("policy.interval_order", value=str(value))
    return start, end


def _office_days() -> dict[Weekday, str]:
    return {
        "mon": "08:30-17:30",
        "tue": "08:30-17:30",
        "wed": "08:30-17:30",
        "thu": "08:30-17:30",
        "fri": "08:30-17:30",
    }


class OfficeHours(_Strict):
    timezone: str = "Europe/Amsterdam"
    days: dict[Weekday, str] = Field(default_factory=_office_days)
    holidays: dict[str, HolidayRule] = Field(default_factory=dict)
    extra_closed: list[date] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> OfficeHours:
        for day, interval in self.days.items():
            try:
                _parse_interval(interval)
            except PydanticCustomError as exc:
                context = exc.context or {}
                raise _bad(context["key"], value=context["value"], at=f"days.{day}") from None
        return self

    def weekly_hours(self) -> dict[int, list[tuple[time, time]]]:
        return {WEEKDAYS.index(d): [_parse_interval(i)] for d, i in self.days.items()}


def _office_hours_problems(oh: OfficeHours) -> list[PolicyProblem]:
    """What BusinessCalendar would refuse, named before it is built (its own errors are for
    programmers, in English)."""
    problems = []
    try:
        ZoneInfo(oh.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(PolicyProblem("office_hours", "policy.timezone", {"value": oh.timezone}))
    for key in oh.holidays:
        if key not in HOLIDAY_KEYS:
            params = {"value": key, "choices": ", ".join(HOLIDAY_KEYS)}
            problems.append(PolicyProblem("office_hours", "policy.holiday", params))
    if not oh.days:
        problems.append(PolicyProblem("office_hours.days", "policy.closed_all_week"))
    return problems
