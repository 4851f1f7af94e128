"""The grammar of `/ticket tijd`: time on a ticket, a correction, or the ticket's time.

    /ticket tijd NUMMER 45m [omschrijving] [soort=analyse]
    /ticket tijd NUMMER corrigeer 17 30m [omschrijving] [soort=…]   (0m: only cancel #17)
    /ticket tijd NUMMER                                            (the ticket's entries)

Durations as agents write them: 45m, 45, 1u30, 1u30m, 1h30, 1:30, 1,5u, 2u. Every problem in a
command is told at once.
"""

from __future__ import annotations

import re

from bot.billing.inputs import CorrectTime, RecordTime, ShowTime
from bot.errors import InvalidInput
from bot.parsing.choices import Choice, Choices
from bot.parsing.text import Key, Keys, Problems, scan, typed
from bot.policy import Policy
from bot.tickets.grammar import read_number

KIND = Key("kind", "soort", "kind", ("type-werk",))
TIME_KEYS = Keys(KIND)
CORRECT_WORDS = frozenset({"corrigeer", "correctie", "correct", "correction", "herstel", "fix"})
# One entry is at most a working day and a night: more is a typo (450 for 45).
MAX_MINUTES = 16 * 60

_HOURS_MINUTES = re.compile(r"^(\d{1,2})\s*[uh](?:\s*(\d{1,2})\s*m?)?$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")
_MINUTES = re.compile(r"^(\d{1,4})\s*(?:m|min|minuten|minutes)?$")
_DECIMAL_HOURS = re.compile(r"^(\d{1,2})[,.](\d{1,2})\s*[uh]$")
_ENTRY = re.compile(r"^#?(\d{1,12})$")


def minutes_of(value: str) -> int | None:
    """Minutes from 45m, 45, 1u30, 1h30m, 1:30, 1,5u or 2u; None if it is not a duration."""
    v = value.strip().lower()
    if m := _MINUTES.match(v):
        return int(m[1])
    if m := _HOURS_MINUTES.match(v):
        return int(m[1]) * 60 + int(m[2] or 0)
    if (m := _CLOCK.match(v)) and int(m[2]) < 60:
        return int(m[1]) * 60 + int(m[2])
    if m := _DECIMAL_HOURS.match(v):
        return round(float(f"{m[1]}.{m[2]}") * 60)
    return None


TimeCommand = RecordTime | CorrectTime | ShowTime


def kinds(policy: Policy) -> Choices:
    return Choices(
        Choice(code, {"nl": k.label.nl, "en": k.label.en}, (code,))
        for code, k in policy.billing.kinds.items()
    )


def read_minutes(value: str, problems: Problems, *, allow_zero: bool = False) -> int:
    """The minutes in `value`, or 0 with the problem in `problems`."""
    if not value:
        problems.add("minutes", "billing.field.minutes_required")
        return 0
    minutes = minutes_of(value)
    if minutes is None:
        problems.add("minutes", "billing.field.minutes_invalid", value=value)
        return 0
    if minutes == 0 and not allow_zero:
        problems.add("minutes", "billing.field.minutes_zero")
    elif minutes > MAX_MINUTES:
        problems.add("minutes", "billing.field.minutes_too_many", value=value, most=MAX_MINUTES)
    return minutes


def read_kind(value: str | None, policy: Policy, problems: Problems, lang: str) -> str | None:
    if value is None:
        return None
    label = KIND.shown(lang)
    return kinds(policy).pick(value, problems, name="kind", field=label, lang=lang)


def time_command(rest: str, policy: Policy, lang: str) -> TimeCommand:
    """`/ticket tijd …` read into what the agent asks."""
    problems = Problems()
    parsed = scan(typed(rest), TIME_KEYS, lang, problems)
    words = list(parsed.words)
    number = read_number(words.pop(0) if words else "", policy, problems)
    kind = read_kind(parsed.fields.get("kind"), policy, problems, lang)
    if not words and not parsed.fields:
        problems.check()
        return ShowTime(number)
    if words and words[0].lower() in CORRECT_WORDS:
        words.pop(0)
        entry = words.pop(0) if words else ""
        entry_id = 0
        if not (m := _ENTRY.match(entry)):
            problems.add("entry", "billing.field.entry_required", value=entry)
        else:
            entry_id = int(m[1])
        minutes = read_minutes(words.pop(0) if words else "", problems, allow_zero=True)
        problems.check()
        return CorrectTime(number, entry_id, minutes, " ".join(words), kind)
    minutes = read_minutes(words.pop(0) if words else "", problems)
    problems.check()
    return RecordTime(number, minutes, " ".join(words), kind)


def modal_input(
    number: str, minutes: str, description: str, kind: str | None, policy: Policy, lang: str
) -> RecordTime:
    """The time modal's inputs, checked like the command's."""
    problems = Problems()
    value = read_minutes(minutes.strip(), problems)
    picked = read_kind(kind, policy, problems, lang) if kind else None
    if not number:
        raise InvalidInput.one("minutes", "field.invalid")
    problems.check()
    return RecordTime(number, value, description.strip(), picked)
