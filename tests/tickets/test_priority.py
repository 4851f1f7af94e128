from __future__ import annotations

import pytest

from bot.errors import InvalidInput, InvalidTransition
from bot.policy import load_policy
from bot.tickets.rules.priority import classify
from bot.tickets.rules.routing import line_for, next_line, route

POLICY = load_policy()
MATRIX = POLICY.priority_matrix


@pytest.mark.parametrize(
    ("impact", "urgency", "priority"),
    [
        ("high", "high", "P1"),
        ("high", "medium", "P2"),
        ("medium", "high", "P2"),
        ("high", "low", "P3"),
        ("medium", "medium", "P3"),
        ("low", "high", "P3"),
        ("medium", "low", "P4"),
        ("low", "medium", "P4"),
        ("low", "low", "P4"),
    ],
)
def test_default_matrix(impact: str, urgency: str, priority: str) -> None:
    assert (
        classify(matrix=MATRIX, type="incident", impact=impact, urgency=urgency).priority
        == priority
    )


def test_bad_levels_name_both_fields() -> None:
    with pytest.raises(InvalidInput) as e:
        classify(matrix=MATRIX, type="incident", impact="huge", urgency="now")
    assert set(e.value.fields) == {"impact", "urgency"}


def test_routing_rules_and_escalation() -> None:
    rules = POLICY.routing.rules
    assert route(rules, type="incident", priority="P1") == 2
    assert route(rules, type="incident", priority="P3") == 1
    assert route(rules, type="question", priority="P1") == 1
    assert line_for(rules, type="question", priority="P4", escalated_to=3) == 3
    assert next_line(1) == 2
    with pytest.raises(InvalidTransition):
        next_line(3)
