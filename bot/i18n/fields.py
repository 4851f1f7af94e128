"""Input problems: the names of the fields agents type, and what is wrong with a value."""

# ruff: noqa: E501

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    # --- a field by name, as problems and the audit trail call it ---------------------------
    "label.customer": {"nl": "klant", "en": "customer"},
    "label.contact": {"nl": "contact", "en": "contact"},
    "label.via": {"nl": "via", "en": "via"},
    "label.type": {"nl": "type", "en": "type"},
    "label.impact": {"nl": "impact", "en": "impact"},
    "label.urgency": {"nl": "urgentie", "en": "urgency"},
    "label.priority": {"nl": "prioriteit", "en": "priority"},
    "label.line": {"nl": "oplosgroep", "en": "line"},
    "label.status": {"nl": "status", "en": "status"},
    "label.assignee": {"nl": "behandelaar", "en": "assignee"},
    "label.subject": {"nl": "onderwerp", "en": "subject"},
    "label.description": {"nl": "omschrijving", "en": "description"},
    "label.missing": {"nl": "ontbreekt", "en": "missing"},
    "label.number": {"nl": "ticketnummer", "en": "ticket number"},
    "label.user": {"nl": "gebruiker", "en": "user"},
    "label.reason": {"nl": "reden", "en": "reason"},
    "label.text": {"nl": "tekst", "en": "text"},
    "label.code": {"nl": "code", "en": "code"},
    "label.name": {"nl": "naam", "en": "name"},
    "label.sla_tier": {"nl": "sla", "en": "sla"},
    "label.contract_date": {"nl": "contractdatum", "en": "contract date"},
    "label.account_manager": {"nl": "accountmanager", "en": "account manager"},
    "label.email": {"nl": "e-mail", "en": "e-mail"},
    "label.phone": {"nl": "telefoon", "en": "phone"},
    "label.role": {"nl": "rol", "en": "role"},
    "label.subcommand": {"nl": "opdracht", "en": "command"},
    "label.lang": {"nl": "taal", "en": "language"},
    "label.input": {"nl": "invoer", "en": "input"},
    "label.close_reason": {"nl": "reden van sluiten", "en": "reason for closing"},
    "label.third_party": {"nl": "derde", "en": "third party"},
    "label.response_due_at": {"nl": "deadline reactie", "en": "response deadline"},
    "label.resolution_due_at": {"nl": "deadline oplossing", "en": "resolution deadline"},
    # --- what is wrong with a value ---------------------------------------------------------
    "field.required": {"nl": "{field} ontbreekt", "en": "{field} is missing"},
    "field.assignee_not_staff": {
        "nl": "toewijzen kan alleen aan iemand van de servicedesk (agent, teamleider of beheerder)",
        "en": "a ticket can only be assigned to someone on the service desk (agent, team lead or admin)",
    },
    "field.too_short": {
        "nl": {
            "one": "{field} is te kort (minstens {count} teken)",
            "other": "{field} is te kort (minstens {count} tekens)",
        },
        "en": {
            "one": "{field} is too short (at least {count} character)",
            "other": "{field} is too short (at least {count} characters)",
        },
    },
    "field.too_long": {
        "nl": {
            "one": "{field} is te lang (hooguit {count} teken)",
            "other": "{field} is te lang (hooguit {count} tekens)",
        },
        "en": {
            "one": "{field} is too long (at most {count} character)",
            "other": "{field} is too long (at most {count} characters)",
        },
    },
    "field.choice_invalid": {
        "nl": "{field}: '{value}' is geen geldige keuze",
        "en": "{field}: '{value}' is not a valid choice",
    },
    "field.format_invalid": {
        "nl": "{field}: '{value}' heeft niet de juiste vorm",
        "en": "{field}: '{value}' is not in the right format",
    },
    "field.invalid": {"nl": "{field} is ongeldig", "en": "{field} is invalid"},
    "field.unknown_key": {"nl": "onbekende sleutel '{value}'", "en": "unknown key '{value}'"},
    "field.unknown_key_choices": {
        "nl": "onbekende sleutel '{value}'; kies uit {choices}",
        "en": "unknown key '{value}'; choose from {choices}",
    },
    "field.unknown_key_suggest": {
        "nl": "onbekende sleutel '{value}'; bedoel je '{suggestion}'? Kies uit {choices}",
        "en": "unknown key '{value}'; did you mean '{suggestion}'? Choose from {choices}",
    },
    "field.unknown_word": {
        "nl": "'{value}' begrijpt Balie hier niet; kies uit {choices}",
        "en": "Balie does not understand '{value}' here; choose from {choices}",
    },
    "field.unknown_word_suggest": {
        "nl": "'{value}' begrijpt Balie hier niet; bedoel je '{suggestion}'? Kies uit {choices}",
        "en": "Balie does not understand '{value}' here; did you mean '{suggestion}'? Choose from {choices}",
    },
    "field.choice_list": {
        "nl": "{field}: '{value}' kan niet; kies {choices}",
        "en": "{field}: '{value}' is not possible; choose {choices}",
    },
    "field.choice_suggest": {
        "nl": "{field}: '{value}' kan niet; bedoel je '{suggestion}'? Kies {choices}",
        "en": "{field}: '{value}' is not possible; did you mean '{suggestion}'? Choose {choices}",
    },
    "field.level_choice": {
        "nl": "{field}: '{value}' is geen niveau; kies {choices}",
        "en": "{field}: '{value}' is not a level; choose {choices}",
    },
    "field.level_suggest": {
        "nl": "{field}: '{value}' is geen niveau; bedoel je '{suggestion}'? Kies {choices}",
        "en": "{field}: '{value}' is not a level; did you mean '{suggestion}'? Choose {choices}",
    },
    "field.type_suggest": {
        "nl": "type: '{value}' bestaat niet; bedoel je '{suggestion}'? Kies {choices}",
        "en": "type: '{value}' does not exist; did you mean '{suggestion}'? Choose {choices}",
    },
    "field.required_choice": {
        "nl": "{field} ontbreekt; kies {choices}",
        "en": "{field} is missing; choose {choices}",
    },
    "field.date_invalid": {
        "nl": "{field}: '{value}' is geen datum; schrijf JJJJ-MM-DD, zoals 2026-03-01",
        "en": "{field}: '{value}' is not a date; write YYYY-MM-DD, such as 2026-03-01",
    },
    "field.email_invalid": {
        "nl": "{field}: '{value}' is geen e-mailadres; schrijf naam@domein.nl",
        "en": "{field}: '{value}' is not an e-mail address; write name@domain.com",
    },
    "field.code_invalid": {
        "nl": "{field}: '{value}' kan niet; gebruik letters, cijfers, - en _",
        "en": "{field}: '{value}' is not possible; use letters, digits, - and _",
    },
    "field.duplicate_key": {
        "nl": "'{value}' staat er twee keer in",
        "en": "'{value}' is given twice",
    },
    "field.level_invalid": {
        "nl": "{field}: '{value}' is geen niveau; kies hoog, midden of laag",
        "en": "{field}: '{value}' is not a level; choose high, medium or low",
    },
    "field.type_invalid": {
        "nl": "type: '{value}' bestaat niet; kies {choices}",
        "en": "type: '{value}' does not exist; choose {choices}",
    },
    "field.number_invalid": {
        "nl": "'{value}' is geen ticketnummer; schrijf bijvoorbeeld {example} of {short}",
        "en": "'{value}' is not a ticket number; write, for example, {example} or {short}",
    },
    "field.number_required": {
        "nl": "het ticketnummer ontbreekt; schrijf bijvoorbeeld {example} of {short}",
        "en": "the ticket number is missing; write, for example, {example} or {short}",
    },
    "field.user_invalid": {
        "nl": "'{value}' is geen Slack-gebruiker; noem iemand met @",
        "en": "'{value}' is not a Slack user; mention someone with @",
    },
    "field.unknown_subcommand": {
        "nl": "'{value}' is geen opdracht",
        "en": "'{value}' is not a command",
    },
    "field.unknown_subcommand_suggest": {
        "nl": "'{value}' is geen opdracht; bedoel je '{suggestion}'?",
        "en": "'{value}' is not a command; did you mean '{suggestion}'?",
    },
    "field.unbalanced_quotes": {
        "nl": "er ontbreekt een afsluitend aanhalingsteken",
        "en": "a closing quote is missing",
    },
    "field.customer_unknown": {
        "nl": "klant '{value}' bestaat niet",
        "en": "customer '{value}' does not exist",
    },
    "field.contact_unknown": {
        "nl": "{value} is geen contactpersoon van {customer}",
        "en": "{value} is not a contact of {customer}",
    },
    "field.contact_ambiguous": {
        "nl": "'{value}' past bij meer contactpersonen van {customer}: {candidates}; schrijf de hele naam of het e-mailadres",
        "en": "'{value}' matches several contacts of {customer}: {candidates}; write the full name or the e-mail address",
    },
    "field.lang_invalid": {"nl": "kies nl of en", "en": "choose nl or en"},
    "field.nothing_to_change": {
        "nl": "geef type=, impact=, urgentie= of scope= op",
        "en": "give type=, impact=, urgency= or scope=",
    },
    "field.text_required": {"nl": "schrijf er een {field} bij", "en": "add a {field}"},
    "field.close_reason_required": {
        "nl": "een ticket dat niet is opgelost, sluit je met een reden: `/ticket sluit NUMMER dubbel|ingetrokken|buiten-scope`",
        "en": "a ticket that was not resolved needs a reason to close: `/ticket close NUMBER duplicate|withdrawn|out-of-scope`",
    },
    "field.close_reason_suggest": {
        "nl": "'{value}' is geen reden om te sluiten; bedoel je '{suggestion}'? Kies {choices}",
        "en": "'{value}' is not a reason to close; did you mean '{suggestion}'? Choose {choices}",
    },
    "field.close_reason_invalid": {
        "nl": "'{value}' is geen reden om te sluiten; kies {choices}",
        "en": "'{value}' is not a reason to close; choose {choices}",
    },
    "field.close_reason_not_needed": {
        "nl": "{number} is opgelost: dat sluit je zonder reden",
        "en": "{number} is resolved: close it without a reason",
    },
    "field.third_party_invalid": {
        "nl": "'{value}' kan niet; kies klant of onderaannemer",
        "en": "'{value}' is not possible; choose customer or subcontractor",
    },
}


