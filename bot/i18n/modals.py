"""The forms: a new ticket, and the small ones that ask one text."""

# ruff: noqa: E501

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    # --- a new ticket ------------------------------------------------------------------------
    "modal.new.title": {"nl": "Nieuw ticket", "en": "New ticket"},
    "modal.submit": {"nl": "Opslaan", "en": "Save"},
    "modal.new.submit": {"nl": "Registreren", "en": "Register"},
    "modal.cancel": {"nl": "Annuleren", "en": "Cancel"},
    "modal.close": {"nl": "Sluiten", "en": "Close"},
    "modal.customer.option": {"nl": "{code} · {name} ({tier})", "en": "{code} · {name} ({tier})"},
    "modal.contact.option": {"nl": "{name} ({role})", "en": "{name} ({role})"},
    "modal.customer": {"nl": "Klant", "en": "Customer"},
    "modal.customer.placeholder": {"nl": "Zoek op code of naam", "en": "Search by code or name"},
    "modal.contact": {"nl": "Gemeld door", "en": "Reported by"},
    "modal.contact.placeholder": {"nl": "Kies eerst de klant", "en": "Choose the customer first"},
    "modal.contact.hint": {
        "nl": "Alleen de hoofd- of IT-contactpersoon van de klant mag melden.",
        "en": "Only the customer's main or IT contact may report.",
    },
    "modal.via": {"nl": "Gemeld via", "en": "Reported via"},
    "modal.subject": {"nl": "Onderwerp", "en": "Subject"},
    "modal.description": {"nl": "Omschrijving", "en": "Description"},
    "modal.type": {"nl": "Type", "en": "Type"},
    "modal.impact": {"nl": "Impact", "en": "Impact"},
    "modal.urgency": {"nl": "Urgentie", "en": "Urgency"},
    "modal.priority.pending": {
        "nl": "Kies impact en urgentie; Balie berekent dan de prioriteit.",
        "en": "Choose impact and urgency; Balie then works out the priority.",
    },
    "modal.priority": {
        "nl": "*Prioriteit volgens de matrix:* {reason}",
        "en": "*Priority from the matrix:* {reason}",
    },
    "modal.missing": {"nl": "Ontbrekende informatie", "en": "Missing information"},
    "modal.missing.hint": {
        "nl": "Vul in wat de klant nog moet aanleveren. Het ticket wacht dan op informatie en de klant krijgt een e-mail.",
        "en": "Fill in what the customer still has to provide. The ticket then waits for information and the customer gets an e-mail.",
    },
    # --- the forms that ask one text (escalate, wait, resolve, reopen, note), and reclassify --
    "modal.escalate.title": {"nl": "Escaleren", "en": "Escalate"},
    "modal.wait.title": {"nl": "Wacht op klant", "en": "Wait for customer"},
    "modal.resolve.title": {"nl": "Oplossen", "en": "Resolve"},
    "modal.reopen.title": {"nl": "Heropenen", "en": "Reopen"},
    "modal.note.title": {"nl": "Notitie", "en": "Note"},
    "modal.reclassify.title": {"nl": "Herclassificeren", "en": "Reclassify"},
    "modal.escalate.text": {
        "nl": "Waarom moet de volgende lijn dit oppakken?",
        "en": "Why should the next line take this?",
    },
    "modal.wait.text": {
        "nl": "Wat moet de klant doen of aanleveren? (gaat per e-mail naar de contactpersoon)",
        "en": "What must the customer do or provide? (e-mailed to the contact)",
    },
    "modal.resolve.text": {
        "nl": "Oplossing (gaat per e-mail naar de contactpersoon)",
        "en": "Resolution (e-mailed to the contact)",
    },
    "modal.reopen.text": {
        "nl": "Waarom gaat het ticket weer open?",
        "en": "Why does the ticket reopen?",
    },
    "modal.note.text": {
        "nl": "Notitie (komt in de thread van het ticket)",
        "en": "Note (goes in the ticket's thread)",
    },
    "modal.ticket": {"nl": "Ticket {number}: {subject}", "en": "Ticket {number}: {subject}"},
}


# The title and the question of each form that asks one text, by the card action that opens it.
TEXT_MODAL_KEYS: dict[str, tuple[str, str]] = {
    "escalate": ("modal.escalate.title", "modal.escalate.text"),
    "wait": ("modal.wait.title", "modal.wait.text"),
    "resolve": ("modal.resolve.title", "modal.resolve.text"),
    "reopen": ("modal.reopen.title", "modal.reopen.text"),
    "note": ("modal.note.title", "modal.note.text"),
}
