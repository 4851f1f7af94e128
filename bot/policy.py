"""The desk's rules, from one YAML file validated by pydantic.

Everything a team lead may want to change without a deploy lives here: office hours, ticket
types, the priority matrix, routing, SLA targets, roles. Validation errors name the offending key
(`sla.gold.P1.response: ...`) so a broken edit is found at start-up, not at 3 a.m.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from bot.calendar import BusinessCalendar

Lang = Literal["nl", "en"]
Line = Literal[1, 2, 3]
Level = Literal["high", "medium", "low"]
LEVELS: tuple[Level, ...] = ("high", "medium", "low")
HolidayRule = Literal["closed", "open", "lustrum"]
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

_DURATION = re.compile(r"^\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*$")


def parse_duration(value: object) -> timedelta:
    """'30m', '4h', '1h30m', '2d' (2 x 24 h of clock time, for 24x7 targets)."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, int):
        return timedelta(minutes=value)
    m = _DURATION.match(str(value))
    if not m or not any(m.groups()):
        raise ValueError(f"not a duration like '30m', '4h' or '1h30m': {value!r}")
    d, h, mins = (int(g) if g else 0 for g in m.groups())
    result = timedelta(days=d, hours=h, minutes=mins)
    if result <= timedelta(0):
        raise ValueError("must be longer than zero")
    return result


Duration = Annotated[timedelta, BeforeValidator(parse_duration)]


class PolicyError(Exception):
    pass


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Label(_Strict):
    nl: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


def _parse_interval(value: object) -> tuple[time, time]:
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*", str(value))
    if not m:
        raise ValueError(f"not an interval like '08:30-17:30': {value!r}")
    h1, m1, h2, m2 = (int(g) for g in m.groups())
    start, end = time(h1, m1), time(h2 % 24, m2)
    if not (start < end or (h2, m2) == (24, 0)):
        raise ValueError(f"start must be before end: {value!r}")
    return start, end


Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


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
            except ValueError as exc:
                raise ValueError(f"days.{day}: {exc}") from None
        return self

    def weekly_hours(self) -> dict[int, list[tuple[time, time]]]:
        return {WEEKDAYS.index(d): [_parse_interval(i)] for d, i in self.days.items()}


class TicketType(_Strict):
    label: Label
    # Incidents are the only type the waakdienst may be paged for.
    incident: bool = False


class Priority(_Strict):
    label: Label


class RouteRule(_Strict):
    type: str | None = None
    priority: list[str] | None = None
    line: Line


class LineConfig(_Strict):
    channel: str
    usergroup: str | None = None
    label: Label


class Routing(_Strict):
    rules: list[RouteRule]
    lines: dict[Line, LineConfig]


class SlaTarget(_Strict):
    response: Duration
    resolution: Duration
    clock: Literal["business", "24x7"] = "business"

    @model_validator(mode="after")
    def _order(self) -> SlaTarget:
        if self.response > self.resolution:
            raise ValueError("response must not be longer than resolution")
        return self


class Roles(_Strict):
    users: list[str] = Field(default_factory=list)
    usergroups: list[str] = Field(default_factory=list)


class RoleTable(_Strict):
    agents: Roles = Roles()
    team_leads: Roles = Roles()
    admins: Roles = Roles()


class Channels(_Strict):
    team_leads: str


