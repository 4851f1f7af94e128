"""Texts of the billing surface: time on tickets, the rules that charge it, and the policy's
billing section."""

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    # --- the policy's billing section ---------------------------------------------------------
    "policy.billing_rounding": {
        "nl": "moet een geheel aantal minuten zijn, hoogstens 1h",
        "en": "must be a whole number of minutes, at most 1h",
    },
    "policy.billing_code": {
        "nl": "'{value}' mag alleen kleine letters, cijfers, - en _ bevatten (hoogstens 32)",
        "en": "'{value}' may hold only lower-case letters, digits, - and _ (at most 32)",
    },
    "policy.billing_twice": {
        "nl": "'{value}' staat ook bij out_of_scope",
        "en": "'{value}' is also listed under out_of_scope",
    },
    "policy.billing_kind": {
        "nl": "onbekende soort werk '{value}'",
        "en": "unknown kind of work '{value}'",
    },
    "policy.billing_same_day": {
        "nl": "twee tarieven vanaf {value}",
        "en": "two rates from {value}",
    },
    "policy.billing_amount": {
        "nl": "moet een bedrag zijn, zoals 96.00",
        "en": "must be an amount, such as 96.00",
    },
}
