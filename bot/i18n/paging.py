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
        "nl": ":bell: Geen reactie: oproep aan {target} (achterwacht).",
        "en": ":bell: No answer: paging {target} (backup).",
    },
    "page.event.sent_leads": {
        "nl": ":bell: Nog steeds geen reactie: de teamleiders zijn opgeroepen.",
        "en": ":bell: Still no answer: the team leads have been paged.",
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
    "page.event.ended_exhausted": {
        "nl": ":warning: Niemand heeft de oproep geaccepteerd, ook de teamleiders niet: de oproep is beëindigd. Een nieuwe oproep begint opnieuw bij de waakdienst.",
        "en": ":warning: Nobody acknowledged the page, the team leads neither: the page has ended. A new page starts again with the on-call engineer.",
    },
    "page.event.ended_office_start": {
        "nl": ":sunrise: De servicedesk is weer open: de oproep van de waakdienst is beëindigd.",
        "en": ":sunrise: The service desk is open again: the on-call page has ended.",
    },
    "page.event.ended_left_set": {
        "nl": ":information_source: Het ticket valt na de herclassificatie niet meer onder de waakdienst: de oproep is beëindigd.",
        "en": ":information_source: After the reclassification the ticket is no longer one for the on-call service: the page has ended.",
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
    "page.reason.manual": {"nl": "handmatig opgeroepen", "en": "paged by hand"},
    "page.reason.manual_charged": {
        "nl": "toch opgeroepen, wordt doorbelast",
        "en": "paged anyway, to be charged",
    },
    "page.step.primary": {"nl": "waakdienst", "en": "on-call engineer"},
    "page.step.backup": {"nl": "achterwacht", "en": "backup"},
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
        "nl": "De waakdienst reageert niet: jij bent de achterwacht. Accepteer, of escaleer naar de teamleiders.",
        "en": "The on-call engineer does not answer: you are the backup. Acknowledge, or escalate to the team leads.",
    },
    "page.dm.leads": {
        "nl": ":rotating_light: {who}De oproep voor *{number}* ({customer}, {priority}) is door niemand van de waakdienst geaccepteerd: {subject}. Wie pakt dit op?",
        "en": ":rotating_light: {who}Nobody on call has acknowledged the page for *{number}* ({customer}, {priority}): {subject}. Who takes it?",
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
        "nl": ":heavy_check_mark: Het ticket is opgelost of gesloten; de oproep is vervallen.",
        "en": ":heavy_check_mark: The ticket is resolved or closed; the page has lapsed.",
    },
    "page.dm.settled_exhausted": {
        "nl": ":heavy_check_mark: Niemand heeft de oproep op tijd geaccepteerd; de oproep is vervallen. Het ticket staat nog open.",
        "en": ":heavy_check_mark: Nobody acknowledged the page in time; the page has lapsed. The ticket is still open.",
    },
    "page.dm.settled_desk_open": {
        "nl": ":heavy_check_mark: De servicedesk is weer open en neemt het ticket over; de oproep is vervallen.",
        "en": ":heavy_check_mark: The service desk is open again and takes the ticket back; the page has lapsed.",
    },
    "page.dm.settled_left_set": {
        "nl": ":heavy_check_mark: Het ticket valt niet meer onder de waakdienst; de oproep is vervallen.",
        "en": ":heavy_check_mark: The ticket is no longer one for the on-call service; the page has lapsed.",
    },
    "page.button.ack": {"nl": "Accepteren", "en": "Acknowledge"},
    "page.button.escalate": {"nl": "Escaleren", "en": "Escalate"},
    "page.button.resolve": {"nl": "Oplossen", "en": "Resolve"},
    # --- the phone (read out in a call, sent as a text) --------------------------------------
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
    # --- entitlement: customers without the waakdienst, chargeable items, desk handovers ----
    # (keys `entitlement.*` only, kept together at the end; the pages' texts are `page.*`)
    "entitlement.notice": {
        "nl": ":moneybag: *{number}* ({priority}): {customer} heeft SLA {tier} en daarmee geen recht op de waakdienst. Er wordt niemand opgeroepen. Werk buiten kantoortijd aan dit ticket wordt doorbelast aan de klant.",
        "en": ":moneybag: *{number}* ({priority}): {customer} has a {tier} SLA, which does not include the on-call service. Nobody is paged. Any work on this ticket outside office hours will be charged to the customer.",
    },
    "entitlement.notice_hint": {
        "nl": "Moet er toch iemand naar kijken? Roep de waakdienst dan toch op (ook met `/waakdienst roep-op {number}`).",
        "en": "Does someone need to look at it anyway? Page the on-call engineer anyway (also with `/waakdienst page {number}`).",
    },
    "entitlement.button.page": {"nl": "Toch oproepen", "en": "Page anyway"},
    "entitlement.paged": {
        "nl": "De waakdienst wordt opgeroepen voor *{number}*.",
        "en": "The on-call engineer is being paged for *{number}*.",
    },
    "entitlement.paged_chargeable": {
        "nl": "De waakdienst wordt opgeroepen voor *{number}*. {customer} heeft er geen recht op: dit wordt doorbelast.",
        "en": "The on-call engineer is being paged for *{number}*. {customer} is not entitled to it: this will be charged.",
    },
    "entitlement.error.not_open": {
        "nl": "De waakdienst kan alleen voor een open ticket worden opgeroepen; {number} is {status}.",
        "en": "The on-call engineer can only be paged for an open ticket; {number} is {status}.",
    },
    # `/waakdienst tijd NUMMER 45m [omschrijving]`: the minutes of a chargeable service.
    "entitlement.error.no_item": {
        "nl": "Je hebt voor {number} geen dienst die wordt doorbelast, dus er is geen tijd om te noteren. Tijd noteer je op een ticket waaraan je buiten kantoortijd hebt gewerkt voor een klant zonder recht op de waakdienst.",
        "en": "You have no chargeable service on {number}, so there is no time to record. Time is recorded on a ticket you worked on outside office hours for a customer without the on-call service.",
    },
    "entitlement.label.minutes": {"nl": "tijd", "en": "time"},
    "entitlement.time_required": {
        "nl": "zeg hoeveel tijd, zoals 45m, 1u30m of 90m",
        "en": "say how much time, such as 45m, 1h30m or 90m",
    },
    "entitlement.time_invalid": {
        "nl": "'{value}' is geen tijdsduur; schrijf bijvoorbeeld 45m, 1u30m of 90m (hooguit een week)",
        "en": "'{value}' is not a duration; write, for example, 45m, 1h30m or 90m (a week at most)",
    },
    "entitlement.note_too_long": {
        "nl": "de omschrijving is langer dan {max} tekens",
        "en": "the description is longer than {max} characters",
    },
    "entitlement.time_recorded": {
        "nl": ":moneybag: {time} genoteerd op *{number}* ({reason}, wordt doorbelast): van {start} tot {end}.",
        "en": ":moneybag: {time} recorded on *{number}* ({reason}, to be charged): from {start} until {end}.",
    },
    "entitlement.hours": {
        "nl": {"one": "1 uur", "other": "{count} uur"},
        "en": {"one": "1 hour", "other": "{count} hours"},
    },
    "entitlement.minutes": {
        "nl": {"one": "1 minuut", "other": "{count} minuten"},
        "en": {"one": "1 minute", "other": "{count} minutes"},
    },
    # The rule and the reasons of a chargeable item (stored as codes, shown as these).
    "entitlement.rule.after_hours_without_entitlement": {
        "nl": "waakdienst zonder recht",
        "en": "on-call service without entitlement",
    },
    "entitlement.reason.after_hours_work": {
        "nl": "werk buiten kantoortijd",
        "en": "work outside office hours",
    },
    "entitlement.reason.paged_anyway": {
        "nl": "waakdienst toch opgeroepen",
        "en": "paged the on-call engineer anyway",
    },
    "entitlement.event.chargeable": {
        "nl": ":moneybag: Doorbelasten ({rule}): {actor}, {reason}, vanaf {at}.",
        "en": ":moneybag: Chargeable ({rule}): {actor}, {reason}, from {at}.",
    },
    # The end of office hours: the desk hands over to the waakdienst (team leads' channel).
    "entitlement.handover.header": {
        "nl": {
            "one": ":crescent_moon: Einde kantoortijd ({at}). De waakdienst neemt dit openstaande incident over en wordt opgeroepen:",
            "other": ":crescent_moon: Einde kantoortijd ({at}). De waakdienst neemt deze {count} openstaande incidenten over en wordt voor elk opgeroepen:",
        },
        "en": {
            "one": ":crescent_moon: End of office hours ({at}). The on-call engineer takes over this open incident and is paged for it:",
            "other": ":crescent_moon: End of office hours ({at}). The on-call engineer takes over these {count} open incidents and is paged for each:",
        },
    },
    "entitlement.handover.row": {
        "nl": "• *{number}* · {customer} · {priority} · {line} · {subject} · {status}",
        "en": "• *{number}* · {customer} · {priority} · {line} · {subject} · {status}",
    },
    # Back in office hours: the waakdienst hands back (each line's channel).
    "entitlement.handback.header": {
        "nl": {
            "one": ":sunrise: Goedemorgen, {line}. Sinds {since} lag dit ticket bij de waakdienst:",
            "other": ":sunrise: Goedemorgen, {line}. Sinds {since} lagen deze {count} tickets bij de waakdienst:",
        },
        "en": {
            "one": ":sunrise: Good morning, {line}. The on-call engineer had this ticket since {since}:",
            "other": ":sunrise: Good morning, {line}. The on-call engineer had these {count} tickets since {since}:",
        },
    },
    "entitlement.handback.row": {
        "nl": "• *{number}* · {customer} · {priority} · {subject}: {what}",
        "en": "• *{number}* · {customer} · {priority} · {subject}: {what}",
    },
    "entitlement.handback.handed_over": {"nl": "overgedragen om {at}", "en": "handed over at {at}"},
    "entitlement.handback.registered": {"nl": "geregistreerd om {at}", "en": "registered at {at}"},
    "entitlement.handback.reopened": {"nl": "heropend om {at}", "en": "reopened at {at}"},
    "entitlement.handback.paged": {"nl": "opgeroepen om {at}", "en": "paged at {at}"},
    "entitlement.handback.accepted": {"nl": "geaccepteerd door {who}", "en": "accepted by {who}"},
    "entitlement.handback.chargeable": {"nl": "doorbelasten", "en": "chargeable"},
    "entitlement.handback.resolved": {"nl": "opgelost", "en": "resolved"},
    "entitlement.handback.closed": {"nl": "gesloten", "en": "closed"},
    "entitlement.handback.still_open": {
        "nl": "staat nog open ({status})",
        "en": "still open ({status})",
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
# Why a chain ended (PageChain.ended_why, besides a resolve or close): the thread's line and
# the page messages' last word.
ENDED_KEYS: dict[str, str] = {
    "exhausted": "page.event.ended_exhausted",
    "office_start": "page.event.ended_office_start",
    "left_set": "page.event.ended_left_set",
}
SETTLED_KEYS: dict[str, str] = {
    "exhausted": "page.dm.settled_exhausted",
    "office_start": "page.dm.settled_desk_open",
    "left_set": "page.dm.settled_left_set",
}
REASON_KEYS: dict[str, str] = {
    "registered": "page.reason.registered",
    "reclassified": "page.reason.reclassified",
    "reopened": "page.reason.reopened",
    "office_end": "page.reason.office_end",
    "manual": "page.reason.manual",
    "manual_charged": "page.reason.manual_charged",
}


# The stored codes of a chargeable item's rule and reason, and the texts they are shown as.
CHARGEABLE_RULE_KEYS: dict[str, str] = {
    "after_hours_without_entitlement": "entitlement.rule.after_hours_without_entitlement",
}
CHARGEABLE_REASON_KEYS: dict[str, str] = {
    "after_hours_work": "entitlement.reason.after_hours_work",
    "paged_anyway": "entitlement.reason.paged_anyway",
}
