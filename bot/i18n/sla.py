"""SLA clocks: on the card, in warnings and breaches, and in /sla."""

# ruff: noqa: E501

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    # --- the two clocks, their states and calendars --------------------------------------------
    "sla.clock.response": {"nl": "reactietermijn", "en": "response time"},
    "sla.clock.resolution": {"nl": "oplostermijn", "en": "resolution time"},
    "sla.state.running": {"nl": "loopt", "en": "running"},
    "sla.state.paused": {"nl": "gepauzeerd", "en": "paused"},
    "sla.state.met": {"nl": "gehaald", "en": "met"},
    "sla.state.breached": {"nl": "overschreden", "en": "breached"},
    "sla.state.cancelled": {"nl": "geannuleerd", "en": "cancelled"},
    "sla.calendar.business": {"nl": "kantooruren", "en": "office hours"},
    "sla.calendar.24x7": {"nl": "24x7", "en": "24x7"},
    "sla.no_deadline": {"nl": "volgt na de pauze", "en": "follows after the pause"},
    # --- warnings and breaches (bot.sla.monitor) ------------------------------------
    "sla.warn": {
        "nl": ":warning: {who}*{number}* ({customer}, {priority}): {percent}% van de {clock} is verstreken; deadline {deadline}.",
        "en": ":warning: {who}*{number}* ({customer}, {priority}): {percent}% of the {clock} has passed; deadline {deadline}.",
    },
    "sla.breach": {
        "nl": ":rotating_light: {who}*{number}* ({customer}, {priority}): de {clock} is overschreden (deadline {deadline}).",
        "en": ":rotating_light: {who}*{number}* ({customer}, {priority}): the {clock} is breached (deadline {deadline}).",
    },
    "sla.thread_warn": {
        "nl": ":warning: {percent}% van de {clock} is verstreken; deadline {deadline}.",
        "en": ":warning: {percent}% of the {clock} has passed; deadline {deadline}.",
    },
    "sla.thread_breach": {
        "nl": ":rotating_light: De {clock} is overschreden; deadline was {deadline}.",
        "en": ":rotating_light: The {clock} is breached; the deadline was {deadline}.",
    },
    "sla.catchup": {
        "nl": ":hourglass: Terwijl Balie niet draaide, zijn deze SLA-drempels gepasseerd:",
        "en": ":hourglass: While Balie was not running, these SLA thresholds passed:",
    },
    "sla.catchup_row": {
        "nl": "• *{number}* ({customer}, {priority}) {clock}: {percent}% · deadline {deadline} {who}",
        "en": "• *{number}* ({customer}, {priority}) {clock}: {percent}% · deadline {deadline} {who}",
    },
    # --- /sla ------------------------------------------------------------------------------
    "sla.detail": {
        "nl": "*{clock}* ({target} {calendar}): deadline {deadline} · {state}\nverstreken {elapsed} · resterend {remaining} · gepauzeerd {paused}",
        "en": "*{clock}* ({target} {calendar}): deadline {deadline} · {state}\nelapsed {elapsed} · remaining {remaining} · paused {paused}",
    },
    "duration": {"nl": "{sign}{h}u{m:02d}", "en": "{sign}{h}h{m:02d}"},
    "sla.header": {
        "nl": "*{number}* · SLA {tier} · {priority}",
        "en": "*{number}* · SLA {tier} · {priority}",
    },
    "sla.risk_header": {
        "nl": "Tickets met SLA-risico ({lines}):",
        "en": "Tickets at SLA risk ({lines}):",
    },
    "sla.risk_row": {
        "nl": "• *{number}* · {priority} · {customer} · {clock} {percent}% · deadline {deadline} · {state} · {assignee}",
        "en": "• *{number}* · {priority} · {customer} · {clock} {percent}% · deadline {deadline} · {state} · {assignee}",
    },
    "sla.risk_none": {
        "nl": "Geen tickets met SLA-risico ({lines}).",
        "en": "No tickets at SLA risk ({lines}).",
    },
    "sla.all_lines": {"nl": "alle lijnen", "en": "all lines"},
    "help.sla": {
        "nl": "*Balie: /sla*\n`/sla NUMMER` toont beide klokken van een ticket.\n`/sla` toont de tickets van jouw lijn met SLA-risico, de urgentste eerst (`/sla lijn=2` voor een andere lijn, `/sla alle` voor alle lijnen).",
        "en": "*Balie: /sla*\n`/sla NUMBER` shows both clocks of a ticket.\n`/sla` lists your line's tickets at SLA risk, most urgent first (`/sla line=2` for another line, `/sla all` for every line).",
    },
}


# Which key names each clock (bot.sla.rules.ClockKind), its state (ClockState) and the
# calendar its target counts in.
CLOCK_KEYS: dict[str, str] = {
    "response": "sla.clock.response",
    "resolution": "sla.clock.resolution",
}
STATE_KEYS: dict[str, str] = {
    "running": "sla.state.running",
    "paused": "sla.state.paused",
    "met": "sla.state.met",
    "breached": "sla.state.breached",
    "cancelled": "sla.state.cancelled",
}
CALENDAR_KEYS: dict[str, str] = {
    "business": "sla.calendar.business",
    "24x7": "sla.calendar.24x7",
}
