"""Refusals and failures, as the agent reads them in a reply."""

# ruff: noqa: E501

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    "error.generic": {
        "nl": "Er ging iets mis bij Balie. Er is niets opgeslagen; probeer het zo nog eens.",
        "en": "Something went wrong in Balie. Nothing was saved; please try again shortly.",
    },
    "error.bad_payload": {
        "nl": "Balie kon dit verzoek van Slack niet lezen; er is niets opgeslagen. Probeer het nog eens en meld het bij een beheerder als het blijft gebeuren.",
        "en": "Balie could not read this request from Slack; nothing was saved. Try again, and tell an admin if it keeps happening.",
    },
    "error.invalid_input": {
        "nl": "Dat kan Balie niet verwerken, er is niets opgeslagen:",
        "en": "Balie cannot process that, nothing was saved:",
    },
    # NotFound's default; every caller names what was not found with one of the keys below.
    "error.not_found": {"nl": "{value} bestaat niet.", "en": "{value} does not exist."},
    "error.ticket_not_found": {
        "nl": "Ticket {value} bestaat niet.",
        "en": "Ticket {value} does not exist.",
    },
    "error.customer_not_found": {
        "nl": "Klant {value} bestaat niet.",
        "en": "Customer {value} does not exist.",
    },
    "error.contact_not_found": {
        "nl": "{value} is geen contactpersoon van {customer}.",
        "en": "{value} is not a contact of {customer}.",
    },
    "error.forbidden": {
        "nl": "Dat mag alleen voor {needed}. Vraag een beheerder als je die rol nodig hebt.",
        "en": "Only {needed} may do that. Ask an admin if you need that role.",
    },
    "error.transition": {
        "nl": "'{action}' kan niet bij status {status}.",
        "en": "'{action}' is not possible in status {status}.",
    },
    "error.no_higher_line": {
        "nl": "Dit ticket ligt al bij de 3e lijn; hoger escaleren kan niet.",
        "en": "This ticket is already with the 3rd line; it cannot go higher.",
    },
    "error.contact_not_allowed": {
        "nl": "{name} is {role} bij {customer} en mag niet melden: alleen de hoofd- of IT-contactpersoon is aanspreekpunt voor Korton. Er is niets geregistreerd.",
        "en": "{name} ({role} at {customer}) may not report: only the main or IT contact is Korton's point of contact. Nothing was registered.",
    },
    "error.contacts_of": {
        "nl": "Voor {customer} mogen melden:",
        "en": "Who may report for {customer}:",
    },
    "error.no_contacts": {
        "nl": "{customer} heeft nog geen hoofd- of IT-contactpersoon; een beheerder voegt die toe met /klant contact.",
        "en": "{customer} has no main or IT contact yet; an admin adds one with /klant contact.",
    },
    "error.see_help": {
        "nl": "Typ `{command} help` voor alle opdrachten.",
        "en": "Type `{command} help` for every command.",
    },
}
