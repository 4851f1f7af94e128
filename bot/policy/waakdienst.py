"""The policy's `waakdienst` section: who is paged after hours, when a new rotation hands over,
how a page escalates and when an acknowledged page gone quiet is chased (bot.oncall reads it)."""

from __future__ import annotations

import re
from datetime import time, timedelta
from typing import Annotated

from pydantic import BeforeValidator, Field, model_validator

from bot.policy.base import WEEKDAYS, Duration, Tier, _bad, _Strict


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
