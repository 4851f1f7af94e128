"""A closed month's lines as files finance can invoice from: one CSV (every customer, one line
per row, for import) and one XLSX workbook (an overview, then one sheet per customer with its
lines and total).

Both are in the policy's language, whoever asks, and depend on nothing but the stored lines:
exporting the same month again gives the same bytes (the workbook's properties and the zip
entries' dates are the month's end, not the moment of writing).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from itertools import groupby

from bot.billing import wording
from bot.cells import text_cell
from bot.i18n import t
from bot.i18n.invoicing import (
    BOOKING_KEYS,
    COLUMN_KEYS,
    MONTH_KEYS,
    OVERVIEW_KEYS,
    TERMS_KEYS,
)
from bot.invoicing import money, xlsx
from bot.invoicing.rules import Booking, Line, Month, total
from bot.policy import Policy

_CSV_DELIMITER = {"nl": ";", "en": ","}
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_CENTS = Decimal(100)
# The CSV's columns that hold text from outside Balie (the directory's code and name, what the
# agent typed, the order's reference): guarded against formulas (bot.cells). The workbook
# needs no guard: its text cells are inline strings, which a spreadsheet never evaluates.
_TYPED = (0, 1, 5, 13)


@dataclass(frozen=True)
class Files:
    csv: bytes
    xlsx: bytes
    csv_name: str
    xlsx_name: str


def filename(month: Month, customer_code: str | None, ext: str) -> str:
    """Unique per month and customer, so an uncertain upload finds its earlier self."""
    part = f"-{re.sub(r'[^A-Za-z0-9_-]', '', customer_code)}" if customer_code else ""
    return f"balie-facturatie-{month}{part}.{ext}"


def build(month: Month, lines: Sequence[Line], policy: Policy, customer_code: str | None) -> Files:
    texts = _Texts(policy)
    # Each line's cells once, for both files.
    cells = [row_values(line, texts) for line in lines]
    return Files(
        csv=to_csv(lines, cells, policy.language),
        xlsx=to_xlsx(month, lines, cells, policy, texts),
        csv_name=filename(month, customer_code, "csv"),
        xlsx_name=filename(month, customer_code, "xlsx"),
    )


def headers(lang: str) -> list[str]:
    return [t(lang, key) for key in COLUMN_KEYS]


class _Texts:
    """The words of a line's kind, rule, reason, terms and booking in the policy's language, as
    the ledger says them (bot.billing.wording); a month repeats the same few thousands of
    times, so each is looked up once."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.lang = policy.language
        self._seen: dict[tuple[str, str, str, str, Booking], tuple[str, str, str, str, str]] = {}

    def __call__(self, line: Line) -> tuple[str, str, str, str, str]:
        key = (line.work_kind, line.rule, line.reason, line.terms, line.booking)
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = self._look_up(*key)
        return found

    def _look_up(
        self, kind: str, rule: str, reason: str, terms: str, booking: Booking
    ) -> tuple[str, str, str, str, str]:
        lang, billing = self.lang, self.policy.billing
        x = TERMS_KEYS.get(terms)
        return (
            wording.kind_text(kind, billing, lang),
            wording.rule_text(rule, lang),
            wording.reason_text(reason, billing, lang),
            t(lang, x) if x else terms,
            t(lang, BOOKING_KEYS[booking.value]),
        )


def row_values(line: Line, texts: _Texts) -> list[object]:
    """A line's cells in the columns' order, typed as a spreadsheet holds them."""
    kind, rule, reason, terms, booking = texts(line)
    return [
        line.customer_code,
        line.customer_name,
        line.ticket,
        line.worked_on,
        kind,
        line.description,
        line.minutes,
        line.rounded_minutes,
        Decimal(line.rate_cents) / _CENTS,
        line.surcharge_percent,
        Decimal(line.amount_cents) / _CENTS,
        rule,
        reason,
        line.order_reference or "",
        terms,
        booking,
        line.work_month,
    ]


