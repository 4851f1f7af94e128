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
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from itertools import groupby
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from bot.i18n import t
from bot.i18n.invoicing import (
    BOOKING_KEYS,
    COLUMN_KEYS,
    MONTH_KEYS,
    OVERVIEW_KEYS,
    RULE_KEYS,
    TERMS_KEYS,
)
from bot.invoicing import money
from bot.invoicing.rules import Line, Month, total
from bot.policy import Policy

_CSV_DELIMITER = {"nl": ";", "en": ","}
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_AMOUNT_FORMAT = "#,##0.00"
_DATE_FORMAT = "yyyy-mm-dd"
_CENTS = Decimal(100)


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
    return Files(
        csv=to_csv(lines, policy),
        xlsx=to_xlsx(month, lines, policy),
        csv_name=filename(month, customer_code, "csv"),
        xlsx_name=filename(month, customer_code, "xlsx"),
    )


def headers(lang: str) -> list[str]:
    return [t(lang, key) for key in COLUMN_KEYS]


def _texts(line: Line, policy: Policy) -> dict[str, str]:
    lang = policy.language
    kind = policy.billing.kinds.get(line.work_kind)
    rule = RULE_KEYS.get(line.rule)
    terms = TERMS_KEYS.get(line.terms)
    return {
        "kind": kind.label(lang) if kind else line.work_kind,
        "rule": t(lang, rule) if rule else line.rule,
        "terms": t(lang, terms) if terms else line.terms,
        "booking": t(lang, BOOKING_KEYS[line.booking.value]),
    }


def row_values(line: Line, policy: Policy) -> list[object]:
    """A line's cells in the columns' order, typed as a spreadsheet holds them."""
    x = _texts(line, policy)
    return [
        line.customer_code,
        line.customer_name,
        line.ticket,
        line.worked_on,
        x["kind"],
        line.description,
        line.minutes,
        line.rounded_minutes,
        Decimal(line.rate_cents) / _CENTS,
        line.surcharge_percent,
        Decimal(line.amount_cents) / _CENTS,
        x["rule"],
        line.reason,
        line.order_reference or "",
        x["terms"],
        x["booking"],
        line.work_month,
    ]


def to_csv(lines: Sequence[Line], policy: Policy) -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads the accents), `;` and a decimal comma in
    Dutch as Dutch Excel expects, `,` and a decimal point in English; no total row, so every
    row is a line to import."""
    lang = policy.language
    out = io.StringIO()
    writer = csv.writer(out, delimiter=_CSV_DELIMITER[lang], lineterminator="\r\n")
    writer.writerow(headers(lang))
    for line in lines:
        cells = row_values(line, policy)
        cells[3] = money.day(line.worked_on)
        cells[8] = money.decimal(line.rate_cents, lang)
        cells[10] = money.decimal(line.amount_cents, lang)
        writer.writerow(cells)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def sheet_title(code: str, taken: set[str]) -> str:
    base = _SHEET_FORBIDDEN.sub("-", code)[:31] or "-"
    title, n = base, 1
    while title.lower() in taken:
        n += 1
        title = f"{base[: 31 - len(str(n)) - 1]}~{n}"
    taken.add(title.lower())
    return title


def to_xlsx(month: Month, lines: Sequence[Line], policy: Policy) -> bytes:
    """Written row by row (openpyxl's write-only mode: a month can hold tens of thousands of
    lines), the overview first, then one sheet per customer."""
    lang = policy.language
    groups = [list(g) for _cid, g in groupby(lines, key=lambda x: x.customer_id)]
    wb = Workbook(write_only=True)
    title = t(lang, "invoicing.sheet.title", month=month_label(month, lang))
    overview = wb.create_sheet(t(lang, "invoicing.sheet.overview"))
    taken = {overview.title.lower()}
    _widths(overview, [12, 36, 28, 10, 16, 14])
    overview.append([_bold(overview, title)])
    overview.append([_bold(overview, t(lang, key)) for key in OVERVIEW_KEYS])
    for mine in groups:
        first, sum_ = mine[0], total(mine)
        overview.append(
            [
                first.customer_code,
                first.customer_name,
                _texts(first, policy)["terms"],
                sum_.lines,
                sum_.rounded_minutes,
                _amount(overview, sum_.amount_cents),
            ]
        )
    grand = total(lines)
    overview.append(
        [
            _bold(overview, t(lang, "invoicing.sheet.total")),
            None,
            None,
            _bold(overview, grand.lines),
            _bold(overview, grand.rounded_minutes),
            _amount(overview, grand.amount_cents, bold=True),
        ]
    )
    for mine in groups:
        ws = wb.create_sheet(sheet_title(mine[0].customer_code, taken))
        _customer_sheet(ws, mine, policy)
    # Fixed, so the same month gives the same bytes: the month's end (openpyxl writes the
    # properties as naive UTC).
    fixed = datetime(month.next().year, month.next().month, 1, tzinfo=UTC).replace(tzinfo=None)
    wb.properties.creator = "Balie"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.lastModifiedBy = "Balie"
    wb.properties.title = title
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        # ExcelWriter, not Workbook.save: save stamps `modified` with the time of writing.
        ExcelWriter(wb, archive).save()
    return _fixed_zip(raw.getvalue(), (fixed.year, fixed.month, fixed.day, 0, 0, 0))


def _customer_sheet(ws: Any, lines: Sequence[Line], policy: Policy) -> None:
    lang = policy.language
    ws.freeze_panes = "A2"
    _widths(ws, [10, 28, 14, 12, 18, 36, 9, 14, 12, 10, 12, 30, 18, 16, 28, 14, 12])
    ws.append([_bold(ws, h) for h in headers(lang)])
    for line in lines:
        cells = row_values(line, policy)
        cells[3] = _formatted(ws, line.worked_on, _DATE_FORMAT)
        cells[8] = _amount(ws, line.rate_cents)
        cells[10] = _amount(ws, line.amount_cents)
        ws.append(cells)
    sum_ = total(lines)
    ws.append(
        [
            _bold(ws, t(lang, "invoicing.sheet.total")),
            *([None] * 5),
            _bold(ws, sum_.minutes),
            _bold(ws, sum_.rounded_minutes),
            None,
            None,
            _amount(ws, sum_.amount_cents, bold=True),
        ]
    )


_BOLD = Font(bold=True)


# Cells with a style of their own (openpyxl's stubs type WriteOnlyCell as a plain function).
def _bold(ws: Any, value: Any) -> Any:
    cell = WriteOnlyCell(ws, value=value)
    cell.font = _BOLD
    return cell


def _formatted(ws: Any, value: Any, number_format: str) -> Any:
    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = number_format
    return cell


def _amount(ws: Any, cents: int, *, bold: bool = False) -> Any:
    cell = _formatted(ws, Decimal(cents) / _CENTS, _AMOUNT_FORMAT)
    if bold:
        cell.font = _BOLD
    return cell


def _widths(ws: Any, widths: Sequence[int]) -> None:
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def _fixed_zip(data: bytes, when: tuple[int, int, int, int, int, int]) -> bytes:
    """The same archive with every entry dated `when` (zip stores the time of writing)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def month_label(month: Month, lang: str) -> str:
    return t(lang, "invoicing.month", month=t(lang, MONTH_KEYS[month.month - 1]), year=month.year)
