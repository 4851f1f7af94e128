"""Texts of the invoicing surface: /facturatie, `python -m bot facturatie`, and the export's
columns, sheets and labels."""

# ruff: noqa: E501

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    # --- the export's columns (CSV header, each customer's sheet) ------------------------------
    "invoicing.column.customer": {"nl": "Klant", "en": "Customer"},
    "invoicing.column.customer_name": {"nl": "Klantnaam", "en": "Customer name"},
    "invoicing.column.ticket": {"nl": "Ticket", "en": "Ticket"},
    "invoicing.column.date": {"nl": "Datum", "en": "Date"},
    "invoicing.column.kind": {"nl": "Soort werk", "en": "Kind of work"},
    "invoicing.column.description": {"nl": "Omschrijving", "en": "Description"},
    "invoicing.column.minutes": {"nl": "Minuten", "en": "Minutes"},
    "invoicing.column.rounded": {"nl": "Afgerond (min)", "en": "Rounded (min)"},
    "invoicing.column.rate": {"nl": "Uurtarief (EUR)", "en": "Hourly rate (EUR)"},
    "invoicing.column.surcharge": {"nl": "Toeslag (%)", "en": "Surcharge (%)"},
    "invoicing.column.amount": {"nl": "Bedrag (EUR)", "en": "Amount (EUR)"},
    "invoicing.column.rule": {"nl": "Regel", "en": "Rule"},
    "invoicing.column.reason": {"nl": "Reden", "en": "Reason"},
    "invoicing.column.order": {"nl": "Opdracht", "en": "Order"},
    "invoicing.column.terms": {"nl": "Voorwaarden", "en": "Terms"},
    "invoicing.column.booking": {"nl": "Boeking", "en": "Booking"},
    "invoicing.column.work_month": {"nl": "Werkmaand", "en": "Month of the work"},
    "invoicing.column.lines": {"nl": "Regels", "en": "Lines"},
    # --- the terms and the kinds of line (the rules and reasons: bot.i18n.billing) -----------
    "invoicing.terms.korton": {
        "nl": "Algemene Voorwaarden Korton",
        "en": "Algemene Voorwaarden Korton",
    },
    "invoicing.terms.nederland_ict": {
        "nl": "Nederland ICT Voorwaarden",
        "en": "Nederland ICT Voorwaarden",
    },
    "invoicing.booking.regular": {"nl": "regulier", "en": "regular"},
    "invoicing.booking.late": {"nl": "nagekomen", "en": "late"},
    "invoicing.booking.counter": {"nl": "tegenboeking", "en": "counter-entry"},
    # --- the workbook ------------------------------------------------------------------------
    "invoicing.sheet.overview": {"nl": "Overzicht", "en": "Summary"},
    "invoicing.sheet.title": {"nl": "Facturatie {month}", "en": "Invoicing {month}"},
    "invoicing.sheet.total": {"nl": "Totaal", "en": "Total"},
    "invoicing.month": {"nl": "{month} {year}", "en": "{month} {year}"},
    "invoicing.month.1": {"nl": "januari", "en": "January"},
    "invoicing.month.2": {"nl": "februari", "en": "February"},
    "invoicing.month.3": {"nl": "maart", "en": "March"},
    "invoicing.month.4": {"nl": "april", "en": "April"},
    "invoicing.month.5": {"nl": "mei", "en": "May"},
    "invoicing.month.6": {"nl": "juni", "en": "June"},
    "invoicing.month.7": {"nl": "juli", "en": "July"},
    "invoicing.month.8": {"nl": "augustus", "en": "August"},
    "invoicing.month.9": {"nl": "september", "en": "September"},
    "invoicing.month.10": {"nl": "oktober", "en": "October"},
    "invoicing.month.11": {"nl": "november", "en": "November"},
    "invoicing.month.12": {"nl": "december", "en": "December"},
    # --- /facturatie -----------------------------------------------------------------------
    "invoicing.started": {
        "nl": ":hourglass: Ik zet de facturatie van {month}{customer} klaar. Je krijgt de bestanden zo in een privébericht.",
        "en": ":hourglass: Preparing the invoicing for {month}{customer}. The files will reach you in a direct message shortly.",
    },
    "invoicing.for_customer": {"nl": " voor {code}", "en": " for {code}"},
    "invoicing.files": {
        "nl": {
            "one": ":moneybag: Facturatie {month}{customer}: 1 regel voor {customers}, samen {amount} voor {hours} (afgerond). {closed}",
            "other": ":moneybag: Facturatie {month}{customer}: {count} regels voor {customers}, samen {amount} voor {hours} (afgerond). {closed}",
        },
        "en": {
            "one": ":moneybag: Invoicing {month}{customer}: 1 line for {customers}, {amount} in all for {hours} (rounded). {closed}",
            "other": ":moneybag: Invoicing {month}{customer}: {count} lines for {customers}, {amount} in all for {hours} (rounded). {closed}",
        },
    },
    "invoicing.customers": {
        "nl": {"one": "1 klant", "other": "{count} klanten"},
        "en": {"one": "1 customer", "other": "{count} customers"},
    },
    "invoicing.files_empty": {
        "nl": ":moneybag: Facturatie {month}{customer}: niets door te belasten. {closed}",
        "en": ":moneybag: Invoicing {month}{customer}: nothing to charge. {closed}",
    },
    "invoicing.closed_now": {
        "nl": "De maand is nu afgesloten: wat er later nog voor deze maand wordt geschreven, gaat mee in de volgende maand.",
        "en": "The month is now closed: anything recorded on it later goes into the next month.",
    },
    "invoicing.closed_before": {
        "nl": "De maand was al afgesloten op {date}; dit is dezelfde export als toen.",
        "en": "The month was closed on {date} already; this is the same export as then.",
    },
    "invoicing.open.counting": {
        "nl": ":hourglass: Ik tel op wat er voor {month} openstaat. Je ziet het zo hier.",
        "en": ":hourglass: Adding up what is open for {month}. It will show here shortly.",
    },
    "invoicing.open.header": {
        "nl": "*Openstaand voor {month}* (nog niet gefactureerd, tot nu toe):",
        "en": "*Open for {month}* (not yet invoiced, so far):",
    },
    "invoicing.open.row": {
        "nl": {
            "one": "• *{code}* {name}: 1 regel · {hours} · {amount}",
            "other": "• *{code}* {name}: {count} regels · {hours} · {amount}",
        },
        "en": {
            "one": "• *{code}* {name}: 1 line · {hours} · {amount}",
            "other": "• *{code}* {name}: {count} lines · {hours} · {amount}",
        },
    },
    "invoicing.open.more": {
        "nl": {
            "one": "… en nog 1 klant: {amount}.",
            "other": "… en nog {count} klanten, samen {amount}.",
        },
        "en": {
            "one": "… and 1 more customer: {amount}.",
            "other": "… and {count} more customers, {amount} in all.",
        },
    },
    "invoicing.open.total": {
        "nl": {
            "one": "*Totaal:* 1 regel · {hours} · {amount}",
            "other": "*Totaal:* {count} regels · {hours} · {amount}",
        },
        "en": {
            "one": "*Total:* 1 line · {hours} · {amount}",
            "other": "*Total:* {count} lines · {hours} · {amount}",
        },
    },
    "invoicing.open.none": {
        "nl": "Voor {month} staat nog niets open om te factureren.",
        "en": "Nothing is open to invoice for {month} yet.",
    },
    "invoicing.open.previous": {
        "nl": ":warning: {month} is nog niet afgesloten; wat daarvan openstaat, telt hieronder mee. Sluit hem af met `/facturatie {code}`.",
        "en": ":warning: {month} is not closed yet; what is open of it is counted below. Close it with `/facturatie {code}`.",
    },
    "help.facturatie": {
        "nl": "*Balie: /facturatie*\n`/facturatie` toont wat er deze maand per klant openstaat.\n`/facturatie 2026-11` sluit november 2026 af en stuurt je de export (CSV en Excel) in een privébericht; `klant=CODE` voor één klant. Een maand die al is afgesloten, geeft dezelfde bestanden nog eens. Alleen voor teamleiders en beheerders.",
        "en": "*Balie: /facturatie*\n`/facturatie` shows what is open this month per customer.\n`/facturatie 2026-11` closes November 2026 and sends you the export (CSV and Excel) in a direct message; `customer=CODE` for one customer. A month that is closed already gives the same files again. Team leads and admins only.",
    },
    # --- problems ----------------------------------------------------------------------------
    "invoicing.error.month_invalid": {
        "nl": "'{value}' is geen maand; schrijf bijvoorbeeld 2026-11",
        "en": "'{value}' is not a month; write, for example, 2026-11",
    },
    "invoicing.error.month_required": {
        "nl": "zeg welke maand, bijvoorbeeld `/facturatie 2026-11 klant=ACME`",
        "en": "say which month, for example `/facturatie 2026-11 customer=ACME`",
    },
    "invoicing.error.month_not_over": {
        "nl": "{month} is nog niet voorbij: een maand sluit je af als hij om is",
        "en": "{month} is not over yet: a month is closed once it has ended",
    },
    "invoicing.error.unknown_customer": {
        "nl": "klant '{value}' bestaat niet",
        "en": "there is no customer '{value}'",
    },
    "invoicing.error.unknown_word": {
        "nl": "'{value}' begrijp ik niet; bedoel je `/facturatie 2026-11 klant=CODE`?",
        "en": "I don't understand '{value}'; did you mean `/facturatie 2026-11 customer=CODE`?",
    },
    "invoicing.error.later_closed": {
        "nl": "{month} kan niet meer apart worden afgesloten: {later} is al afgesloten, en wat uit {month} nog openstond, ging daarin mee",
        "en": "{month} can no longer be closed on its own: {later} is closed already, and what was still open of {month} went into it",
    },
    "invoicing.error.no_rate": {
        "nl": "geen uurtarief voor '{kind}' op {days}: vul billing.rates in het beleid aan",
        "en": "no hourly rate for '{kind}' on {days}: add it to billing.rates in the policy",
    },
    # --- python -m bot facturatie -------------------------------------------------------------
    "invoicing.cli.written": {
        "nl": {
            "one": "Facturatie {month}{customer}: 1 regel, {amount}. Geschreven: {csv} en {xlsx}. {closed}",
            "other": "Facturatie {month}{customer}: {count} regels, samen {amount}. Geschreven: {csv} en {xlsx}. {closed}",
        },
        "en": {
            "one": "Invoicing {month}{customer}: 1 line, {amount}. Written: {csv} and {xlsx}. {closed}",
            "other": "Invoicing {month}{customer}: {count} lines, {amount} in all. Written: {csv} and {xlsx}. {closed}",
        },
    },
    "invoicing.cli.no_dir": {
        "nl": "De map {path} bestaat niet.",
        "en": "The directory {path} does not exist.",
    },
}

