"""A closed month's lines as files finance can invoice from: one CSV (every customer, one line
per row, for import) and one XLSX workbook (an overview, then one sheet per customer with its
lines and total).

Both are in the policy's language, whoever asks, and depend on nothing but the stored lines:
exporting the same month again gives the same bytes (the workbook's properties and the zip
entries' dates are the month's end, not the moment of writing).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from functools import cache, partial
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
    # Each line's words once, for both files.
    words = _Words(policy)
    said = [words(x) for x in lines]
    return Files(
        csv=to_csv(lines, said, policy.language),
        xlsx=to_xlsx(month, lines, said, policy),
        csv_name=filename(month, customer_code, "csv"),
        xlsx_name=filename(month, customer_code, "xlsx"),
    )


def headers(lang: str) -> list[str]:
    return [t(lang, key) for key in COLUMN_KEYS]


# A line's kind, rule, reason, terms and booking, in words.
Said = tuple[str, str, str, str, str]


class _Words:
    """The words of a line's kind, rule, reason, terms and booking in the policy's language, as
    the ledger says them (bot.billing.wording); a month repeats the same few thousands of
    times, so each is looked up once."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.lang = policy.language
        self._seen: dict[tuple[str, str, str, str, Booking], Said] = {}

    def __call__(self, line: Line) -> Said:
        key = (line.work_kind, line.rule, line.reason, line.terms, line.booking)
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = self._look_up(*key)
        return found

    def _look_up(self, kind: str, rule: str, reason: str, terms: str, booking: Booking) -> Said:
        lang, billing = self.lang, self.policy.billing
        x = TERMS_KEYS.get(terms)
        return (
            wording.kind_text(kind, billing, lang),
            wording.rule_text(rule, lang),
            wording.reason_text(reason, billing, lang),
            t(lang, x) if x else terms,
            t(lang, BOOKING_KEYS[booking.value]),
        )


def to_csv(lines: Sequence[Line], said: Sequence[Said], lang: str) -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads the accents), `;` and a decimal comma in
    Dutch as Dutch Excel expects, `,` and a decimal point in English; no total row, so every
    row is a line to import. `said`: each line's words."""
    sep = _CSV_DELIMITER[lang]
    field = _csv_field(sep)
    # Text from outside Balie (the directory's code and name, what the agent typed, the
    # order's reference) is guarded against formulas (bot.cells). The workbook needs no
    # guard: its text cells are inline strings, which a spreadsheet never evaluates.
    # A month repeats its customers, references, days, amounts and words on line after line:
    # each is guarded, quoted or formatted once, neighbours joined, and a row is one `%` of
    # those pieces (the csv module looks at each of 17 fields, line after line).
    guarded = cache(lambda text: field(text_cell(text)))
    customer = cache(lambda code, name: guarded(code) + sep + guarded(name))
    ticket = cache(field)
    day = cache(money.day)
    number = cache(partial(money.decimal, lang=lang))
    words = cache(
        lambda w: (field(w[0]), field(w[1]) + sep + field(w[2]), field(w[3]) + sep + field(w[4]))
    )
    row = sep.join(["%s"] * 5 + ["%d", "%d", "%s", "%d"] + ["%s"] * 5) + "\r\n"
    out = [sep.join(field(h) for h in headers(lang)) + "\r\n"]
    add = out.append
    for x, w in zip(lines, said, strict=True):
        kind, rule_reason, terms_booking = words(w)
        add(
            row
            % (
                customer(x.customer_code, x.customer_name),
                ticket(x.ticket),
                day(x.worked_on),
                kind,
                field(text_cell(x.description)),
                x.minutes,
                x.rounded_minutes,
                number(x.rate_cents),
                x.surcharge_percent,
                number(x.amount_cents),
                rule_reason,
                guarded(x.order_reference or ""),
                terms_booking,
                x.work_month,
            )
        )
    return ("\ufeff" + "".join(out)).encode("utf-8")


def _csv_field(sep: str) -> Callable[[str], str]:
    """A text as the csv module writes it with `sep` (QUOTE_MINIMAL): in quotes, its quotes
    doubled, when it holds the separator, a quote or a line break."""
    special = re.compile(f'[{re.escape(sep)}"\r\n]').search

    def field(text: str) -> str:
        return '"' + text.replace('"', '""') + '"' if special(text) else text

    return field


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
# A line's cells, in the columns' order: text, but its date, minutes, rate, surcharge and
# amount (styled as a date and as amounts).
_TEXT, _NUMBER = None, xlsx.PLAIN
_LINE = xlsx.Layout(
    (
        *(_TEXT, _TEXT, _TEXT, xlsx.DATE, _TEXT, _TEXT),
        *(_NUMBER, _NUMBER, xlsx.AMOUNT, _NUMBER, xlsx.AMOUNT),
        *(_TEXT, _TEXT, _TEXT, _TEXT, _TEXT, _TEXT),
    )
)


def to_xlsx(month: Month, lines: Sequence[Line], said: Sequence[Said], policy: Policy) -> bytes:
    """The overview first (a row per customer and the total), then one sheet per customer
    with its lines and their total. `said`: each line's words."""
    lang = policy.language
    title = t(lang, "invoicing.sheet.title", month=month_label(month, lang))
    total_label = t(lang, "invoicing.sheet.total")
    overview = xlsx.Sheet(t(lang, "invoicing.sheet.overview"), _OVERVIEW_WIDTHS)
    taken = {overview.title.lower()}
    overview.row([title], xlsx.BOLD)
    overview.row([t(lang, key) for key in OVERVIEW_KEYS], xlsx.BOLD)
    sheets = [overview]
    # As in the CSV: what repeats is made into a cell once.
    cell = cache(xlsx.text)
    day = cache(xlsx.serial)
    number = cache(partial(money.decimal, lang="en"))
    for _cid, group in groupby(zip(lines, said, strict=True), key=lambda pair: pair[0].customer_id):
        mine = list(group)
        first, first_said = mine[0]
        sum_ = total([x for x, _ in mine])
        overview.row(
            [
                first.customer_code,
                first.customer_name,
                first_said[3],
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
        for x, (kind, rule, reason, terms, booking) in mine:
            ws.add(
                _LINE,
                (
                    cell(x.customer_code),
                    cell(x.customer_name),
                    cell(x.ticket),
                    day(x.worked_on),
                    cell(kind),
                    xlsx.text(x.description),
                    x.minutes,
                    x.rounded_minutes,
                    number(x.rate_cents),
                    x.surcharge_percent,
                    number(x.amount_cents),
                    cell(rule),
                    cell(reason),
                    cell(x.order_reference or ""),
                    cell(terms),
                    cell(booking),
                    cell(x.work_month),
                ),
            )
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