# The label of each field a problem can name: the fields of the inputs in
# bot/services/inputs.py, the parts of a command, and the ticket fields the audit trail shows.
LABEL_KEYS: dict[str, str] = {
    "customer": "label.customer",
    "contact": "label.contact",
    "via": "label.via",
    "type": "label.type",
    "impact": "label.impact",
    "urgency": "label.urgency",
    "priority": "label.priority",
    "line": "label.line",
    "status": "label.status",
    "assignee": "label.assignee",
    "subject": "label.subject",
    "description": "label.description",
    "missing": "label.missing",
    "number": "label.number",
    "user": "label.user",
    "reason": "label.reason",
    "text": "label.text",
    "code": "label.code",
    "name": "label.name",
    "sla_tier": "label.sla_tier",
    "contract_date": "label.contract_date",
    "account_manager": "label.account_manager",
    "email": "label.email",
    "phone": "label.phone",
    "role": "label.role",
    "subcommand": "label.subcommand",
    "lang": "label.lang",
    "input": "label.input",
    "third_party": "label.third_party",
    "party": "label.third_party",
    "close_reason": "label.close_reason",
    "response_due_at": "label.response_due_at",
    "resolution_due_at": "label.resolution_due_at",
    # /waakdienst (their texts live with the rota's, in bot/i18n/rota.py)
    "rotation": "rota.label.rotation",
    "members": "rota.label.members",
    "from": "rota.label.from",
    "until": "rota.label.until",
    "handover": "rota.label.handover",
    "every": "rota.label.every",
    "minutes": "entitlement.label.minutes",  # `/waakdienst tijd` (bot/i18n/paging.py)
    # billable work's facts: /ticket verwijs|koppel|opdracht|scope, /klant training (their
    # texts live in bot/i18n/billing_facts.py)
    "target": "facts.label.target",
    "reference": "facts.label.reference",
    "given_on": "facts.label.given_on",
    "given_by": "facts.label.given_by",
    "scope": "facts.label.scope",
    "state": "facts.label.training",
    # /ticket tijd (their texts live in bot/i18n/billing.py)
    "kind": "billing.label.kind",
    "entry": "billing.label.entry",
}