def to_csv(lines: Sequence[Line], cells: Sequence[list[object]], lang: str) -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads the accents), `;` and a decimal comma in
    Dutch as Dutch Excel expects, `,` and a decimal point in English; no total row, so every
    row is a line to import. `cells`: each line's row_values."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=_CSV_DELIMITER[lang], lineterminator="\r\n")
    writer.writerow(headers(lang))
    for line, values in zip(lines, cells, strict=True):
        row = values.copy()
        row[3] = money.day(line.worked_on)
        row[8] = money.decimal(line.rate_cents, lang)
        row[10] = money.decimal(line.amount_cents, lang)
        for i in _TYPED:
            row[i] = text_cell(str(row[i]))
        writer.writerow(row)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def sheet_title(code: str, taken: set[str]) -> str:
    base = _SHEET_FORBIDDEN.sub("-", code)[:31] or "-"
    title, n = base, 1
    while title.lower() in taken:
        n += 1
        title = f"{base[: 31 - len(str(n)) - 1]}~{n}"
    taken.add(title.lower())
    return title


_OVERVIEW_WIDTHS = [12, 36, 28, 10, 16, 14]
_LINE_WIDTHS = [10, 28, 14, 12, 18, 36, 9, 14, 12, 10, 12, 30, 18, 16, 28, 14, 12]
# A line's styles by column: its date, rate and amount.
_LINE_STYLES = [xlsx.PLAIN] * len(_LINE_WIDTHS)
_LINE_STYLES[3], _LINE_STYLES[8], _LINE_STYLES[10] = xlsx.DATE, xlsx.AMOUNT, xlsx.AMOUNT


def to_xlsx(
    month: Month,
    lines: Sequence[Line],
    cells: Sequence[list[object]],
    policy: Policy,
    texts: _Texts,
) -> bytes:
    """The overview first (a row per customer and the total), then one sheet per customer
    with its lines and their total. `cells`: each line's row_values."""
    lang = policy.language
    groups: list[tuple[list[Line], list[list[object]]]] = []
    at = 0
    for _cid, group in groupby(lines, key=lambda x: x.customer_id):
        mine = list(group)
        groups.append((mine, list(cells[at : at + len(mine)])))
        at += len(mine)
    title = t(lang, "invoicing.sheet.title", month=month_label(month, lang))
    total_label = t(lang, "invoicing.sheet.total")
    overview = xlsx.Sheet(t(lang, "invoicing.sheet.overview"), _OVERVIEW_WIDTHS)
    taken = {overview.title.lower()}
    overview.row([title], xlsx.BOLD)
    overview.row([t(lang, key) for key in OVERVIEW_KEYS], xlsx.BOLD)
    sheets = [overview]
    for mine, rows in groups:
        first, sum_ = mine[0], total(mine)
        overview.row(
            [
                first.customer_code,
                first.customer_name,
                texts(first)[3],
                sum_.lines,
                sum_.rounded_minutes,
                _euros(sum_.amount_cents),
            ],
            [xlsx.PLAIN] * 5 + [xlsx.AMOUNT],
        )
        ws = xlsx.Sheet(
            sheet_title(first.customer_code, taken), _LINE_WIDTHS, freeze_first_row=True
        )
        ws.row(headers(lang), xlsx.BOLD)
        for values in rows:
            ws.row(values, _LINE_STYLES)
        # The total under the minutes, the rounded minutes and the amounts.
        sums = [sum_.minutes, sum_.rounded_minutes, None, None, _euros(sum_.amount_cents)]
        ws.row(
            [total_label, None, None, None, None, None, *sums],
            [xlsx.BOLD] * 10 + [xlsx.AMOUNT_BOLD],
        )
        sheets.append(ws)
    grand = total(lines)
    overview.row(
        [total_label, None, None, grand.lines, grand.rounded_minutes, _euros(grand.amount_cents)],
        [xlsx.BOLD] * 5 + [xlsx.AMOUNT_BOLD],
    )
    # Fixed, so the same month gives the same bytes: the month's end.
    fixed = datetime(month.next().year, month.next().month, 1, tzinfo=UTC)
    return xlsx.workbook(sheets, title=title, creator="Balie", at=fixed)


def _euros(cents: int) -> Decimal:
    return Decimal(cents) / _CENTS


def month_label(month: Month, lang: str) -> str:
    return t(lang, "invoicing.month", month=t(lang, MONTH_KEYS[month.month - 1]), year=month.year)
