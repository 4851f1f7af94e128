"""The policy file (POLICY_FILE): what is wrong in it, and where."""

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    # --- the file as a whole ------------------------------------------------------------------
    "policy.yaml": {"nl": "dit is geen geldige YAML", "en": "this is not valid YAML"},
    "policy.yaml_at": {
        "nl": "dit is geen geldige YAML (regel {line}, kolom {column})",
        "en": "this is not valid YAML (line {line}, column {column})",
    },
    "policy.not_a_mapping": {
        "nl": "het bestand moet sleutels met waarden bevatten, zoals language: nl",
        "en": "the file must hold keys with values, such as language: nl",
    },
    # --- one value (pydantic's checks) --------------------------------------------------------
    "policy.missing": {"nl": "ontbreekt", "en": "missing"},
    "policy.unknown_key": {"nl": "onbekende sleutel", "en": "unknown key"},
    "policy.choice": {"nl": "kies uit: {choices}", "en": "choose one of: {choices}"},
    "policy.pattern": {"nl": "heeft niet de juiste vorm", "en": "is not in the right form"},
    "policy.integer": {"nl": "moet een geheel getal zijn", "en": "must be a whole number"},
    "policy.greater_than": {
        "nl": "moet groter zijn dan {limit}",
        "en": "must be greater than {limit}",
    },
    "policy.less_than": {"nl": "moet kleiner zijn dan {limit}", "en": "must be less than {limit}"},
    "policy.at_least": {"nl": "moet minstens {limit} zijn", "en": "must be at least {limit}"},
    "policy.at_most": {"nl": "mag hoogstens {limit} zijn", "en": "must be at most {limit}"},
    "policy.mapping": {
        "nl": "moet sleutels met waarden bevatten",
        "en": "must hold keys with values",
    },
    "policy.list": {"nl": "moet een lijst zijn", "en": "must be a list"},
    "policy.text": {"nl": "moet tekst zijn", "en": "must be text"},
    "policy.boolean": {"nl": "moet true of false zijn", "en": "must be true or false"},
    "policy.date": {
        "nl": "is geen datum; schrijf JJJJ-MM-DD",
        "en": "is not a date; write YYYY-MM-DD",
    },
    "policy.invalid": {"nl": "klopt niet", "en": "is not valid"},
    "policy.handover": {
        "nl": "'{value}' is geen overdrachtsmoment; schrijf bijvoorbeeld 'mon 08:30'",
        "en": "'{value}' is not a handover moment; write for example 'mon 08:30'",
    },
    "policy.whole_days": {
        "nl": "moet een geheel aantal dagen zijn, bijvoorbeeld 7d",
        "en": "must be a whole number of days, for example 7d",
    },
    "policy.clock_time": {
        "nl": "'{value}' is geen tijdstip; schrijf bijvoorbeeld 09:00",
        "en": "'{value}' is not a time of day; write for example 09:00",
    },
    # --- Balie's own checks -------------------------------------------------------------------
    "policy.duration": {
        "nl": "'{value}' is geen duur zoals '30m', '4h' of '1h30m'",
        "en": "not a duration like '30m', '4h' or '1h30m': '{value}'",
    },
    "policy.duration_zero": {"nl": "moet langer dan nul zijn", "en": "must be longer than zero"},
    "policy.interval": {
        "nl": "'{value}' is geen tijdvak zoals '08:30-17:30'",
        "en": "not an interval like '08:30-17:30': '{value}'",
    },
    "policy.interval_order": {
        "nl": "in '{value}' moet het begin vóór het einde liggen",
        "en": "start must be before end: '{value}'",
    },
    "policy.response_after_resolution": {
        "nl": "de reactietermijn mag niet langer zijn dan de oplostermijn",
        "en": "response must not be longer than resolution",
    },
    "policy.unknown_priority": {
        "nl": "onbekende prioriteit '{value}'",
        "en": "unknown priority '{value}'",
    },
    "policy.unknown_type": {"nl": "onbekend type '{value}'", "en": "unknown type '{value}'"},
    "policy.catch_all": {
        "nl": "de laatste regel moet alles vangen (alleen 'line')",
        "en": "the last rule must match everything (only 'line')",
    },
    "policy.timezone": {"nl": "onbekende tijdzone '{value}'", "en": "unknown timezone '{value}'"},
    "policy.holiday": {
        "nl": "onbekende feestdag '{value}'; kies uit: {choices}",
        "en": "unknown holiday key '{value}'; choose one of: {choices}",
    },
    "policy.closed_all_week": {
        "nl": "de servicedesk moet op minstens één dag open zijn",
        "en": "the service desk must be open on at least one day",
    },
    # --- the summaries section (bot.summaries) ----------------------------------------------
    "policy.summary_at": {
        "nl": "'{value}' is geen moment; schrijf office_start, office_end of een tijd als 17:30",
        "en": "'{value}' is not a moment; write office_start, office_end or a time like 17:30",
    },
    "policy.summary_to": {
        "nl": "'{value}' is geen bestemming; schrijf lines, team_leads of een kanaal (#naam)",
        "en": "'{value}' is not a destination; write lines, team_leads or a channel (#name)",
    },
}
