"""The policy's billing section: the defaults follow the service description, and a broken
edit names the offending key."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from bot.policy import PolicyError, default_policy_text, load_policy, parse_policy


def test_the_defaults_follow_the_service_description() -> None:
    b = load_policy().billing
    assert b.rounding == timedelta(minutes=15) and b.rounding_minutes == 15
    assert b.after_hours_surcharge == 50
    assert b.training_period == timedelta(days=30)
    assert b.kinds["analysis"].free and not b.kinds["support"].free
    assert [k for k, v in b.kinds.items() if v.free] == ["analysis"]
    assert b.default_kind == "support" and b.after_hours_kind == "repair"
    assert b.user_questions == ["question"]
    assert list(b.out_of_scope) == ["inrichting", "oneigenlijk-gebruik"]
    assert list(b.exclusions) == [
        "ondeskundig-gebruik",
        "wijziging",
        "verplaatsing",
        "wijziging-door-derden",
        "externe-schade",
        "ontoegankelijk",
        "buiten-installatie",
    ]
    assert b.exclusions["verplaatsing"]("nl") == "Verplaatsing, verhuizing of herinstallatie"
    support = b.rates["support"]
    assert [(r.valid_from, r.hourly) for r in support] == [
        (date(2025, 1, 1), Decimal("92.50")),
        (date(2026, 1, 1), Decimal("96.00")),
    ]
    assert set(b.rates) == set(b.kinds)


def test_the_file_and_the_built_in_defaults_agree() -> None:
    # A policy file without a billing section gets the same rules as the shipped file (key by
    # key: tests/test_policy.py).
    text = default_policy_text()
    without = parse_policy(text[: text.index("\nbilling:")], "policy.yml")
    assert without.billing == load_policy().billing


def _broken(old: str, new: str) -> str:
    text = default_policy_text()
    assert old in text
    return text.replace(old, new)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "  rounding: 15m",
            "  rounding: 90m",
            "billing.rounding: must be a whole number of minutes, at most 60 minutes",
        ),
        ("  training_period: 30d", "  training_period: 30h", "billing.training_period: must be a"),
        ("  after_hours_surcharge: 50", "  after_hours_surcharge: -5", "after_hours_surcharge"),
        ("  default_kind: support", "  default_kind: koffie", "unknown kind of work 'koffie'"),
        ("  user_questions: [question]", "  user_questions: [vraag]", "unknown type 'vraag'"),
        (
            "      - {from: 2026-01-01, hourly: 96.00}\n    repair:",
            "      - {from: 2025-01-01, hourly: 96.00}\n    repair:",
            "billing.rates.analysis: two rates from 2025-01-01",
        ),
        (
            "      - {from: 2026-01-01, hourly: 140.00}",
            "      - {from: 2026-01-01, hourly: veel}",
            "billing.rates.relocation.1.hourly: must be an amount",
        ),
        (
            "      - {from: 2026-01-01, hourly: 140.00}",
            "      - {from: 2026-01-01, hourly: 140.001}",
            "billing.rates.relocation.1.hourly: must be an amount",
        ),
        ("    wijziging:\n", "    Wijziging:\n", "billing.exclusions.Wijziging: 'Wijziging' may"),
        ("    ontoegankelijk:\n", "    inrichting:\n", "'inrichting' is also listed"),
    ],
)
def test_errors_name_the_offending_key(old: str, new: str, message: str) -> None:
    with pytest.raises(PolicyError) as e:
        parse_policy(_broken(old, new), "policy.yml")
    assert message in e.value.text("en")


def test_a_kind_without_rates_is_named() -> None:
    old = (
        "    relocation:\n      - {from: 2025-01-01, hourly: 135.00}\n"
        "      - {from: 2026-01-01, hourly: 140.00}\n"
    )
    with pytest.raises(PolicyError) as e:
        parse_policy(_broken(old, "    relocation: []\n"), "policy.yml")
    assert "billing.rates.relocation: missing" in e.value.text("en")


def test_every_problem_is_named_at_once_in_dutch_too() -> None:
    text = _broken("  default_kind: support", "  default_kind: koffie")
    text = text.replace("  after_hours_kind: repair", "  after_hours_kind: thee")
    with pytest.raises(PolicyError) as e:
        parse_policy(text, "policy.yml")
    nl = e.value.text("nl")
    assert "billing.default_kind: onbekende soort werk 'koffie'" in nl
    assert "billing.after_hours_kind: onbekende soort werk 'thee'" in nl
