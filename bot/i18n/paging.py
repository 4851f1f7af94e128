"""Pages: the DM to the engineer, acknowledgements, escalation, reminders, entitlement notices."""

# ruff: noqa: E501

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    # --- entitlement: customers without the waakdienst, chargeable items, desk handovers ----
    # (keys `entitlement.*` only, kept together at the end; the pages' texts are `page.*`)
    "entitlement.notice": {
        "nl": ":moneybag: *{number}* ({priority}): {customer} heeft SLA {tier} en daarmee geen recht op de waakdienst. Er wordt niemand opgeroepen. Werk buiten kantoortijd aan dit ticket wordt doorbelast aan de klant.",
        "en": ":moneybag: *{number}* ({priority}): {customer} has a {tier} SLA, which does not include the on-call service. Nobody is paged. Any work on this ticket outside office hours will be charged to the customer.",
    },
    "entitlement.notice_hint": {
        "nl": "Moet er toch iemand naar kijken? Roep de waakdienst dan toch op (ook met `/waakdienst roep-op {number}`).",
        "en": "Does someone need to look at it anyway? Page the on-call engineer anyway (also with `/waakdienst page {number}`).",
    },
    "entitlement.button.page": {"nl": "Toch oproepen", "en": "Page anyway"},
    "entitlement.paged": {
        "nl": "De waakdienst wordt opgeroepen voor *{number}*.",
        "en": "The on-call engineer is being paged for *{number}*.",
    },
    "entitlement.paged_chargeable": {
        "nl": "De waakdienst wordt opgeroepen voor *{number}*. {customer} heeft er geen recht op: dit wordt doorbelast.",
        "en": "The on-call engineer is being paged for *{number}*. {customer} is not entitled to it: this will be charged.",
    },
    "entitlement.error.not_open": {
        "nl": "De waakdienst kan alleen voor een open ticket worden opgeroepen, en {number} is {status}.",
        "en": "The on-call engineer can only be paged for an open ticket, and {number} is {status}.",
    },
    # The rule and the reasons of a chargeable item (stored as codes, shown as these).
    "entitlement.rule.after_hours_without_entitlement": {
        "nl": "waakdienst zonder recht",
        "en": "on-call service without entitlement",
    },
    "entitlement.reason.after_hours_work": {
        "nl": "werk buiten kantoortijd",
        "en": "work outside office hours",
    },
    "entitlement.reason.paged_anyway": {
        "nl": "waakdienst toch opgeroepen",
        "en": "paged the on-call engineer anyway",
    },
    "entitlement.event.chargeable": {
        "nl": ":moneybag: Doorbelasten ({rule}): {actor}, {reason}, vanaf {at}.",
        "en": ":moneybag: Chargeable ({rule}): {actor}, {reason}, from {at}.",
    },
    # The end of office hours: the desk hands over to the waakdienst (team leads' channel).
    "entitlement.handover.header": {
        "nl": {
            "one": ":crescent_moon: Einde kantoortijd ({at}). De waakdienst neemt dit openstaande incident over en wordt opgeroepen:",
            "other": ":crescent_moon: Einde kantoortijd ({at}). De waakdienst neemt deze {count} openstaande incidenten over en wordt voor elk opgeroepen:",
        },
        "en": {
            "one": ":crescent_moon: End of office hours ({at}). The on-call engineer takes over this open incident and is paged for it:",
            "other": ":crescent_moon: End of office hours ({at}). The on-call engineer takes over these {count} open incidents and is paged for each:",
        },
    },
    "entitlement.handover.row": {
        "nl": "• *{number}* · {customer} · {priority} · {line} · {subject} · {status}",
        "en": "• *{number}* · {customer} · {priority} · {line} · {subject} · {status}",
    },
    # Back in office hours: the waakdienst hands back (each line's channel).
    "entitlement.handback.header": {
        "nl": {
            "one": ":sunrise: Goedemorgen, {line}. Sinds {since} lag dit ticket bij de waakdienst:",
            "other": ":sunrise: Goedemorgen, {line}. Sinds {since} lagen deze {count} tickets bij de waakdienst:",
        },
        "en": {
            "one": ":sunrise: Good morning, {line}. The on-call engineer had this ticket since {since}:",
            "other": ":sunrise: Good morning, {line}. The on-call engineer had these {count} tickets since {since}:",
        },
    },
    "entitlement.handback.row": {
        "nl": "• *{number}* · {customer} · {priority} · {subject}: {what}",
        "en": "• *{number}* · {customer} · {priority} · {subject}: {what}",
    },
    "entitlement.handback.handed_over": {"nl": "overgedragen om {at}", "en": "handed over at {at}"},
    "entitlement.handback.registered": {"nl": "geregistreerd om {at}", "en": "registered at {at}"},
    "entitlement.handback.reopened": {"nl": "heropend om {at}", "en": "reopened at {at}"},
    "entitlement.handback.paged": {"nl": "opgeroepen om {at}", "en": "paged at {at}"},
    "entitlement.handback.accepted": {"nl": "geaccepteerd door {who}", "en": "accepted by {who}"},
    "entitlement.handback.chargeable": {"nl": "doorbelasten", "en": "chargeable"},
    "entitlement.handback.resolved": {"nl": "opgelost", "en": "resolved"},
    "entitlement.handback.closed": {"nl": "gesloten", "en": "closed"},
    "entitlement.handback.still_open": {
        "nl": "staat nog open ({status})",
        "en": "still open ({status})",
    },
}

# The stored codes of a chargeable item's rule and reason, and the texts they are shown as.
CHARGEABLE_RULE_KEYS: dict[str, str] = {
    "after_hours_without_entitlement": "entitlement.rule.after_hours_without_entitlement",
}
CHARGEABLE_REASON_KEYS: dict[str, str] = {
    "after_hours_work": "entitlement.reason.after_hours_work",
    "paged_anyway": "entitlement.reason.paged_anyway",
}
