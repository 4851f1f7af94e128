"""The paging rule and the desk's handover moments, on the one business calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.calendar import BusinessCalendar
from bot.oncall.entitlement import rule_of
from bot.oncall.rules.entitlement import (
    Facts,
    Handover,
    Moment,
    Verdict,
    business_day,
    closed_since,
    entered,
    latest,
    verdict,
)
from bot.policy import load_policy
from tests.conftest import amsterdam

AMS = ZoneInfo("Europe/Amsterdam")
POLICY = load_policy()
RULE = rule_of(POLICY)
CAL = POLICY.calendar


@pytest.mark.parametrize(
    ("facts", "active", "expected"),
    [
        (Facts("incident", "P1", "gold"), True, Verdict.PAGE),
        (Facts("incident", "P2", "gold"), True, Verdict.PAGE),
        (Facts("incident", "P1", "gold"), False, Verdict.NOTHING),
        (Facts("incident", "P3", "gold"), True, Verdict.NOTHING),
        (Facts("request", "P1", "gold"), True, Verdict.NOTHING),
        (Facts("incident", "P1", "silver"), True, Verdict.NOT_ENTITLED),
        (Facts("incident", "P2", "bronze"), True, Verdict.NOT_ENTITLED),
        (Facts("incident", "P2", "bronze"), False, Verdict.NOTHING),
        (Facts("question", "P1", "bronze"), True, Verdict.NOTHING),
    ],
)
def test_the_paging_rule(facts: Facts, active: bool, expected: Verdict) -> None:
    assert verdict(RULE, facts, active=active) is expected


def test_a_reclassification_pages_only_when_it_brings_the_ticket_into_the_set() -> None:
    gold = {"tier": "gold"}
    assert entered(RULE, Facts("incident", "P3", **gold), Facts("incident", "P2", **gold))
    assert entered(RULE, Facts("request", "P1", **gold), Facts("incident", "P1", **gold))
    assert not entered(RULE, Facts("incident", "P2", **gold), Facts("incident", "P1", **gold))
    assert not entered(RULE, Facts("incident", "P1", **gold), Facts("incident", "P3", **gold))
    assert not entered(RULE, Facts("incident", "P3", "silver"), Facts("incident", "P1", "silver"))


def test_a_business_day_opens_and_closes_as_the_calendar_has_it() -> None:
    assert business_day(CAL, AMS, date(2026, 11, 27)) == (
        amsterdam(2026, 11, 27, 8, 30),
        amsterdam(2026, 11, 27, 17, 30),
    )
    assert business_day(CAL, AMS, date(2026, 11, 28)) is None  # Saturday
    # Easter Monday is closed; Good Friday is open by default.
    assert business_day(CAL, AMS, date(2026, 4, 6)) is None
    assert business_day(CAL, AMS, date(2026, 4, 3)) == (
        amsterdam(2026, 4, 3, 8, 30),
        amsterdam(2026, 4, 3, 17, 30),
    )


def test_a_shorter_day_closes_earlier() -> None:
    hours = {d: [(time(8, 30), time(17, 30))] for d in range(4)} | {4: [(time(8, 30), time(15))]}
    cal = BusinessCalendar(hours=hours)
    assert latest(cal, AMS, amsterdam(2026, 11, 27, 15, 1)) == Moment(
        Handover.OFFICE_END, amsterdam(2026, 11, 27, 15, 0)
    )


def test_the_latest_handover_is_the_one_due() -> None:
    friday_end = Moment(Handover.OFFICE_END, amsterdam(2026, 11, 27, 17, 30))
    assert latest(CAL, AMS, amsterdam(2026, 11, 27, 17, 29)) == Moment(
        Handover.OFFICE_START, amsterdam(2026, 11, 27, 8, 30)
    )
    assert latest(CAL, AMS, amsterdam(2026, 11, 27, 17, 30)) == friday_end
    assert latest(CAL, AMS, amsterdam(2026, 11, 29, 23, 0)) == friday_end
    assert latest(CAL, AMS, amsterdam(2026, 11, 30, 8, 30)) == Moment(
        Handover.OFFICE_START, amsterdam(2026, 11, 30, 8, 30)
    )
    # Over Easter: Thursday's close until Tuesday's opening (Good Friday is open).
    assert latest(CAL, AMS, amsterdam(2026, 4, 6, 12, 0)) == Moment(
        Handover.OFFICE_END, amsterdam(2026, 4, 3, 17, 30)
    )
    assert latest(CAL, AMS, datetime(2026, 4, 7, 6, 30, tzinfo=UTC)).kind is Handover.OFFICE_START


def test_one_night_is_keyed_by_the_moment_the_desk_closed() -> None:
    friday_end = amsterdam(2026, 11, 27, 17, 30)
    assert closed_since(CAL, AMS, amsterdam(2026, 11, 27, 22, 0)) == friday_end
    assert closed_since(CAL, AMS, amsterdam(2026, 11, 29, 3, 0)) == friday_end
    assert closed_since(CAL, AMS, amsterdam(2026, 12, 1, 3, 0)) == amsterdam(2026, 11, 30, 17, 30)
