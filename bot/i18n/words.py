"""Words every surface shares: statuses, levels, tiers, roles, actions, close reasons."""

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    # --- a ticket -------------------------------------------------------------------------
    "status.new": {"nl": "Nieuw", "en": "New"},
    "status.in_progress": {"nl": "In behandeling", "en": "In progress"},
    "status.waiting_info": {"nl": "Wacht op informatie", "en": "Waiting for information"},
    "status.waiting_customer": {"nl": "Wacht op klant", "en": "Waiting for customer"},
    "status.waiting_third_party": {"nl": "Wacht op derde", "en": "Waiting for third party"},
    "status.resolved": {"nl": "Opgelost", "en": "Resolved"},
    "status.closed": {"nl": "Gesloten", "en": "Closed"},
    "level.high": {"nl": "hoog", "en": "high"},
    "level.medium": {"nl": "midden", "en": "medium"},
    "level.low": {"nl": "laag", "en": "low"},
    "via.phone": {"nl": "telefoon", "en": "phone"},
    "via.email": {"nl": "e-mail", "en": "e-mail"},
    # --- customers and contacts -------------------------------------------------------------
    "tier.gold": {"nl": "Goud", "en": "Gold"},
    "tier.silver": {"nl": "Zilver", "en": "Silver"},
    "tier.bronze": {"nl": "Brons", "en": "Bronze"},
    "role.main": {"nl": "hoofdcontactpersoon", "en": "main contact"},
    "role.it": {"nl": "IT-contactpersoon", "en": "IT contact"},
    "role.end_user": {"nl": "eindgebruiker", "en": "end user"},
    # --- the desk's roles (Forbidden names who may) ---------------------------------------
    "staff.agents": {"nl": "agents", "en": "agents"},
    "staff.team_leads": {"nl": "teamleiders", "en": "team leads"},
    "staff.admins": {"nl": "beheerders", "en": "admins"},
    # --- the terms a contract falls under -------------------------------------------------
    "terms.korton": {
        "nl": "Algemene Voorwaarden Korton (contract vóór 1 maart 2018)",
        "en": "Korton General Terms (contract before 1 March 2018)",
    },
    "terms.nederland_ict": {
        "nl": "Nederland ICT Voorwaarden (contract vanaf 1 maart 2018)",
        "en": "Nederland ICT Terms (contract from 1 March 2018)",
    },
    "priority.reason": {
        "nl": "impact {impact} × urgentie {urgency} → {priority} ({label})",
        "en": "impact {impact} × urgency {urgency} → {priority} ({label})",
    },
    # --- small words ---------------------------------------------------------------------
    "nobody": {"nl": "niemand", "en": "nobody"},
    "words.one_of": {"nl": "{items} of {last}", "en": "{items} or {last}"},
    "words.number": {"nl": "NUMMER", "en": "NUMBER"},
    # --- what an agent does to a ticket (InvalidTransition names the action) ----------------
    "action.take": {"nl": "oppakken", "en": "take"},
    "action.assign": {"nl": "toewijzen", "en": "assign"},
    "action.reclassify": {"nl": "herclassificeren", "en": "reclassify"},
    "action.escalate": {"nl": "escaleren", "en": "escalate"},
    "action.wait": {"nl": "op wacht zetten", "en": "wait for customer"},
    "action.wait_third_party": {"nl": "op een derde wachten", "en": "wait for a third party"},
    "action.resolve": {"nl": "oplossen", "en": "resolve"},
    "action.close": {"nl": "sluiten", "en": "close"},
    "action.reopen": {"nl": "heropenen", "en": "reopen"},
    "action.resume": {"nl": "hervatten", "en": "resume"},
    "action.note": {"nl": "notitie toevoegen", "en": "add a note"},
    # --- why a ticket closes without a resolution, and who it waits for -------------------
    "close_reason.duplicate": {"nl": "dubbel", "en": "duplicate"},
    "close_reason.withdrawn": {"nl": "ingetrokken", "en": "withdrawn"},
    "close_reason.out_of_scope": {"nl": "buiten scope", "en": "out of scope"},
    "third_party.customer": {"nl": "derde van de klant", "en": "the customer's third party"},
    "third_party.subcontractor": {"nl": "onderaannemer van Korton", "en": "Korton's subcontractor"},
}


# Which key names each action, desk role and set of terms: the values come from
# bot.tickets.rules.lifecycle.Action, bot.roles.Role and bot.directory.rules.terms.Terms.
ACTION_KEYS: dict[str, str] = {
    "take": "action.take",
    "assign": "action.assign",
    "reclassify": "action.reclassify",
    "escalate": "action.escalate",
    "wait": "action.wait",
    "wait_third_party": "action.wait_third_party",
    "resolve": "action.resolve",
    "close": "action.close",
    "reopen": "action.reopen",
    "resume": "action.resume",
    "note": "action.note",
}
STAFF_KEYS: dict[str, str] = {
    "agents": "staff.agents",
    "team_leads": "staff.team_leads",
    "admins": "staff.admins",
}
TERMS_KEYS: dict[str, str] = {
    "korton": "terms.korton",
    "nederland_ict": "terms.nederland_ict",
}