# The export's columns, in order (bot.invoicing.files writes them).
COLUMN_KEYS: tuple[str, ...] = (
    "invoicing.column.customer",
    "invoicing.column.customer_name",
    "invoicing.column.ticket",
    "invoicing.column.date",
    "invoicing.column.kind",
    "invoicing.column.description",
    "invoicing.column.minutes",
    "invoicing.column.rounded",
    "invoicing.column.rate",
    "invoicing.column.surcharge",
    "invoicing.column.amount",
    "invoicing.column.rule",
    "invoicing.column.reason",
    "invoicing.column.order",
    "invoicing.column.terms",
    "invoicing.column.booking",
    "invoicing.column.work_month",
)
OVERVIEW_KEYS: tuple[str, ...] = (
    "invoicing.column.customer",
    "invoicing.column.customer_name",
    "invoicing.column.terms",
    "invoicing.column.lines",
    "invoicing.column.rounded",
    "invoicing.column.amount",
)
# By the stored codes (bot.directory.rules.terms.Terms, bot.invoicing.rules.Booking).
TERMS_KEYS: dict[str, str] = {
    "korton": "invoicing.terms.korton",
    "nederland_ict": "invoicing.terms.nederland_ict",
}
BOOKING_KEYS: dict[str, str] = {
    "regular": "invoicing.booking.regular",
    "late": "invoicing.booking.late",
    "counter": "invoicing.booking.counter",
}
MONTH_KEYS: tuple[str, ...] = (
    "invoicing.month.1",
    "invoicing.month.2",
    "invoicing.month.3",
    "invoicing.month.4",
    "invoicing.month.5",
    "invoicing.month.6",
    "invoicing.month.7",
    "invoicing.month.8",
    "invoicing.month.9",
    "invoicing.month.10",
    "invoicing.month.11",
    "invoicing.month.12",
)
