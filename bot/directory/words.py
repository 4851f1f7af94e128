"""A customer's SLA tier and a contact's role: their labels, and the words `/klant` and the
import files take for them (the labels in both languages, plus a few short forms)."""

from __future__ import annotations

from bot.i18n import LANGS, t
from bot.parsing.choices import Choice, Choices

TIER_KEYS: dict[str, str] = {"gold": "tier.gold", "silver": "tier.silver", "bronze": "tier.bronze"}
ROLE_KEYS: dict[str, str] = {"main": "role.main", "it": "role.it", "end_user": "role.end_user"}


def tier_label(tier: str, lang: str) -> str:
    key = TIER_KEYS.get(tier)
    return t(lang, key) if key else tier


def role_label(role: str, lang: str) -> str:
    key = ROLE_KEYS.get(role)
    return t(lang, key) if key else role


TIER = Choices(
    Choice(tier, {lang: tier_label(tier, lang).lower() for lang in LANGS})
    for tier in ("bronze", "silver", "gold")
)
ROLE = Choices(
    [
        Choice(
            "main",
            {"nl": "hoofd", "en": "main"},
            ("hoofdcontact", *(role_label("main", lang) for lang in LANGS)),
        ),
        Choice("it", {"nl": "it", "en": "it"}, tuple(role_label("it", lang) for lang in LANGS)),
        Choice(
            "end_user",
            {"nl": "eindgebruiker", "en": "end_user"},
            ("enduser", *(role_label("end_user", lang) for lang in LANGS)),
        ),
    ]
)
