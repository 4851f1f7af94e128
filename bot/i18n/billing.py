"""Texts of the billing surface: time on tickets, the rules that charge it, and the policy's
billing section."""

# ruff: noqa: E501

from bot.i18n.entries import Catalogue

# The rules (bot.billing.rules.Rule), as the agent and the export read them.
RULE_KEYS = {
    "reporting_free": "billing.rule.reporting_free",
    "manual_referral": "billing.rule.manual_referral",
    "missing_knowledge": "billing.rule.missing_knowledge",
    "out_of_scope": "billing.rule.out_of_scope",
    "exclusion": "billing.rule.exclusion",
    "after_hours_without_entitlement": "billing.rule.after_hours",
}
# Why (an entry's reason code); rules 4 and 5 name the scope's kind from the policy instead.
REASON_KEYS = {
    "in_service": "billing.reason.in_service",
    "entitled": "billing.reason.entitled",
    "analysis": "billing.reason.analysis",
    "referred": "billing.reason.referred",
    "no_training": "billing.reason.no_training",
    "not_entitled": "billing.reason.not_entitled",
    "no_order": "billing.reason.no_order",
    # The waakdienst's chargeable items (bot.oncall.entitlement.Reason).
    "after_hours_work": "billing.reason.after_hours_work",
    "paged_anyway": "billing.reason.paged_anyway",
}

