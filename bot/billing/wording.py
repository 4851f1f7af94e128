"""Billable work in words: amounts, and the rule and reason of an entry. Pure (the
export in bot.invoicing reads these too, for its rule and reason columns)."""

from __future__ import annotations

from decimal import Decimal

from bot.billing.rules import SCOPE_PREFIX, Rule
from bot.i18n import word
from bot.i18n.billing import REASON_KEYS, RULE_KEYS
from bot.policy import BillingPolicy


def money(amount: Decimal, lang: str) -> str:
    """€ 1.234,50 in Dutch, €1,234.50 in English."""
    text = f"{abs(amount):,.2f}"
    if lang == "nl":
        text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    sign = "-" if amount < 0 else ""
    return f"{sign}€ {text}" if lang == "nl" else f"{sign}€{text}"


def rule_text(rule: str, lang: str) -> str:
    return word(lang, RULE_KEYS, rule)


def reason_text(reason: str, billing: BillingPolicy, lang: str) -> str:
    """The reason as the agent reads it; rules 4 and 5 name the scope's kind from the policy."""
    if reason.startswith(SCOPE_PREFIX):
        kind = reason.removeprefix(SCOPE_PREFIX)
        label = billing.out_of_scope.get(kind) or billing.exclusions.get(kind)
        return label(lang) if label is not None else kind
    return word(lang, REASON_KEYS, reason)


def kind_text(kind: str, billing: BillingPolicy, lang: str) -> str:
    found = billing.kinds.get(kind)
    return found.label(lang) if found is not None else kind


# Every rule has a text (tests/billing checks it against the enum).
RULES: tuple[Rule, ...] = tuple(Rule)
