"""What /facturatie says: the closing's confirmation, the files' comment and what is open
now. Pure functions of the service's results; user-given names are escaped (bot.blocks.text)."""

from __future__ import annotations

from datetime import datetime

from bot.blocks.text import Raw, duration, tr, trn, when
from bot.invoicing import money
from bot.invoicing.files import month_label
from bot.invoicing.rules import Month, Total

# At most this many customers are listed by name; the rest are summed up in one line.
MOST_LISTED = 40


def _for(code: str | None, lang: str) -> str:
    return tr(lang, "invoicing.for_customer", code=code) if code else ""


def started(month: Month, customer: str | None, lang: str) -> str:
    return tr(
        lang,
        "invoicing.started",
        month=month_label(month, lang),
        customer=Raw(_for(customer, lang)),
    )


def counting(month: Month, lang: str) -> str:
    return tr(lang, "invoicing.open.counting", month=month_label(month, lang))


def files_comment(
    month: Month,
    customer: str | None,
    sum_: Total,
    customers: int,
    closed_at: datetime,
    newly: bool,
    lang: str,
) -> str:
    closed = (
        tr(lang, "invoicing.closed_now")
        if newly
        else tr(lang, "invoicing.closed_before", date=when(closed_at))
    )
    common = {
        "month": month_label(month, lang),
        "customer": Raw(_for(customer, lang)),
        "closed": Raw(closed),
    }
    if not sum_.lines:
        return tr(lang, "invoicing.files_empty", **common)
    return trn(
        lang,
        "invoicing.files",
        sum_.lines,
        customers=Raw(trn(lang, "invoicing.customers", customers)),
        amount=money.euros(sum_.amount_cents, lang),
        hours=duration(sum_.rounded_minutes, lang),
        **common,
    )


def open_now(
    month: Month,
    rows: list[tuple[str, str, Total]],
    everything: Total,
    previous_open: Month | None,
    lang: str,
) -> str:
    lines: list[str] = []
    if previous_open is not None:
        lines.append(
            tr(
                lang,
                "invoicing.open.previous",
                month=month_label(previous_open, lang),
                code=str(previous_open),
            )
        )
    if not rows:
        lines.append(tr(lang, "invoicing.open.none", month=month_label(month, lang)))
        return "\n".join(lines)
    lines.append(tr(lang, "invoicing.open.header", month=month_label(month, lang)))
    for code, name, sum_ in rows[:MOST_LISTED]:
        lines.append(
            trn(
                lang,
                "invoicing.open.row",
                sum_.lines,
                code=code,
                name=name,
                hours=duration(sum_.rounded_minutes, lang),
                amount=money.euros(sum_.amount_cents, lang),
            )
        )
    rest = rows[MOST_LISTED:]
    if rest:
        lines.append(
            trn(
                lang,
                "invoicing.open.more",
                len(rest),
                amount=money.euros(sum(r[2].amount_cents for r in rest), lang),
            )
        )
    lines.append(
        trn(
            lang,
            "invoicing.open.total",
            everything.lines,
            hours=duration(everything.rounded_minutes, lang),
            amount=money.euros(everything.amount_cents, lang),
        )
    )
    return "\n".join(lines)
