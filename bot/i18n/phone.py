"""What the phone says and texts when it pages (TwiML <Say language="nl-NL">, SMS).

Spoken texts are written to be heard, not read: short sentences, no abbreviations or symbols
a voice would stumble over; the ticket number comes in already spelled (bot.oncall.twiml)."""

# ruff: noqa: E501

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    # --- the call --------------------------------------------------------------------------
    "phone.greeting": {
        "nl": "Hallo, hier is Balie, de servicedesk van Korton, met een melding voor de waakdienst.",
        "en": "Hello, this is Balie, Korton's service desk, with a ticket for the on-call engineer.",
    },
    "phone.ticket": {
        "nl": "Ticket {number}, van {customer}, prioriteit {priority}. {summary}",
        "en": "Ticket {number}, from {customer}, priority {priority}. {summary}",
    },
    "phone.press_one": {
        "nl": "Druk op 1 om de melding aan te nemen.",
        "en": "Press 1 to accept the ticket.",
    },
    "phone.repeat": {"nl": "Ik herhaal.", "en": "Once more."},
    "phone.goodbye": {
        "nl": "Er is geen toets ingedrukt, dus de melding staat nog open. Neem hem aan in Slack. Tot ziens.",
        "en": "No key was pressed, so the ticket is still open. Accept it in Slack. Goodbye.",
    },
    # --- the keypress ------------------------------------------------------------------------
    "phone.accepted": {
        "nl": "Dank je. Je hebt de melding aangenomen; de details staan in Slack. Tot ziens.",
        "en": "Thank you. You accepted the ticket; the details are in Slack. Goodbye.",
    },
    "phone.not_understood": {
        "nl": "Dat heb ik niet goed verstaan.",
        "en": "Sorry, I did not get that.",
    },
    "phone.failed": {
        "nl": "Dat lukte even niet. Neem de melding aan in Slack. Tot ziens.",
        "en": "That did not work just now. Please accept the ticket in Slack. Goodbye.",
    },
    # --- the text message ----------------------------------------------------------------
    "phone.sms": {
        "nl": "Waakdienst Korton: {number} van {customer}, {priority}. {summary} Neem hem aan in Slack of met 1 in de oproep.",
        "en": "Korton on call: {number} from {customer}, {priority}. {summary} Accept it in Slack or press 1 in the call.",
    },
}
