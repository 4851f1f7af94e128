from __future__ import annotations

from datetime import time, timedelta

import pytest
from pydantic import BaseModel

from bot.calendar import DEFAULT_HOLIDAY_RULES
from bot.policy import (
    Policy,
    PolicyError,
    default_policy_text,
    load_policy,
    parse_duration,
    parse_policy,
)


def test_the_default_policy_follows_the_service_description() -> None:
    p = load_policy()
    assert p.language == "nl" and p.ticket_prefix == "KOR-"
    assert p.office_hours.days["mon"] == "08:30-17:30" and "sat" not in p.office_hours.days
    assert p.sla["gold"]["P1"].clock == "24x7"  # gold has the waakdienst
    assert all(t.clock == "business" for tier in ("silver", "bronze") for t in p.sla[tier].values())
    assert p.sla_warn_at == [75, 90]


def _differences(shipped: object, default: object, at: str) -> dict[str, tuple[object, object]]:
    """Where the file's value and the default part, by their place in the file (so a failure
    reads `billing.rates.repair.1.hourly`, not two whole sections), as (file, default)."""
    pairs: list[tuple[str, object, object]]
    if isinstance(default, BaseModel) and type(shipped) is type(default):
        pairs = [(n, getattr(shipped, n), getattr(default, n)) for n in type(default).model_fields]
    elif isinstance(default, dict) and isinstance(shipped, dict) and list(shipped) == list(default):
        pairs = [(str(k), shipped[k], v) for k, v in default.items()]
    elif isinstance(default, list) and isinstance(shipped, list) and len(shipped) == len(default):
        pairs = [(str(i), a, b) for i, (a, b) in enumerate(zip(shipped, default, strict=True))]
    else:
        return {} if shipped == default else {at: (shipped, default)}
    found: dict[str, tuple[object, object]] = {}
    for name, a, b in pairs:
        found |= _differences(a, b, f"{at}.{name}")
    return found


@pytest.mark.parametrize(
    "section", [name for name, field in Policy.model_fields.items() if not field.is_required()]
)
def test_the_built_in_file_says_what_the_defaults_say(section: str) -> None:
    # A copy of the file that leaves a key out gets the model's default: were the two to part,
    # the desk's rates, rota or summaries would depend on which keys a copy happens to spell out.
    shipped = getattr(load_policy(), section)
    default = Policy.model_fields[section].get_default(call_default_factory=True)
    if section == "office_hours":
        # No holiday rules means the calendar's own, which the file spells out for the team lead.
        shipped, default = (
            oh.model_copy(update={"holidays": {**DEFAULT_HOLIDAY_RULES, **oh.holidays}})
            for oh in (shipped, default)
        )
    assert _differences(shipped, default, section) == {}


def _broken(old: str, new: str) -> str:
    text = default_policy_text()
    assert old in text
    return text.replace(old, new)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "high:   {high: P1,",
            "high:   {high: P9,",
            "priority_matrix.high.high: unknown priority 'P9'",
        ),
        ("    P4: {response: 9h, resolution: 90h}\n", "", "sla.bronze.P4: missing"),
        ("P1: {response: 15m,", "P1: {response: soon,", "sla.gold.P1.response"),
        (
            "good_friday: open",
            "good_fryday: open",
            "office_hours: unknown holiday key 'good_fryday'",
        ),
        ("ticket_prefix: KOR-", "ticket_prefix: kor", "ticket_prefix"),
        ("    - {line: 1}\n", "", "routing.rules: the last rule must match everything"),
    ],
)
def test_errors_name_the_offending_key(old: str, new: str, message: str) -> None:
    with pytest.raises(PolicyError) as e:
        parse_policy(_broken(old, new), "policy.yml")
    assert message in e.value.text("en")


def test_durations() -> None:
    assert parse_duration("1h30m") == timedelta(minutes=90)
    assert parse_duration("2d") == timedelta(days=2)
    with pytest.raises(ValueError):
        parse_duration("0m")


def test_the_waakdienst_defaults_follow_the_service_description() -> None:
    w = load_policy().waakdienst
    assert w.tiers == ["gold"]
    assert w.priorities == ["P1", "P2"]
    assert w.rotation.every == timedelta(days=7)
    assert w.rotation.handover == (0, time(8, 30))
    assert (w.escalation.wait, w.escalation.pages) == (timedelta(minutes=5), 3)
    assert (w.stall.after, w.stall.answer_within) == (timedelta(minutes=30), timedelta(minutes=5))


def test_waakdienst_errors_name_every_key() -> None:
    text = (
        default_policy_text()
        .replace("every: 7d", "every: 36h")
        .replace('gap_report_at: "09:00"', 'gap_report_at: "25:00"')
    )
    with pytest.raises(PolicyError) as err:
        parse_policy(text)
    message = err.value.text("nl")
    assert "waakdienst.rotation.every: moet een geheel aantal dagen zijn" in message
    assert "waakdienst.gap_report_at: '25:00' is geen tijdstip" in message


def test_waakdienst_priorities_must_exist() -> None:
    text = default_policy_text().replace("priorities: [P1, P2]\n", "priorities: [P1, P9]\n")
    with pytest.raises(PolicyError) as err:
        parse_policy(text)
    assert "waakdienst.priorities.1: unknown priority 'P9'" in err.value.text("en")
