"""The policy's building blocks: its value types, the strict base model, the problems a broken
policy file is reported with (by catalogue key, in the reader's language)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict
from pydantic_core import PydanticCustomError

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


Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
