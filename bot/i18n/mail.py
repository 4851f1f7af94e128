"""E-mail to the customer's contact (formal: Korton writes its customers with "u")."""

# ruff: noqa: E501

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    "mail.greeting": {"nl": "Beste {name},", "en": "Dear {name},"},
    "mail.registered": {
        "nl": "Wij hebben uw melding geregistreerd onder ticketnummer {number}.\n\nOnderwerp: {subject}\nType: {type}\nPrioriteit: {priority}\nStatus: {status}\n\nVermeld ticketnummer {number} in uw correspondentie met ons; zo kunt u de status van uw melding volgen.",
        "en": "We have registered your report under ticket number {number}.\n\nSubject: {subject}\nType: {type}\nPriority: {priority}\nStatus: {status}\n\nPlease quote ticket number {number} in your correspondence with us; that way you can follow the status of your report.",
    },
    "mail.missing": {
        "nl": "Om uw melding in behandeling te kunnen nemen, hebben wij nog de volgende informatie nodig:\n\n{missing}\n\nU kunt deze informatie sturen als antwoord op deze e-mail.",
        "en": "To handle your report, we still need the following information:\n\n{missing}\n\nYou can send it by replying to this e-mail.",
    },
    "mail.waiting": {
        "nl": "Voor ticket {number} wachten wij op uw reactie:\n\n{text}\n\nU kunt reageren door op deze e-mail te antwoorden.",
        "en": "For ticket {number} we are waiting for your reply:\n\n{text}\n\nYou can reply to this e-mail.",
    },
    "mail.resolved": {
        "nl": "Uw melding {number} is opgelost.\n\nOplossing: {text}\n\nIs het probleem niet verholpen? Antwoord dan binnen vijf werkdagen op deze e-mail, dan heropenen wij het ticket.",
        "en": "Your report {number} has been resolved.\n\nResolution: {text}\n\nIf the problem persists, reply to this e-mail within five working days and we will reopen the ticket.",
    },
    "mail.signature": {
        "nl": "Met vriendelijke groet,\n\nCustomer Service Korton",
        "en": "Kind regards,\n\nKorton Customer Service",
    },
}
