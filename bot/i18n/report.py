"""Texts of /rapport: help, answers, problems, and the CSV's column names."""

# ruff: noqa: E501

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    "report.help": {
        "nl": (
            "*/rapport* toont het overzicht van de desk, alleen zichtbaar voor jou (voor teamleiders en beheerders):\n"
            "• `/rapport` of `/rapport dag`: vandaag tot nu\n"
            "• `/rapport week`: deze week tot nu (vanaf maandag)\n"
            "• `/rapport maand`: deze maand tot nu\n"
            "• `vorige` erbij: de laatste hele periode (`/rapport dag vorige` is de vorige werkdag)\n"
            "• `lijn=2` of `klant=ACME`: alleen die lijn of klant\n"
            "• `csv` erbij: de tickets van die periode als CSV-bestand in een privébericht\n"
            "Elk getal staat naast het verschil met de periode ervoor: dezelfde uren van de vorige werkdag, hetzelfde deel van de vorige week of maand."
        ),
        "en": (
            "*/rapport* shows the desk's summary, visible only to you (for team leads and admins):\n"
            "• `/rapport` or `/rapport day`: today so far\n"
            "• `/rapport week`: this week so far (from Monday)\n"
            "• `/rapport month`: this month so far\n"
            "• add `previous`: the last complete period (`/rapport day previous` is the last business day)\n"
            "• `line=2` or `customer=ACME`: only that line or customer\n"
            "• add `csv`: the period's tickets as a CSV file in a direct message\n"
            "Each figure comes with the change from the period before: the same hours of the previous business day, the same part of the previous week or month."
        ),
    },
    "report.queued": {
        "nl": ":bar_chart: Ik maak {title} voor je klaar; je ziet het zo hieronder.",
        "en": ":bar_chart: Putting together {title} for you; it appears below in a moment.",
    },
    "report.csv_queued": {
        "nl": ":page_facing_up: Ik zet de tickets van {title} in een CSV-bestand en stuur het je in een privébericht.",
        "en": ":page_facing_up: Putting the tickets of {title} in a CSV file; it comes to you in a direct message.",
    },
    "report.csv_comment": {
        "nl": {
            "one": "De tickets van {title}: {count} ticket.",
            "other": "De tickets van {title}: {count} tickets.",
        },
        "en": {
            "one": "The tickets of {title}: {count} ticket.",
            "other": "The tickets of {title}: {count} tickets.",
        },
    },
    "report.csv_title": {"nl": "Tickets · {title}", "en": "Tickets · {title}"},
    "report.two_periods": {
        "nl": "kies één periode, niet zowel {first} als {second}",
        "en": "choose one period, not both {first} and {second}",
    },
    "report.bad_code": {
        "nl": "'{value}' is geen klantcode (letters, cijfers, - en _)",
        "en": "'{value}' is not a customer code (letters, digits, - and _)",
    },
    # --- the CSV's columns ----------------------------------------------------------------------
    "report.col.number": {"nl": "nummer", "en": "number"},
    "report.col.customer": {"nl": "klant", "en": "customer"},
    "report.col.customer_name": {"nl": "klantnaam", "en": "customer name"},
    "report.col.tier": {"nl": "tier", "en": "tier"},
    "report.col.type": {"nl": "type", "en": "type"},
    "report.col.priority": {"nl": "prioriteit", "en": "priority"},
    "report.col.line": {"nl": "lijn", "en": "line"},
    "report.col.status": {"nl": "status", "en": "status"},
    "report.col.subject": {"nl": "onderwerp", "en": "subject"},
    "report.col.assignee": {"nl": "behandelaar", "en": "assignee"},
    "report.col.created": {"nl": "aangemaakt", "en": "created"},
    "report.col.responded": {"nl": "eerste reactie", "en": "first response"},
    "report.col.resolved": {"nl": "opgelost", "en": "resolved"},
    "report.col.closed": {"nl": "gesloten", "en": "closed"},
    "report.col.reopened": {"nl": "keer heropend", "en": "times reopened"},
    "report.col.response_state": {"nl": "status reactietermijn", "en": "response clock"},
    "report.col.response_due": {"nl": "reactie uiterlijk", "en": "response due"},
    "report.col.response_breached": {"nl": "reactie overschreden op", "en": "response breached at"},
    "report.col.response_minutes": {"nl": "minuten tot reactie", "en": "minutes to response"},
    "report.col.resolution_state": {"nl": "status oplostermijn", "en": "resolution clock"},
    "report.col.resolution_due": {"nl": "oplossing uiterlijk", "en": "resolution due"},
    "report.col.resolution_breached": {
        "nl": "oplossing overschreden op",
        "en": "resolution breached at",
    },
    "report.col.resolution_minutes": {"nl": "minuten tot oplossing", "en": "minutes to resolution"},
}

# The CSV's header, in column order (bot.summaries.csv_export writes the rows in this order).
COLUMN_KEYS: tuple[str, ...] = (
    "report.col.number",
    "report.col.customer",
    "report.col.customer_name",
    "report.col.tier",
    "report.col.type",
    "report.col.priority",
    "report.col.line",
    "report.col.status",
    "report.col.subject",
    "report.col.assignee",
    "report.col.created",
    "report.col.responded",
    "report.col.resolved",
    "report.col.closed",
    "report.col.reopened",
    "report.col.response_state",
    "report.col.response_due",
    "report.col.response_breached",
    "report.col.response_minutes",
    "report.col.resolution_state",
    "report.col.resolution_due",
    "report.col.resolution_breached",
    "report.col.resolution_minutes",
)