MESSAGES: Catalogue = {
    # --- the rules and their reasons ----------------------------------------------------------
    "billing.rule.reporting_free": {
        "nl": "regel 1, melden is gratis",
        "en": "rule 1, reporting is free",
    },
    "billing.rule.manual_referral": {
        "nl": "regel 2, verwezen naar een handleiding",
        "en": "rule 2, referred to a manual",
    },
    "billing.rule.missing_knowledge": {
        "nl": "regel 3, basiskennis ontbreekt",
        "en": "rule 3, basic knowledge is missing",
    },
    "billing.rule.out_of_scope": {
        "nl": "regel 4, buiten de dienstverlening",
        "en": "rule 4, out of scope",
    },
    "billing.rule.exclusion": {"nl": "regel 5, uitsluiting", "en": "rule 5, exclusion"},
    "billing.rule.after_hours": {
        "nl": "regel 6, buiten kantoortijd zonder waakdienst",
        "en": "rule 6, after hours without entitlement",
    },
    "billing.reason.in_service": {
        "nl": "melding of vraag binnen de dienstverlening",
        "en": "a report or question within the service",
    },
    "billing.reason.entitled": {
        "nl": "de SLA van de klant omvat de waakdienst",
        "en": "the customer's SLA includes the waakdienst",
    },
    "billing.reason.analysis": {
        "nl": "analyse van het domein van de storing blijft gratis",
        "en": "analysing in which domain the fault lies stays free",
    },
    "billing.reason.referred": {
        "nl": "de klant is al naar een handleiding verwezen",
        "en": "the customer was referred to a manual already",
    },
    "billing.reason.no_training": {
        "nl": "geen training gevolgd en de vragen houden aan",
        "en": "no training taken and the questions go on",
    },
    "billing.reason.not_entitled": {
        "nl": "buiten kantoortijd, en de klant heeft geen recht op de waakdienst",
        "en": "after hours, and the customer is not entitled to the waakdienst",
    },
    "billing.reason.no_order": {
        "nl": "nog geen schriftelijke opdracht",
        "en": "no written order yet",
    },
    "billing.reason.after_hours_work": {
        "nl": "buiten kantoortijd gewerkt voor een klant zonder waakdienst",
        "en": "worked after hours for a customer without the waakdienst",
    },
    "billing.reason.paged_anyway": {
        "nl": "toch opgeroepen voor een klant zonder waakdienst",
        "en": "paged anyway for a customer without the waakdienst",
    },
    # --- durations (bot.blocks.text.duration: the ledger's replies and the ticket card) -------
    "duration.hours": {
        "nl": {"one": "1 uur", "other": "{count} uur"},
        "en": {"one": "1 hour", "other": "{count} hours"},
    },
    "duration.minutes": {
        "nl": {"one": "1 minuut", "other": "{count} minuten"},
        "en": {"one": "1 minute", "other": "{count} minutes"},
    },
    # --- recording ----------------------------------------------------------------------------
    "billing.ok.free": {
        "nl": ":white_check_mark: {minutes} geschreven op {number} (tijdregel #{entry}). *Gratis* ({rule}): {reason}.",
        "en": ":white_check_mark: {minutes} logged on {number} (entry #{entry}). *Free* ({rule}): {reason}.",
    },
    "billing.ok.chargeable": {
        "nl": ":moneybag: {minutes} geschreven op {number} (tijdregel #{entry}). *Doorbelast* ({rule}): {reason}.",
        "en": ":moneybag: {minutes} logged on {number} (entry #{entry}). *Chargeable* ({rule}): {reason}.",
    },
    "billing.ok.price": {
        "nl": "Te factureren: {rounded} à {rate} per uur = {amount}.",
        "en": "To invoice: {rounded} at {rate} an hour = {amount}.",
    },
    "billing.ok.price_after_hours": {
        "nl": "Te factureren: {rounded} à {rate} per uur plus {surcharge}% toeslag buiten kantoortijd = {amount}.",
        "en": "To invoice: {rounded} at {rate} an hour plus a {surcharge}% after-hours surcharge = {amount}.",
    },
    "billing.ok.corrected": {
        "nl": "Tijdregel #{old} ({old_minutes}) is vervangen door tijdregel #{entry}: {minutes}.",
        "en": "Entry #{old} ({old_minutes}) is replaced by entry #{entry}: {minutes}.",
    },
    "billing.ok.cancelled": {
        "nl": ":wastebasket: Tijdregel #{old} ({old_minutes}) op {number} is geschrapt (tijdregel #{entry}).",
        "en": ":wastebasket: Entry #{old} ({old_minutes}) on {number} is cancelled (entry #{entry}).",
    },
    "billing.totals": {
        "nl": "Totaal op {number}: {total}, waarvan {chargeable} doorbelast.",
        "en": "Total on {number}: {total}, of which {chargeable} chargeable.",
    },
    # --- the ticket's time --------------------------------------------------------------------
    "billing.list.empty": {
        "nl": "Op {number} is nog geen tijd geschreven. Schrijf tijd met `/ticket tijd {number} 45m wat je deed`.",
        "en": "No time is logged on {number} yet. Log time with `/ticket time {number} 45m what you did`.",
    },
    "billing.list.header": {
        "nl": "*Tijd op {number}* · {subject}",
        "en": "*Time on {number}* · {subject}",
    },
    "billing.list.free": {"nl": "gratis", "en": "free"},
    "billing.list.chargeable": {"nl": "doorbelast", "en": "chargeable"},
    "billing.list.cancelled": {"nl": "geschrapt", "en": "cancelled"},
    "billing.list.corrects": {"nl": "vervangt #{entry}", "en": "replaces #{entry}"},
    "billing.list.hint": {
        "nl": "Corrigeren: `/ticket tijd {number} corrigeer NR 30m` (0m schrapt de tijdregel).",
        "en": "To correct: `/ticket time {number} correct NO 30m` (0m cancels the entry).",
    },
    # --- the card and the ticket's details ----------------------------------------------------
    "billing.card.time": {"nl": "Tijd", "en": "Time"},
    "billing.card.none": {"nl": "nog niets geschreven", "en": "nothing logged yet"},
    "billing.card.totals": {
        "nl": "{total}, waarvan {chargeable} doorbelast",
        "en": "{total}, of which {chargeable} chargeable",
    },
    "billing.card.questions_charged": {
        "nl": ":warning: Vragen van deze klant worden sinds {since} doorbelast: er is geen training gevolgd (regel 3).",
        "en": ":warning: This customer's questions are chargeable since {since}: no training was taken (rule 3).",
    },
    "billing.button.time": {"nl": "Tijd schrijven", "en": "Log time"},
    # --- the modal ----------------------------------------------------------------------------
    "billing.modal.title": {"nl": "Tijd schrijven", "en": "Log time"},
    "billing.modal.submit": {"nl": "Schrijven", "en": "Log"},
    "billing.modal.close": {"nl": "Sluiten", "en": "Close"},
    "billing.modal.minutes": {"nl": "Hoe lang?", "en": "How long?"},
    "billing.modal.minutes_hint": {
        "nl": "Bijvoorbeeld 45m, 1u30 of 1:30",
        "en": "For example 45m, 1h30 or 1:30",
    },
    "billing.modal.kind": {"nl": "Soort werk", "en": "Kind of work"},
    "billing.modal.description": {"nl": "Wat heb je gedaan?", "en": "What did you do?"},
    "billing.modal.done": {"nl": "Geschreven", "en": "Logged"},
    # --- problems -----------------------------------------------------------------------------
    "billing.label.kind": {"nl": "soort werk", "en": "kind of work"},
    "billing.label.entry": {"nl": "tijdregel", "en": "time entry"},
    "billing.field.minutes_required": {
        "nl": "schrijf erbij hoe lang, bijvoorbeeld 45m, 1u30 of 1:30",
        "en": "say how long, for example 45m, 1h30 or 1:30",
    },
    "billing.field.minutes_invalid": {
        "nl": "'{value}' is geen duur; schrijf bijvoorbeeld 45m, 1u30 of 1:30",
        "en": "'{value}' is not a duration; write for example 45m, 1h30 or 1:30",
    },
    "billing.field.minutes_zero": {
        "nl": "0 minuten schrijf je niet; een tijdregel schrappen doe je met `corrigeer NR 0m`",
        "en": "0 minutes is nothing to log; to cancel an entry, use `correct NO 0m`",
    },
    "billing.field.minutes_too_many": {
        "nl": "'{value}' is meer dan {most} minuten in één tijdregel; verdeel het over meer tijdregels",
        "en": "'{value}' is more than {most} minutes in one entry; split it over more entries",
    },
    "billing.field.entry_required": {
        "nl": "zeg welke tijdregel je corrigeert, bijvoorbeeld `corrigeer 17 30m`",
        "en": "say which entry you correct, for example `correct 17 30m`",
    },
    "billing.error.no_order": {
        "nl": "{number} valt onder de uitsluitingen: daarop schrijf je pas tijd als de klant vooraf schriftelijk opdracht heeft gegeven. Registreer die eerst met `/ticket opdracht {number} REFERENTIE`. Er is niets geschreven. Analyse om te vinden in welk domein de storing zit blijft gratis: schrijf die met `soort=analyse`.",
        "en": "{number} falls under the exclusions: time is logged on it only once the customer has given a written order beforehand. Register it first with `/ticket order {number} REFERENCE`. Nothing was logged. Analysing in which domain the fault lies stays free: log it with `kind=analysis`.",
    },
    "billing.error.no_entry": {
        "nl": "#{entry} is geen tijdregel van {number}; `/ticket tijd {number}` toont ze",
        "en": "#{entry} is not a time entry of {number}; `/ticket time {number}` lists them",
    },
    "billing.error.corrected": {
        "nl": "tijdregel #{entry} is al vervangen door #{later}; corrigeer die",
        "en": "entry #{entry} was replaced by #{later} already; correct that one",
    },
    "billing.error.no_rate": {
        "nl": "er is geen uurtarief voor {kind} op {day}; vraag een beheerder het tarief aan het beleid toe te voegen. Er is niets geschreven.",
        "en": "there is no hourly rate for {kind} on {day}; ask an admin to add it to the policy. Nothing was logged.",
    },
    # --- the policy's billing section ---------------------------------------------------------
    "policy.billing_rounding": {
        "nl": "moet een geheel aantal minuten zijn, hoogstens 60 minuten",
        "en": "must be a whole number of minutes, at most 60 minutes",
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
