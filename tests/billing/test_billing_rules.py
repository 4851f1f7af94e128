"""The pure rules of billable work: rounding, pricing at the rate of the day, and which rule
charges an entry (named test_billing_rules.py: tests/summaries has a test_rules.py too)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import product
from typing import Any

import pytest

from bot.billing.pricing import price_by_policy
from bot.billing.rules import (
    ANALYSIS,
    ENTITLED,
    IN_SERVICE,
    NO_ORDER,
    NO_TRAINING,
    NOT_ENTITLED,
    REFERRED,
    Decision,
    Facts,
    NoRate,
    Refused,
    Rule,
    Scope,
    ScopeClass,
    Work,
    decide,
    price,
    rate_on,
    round_up,
)
from bot.policy import HourlyRate, load_policy


@pytest.mark.parametrize(
    ("minutes", "unit", "rounded"),
    [(0, 15, 0), (1, 15, 15), (15, 15, 15), (16, 15, 30), (20, 15, 30), (45, 15, 45),
     (46, 15, 60), (90, 15, 90), (7, 10, 10), (59, 60, 60), (61, 60, 120), (5, 1, 5),
     (-20, 15, -30), (-15, 15, -15)],
)  # fmt: skip
def test_round_up_to_the_next_unit(minutes: int, unit: int, rounded: int) -> None:
    assert round_up(minutes, unit) == rounded


def test_round_up_needs_a_unit() -> None:
    with pytest.raises(ValueError):
        round_up(10, 0)


def _rates(*pairs: tuple[str, str]) -> list[HourlyRate]:
    return [HourlyRate.model_validate({"from": d, "hourly": h}) for d, h in pairs]


RATES = {"support": _rates(("2026-01-01", "96.00"), ("2026-11-16", "100.00"))}


def test_the_rate_that_held_on_the_day_of_the_work() -> None:
    r = RATES["support"]
    assert rate_on(r, date(2025, 12, 31)) is None
    assert rate_on(r, date(2026, 1, 1)) == r[0]
    assert rate_on(r, date(2026, 11, 15)) == r[0]
    assert rate_on(r, date(2026, 11, 16)) == r[1]  # the new rate holds from its own day
    assert rate_on(list(reversed(r)), date(2026, 12, 1)) == r[1]  # order in the file is free


def test_a_rate_that_changes_in_the_middle_of_a_month() -> None:
    before = price(Work("support", 20, date(2026, 11, 15)), RATES, 50, unit=15)
    after = price(Work("support", 20, date(2026, 11, 16)), RATES, 50, unit=15)
    # 20 minutes -> 30; 30/60 x 96.00 = 48.00; 30/60 x 100.00 = 50.00.
    assert (before.rounded_minutes, before.hourly, before.amount) == (30, Decimal("96.00"), 48)
    assert before.valid_from == date(2026, 1, 1)
    assert (after.hourly, after.amount, after.valid_from) == (
        100,
        Decimal("50.00"),
        date(2026, 11, 16),
    )


def test_after_hours_carries_the_surcharge() -> None:
    p = price(Work("support", 50, date(2026, 11, 20), after_hours=True), RATES, 50, unit=15)
    # 50 minutes -> 60; 1 h x 100.00 x 150% = 150.00.
    assert (p.minutes, p.rounded_minutes, p.surcharge_percent, p.amount) == (
        50, 60, 50, Decimal("150.00"))  # fmt: skip


def test_amounts_are_rounded_to_the_cent_half_up() -> None:
    rates = {"support": _rates(("2026-01-01", "92.50"))}
    p = price(Work("support", 10, date(2026, 3, 2)), rates, 50, unit=1)
    # 10/60 x 92.50 = 15.41666.. -> 15.42
    assert p.amount == Decimal("15.42")
    q = price(Work("support", 10, date(2026, 3, 2), after_hours=True), rates, 25, unit=1)
    # 10/60 x 92.50 x 1.25 = 19.2708.. -> 19.27
    assert q.amount == Decimal("19.27")
    # 3/60 x 92.50 = 4.625 exactly -> 4.63 (half up, not to even)
    assert price(Work("support", 3, date(2026, 3, 2)), rates, 0, unit=1).amount == Decimal("4.63")


def test_a_counter_entry_is_the_exact_opposite() -> None:
    plus = price(Work("support", 20, date(2026, 11, 20), True), RATES, 50, unit=15)
    minus = price(Work("support", -20, date(2026, 11, 20), True), RATES, 50, unit=15)
    assert minus.rounded_minutes == -plus.rounded_minutes
    assert minus.amount == -plus.amount == Decimal("-75.00")


def test_no_rate_on_that_day_is_an_error_not_a_free_entry() -> None:
    with pytest.raises(NoRate) as e:
        price(Work("support", 30, date(2025, 6, 1)), RATES, 50, unit=15)
    assert (e.value.kind, e.value.day) == ("support", date(2025, 6, 1))
    with pytest.raises(NoRate):
        price(Work("koffie", 30, date(2026, 6, 1)), RATES, 50, unit=15)


def test_priced_by_the_default_policy() -> None:
    billing = load_policy().billing
    p = price_by_policy(billing, Work("repair", 40, date(2026, 11, 24), after_hours=True))
    # 40 -> 45 minutes at the 2026 engineer rate 122.50, plus 50%: 0.75 x 122.50 x 1.5 = 137.8125
    assert (p.rounded_minutes, p.hourly, p.amount) == (45, Decimal("122.50"), Decimal("137.81"))
    old = price_by_policy(billing, Work("support", 15, date(2025, 12, 31)))
    assert (old.hourly, old.amount) == (Decimal("92.50"), Decimal("23.13"))  # 23.125 half up


# --- decide: the six rules -------------------------------------------------------------------

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
SETUP = Scope(ScopeClass.OUT_OF_SCOPE, "inrichting")
MOVE = Scope(ScopeClass.EXCLUSION, "verplaatsing")


def facts(**kw: Any) -> Facts:
    base: dict[str, Any] = {
        "kind": "support",
        "free_kind": False,
        "scope": None,
        "order_id": None,
        "after_hours": False,
        "entitled_after_hours": False,
        "user_question": False,
        "referral_id": None,
        "questions_charged_since": None,
        "worked_at": NOW,
    }
    return Facts(**(base | kw))


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        # Rule 1: reports and questions in office hours are free.
        ({}, Decision(False, Rule.REPORTING_FREE, IN_SERVICE)),
        ({"user_question": True}, Decision(False, Rule.REPORTING_FREE, IN_SERVICE)),
        # A gold customer after hours: the waakdienst is in their SLA.
        ({"after_hours": True, "entitled_after_hours": True},
         Decision(False, Rule.REPORTING_FREE, ENTITLED)),
        # Rule 2: after a referral, on the ticket or one linked to it.
        ({"referral_id": 7}, Decision(True, Rule.MANUAL_REFERRAL, REFERRED)),
        ({"referral_id": 7, "user_question": True}, Decision(True, Rule.MANUAL_REFERRAL, REFERRED)),
        # Rule 3: user questions from the moment they are charged on.
        ({"user_question": True, "questions_charged_since": NOW},
         Decision(True, Rule.MISSING_KNOWLEDGE, NO_TRAINING)),
        ({"user_question": True, "questions_charged_since": NOW + timedelta(seconds=1)},
         Decision(False, Rule.REPORTING_FREE, IN_SERVICE)),
        # ... but an incident of that customer is not a question: still free.
        ({"questions_charged_since": NOW}, Decision(False, Rule.REPORTING_FREE, IN_SERVICE)),
        # Rule 4: out of scope is charged, named by its kind.
        ({"scope": SETUP}, Decision(True, Rule.OUT_OF_SCOPE, "scope:inrichting")),
        ({"scope": SETUP, "after_hours": True},
         Decision(True, Rule.OUT_OF_SCOPE, "scope:inrichting")),
        # Rule 5: an exclusion with a written order is charged ...
        ({"scope": MOVE, "order_id": 3}, Decision(True, Rule.EXCLUSION, "scope:verplaatsing")),
        # ... and without one it is refused (below); analysis stays free either way.
        ({"scope": MOVE, "kind": "analysis", "free_kind": True},
         Decision(False, Rule.EXCLUSION, ANALYSIS)),
        ({"scope": MOVE, "order_id": 3, "kind": "analysis", "free_kind": True},
         Decision(False, Rule.EXCLUSION, ANALYSIS)),
        ({"scope": SETUP, "kind": "analysis", "free_kind": True},
         Decision(False, Rule.OUT_OF_SCOPE, ANALYSIS)),
        ({"kind": "analysis", "free_kind": True, "referral_id": 7},
         Decision(False, Rule.REPORTING_FREE, ANALYSIS)),
        ({"kind": "analysis", "free_kind": True, "after_hours": True},
         Decision(False, Rule.REPORTING_FREE, ANALYSIS)),
        # Rule 6: after hours without entitlement, before rules 2 and 3.
        ({"after_hours": True}, Decision(True, Rule.AFTER_HOURS, NOT_ENTITLED)),
        ({"after_hours": True, "referral_id": 7, "user_question": True,
          "questions_charged_since": NOW}, Decision(True, Rule.AFTER_HOURS, NOT_ENTITLED)),
        # The order of the charged rules: scope first, then rule 2 before rule 3.
        ({"scope": SETUP, "referral_id": 7}, Decision(True, Rule.OUT_OF_SCOPE, "scope:inrichting")),
        ({"referral_id": 7, "user_question": True, "questions_charged_since": NOW},
         Decision(True, Rule.MANUAL_REFERRAL, REFERRED)),
    ],
)  # fmt: skip
def test_the_rule_that_decides(kw: dict[str, Any], expected: Decision) -> None:
    assert decide(facts(**kw)) == expected


@pytest.mark.parametrize(
    "kw",
    [
        {"scope": MOVE},
        {"scope": MOVE, "after_hours": True, "entitled_after_hours": True},
        {"scope": MOVE, "referral_id": 7},
        {"scope": MOVE, "kind": "repair"},
    ],
)
def test_an_exclusion_without_a_written_order_is_refused(kw: dict[str, Any]) -> None:
    assert decide(facts(**kw)) == Refused(Rule.EXCLUSION, NO_ORDER)


def test_every_combination_is_decided_and_free_means_rule_one_or_analysis() -> None:
    scopes = [None, SETUP, MOVE]
    seen: set[Rule] = set()
    for scope, order, free, after, entitled, question, referral, since in product(
        scopes, [None, 1], *([False, True],) * 4, [None, 1], [None, NOW]
    ):
        d = decide(
            facts(
                scope=scope, order_id=order, free_kind=free, after_hours=after,
                entitled_after_hours=entitled, user_question=question, referral_id=referral,
                questions_charged_since=since,
            )
        )  # fmt: skip
        seen.add(d.rule)
        if isinstance(d, Refused):
            assert scope == MOVE and order is None and not free
            continue
        if not d.chargeable:
            assert free or d.rule is Rule.REPORTING_FREE
        if free:
            assert not d.chargeable and d.reason == ANALYSIS
    assert seen == set(Rule)


def test_scopes_as_the_facts_store_them() -> None:
    assert Scope.parse(None) is None and Scope.parse("") is None
    assert Scope.parse("out_of_scope:inrichting") == SETUP
    assert Scope.parse("exclusion:verplaatsing") == MOVE
    assert Scope.parse("elsewhere:x") is None
