"""Amounts and dates of the export. Pure.

In a sentence an amount is written as the ledger writes it (bot.billing.wording.money: one
way for all of Balie), and a duration as the rest of Balie does (bot.blocks.text.duration);
in the CSV a number is a plain decimal, as a spreadsheet of that language reads it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from bot.billing.wording import money

_CENTS = Decimal(100)


def euros(cents: int, lang: str) -> str:
    """`€ 1.234,50` (nl) or `€1,234.50` (en), from the stored cents."""
    return money(Decimal(cents) / _CENTS, lang)


def decimal(cents: int, lang: str) -> str:
    """A plain number with two decimals, as a spreadsheet of that language reads it."""
    minus = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{minus}{whole}{',' if lang == 'nl' else '.'}{rest:02d}"


def day(d: date) -> str:
    # ISO dates: unambiguous, and every spreadsheet in either language reads them.
    return d.isoformat()
