"""The desk's rules, from one YAML file validated by pydantic.

Everything a team lead may want to change without a deploy lives here: office hours, ticket
types, the priority matrix, routing, SLA targets, roles. Validation errors name the offending key
(`sla.gold.P1.response: ...`) so a broken edit is found at start-up, not at 3 a.m.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from bot.calendar import HOLIDAY_KEYS, BusinessCalendar
from bot.i18n import t

Lang = Literal["nl", "en"]
Line = Literal[1, 2, 3]
Level = Literal["high", "medium", "low"]
LEVELS: tuple[Level, ...] = ("high", "medium", "low")
HolidayRule = Literal["closed", "open", "lustrum"]
Tier = Literal["bronze", "silver", "gold"]
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
        raise _bad("policy.duration", value=str(value))
    d, h, mins = (int(g) if g else 0 for g in m.groups())
    result = timedelta(days=d, hours=h, minutes=mins)
    if result <= timedelta(0):
        raise _bad("policy.duration_zero")
    return result


Duration = Annotated[timedelta, BeforeValidator(parse_duration)]


@dataclass(frozen=True)
class PolicyProblem:
    """One mistake in the policy file: where (`sla.gold.P1.response`), and a catalogue key."""

    where: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        message = t(lang, self.key, **self.params)
        return f"{self.where}: {message}" if self.where else message


class PolicyError(Exception):
    """Every mistake in a policy file, written in the reader's language by `text`."""

    def __init__(self, source: str, problems: Sequence[PolicyProblem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__(self.text("nl"))

    def text(self, lang: str) -> str:
        return "\n".join([f"{self.source}:", *(p.text(lang) for p in self.problems)])


class _Inconsistent(Exception):
    """The checks across the whole policy; not a ValueError, so pydantic lets it through."""

    def __init__(self, problems: Sequence[PolicyProblem]) -> None:
        super().__init__(problems)
        self.problems = tuple(problems)


def _bad(key: str, **params: Any) -> PydanticCustomError:
    # The key travels in the context; _problems turns it back into a PolicyProblem.
    return PydanticCustomError("balie_policy", "{key}", {"key": key, **params})


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
        raise _bad("policy.interval", value=str(value))
    h1, m1, h2, m2 = (int(g) for g in m.groups())
    try:
        start, end = time(h1, m1), time(h2 % 24, m2)
    except ValueError:
        raise _bad("policy.interval", value=str(value)) from None
    if not (start < end or (h2, m2) == (24, 0)):
        raise _bad("policy.interval_order", value=str(value))
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
            except PydanticCustomError as exc:
                context = exc.context or {}
                raise _bad(context["key"], value=context["value"], at=f"days.{day}") from None
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
            raise _bad("policy.response_after_resolution")
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


def _parse_handover(value: object) -> tuple[int, time]:
    """'mon 08:30': the weekday and wall-clock time a weekly rotation hands over."""
    m = re.fullmatch(r"\s*(mon|tue|wed|thu|fri|sat|sun)\s+(\d{1,2}):(\d{2})\s*", str(value))
    if not m or int(m[2]) > 23 or int(m[3]) > 59:
        raise _bad("policy.handover", value=str(value))
    return WEEKDAYS.index(m[1]), time(int(m[2]), int(m[3]))


Handover = Annotated[tuple[int, time], BeforeValidator(_parse_handover)]


class RotationDefaults(_Strict):
    """What a new rotation gets unless the team lead says otherwise."""

    every: Duration = timedelta(days=7)
    handover: Handover = (0, time(8, 30))

    @model_validator(mode="after")
    def _whole_days(self) -> RotationDefaults:
        if self.every % timedelta(days=1):
            raise _bad("policy.whole_days", at="every")
        return self


class Escalation(_Strict):
    # No acknowledgement within `wait`: the next step. The on-call engineer is paged `pages`
    # times in all, then the backup, then the team leads.
    wait: Duration = timedelta(minutes=5)
    pages: int = Field(default=3, ge=1, le=10)


class Stall(_Strict):
    # PagerDuty's acknowledgement timeout: acknowledged, then no update for `after`, is a
    # reminder; no answer to it within `answer_within` starts the chain again.
    after: Duration = timedelta(minutes=30)
    answer_within: Duration = timedelta(minutes=5)


def _clock_time(value: object) -> time:
    if isinstance(value, time):
        return value
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", str(value))
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        raise _bad("policy.clock_time", value=str(value))
    return time(int(m[1]), int(m[2]))


class Waakdienst(_Strict):
    """Who is paged after hours. Only incidents (types with `incident: true`) qualify."""

    tiers: list[Tier] = Field(default_factory=lambda: list[Tier](["gold"]))
    priorities: list[str] = Field(default_factory=lambda: ["P1", "P2"])
    # The handle of the Slack user group that always holds the current on-call engineer.
    usergroup: str = Field(default="waakdienst", pattern=r"^[a-z0-9][a-z0-9._-]{0,79}$")
    rotation: RotationDefaults = RotationDefaults()
    escalation: Escalation = Escalation()
    stall: Stall = Stall()
    # Gaps and empty shifts this many days ahead are reported daily, at this time.
    gap_days: int = Field(default=14, ge=1, le=90)
    gap_report_at: Annotated[time, BeforeValidator(_clock_time)] = time(9, 0)


# --- billable work (the service description's "Randvoorwaarden" and "Uitsluitingen") --------

_CODE = r"^[a-z][a-z0-9_-]{0,31}$"


def _at(*path: str) -> str:
    """A place in the billing section (`billing.rates.support`), joined so no catalogue
    scan takes it for a key."""
    return ".".join(("billing", *path))


class WorkKind(_Strict):
    """A kind of work time is recorded as. `free` work is never charged by the ticket's rules:
    the domain analysis Korton owes every fault ("analyseplicht")."""

    label: Label
    free: bool = False


class HourlyRate(_Strict):
    """An hourly rate in euros, holding from `from` until the next one of its kind."""

    valid_from: date = Field(alias="from")
    hourly: Decimal = Field(gt=0, le=10000, decimal_places=2)


def _kinds() -> dict[str, WorkKind]:
    return {
        "support": WorkKind(label=Label(nl="Ondersteuning", en="Support")),
        "analysis": WorkKind(label=Label(nl="Analyse", en="Analysis"), free=True),
        "repair": WorkKind(label=Label(nl="Herstel", en="Repair")),
        "setup": WorkKind(label=Label(nl="Inrichting", en="Setting up")),
        "change": WorkKind(label=Label(nl="Wijziging", en="Change")),
        "relocation": WorkKind(
            label=Label(nl="Verplaatsing of herinstallatie", en="Relocation or reinstallation")
        ),
    }


def _rates() -> dict[str, list[HourlyRate]]:
    def of(*pairs: tuple[str, str]) -> list[HourlyRate]:
        return [HourlyRate.model_validate({"from": d, "hourly": h}) for d, h in pairs]

    desk = (("2025-01-01", "92.50"), ("2026-01-01", "96.00"))
    engineer = (("2025-01-01", "118.00"), ("2026-01-01", "122.50"))
    return {
        "support": of(*desk),
        "analysis": of(*desk),
        "repair": of(*engineer),
        "setup": of(*engineer),
        "change": of(*engineer),
        "relocation": of(("2025-01-01", "135.00"), ("2026-01-01", "140.00")),
    }


def _out_of_scope() -> dict[str, Label]:
    return {
        "inrichting": Label(
            nl="Inrichting of ondersteuning bij inrichting",
            en="Setting up, or support with setting up",
        ),
        "oneigenlijk-gebruik": Label(
            nl="Herstel na oneigenlijk gebruik of fouten van klant of derden",
            en="Repairs after improper use or faults of the customer or third parties",
        ),
    }


def _exclusions() -> dict[str, Label]:
    return {
        "ondeskundig-gebruik": Label(
            nl="Gevolg van ondeskundig of verkeerd gebruik, nalatigheid of opzet",
            en="Caused by improper or wrong use, negligence or intent",
        ),
        "wijziging": Label(
            nl="Wijziging van functionaliteit of inrichting",
            en="Change to functionality or configuration",
        ),
        "verplaatsing": Label(
            nl="Verplaatsing, verhuizing of herinstallatie",
            en="Moving, relocating or reinstalling",
        ),
        "wijziging-door-derden": Label(
            nl="Gevolg van wijzigingen door anderen, ongevallen, vernieling of inbraak",
            en="Caused by changes by others, accidents, vandalism or burglary",
        ),
        "externe-schade": Label(
            nl="Herstel van schade door een oorzaak van buitenaf",
            en="Repair of damage from an external cause",
        ),
        "ontoegankelijk": Label(
            nl="Extra werk doordat de dienst niet goed toegankelijk is",
            en="Extra work because the service is not properly accessible",
        ),
        "buiten-installatie": Label(
            nl="Storing die niet aan de installatie zelf ligt",
            en="Fault not due to the installation itself",
        ),
    }


class BillingPolicy(_Strict):
    """What the desk charges, and at what price (bot.billing.rules applies it)."""

    # Each entry is charged up to the next multiple of this: 15m makes 20 minutes 30.
    rounding: Duration = timedelta(minutes=15)
    # On top of the rate, for chargeable work outside office hours, in percent.
    after_hours_surcharge: int = Field(default=50, ge=0, le=300)
    # Rule 3: a training notice still open this long counts as no training taken.
    training_period: Duration = timedelta(days=30)
    kinds: dict[str, WorkKind] = Field(default_factory=_kinds)
    # The kind of an entry that names none, and of the waakdienst's after-hours items.
    default_kind: str = "support"
    after_hours_kind: str = "repair"
    # The ticket types that are user questions (rules 2 and 3 are about those).
    user_questions: list[str] = Field(default_factory=lambda: ["question"])
    rates: dict[str, list[HourlyRate]] = Field(default_factory=_rates)
    out_of_scope: dict[str, Label] = Field(default_factory=_out_of_scope)
    exclusions: dict[str, Label] = Field(default_factory=_exclusions)

    @property
    def rounding_minutes(self) -> int:
        return int(self.rounding.total_seconds()) // 60

    def problems(self, types: Collection[str]) -> list[PolicyProblem]:
        """What is inconsistent within the section, or with the policy's ticket types."""
        p: list[PolicyProblem] = []
        if self.rounding % timedelta(minutes=1) or self.rounding > timedelta(hours=1):
            p.append(PolicyProblem(_at("rounding"), "policy.billing_rounding"))
        if self.training_period % timedelta(days=1):
            p.append(PolicyProblem(_at("training_period"), "policy.whole_days"))
        codes = [
            *(("kinds", k) for k in self.kinds),
            *(("out_of_scope", k) for k in self.out_of_scope),
            *(("exclusions", k) for k in self.exclusions),
        ]
        p += [
            PolicyProblem(f"billing.{where}.{code}", "policy.billing_code", {"value": code})
            for where, code in codes
            if not re.fullmatch(_CODE, code)
        ]
        p += [
            PolicyProblem(f"billing.exclusions.{k}", "policy.billing_twice", {"value": k})
            for k in self.exclusions
            if k in self.out_of_scope
        ]
        for key in ("default_kind", "after_hours_kind"):
            value = getattr(self, key)
            if value not in self.kinds:
                p.append(PolicyProblem(f"billing.{key}", "policy.billing_kind", {"value": value}))
        p += [
            PolicyProblem(f"billing.user_questions.{i}", "policy.unknown_type", {"value": v})
            for i, v in enumerate(self.user_questions)
            if v not in types
        ]
        p += [
            PolicyProblem(f"billing.rates.{k}", "policy.billing_kind", {"value": k})
            for k in self.rates
            if k not in self.kinds
        ]
        for kind in self.kinds:
            rates = self.rates.get(kind, [])
            if not rates:
                p.append(PolicyProblem(f"billing.rates.{kind}", "policy.missing"))
            days = [r.valid_from for r in rates]
            p += [
                PolicyProblem(f"billing.rates.{kind}", "policy.billing_same_day", {"value": d})
                for d in sorted({d for d in days if days.count(d) > 1})
            ]
        return p


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
    waakdienst: Waakdienst = Waakdienst()
    billing: BillingPolicy = BillingPolicy()

    @model_validator(mode="after")
    def _consistent(self) -> Policy:
        problems = [
            *self._matrix_problems(),
            *self._routing_problems(),
            *self._sla_problems(),
            *self._waakdienst_problems(),
            *self.billing.problems(self.types),
            *_office_hours_problems(self.office_hours),
        ]
        if not problems:
            try:
                self.calendar  # noqa: B018 - builds it, so a calendar it cannot build fails now
            except ValueError:
                problems.append(PolicyProblem("office_hours", "policy.invalid", {}))
        if problems:
            raise _Inconsistent(problems)
        return self

    def _matrix_problems(self) -> list[PolicyProblem]:
        problems: list[PolicyProblem] = []
        for impact in LEVELS:
            row = self.priority_matrix.get(impact)
            if row is None:
                problems.append(PolicyProblem(f"priority_matrix.{impact}", "policy.missing", {}))
                continue
            for urgency in LEVELS:
                where, prio = f"priority_matrix.{impact}.{urgency}", row.get(urgency)
                if prio is None:
                    problems.append(PolicyProblem(where, "policy.missing", {}))
                elif prio not in self.priorities:
                    problems.append(
                        PolicyProblem(where, "policy.unknown_priority", {"value": prio})
                    )
        return problems

    def _routing_problems(self) -> list[PolicyProblem]:
        problems: list[PolicyProblem] = []
        for i, rule in enumerate(self.routing.rules):
            if rule.type is not None and rule.type not in self.types:
                problems.append(
                    PolicyProblem(
                        f"routing.rules.{i}.type", "policy.unknown_type", {"value": rule.type}
                    )
                )
            for p in rule.priority or []:
                if p not in self.priorities:
                    problems.append(
                        PolicyProblem(
                            f"routing.rules.{i}.priority", "policy.unknown_priority", {"value": p}
                        )
                    )
        rules = self.routing.rules
        if not rules or rules[-1].type or rules[-1].priority:
            problems.append(PolicyProblem("routing.rules", "policy.catch_all", {}))
        for line in (1, 2, 3):
            if line not in self.routing.lines:
                problems.append(PolicyProblem(f"routing.lines.{line}", "policy.missing", {}))
        return problems

    def _sla_problems(self) -> list[PolicyProblem]:
        problems: list[PolicyProblem] = []
        for tier in ("bronze", "silver", "gold"):
            targets = self.sla.get(tier)
            if targets is None:
                problems.append(PolicyProblem(f"sla.{tier}", "policy.missing", {}))
                continue
            problems += [
                PolicyProblem(f"sla.{tier}.{p}", "policy.missing", {})
                for p in self.priorities
                if p not in targets
            ]
            problems += [
                PolicyProblem(f"sla.{tier}.{p}", "policy.unknown_priority", {"value": p})
                for p in targets
                if p not in self.priorities
            ]
        return problems

    def _waakdienst_problems(self) -> list[PolicyProblem]:
        return [
            PolicyProblem(f"waakdienst.priorities.{i}", "policy.unknown_priority", {"value": p})
            for i, p in enumerate(self.waakdienst.priorities)
            if p not in self.priorities
        ]

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


# pydantic's own complaints, as catalogue keys; what they need comes from their context.
_PYDANTIC_KEYS = {
    "missing": "policy.missing",
    "extra_forbidden": "policy.unknown_key",
    "literal_error": "policy.choice",
    "string_pattern_mismatch": "policy.pattern",
    "int_parsing": "policy.integer",
    "int_type": "policy.integer",
    "int_from_float": "policy.integer",
    "greater_than": "policy.greater_than",
    "less_than": "policy.less_than",
    "greater_than_equal": "policy.at_least",
    "less_than_equal": "policy.at_most",
    "dict_type": "policy.mapping",
    "model_type": "policy.mapping",
    "model_attributes_type": "policy.mapping",
    "list_type": "policy.list",
    "string_type": "policy.text",
    "bool_parsing": "policy.boolean",
    "bool_type": "policy.boolean",
    "date_parsing": "policy.date",
    "date_type": "policy.date",
    "date_from_datetime_parsing": "policy.date",
    "decimal_parsing": "policy.billing_amount",
    "decimal_type": "policy.billing_amount",
    "decimal_max_places": "policy.billing_amount",
}


def _problems(exc: ValidationError) -> list[PolicyProblem]:
    problems = []
    for err in exc.errors():
        where = [str(p) for p in err["loc"] if not str(p).startswith("function-")]
        ctx = dict(err.get("ctx") or {})
        if err["type"] == "balie_policy":
            key = ctx.pop("key")
            if "at" in ctx:
                where.append(ctx.pop("at"))
            problems.append(PolicyProblem(".".join(where), key, ctx))
            continue
        key = _PYDANTIC_KEYS.get(err["type"], "policy.invalid")
        limit = next((ctx[k] for k in ("gt", "lt", "ge", "le") if k in ctx), "")
        # pydantic lists a Literal's choices as "'nl' or 'en'": the quoted words are the choices.
        choices = ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        params = {"limit": limit, "choices": choices}
        problems.append(PolicyProblem(".".join(where), key, params))
    return problems


def parse_policy(text: str, source: str = "policy") -> Policy:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is None:
            raise PolicyError(source, [PolicyProblem("", "policy.yaml")]) from None
        at = {"line": mark.line + 1, "column": mark.column + 1}
        raise PolicyError(source, [PolicyProblem("", "policy.yaml_at", at)]) from None
    if not isinstance(data, dict):
        raise PolicyError(source, [PolicyProblem("", "policy.not_a_mapping")])
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        raise PolicyError(source, _problems(exc)) from None
    except _Inconsistent as exc:
        raise PolicyError(source, exc.problems) from None


def default_policy_text() -> str:
    return resources.files("bot").joinpath("default_policy.yml").read_text(encoding="utf-8")


def load_policy(path: Path | None = None) -> Policy:
    if path is None:
        return parse_policy(default_policy_text(), "default_policy.yml")
    return parse_policy(path.read_text(encoding="utf-8"), str(path))
