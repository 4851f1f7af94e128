"""Pages: the DM to the engineer, acknowledgements, escalation, reminders, entitlement notices."""

# ruff: noqa: E501

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    # --- the audit trail in the ticket's thread (bot.tickets.blocks.thread) -------------------
    "page.event.started": {
        "nl": ":rotating_light: {actor} roept de waakdienst op ({reason}).",
        "en": ":rotating_light: {actor} pages the on-call engineer ({reason}).",
    },
    "page.event.accepted": {
        "nl": ":white_check_mark: {target} heeft de waakdienst en neemt dit ticket zelf aan: niemand wordt opgeroepen.",
        "en": ":white_check_mark: {target} is on call and takes this ticket themselves: nobody is paged.",
    },
    "page.event.sent_primary": {
        "nl": ":bell: Oproep {attempt} van {pages} aan {target} (waakdienst).",
        "en": ":bell: Page {attempt} of {pages} to {target} (on call).",
    },
    "page.event.sent_backup": {
        "nl": ":bell: Geen reactie: oproep aan {target} (reservedienst).",
        "en": ":bell: No answer: paging {target} (backup).",
    },
    "page.event.sent_leads": {
        "nl": ":bell: Nog steeds niemand: de teamleiders zijn opgeroepen.",
        "en": ":bell: Still nobody: the team leads have been paged.",
    },
    "page.event.skipped": {
        "nl": ":arrow_right: Niemand op het rooster voor de {step}: door naar de volgende stap.",
        "en": ":arrow_right: Nobody on the rota for the {step}: on to the next step.",
    },
    "page.event.ack": {
        "nl": ":white_check_mark: {actor} heeft de oproep geaccepteerd ({via}); verdere oproepen zijn gestopt.",
        "en": ":white_check_mark: {actor} acknowledged the page ({via}); further pages are stopped.",
    },
    "page.event.escalate": {
        "nl": ":arrow_right: {actor} escaleert de oproep naar de volgende stap.",
        "en": ":arrow_right: {actor} escalates the page to the next step.",
    },
    "page.event.reminder": {
        "nl": ":hourglass: Herinnering aan {target}: sinds {since} is het ticket niet bijgewerkt.",
        "en": ":hourglass: Reminder to {target}: the ticket has not been updated since {since}.",
    },
    "page.event.restart": {
        "nl": ":rotating_light: Niemand reageerde op de herinnering: de waakdienst wordt opnieuw opgeroepen (ronde {round}).",
        "en": ":rotating_light: Nobody answered the reminder: the on-call engineer is paged again (round {round}).",
    },
    # --- words ---------------------------------------------------------------------------
    "page.via.button": {"nl": "met de knop", "en": "with the button"},
    "page.via.command": {"nl": "met /waakdienst", "en": "with /waakdienst"},
    "page.via.phone": {"nl": "aan de telefoon", "en": "by phone"},
    "page.via.self": {"nl": "zelf geregistreerd", "en": "registered it themselves"},
    "page.reason.registered": {
        "nl": "geregistreerd buiten kantoortijd",
        "en": "registered after hours",
    },
    "page.reason.reclassified": {"nl": "opnieuw geclassificeerd", "en": "reclassified"},
    "page.reason.reopened": {"nl": "heropend", "en": "reopened"},
    "page.reason.office_end": {
        "nl": "nog open bij het sluiten van de servicedesk",
        "en": "still open when the desk closed",
    },
    "page.reason.manual": {
        "nl": "toch opgeroepen, wordt doorbelast",
        "en": "paged anyway, to be charged",
    },
    "page.step.primary": {"nl": "waakdienst", "en": "on-call engineer"},
    "page.step.backup": {"nl": "reservedienst", "en": "backup"},
    "page.step.leads": {"nl": "teamleiders", "en": "team leads"},
    # --- the page itself (bot.oncall.blocks.page) ------------------------------------------
    "page.dm.fallback": {
        "nl": ":rotating_light: Waakdienst: {number} ({customer}, {priority}): {subject}",
        "en": ":rotating_light: On call: {number} ({customer}, {priority}): {subject}",
    },
    "page.dm.header": {
        "nl": "Waakdienst · {number} · {priority}",
        "en": "On call · {number} · {priority}",
    },
    "page.dm.primary": {
        "nl": "Oproep {attempt} van {pages}: jij hebt de waakdienst. Accepteer, of escaleer naar de volgende stap.",
        "en": "Page {attempt} of {pages}: you are on call. Acknowledge, or escalate to the next step.",
    },
    "page.dm.backup": {
        "nl": "De waakdienst reageert niet: jij bent de reservedienst. Accepteer, of escaleer naar de teamleiders.",
        "en": "The on-call engineer does not answer: you are the backup. Acknowledge, or escalate to the team leads.",
    },
    "page.dm.leads": {
        "nl": ":rotating_light: {who}niemand van de waakdienst heeft *{number}* ({customer}, {priority}) geaccepteerd: {subject}. Wie pakt het op?",
        "en": ":rotating_light: {who}nobody on call has acknowledged *{number}* ({customer}, {priority}): {subject}. Who takes it?",
    },
    "page.dm.reminder": {
        "nl": ":hourglass: Je hebt *{number}* geaccepteerd, maar sinds {since} is het niet bijgewerkt. Ben je er nog mee bezig? Accepteer opnieuw of werk het ticket bij vóór {deadline}; anders roept Balie de waakdienst opnieuw op.",
        "en": ":hourglass: You acknowledged *{number}*, but it has not been updated since {since}. Still on it? Acknowledge again or update the ticket before {deadline}; otherwise Balie pages the on-call engineer again.",
    },
    "page.dm.settled_ack": {
        "nl": ":white_check_mark: Geaccepteerd door {who} om {at}.",
        "en": ":white_check_mark: Acknowledged by {who} at {at}.",
    },
    "page.dm.settled_moved": {
        "nl": ":arrow_right: Doorgezet naar de volgende stap om {at}.",
        "en": ":arrow_right: Passed on to the next step at {at}.",
    },
    "page.dm.settled_ended": {
        "nl": ":heavy_check_mark: Het ticket is opgelost of gesloten; de oproep is voorbij.",
        "en": ":heavy_check_mark: The ticket is resolved or closed; the page is over.",
    },
    "page.button.ack": {"nl": "Accepteren", "en": "Acknowledge"},
    "page.button.escalate": {"nl": "Escaleren", "en": "Escalate"},
    "page.button.resolve": {"nl": "Oplossen", "en": "Resolve"},
    # --- the phone (read out in a call, sent as a text) --------------------------------------
    "page.call.say": {
        "nl": "Balie waakdienst. Ticket {number} van {customer}, prioriteit {priority}: {subject}. Druk op 1 om te accepteren.",
        "en": "Balie on call. Ticket {number} from {customer}, priority {priority}: {subject}. Press 1 to acknowledge.",
    },
    "page.sms.text": {
        "nl": "Balie waakdienst: {number} ({customer}, {priority}): {subject}. Accepteer in Slack, of neem de oproep op en druk op 1.",
        "en": "Balie on call: {number} ({customer}, {priority}): {subject}. Acknowledge in Slack, or answer the call and press 1.",
    },
    # --- the card -------------------------------------------------------------------------
    "page.card.paging": {
        "nl": ":rotating_light: Waakdienst opgeroepen, nog niet geaccepteerd ({who})",
        "en": ":rotating_light: On call paged, not acknowledged yet ({who})",
    },
    "page.card.holder": {
        "nl": ":white_check_mark: Waakdienst: {who} (geaccepteerd {at})",
        "en": ":white_check_mark: On call: {who} (acknowledged {at})",
    },
    # --- /waakdienst accepteer|escaleer ------------------------------------------------------
    "page.ok.ack": {
        "nl": "Je hebt {number} geaccepteerd: verdere oproepen zijn gestopt.",
        "en": "You acknowledged {number}: further pages are stopped.",
    },
    "page.ok.escalate": {
        "nl": "{number} gaat nu naar de {step}.",
        "en": "{number} now goes to the {step}.",
    },
    "page.error.no_chain": {
        "nl": "Voor {number} loopt geen oproep van de waakdienst.",
        "en": "No on-call page is running for {number}.",
    },
    "page.error.no_next_step": {
        "nl": "{number} ligt al bij de teamleiders; verder escaleren kan niet.",
        "en": "{number} is already with the team leads; it cannot be escalated further.",
    },
}

# The words the audit trail and the replies pick by value (tests/i18n sees every key here).
STEP_KEYS: dict[str, str] = {
    "primary": "page.step.primary",
    "backup": "page.step.backup",
    "leads": "page.step.leads",
}
VIA_KEYS: dict[str, str] = {
    "button": "page.via.button",
    "command": "page.via.command",
    "phone": "page.via.phone",
    "self": "page.via.self",
}
REASON_KEYS: dict[str, str] = {
    "registered": "page.reason.registered",
    "reclassified": "page.reason.reclassified",
    "reopened": "page.reason.reopened",
    "office_end": "page.reason.office_end",
    "manual": "page.reason.manual",
}
