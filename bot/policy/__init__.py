"""The desk's rules, from one YAML file validated by pydantic.

Everything a team lead may want to change without a deploy lives here: office hours, ticket
types, the priority matrix, routing, SLA targets, roles. Validation errors name the offending key
(`sla.gold.P1.response: ...`) so a broken edit is found at start-up, not at 3 a.m.
"""

from __future__ import annotations

import re
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import Field, ValidationError, model_validator

from bot.calendar import BusinessCalendar
from bot.policy.base import (
    LEVELS,
    WEEKDAYS,
    Duration,
    HolidayRule,
    Label,
    Lang,
    Level,
    Line,
    PolicyError,
    PolicyProblem,
    Tier,
    Weekday,
    _bad,
    _Inconsistent,
    _Strict,
    parse_duration,
)
from bot.policy.billing import BillingPolicy, HourlyRate, WorkKind
from bot.policy.office_hours import OfficeHours, _office_hours_problems
from bot.policy.summaries import Summaries, SummaryPosts, WeekPosts
from bot.policy.waakdienst import Escalation, RotationDefaults, Stall, Waakdienst

__all__ = [
    "LEVELS",
    "WEEKDAYS",
    "BillingPolicy",
    "Duration",
    "Escalation",
    "HolidayRule",
    "HourlyRate",
    "Label",
    "Lang",
    "Level",
    "Line",
    "OfficeHours",
    "Policy",
    "PolicyError",
    "PolicyProblem",
    "RotationDefaults",
    "SlaTarget",
    "Stall",
    "Summaries",
    "SummaryPosts",
    "Tier",
    "Waakdienst",
    "WeekPosts",
    "Weekday",
    "WorkKind",
    "default_policy_text",
    "load_policy",
    "parse_duration",
    "parse_policy",
]


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
    summaries: Summaries = Summaries()

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
