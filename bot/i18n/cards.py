"""The ticket card in the line's channel, its buttons, and the audit trail in its thread."""

# ruff: noqa: E501

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    # --- the card ---------------------------------------------------------------------------
    "card.fallback": {
        "nl": "{number} · {priority} · {customer}: {subject}",
        "en": "{number} · {priority} · {customer}: {subject}",
    },
    "card.customer": {"nl": "Klant", "en": "Customer"},
    "card.contact": {"nl": "Contactpersoon", "en": "Contact"},
    "card.type": {"nl": "Type", "en": "Type"},
    "card.priority": {"nl": "Prioriteit", "en": "Priority"},
    "card.status": {"nl": "Status", "en": "Status"},
    "card.assignee": {"nl": "Behandelaar", "en": "Assignee"},
    "card.line": {"nl": "Oplosgroep", "en": "Line"},
    "card.via": {"nl": "Gemeld via", "en": "Reported via"},
    "card.terms": {"nl": "Voorwaarden", "en": "Terms"},
    "card.sla": {"nl": "SLA", "en": "SLA"},
    "card.sla_clock": {
        "nl": "{clock}: {deadline} · {state}",
        "en": "{clock}: {deadline} · {state}",
    },
    "card.missing": {"nl": "Ontbrekende informatie", "en": "Missing information"},
    "card.resolution": {"nl": "Oplossing", "en": "Resolution"},
    "card.description": {"nl": "Omschrijving", "en": "Description"},
    "card.moved": {
        "nl": "{number} is verplaatst naar {channel}.",
        "en": "{number} moved to {channel}.",
    },
    "card.registered": {
        "nl": "Geregistreerd door {actor} op {at}",
        "en": "Registered by {actor} on {at}",
    },
    "card.close_confirm.title": {"nl": "Sluiten zonder oplossing?", "en": "Close unresolved?"},
    "card.close_confirm.text": {
        "nl": "Het ticket gaat dicht zonder oplossing. SLA-klokken die nog lopen, stoppen als geannuleerd: niet gehaald en niet overschreden. Heropenen kan altijd.",
        "en": "The ticket closes without a resolution. SLA clocks that are still running stop as cancelled: neither met nor breached. You can always reopen it.",
    },
    # --- its buttons ------------------------------------------------------------------------
    "button.take": {"nl": "Oppakken", "en": "Take"},
    "button.assign": {"nl": "Toewijzen aan…", "en": "Assign to…"},
    "button.reclassify": {"nl": "Herclassificeren", "en": "Reclassify"},
    "button.escalate": {"nl": "Escaleren", "en": "Escalate"},
    "button.wait": {"nl": "Wacht op klant", "en": "Wait for customer"},
    "button.resolve": {"nl": "Oplossen", "en": "Resolve"},
    "button.close": {"nl": "Sluiten", "en": "Close"},
    "button.close_without_resolution": {
        "nl": "Sluiten zonder oplossing",
        "en": "Close without resolution",
    },
    "button.reopen": {"nl": "Heropenen", "en": "Reopen"},
    "button.resume": {"nl": "Hervatten", "en": "Resume"},
    "button.note": {"nl": "Notitie", "en": "Note"},
    # --- the audit trail in the card's thread -----------------------------------------------
    # Who did it, when it was not a person in Slack (the SLA monitor, the waakdienst).
    "actor.system": {"nl": "Balie ({name})", "en": "Balie ({name})"},
    "actor.system_name": {"nl": "automatisch", "en": "automatically"},
    "event.created": {
        "nl": "{actor} heeft dit ticket geregistreerd (gemeld door {contact} via {via}).",
        "en": "{actor} registered this ticket (reported by {contact} via {via}).",
    },
    "event.created_incomplete": {
        "nl": "Wacht op informatie: {contact} krijgt een e-mail met de vraag om: {missing}",
        "en": "Waiting for information: {contact} gets an e-mail asking for: {missing}",
    },
    "event.take": {"nl": "{actor} heeft het ticket opgepakt.", "en": "{actor} took the ticket."},
    "event.assign": {
        "nl": "{actor} heeft het ticket toegewezen aan {assignee}.",
        "en": "{actor} assigned the ticket to {assignee}.",
    },
    "event.reclassify": {
        "nl": "{actor} heeft het ticket geherclassificeerd.",
        "en": "{actor} reclassified the ticket.",
    },
    "event.escalate": {
        "nl": "{actor} heeft het ticket geëscaleerd naar de {line}. Reden: {text}",
        "en": "{actor} escalated the ticket to the {line}. Reason: {text}",
    },
    "event.wait": {
        "nl": "{actor} wacht op de klant. Gevraagd: {text}",
        "en": "{actor} is waiting for the customer. Asked: {text}",
    },
    "event.wait_third_party": {
        "nl": "{actor} wacht op een {party}: {text}",
        "en": "{actor} is waiting for {party}: {text}",
    },
    "event.resolve": {
        "nl": "{actor} heeft het ticket opgelost. Oplossing: {text}",
        "en": "{actor} resolved the ticket. Resolution: {text}",
    },
    "event.close": {
        "nl": "{actor} heeft het ticket gesloten.",
        "en": "{actor} closed the ticket.",
    },
    "event.reopen": {
        "nl": "{actor} heeft het ticket heropend. Reden: {text}",
        "en": "{actor} reopened the ticket. Reason: {text}",
    },
    "event.resume": {
        "nl": "{actor} heeft het ticket hervat. {text}",
        "en": "{actor} resumed the ticket. {text}",
    },
    "event.note": {"nl": "Notitie van {actor}: {text}", "en": "Note from {actor}: {text}"},
    "event.change": {"nl": "{field}: {old} → {new}", "en": "{field}: {old} → {new}"},
    # Billable work's facts in the thread (bot.billing.facts): a referral, a link, an order.
    "event.referred": {
        "nl": "{actor} heeft de klant verwezen naar een handleiding of werkinstructie: {reference}. Het ticket is opgelost; meer ondersteuning hierop wordt doorbelast.",
        "en": "{actor} referred the customer to a manual or work instruction: {reference}. The ticket is resolved; further support on it is charged.",
    },
    "event.linked": {
        "nl": "{actor} heeft dit ticket gekoppeld aan {target}, waar de klant is verwezen naar: {reference}. Tijd hierop wordt doorbelast.",
        "en": "{actor} linked this ticket to {target}, where the customer was referred to: {reference}. Time on it is charged.",
    },
    "event.unlinked": {
        "nl": "{actor} heeft dit ticket losgekoppeld van {target}; voor tijd hierop gelden weer de gewone regels.",
        "en": "{actor} unlinked this ticket from {target}; time on it follows the usual rules again.",
    },
    "event.order": {
        "nl": "{actor} heeft schriftelijke opdracht {reference} geregistreerd, gegeven door {given_by} op {given_on}. Van toepassing: {terms}.",
        "en": "{actor} registered written order {reference}, given by {given_by} on {given_on}. Applicable: {terms}.",
    },
    # A ticket's scope (rules 4 and 5), as a value in the thread's change lines.
    "event.scope.in_scope": {"nl": "binnen scope", "en": "in scope"},
    "event.scope.out_of_scope": {"nl": "buiten scope: {kind}", "en": "out of scope: {kind}"},
    "event.scope.exclusion": {"nl": "uitsluiting: {kind}", "en": "exclusion: {kind}"},
    "event.mailed": {
        "nl": "{contact} krijgt hierover een e-mail.",
        "en": "{contact} gets an e-mail about this.",
    },
}

# The line each action writes in the thread (bot.tickets.rules.lifecycle.Action; "created" has a
# line of its own, with who reported it).
EVENT_KEYS: dict[str, str] = {
    "take": "event.take",
    "assign": "event.assign",
    "reclassify": "event.reclassify",
    "escalate": "event.escalate",
    "wait": "event.wait",
    "wait_third_party": "event.wait_third_party",
    "resolve": "event.resolve",
    "close": "event.close",
    "reopen": "event.reopen",
    "resume": "event.resume",
    "note": "event.note",
}
