"""Policy and status words in the reader's language (shared by every surface).

These are the words people see on cards and in replies, so they are also the words the command
parser accepts (bot.parsing reads them from here). Each word has its catalogue key spelled out:
no key is built at run time.
"""

from __future__ import annotations

from bot.directory.words import role_label, tier_label
from bot.i18n import t
from bot.policy import Policy
from bot.tickets.rules.lifecycle import CloseReason

STATUS_KEYS: dict[str, str] = {
    "new": "status.new",
    "in_progress": "status.in_progress",
    "waiting_info": "status.waiting_info",
    "waiting_customer": "status.waiting_customer",
    "waiting_third_party": "status.waiting_third_party",
    "resolved": "status.resolved",
    "closed": "status.closed",
}
LEVEL_KEYS: dict[str, str] = {"high": "level.high", "medium": "level.medium", "low": "level.low"}
VIA_KEYS: dict[str, str] = {"phone": "via.phone", "email": "via.email"}
THIRD_PARTY_KEYS: dict[str, str] = {
    "customer": "third_party.customer",
    "subcontractor": "third_party.subcontractor",
}


__all__ = ["role_label", "tier_label"]  # a ticket shows its customer's tier and contact's role


def _word(keys: dict[str, str], value: str, lang: str) -> str:
    key = keys.get(value)
    return t(lang, key) if key else value


def type_label(policy: Policy, type_key: str, lang: str) -> str:
    entry = policy.types.get(type_key)
    return entry.label(lang) if entry else type_key


def priority_label(policy: Policy, priority: str, lang: str) -> str:
    entry = policy.priorities.get(priority)
    return f"{priority} {entry.label(lang)}" if entry else priority


def line_label(policy: Policy, line: int, lang: str) -> str:
    return policy.line(line).label(lang)


def level_label(level: str, lang: str) -> str:
    return _word(LEVEL_KEYS, level, lang)


def via_label(via: str, lang: str) -> str:
    return _word(VIA_KEYS, via, lang)


def third_party_label(party: str, lang: str) -> str:
    return _word(THIRD_PARTY_KEYS, party, lang)


CLOSE_REASON_KEYS: dict[str, str] = {
    CloseReason.DUPLICATE: "close_reason.duplicate",
    CloseReason.WITHDRAWN: "close_reason.withdrawn",
    CloseReason.OUT_OF_SCOPE: "close_reason.out_of_scope",
}


def close_reason_label(reason: str, lang: str) -> str:
    """A close reason as the reader says it (the card's choice, the thread)."""
    return _word(CLOSE_REASON_KEYS, reason, lang)


def priority_reason(policy: Policy, *, impact: str, urgency: str, priority: str, lang: str) -> str:
    entry = policy.priorities.get(priority)
    return t(
        lang,
        "priority.reason",
        impact=level_label(impact, lang),
        urgency=level_label(urgency, lang),
        priority=priority,
        label=entry.label(lang) if entry else "",
    )


def status_label(status: str, lang: str) -> str:
    return _word(STATUS_KEYS, status, lang)
