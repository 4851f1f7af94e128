"""The priority matrix: impact x urgency -> priority, with the reason shown to agents."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.errors import InvalidInput

LEVELS = ("high", "medium", "low")


@dataclass(frozen=True, slots=True)
class Classification:
    type: str
    impact: str
    urgency: str
    priority: str


def classify(
    *, matrix: Mapping[Any, Mapping[Any, str]], type: str, impact: str, urgency: str
) -> Classification:
    problems = {}
    if impact not in LEVELS:
        problems["impact"] = ("field.level_invalid", {"value": impact})
    if urgency not in LEVELS:
        problems["urgency"] = ("field.level_invalid", {"value": urgency})
    if problems:
        raise InvalidInput(problems)
    return Classification(
        type=type, impact=impact, urgency=urgency, priority=matrix[impact][urgency]
    )
