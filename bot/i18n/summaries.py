"""Texts of the summaries: headings, figures, lists, the chart's labels and its alt text."""

# ruff: noqa: E501

from __future__ import annotations

from bot.i18n.entries import Catalogue

MESSAGES: Catalogue = {
    # --- headings (plain text, at most 150 characters) -------------------------------------
    "summary.header.day": {
        "nl": "Dagoverzicht · {scope} · {span}",
        "en": "Day summary · {scope} · {span}",
    },
    "summary.header.morning": {
        "nl": "Ochtendoverzicht · {scope} · {span}",
        "en": "Morning summary · {scope} · {span}",
    },
    "summary.header.week": {
        "nl": "Weekoverzicht · {scope} · week {week}",
        "en": "Week summary · {scope} · week {week}",
    },
    "summary.header.month": {
        "nl": "Maandoverzicht · {scope} · {month}",
        "en": "Month summary · {scope} · {month}",
    },
    "summary.scope.desk": {"nl": "hele desk", "en": "whole desk"},
    "summary.scope.customer": {"nl": "klant {code}", "en": "customer {code}"},
    "summary.span": {"nl": "{first} t/m {last}", "en": "{first} to {last}"},
    "summary.period": {
        "nl": "{start} – {end} · tussen haakjes het verschil met {before_start} – {before_end}",
        "en": "{start} – {end} · in brackets the change from {before_start} – {before_end}",
    },
    "summary.morning_period": {
        "nl": "Terwijl de desk dicht was: {start} – {end} · tussen haakjes het verschil met {before_start} – {before_end}",
        "en": "While the desk was closed: {start} – {end} · in brackets the change from {before_start} – {before_end}",
    },
    "summary.month.1": {"nl": "januari {year}", "en": "January {year}"},
    "summary.month.2": {"nl": "februari {year}", "en": "February {year}"},
    "summary.month.3": {"nl": "maart {year}", "en": "March {year}"},
    "summary.month.4": {"nl": "april {year}", "en": "April {year}"},
    "summary.month.5": {"nl": "mei {year}", "en": "May {year}"},
    "summary.month.6": {"nl": "juni {year}", "en": "June {year}"},
    "summary.month.7": {"nl": "juli {year}", "en": "July {year}"},
    "summary.month.8": {"nl": "augustus {year}", "en": "August {year}"},
    "summary.month.9": {"nl": "september {year}", "en": "September {year}"},
    "summary.month.10": {"nl": "oktober {year}", "en": "October {year}"},
    "summary.month.11": {"nl": "november {year}", "en": "November {year}"},
    "summary.month.12": {"nl": "december {year}", "en": "December {year}"},
    # --- the figures -------------------------------------------------------------------------
    "summary.field.open": {"nl": "*Open*\n{value}", "en": "*Open*\n{value}"},
    "summary.field.new": {"nl": "*Nieuw*\n{value}", "en": "*New*\n{value}"},
    "summary.field.resolved": {"nl": "*Opgelost*\n{value}", "en": "*Resolved*\n{value}"},
    "summary.field.reopened": {"nl": "*Heropend*\n{value}", "en": "*Reopened*\n{value}"},
    "summary.field.at_risk": {
        "nl": "*Dreigt te verlopen* (reactie · oplossing)\n{response} · {resolution}",
        "en": "*At risk* (response · resolution)\n{response} · {resolution}",
    },
    "summary.field.breached": {
        "nl": "*Overschreden* (reactie · oplossing)\n{response} · {resolution}",
        "en": "*Breached* (response · resolution)\n{response} · {resolution}",
    },
    "summary.by_priority": {
        "nl": "*Open per prioriteit*\n{rows}",
        "en": "*Open by priority*\n{rows}",
    },
    "summary.by_line": {"nl": "*Open per lijn*\n{rows}", "en": "*Open by line*\n{rows}"},
    "summary.count_row": {"nl": "{label}: {value}", "en": "{label}: {value}"},
    "summary.compliance": {
        "nl": "*SLA per tier* (gehaald / overschreden / geannuleerd)\n{rows}",
        "en": "*SLA by tier* (met / breached / cancelled)\n{rows}",
    },
    "summary.compliance_by_customer": {
        "nl": "*SLA per klant* (gehaald / overschreden / geannuleerd)\n{rows}",
        "en": "*SLA by customer* (met / breached / cancelled)\n{rows}",
    },
    "summary.compliance_row": {"nl": "{who}: {clocks}", "en": "{who}: {clocks}"},
    "summary.customers_all_met": {
        "nl": {
            "one": "en {count} klant zonder overschrijding",
            "other": "en {count} klanten zonder overschrijding",
        },
        "en": {
            "one": "and {count} customer without a breach",
            "other": "and {count} customers without a breach",
        },
    },
    "summary.clock_part": {
        "nl": "{clock} {rate}, {met} / {breached} / {cancelled}",
        "en": "{clock} {rate}, {met} / {breached} / {cancelled}",
    },
    "summary.clock.response": {"nl": "reactie", "en": "response"},
    "summary.clock.resolution": {"nl": "oplossing", "en": "resolution"},
    "summary.no_rate": {"nl": "n.v.t.", "en": "n/a"},
    "summary.times": {
        "nl": "*Reactie- en oplostijd* (mediaan · 90e percentiel, in kantooruren; 24x7 in gewone uren)\n{rows}",
        "en": "*Response and resolution time* (median · 90th percentile, in office hours; 24x7 in clock hours)\n{rows}",
    },
    "summary.times.response": {
        "nl": {
            "one": "Eerste reactie: {median} · {p90} ({count} ticket)",
            "other": "Eerste reactie: {median} · {p90} ({count} tickets)",
        },
        "en": {
            "one": "First response: {median} · {p90} ({count} ticket)",
            "other": "First response: {median} · {p90} ({count} tickets)",
        },
    },
    "summary.times.resolution": {
        "nl": {
            "one": "Oplossing: {median} · {p90} ({count} ticket)",
            "other": "Oplossing: {median} · {p90} ({count} tickets)",
        },
        "en": {
            "one": "Resolution: {median} · {p90} ({count} ticket)",
            "other": "Resolution: {median} · {p90} ({count} tickets)",
        },
    },
    "summary.duration": {"nl": "{sign}{h}u{m:02d}", "en": "{sign}{h}h{m:02d}"},
    "summary.age": {
        "nl": "*Hoe lang tickets al openstaan* (werkdagen)\n{rows}",
        "en": "*How long tickets have been open* (business days)\n{rows}",
    },
    "summary.age.lt1": {"nl": "minder dan 1", "en": "less than 1"},
    "summary.age.1to3": {"nl": "1 tot 3", "en": "1 to 3"},
    "summary.age.3to5": {"nl": "3 tot 5", "en": "3 to 5"},
    "summary.age.5to10": {"nl": "5 tot 10", "en": "5 to 10"},
    "summary.age.ge10": {"nl": "10 of meer", "en": "10 or more"},
    "summary.top": {
        "nl": "*Klanten met de meeste nieuwe tickets*\n{rows}",
        "en": "*Customers with the most new tickets*\n{rows}",
    },
    "summary.top_row": {
        "nl": "{rank}. {name} ({code}): {tickets}",
        "en": "{rank}. {name} ({code}): {tickets}",
    },
    "summary.pages_by_engineer": {
        "nl": "*Oproepen buiten kantooruren* (ontvangen · aangenomen)\n{rows}",
        "en": "*After-hours pages* (received · taken)\n{rows}",
    },
    "summary.engineer_row": {
        "nl": "{who}: {received} · {taken}",
        "en": "{who}: {received} · {taken}",
    },
    "summary.none": {"nl": "geen", "en": "none"},
    # --- the morning's lists ---------------------------------------------------------------------
    "summary.new_tickets": {"nl": "*Nieuwe tickets*\n{rows}", "en": "*New tickets*\n{rows}"},
    "summary.new_row": {
        "nl": "• *{number}* {customer} · {priority} · {subject}",
        "en": "• *{number}* {customer} · {priority} · {subject}",
    },
    "summary.pages": {
        "nl": "*Oproepen van de waakdienst*\n{rows}",
        "en": "*Waakdienst pages*\n{rows}",
    },
    "summary.page_row": {
        "nl": "• *{number}* {customer} · {priority} · {at}: opgeroepen {paged}; aangenomen door {taken}",
        "en": "• *{number}* {customer} · {priority} · {at}: paged {paged}; taken by {taken}",
    },
    "summary.breaches": {"nl": "*Overschrijdingen*\n{rows}", "en": "*Breaches*\n{rows}"},
    "summary.breach_row": {
        "nl": "• *{number}* {customer} · {priority}: {clock} overschreden",
        "en": "• *{number}* {customer} · {priority}: {clock} breached",
    },
    "summary.more": {
        "nl": "… en meer. Alle tickets van deze periode krijg je met `/rapport … csv`.",
        "en": "… and more. You get every ticket of this period with `/rapport … csv`.",
    },
    # --- the notification text (also the fallback without blocks) -----------------------------------
    "summary.text": {
        "nl": "{title}: {open} open, {new} nieuw, {resolved} opgelost, {breached} overschreden",
        "en": "{title}: {open} open, {new} new, {resolved} resolved, {breached} breached",
    },
    "summary.text.morning": {
        "nl": {
            "one": "{title}: {new} nieuw, {count} oproep, {breached} overschreden",
            "other": "{title}: {new} nieuw, {count} oproepen, {breached} overschreden",
        },
        "en": {
            "one": "{title}: {new} new, {count} page, {breached} breached",
            "other": "{title}: {new} new, {count} pages, {breached} breached",
        },
    },
    # --- the chart ---------------------------------------------------------------------------------
    "summary.chart.title.days": {
        "nl": "Open tickets en overschrijdingen per dag",
        "en": "Open tickets and breaches per day",
    },
    "summary.chart.title.priority": {
        "nl": "Open tickets per prioriteit",
        "en": "Open tickets by priority",
    },
    "summary.chart.title.compliance": {
        "nl": "SLA gehaald per tier",
        "en": "SLA met by tier",
    },
    "summary.chart.backlog": {
        "nl": "open aan het eind van de dag",
        "en": "open at the end of the day",
    },
    "summary.chart.breaches": {"nl": "overschrijdingen", "en": "breaches"},
    "summary.chart.count": {"nl": "aantal tickets", "en": "number of tickets"},
    "summary.chart.now": {"nl": "deze periode", "en": "this period"},
    "summary.chart.before": {"nl": "vorige periode", "en": "previous period"},
    "summary.chart.percent": {"nl": "gehaald (%)", "en": "met (%)"},
    "summary.chart.alt.days": {
        "nl": "Grafiek van {first} t/m {last}. Open aan het eind van elke dag: {backlog}. Overschrijdingen per dag: {breaches}.",
        "en": "Chart from {first} to {last}. Open at the end of each day: {backlog}. Breaches per day: {breaches}.",
    },
    "summary.chart.alt.priority": {
        "nl": "Staafdiagram: open tickets per prioriteit, aan het eind van deze periode en van de vorige: {rows}.",
        "en": "Bar chart: open tickets by priority, at the end of this period and of the previous one: {rows}.",
    },
    "summary.chart.alt.priority_row": {
        "nl": "{priority} {now} (was {before})",
        "en": "{priority} {now} (was {before})",
    },
    "summary.chart.alt.compliance": {
        "nl": "Staafdiagram: percentage gehaalde SLA-termijnen per tier: {rows}",
        "en": "Bar chart: percentage of SLA targets met, by tier: {rows}",
    },
    "summary.chart.alt.compliance_row": {
        "nl": "{tier} reactie {response}, oplossing {resolution}",
        "en": "{tier} response {response}, resolution {resolution}",
    },
    "summary.file.day": {"nl": "dag", "en": "day"},
    "summary.file.morning": {"nl": "ochtend", "en": "morning"},
    "summary.file.week": {"nl": "week", "en": "week"},
    "summary.file.month": {"nl": "maand", "en": "month"},
    "summary.file.desk": {"nl": "desk", "en": "desk"},
    "summary.file.line": {"nl": "lijn-{line}", "en": "line-{line}"},
}

# Keys picked by a value (tests/i18n sees every key written out here).
HEADER_KEYS: dict[str, str] = {
    "day": "summary.header.day",
    "morning": "summary.header.morning",
    "week": "summary.header.week",
    "month": "summary.header.month",
}
FILE_KEYS: dict[str, str] = {
    "day": "summary.file.day",
    "morning": "summary.file.morning",
    "week": "summary.file.week",
    "month": "summary.file.month",
}
CLOCK_KEYS: dict[str, str] = {
    "response": "summary.clock.response",
    "resolution": "summary.clock.resolution",
}
AGE_KEYS: dict[str, str] = {
    "lt1": "summary.age.lt1",
    "1to3": "summary.age.1to3",
    "3to5": "summary.age.3to5",
    "5to10": "summary.age.5to10",
    "ge10": "summary.age.ge10",
}
MONTH_KEYS: tuple[str, ...] = (
    "summary.month.1",
    "summary.month.2",
    "summary.month.3",
    "summary.month.4",
    "summary.month.5",
    "summary.month.6",
    "summary.month.7",
    "summary.month.8",
    "summary.month.9",
    "summary.month.10",
    "summary.month.11",
    "summary.month.12",
)
