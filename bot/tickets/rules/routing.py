"""Routing: type and priority decide the resolver line; escalation moves one line up."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.errors import InvalidTransition


class Rule(Protocol):
    @property
    def type(self) -> str | None: ...
    @property
    def priority(self) -> Sequence[str] | None: ...
    @property
    def line(self) -> int: ...


def route(rules: Sequence[Rule], *, type: str, priority: str) -> int:
    for rule in rules:
        if rule.type is not None and rule.type != type:
            continue
        if rule.priority is not None and priority not in rule.priority:
            continue
        return rule.line
    # The policy validator guarantees a catch-all rule; reaching here is a programming error.
    raise AssertionError("routing rules have no catch-all")


def line_for(rules: Sequence[Rule], *, type: str, priority: str, escalated_to: int | None) -> int:
    """An escalation is a human judgement: reclassifying never routes a ticket below it."""
    return max(route(rules, type=type, priority=priority), escalated_to or 0)


def next_line(line: int) -> int:
    if line >= 3:
        raise InvalidTransition("error.no_higher_line")
    return line + 1
