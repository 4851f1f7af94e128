"""Policy and status words in the reader's language (shared by every surface)."""

from __future__ import annotations

from bot.i18n import t
from bot.policy import Policy


def type_label(policy: Policy, type_key: str, lang: str) -> str:
    entry = policy.types.get(type_key)
    return entry.label(lang) if entry else type_key


def priority_label(policy: Policy, priority: str, lang: str) -> str:
    entry = policy.priorities.get(priority)
    return f"{priority} {entry.label(lang)}" if entry else priority


def line_label(policy: Policy, line: int, lang: str) -> str:
    return policy.line(line).label(lang)


def priority_reason(policy: Policy, *, impact: str, urgency: str, priority: str, lang: str) -> str:
    entry = policy.priorities.get(priority)
    return t(
        lang,
        "priority.reason",
        impact=t(lang, f"level.{impact}"),
        urgency=t(lang, f"level.{urgency}"),
        priority=priority,
        label=entry.label(lang) if entry else "",
    )


def status_label(status: str, lang: str) -> str:
    return t(lang, f"status.{status}")
