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
        "nl": "Druk op 1 om de melding te accepteren.",
        "en": "Press 1 to accept the ticket.",
    },
    "phone.repeat": {"nl": "Ik herhaal.", "en": "Once more."},
    "phone.goodbye": {
        "nl": "Je hebt geen toets ingedrukt; de melding is nog niet geaccepteerd. Doe dat in Slack. Tot ziens.",
        "en": "You pressed no key; the ticket has not been accepted yet. Please do so in Slack. Goodbye.",
    },
    # --- the keypress ------------------------------------------------------------------------
    "phone.accepted": {
        "nl": "Dank je. Je hebt de melding geaccepteerd; de details staan in Slack. Tot ziens.",
        "en": "Thank you. You accepted the ticket; the details are in Slack. Goodbye.",
    },
    "phone.handled": {
        "nl": "Deze oproep is al afgehandeld; er is niets vastgelegd. Kijk in Slack hoe het ervoor staat. Tot ziens.",
        "en": "This page has already been dealt with; nothing was recorded. Please see Slack for where it stands. Goodbye.",
    },
    "phone.not_understood": {
        "nl": "Dat heb ik niet goed verstaan.",
        "en": "Sorry, I did not get that.",
    },
    "phone.failed": {
        "nl": "Dat lukte even niet. Accepteer de melding in Slack. Tot ziens.",
        "en": "That did not work just now. Please accept the ticket in Slack. Goodbye.",
    },
    # --- the text message ----------------------------------------------------------------
    "phone.sms": {
        "nl": "Waakdienst Korton: {number} van {customer}, {priority}. {summary} Accepteer in Slack, of druk op 1 als je gebeld wordt.",
        "en": "Korton on call: {number} from {customer}, {priority}. {summary} Accept in Slack, or press 1 when you are called.",
    },
}