class Policy(_Strict):
    language: Lang = "nl"
    ticket_prefix: str = Field(default="KOR-", pattern=r"^[A-Z][A-Z0-9-]{0,9}$")
    office_hours: OfficeHours = OfficeHours()
    types: dict[str, TicketType]
    priorities: dict[str, Priority]
    priority_matrix: dict[Level, dict[Level, str]]
    routing: Routing
    sla: dict[Literal["bronze", "silver", "gold"], dict[str, SlaTarget]]
    sla_warn_at: list[Annotated[int, Field(gt=0, lt=100)]] = Field(default_factory=lambda: [75, 90])
    roles: RoleTable = RoleTable()
    channels: Channels

    @model_validator(mode="after")
    def _consistent(self) -> Policy:
        errors = [
            *self._matrix_errors(),
            *self._routing_errors(),
            *self._sla_errors(),
            *self._calendar_errors(),
        ]
        if errors:
            raise ValueError("; ".join(errors))
        return self

    def _matrix_errors(self) -> list[str]:
        errors: list[str] = []
        for impact in LEVELS:
            row = self.priority_matrix.get(impact)
            if row is None:
                errors.append(f"priority_matrix.{impact}: missing")
                continue
            for urgency in LEVELS:
                prio = row.get(urgency)
                if prio is None:
                    errors.append(f"priority_matrix.{impact}.{urgency}: missing")
                elif prio not in self.priorities:
                    errors.append(f"priority_matrix.{impact}.{urgency}: unknown priority {prio!r}")
        return errors

    def _routing_errors(self) -> list[str]:
        errors: list[str] = []
        for i, rule in enumerate(self.routing.rules):
            if rule.type is not None and rule.type not in self.types:
                errors.append(f"routing.rules.{i}.type: unknown type {rule.type!r}")
            for p in rule.priority or []:
                if p not in self.priorities:
                    errors.append(f"routing.rules.{i}.priority: unknown priority {p!r}")
        if not self.routing.rules or self.routing.rules[-1].type or self.routing.rules[-1].priority:
            errors.append("routing.rules: the last rule must match everything (only 'line')")
        for line in (1, 2, 3):
            if line not in self.routing.lines:
                errors.append(f"routing.lines.{line}: missing")
        return errors

    def _sla_errors(self) -> list[str]:
        errors: list[str] = []
        for tier in ("bronze", "silver", "gold"):
            targets = self.sla.get(tier)
            if targets is None:
                errors.append(f"sla.{tier}: missing")
                continue
            for p in self.priorities:
                if p not in targets:
                    errors.append(f"sla.{tier}.{p}: missing")
            for p in targets:
                if p not in self.priorities:
                    errors.append(f"sla.{tier}.{p}: unknown priority")
        return errors

    def _calendar_errors(self) -> list[str]:
        try:
            self.calendar  # noqa: B018 - builds it, so a bad timezone or holiday key fails now
        except ValueError as exc:
            return [f"office_hours: {exc}"]
        return []

    @cached_property
    def calendar(self) -> BusinessCalendar:
        """The desk's business calendar, built once per policy."""
        oh = self.office_hours
        return BusinessCalendar(
            timezone=oh.timezone,
            hours=oh.weekly_hours(),
            holiday_rules=oh.holidays,
            extra_closed=oh.extra_closed,
        )

    def line(self, number: int) -> LineConfig:
        return self.routing.lines[number]  # type: ignore[index]  # validated: 1, 2 and 3 exist

    def target(self, tier: str, priority: str) -> SlaTarget:
        return self.sla[tier][priority]  # type: ignore[index]  # validated: every tier x priority

    @cached_property
    def priority_order(self) -> list[str]:
        """Priorities most urgent first, in the order the policy lists them."""
        return list(self.priorities)

    def with_roles(self, **extra: list[str]) -> Policy:
        """A copy with extra user ids per role; console mode gives its personas their roles."""
        table = self.roles.model_dump()
        for role, users in extra.items():
            table[role]["users"] = [*table[role]["users"], *users]
        return self.model_copy(update={"roles": RoleTable.model_validate(table)})


def _format_errors(exc: ValidationError) -> str:
    lines = []
    for err in exc.errors():
        loc = ".".join(
            str(p) for p in err["loc"] if p not in ("function-after[_consistent(), Policy]",)
        )
        msg = err["msg"].removeprefix("Value error, ")
        lines.append(f"{loc}: {msg}" if loc else msg)
    return "\n".join(lines)


def parse_policy(text: str, source: str = "policy") -> Policy:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise PolicyError(f"{source}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise PolicyError(f"{source}: must be a mapping at the top level")
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        raise PolicyError(f"{source}:\n{_format_errors(exc)}") from None


def default_policy_text() -> str:
    return resources.files("bot").joinpath("default_policy.yml").read_text(encoding="utf-8")


def load_policy(path: Path | None = None) -> Policy:
    if path is None:
        return parse_policy(default_policy_text(), "default_policy.yml")
    return parse_policy(path.read_text(encoding="utf-8"), str(path))
