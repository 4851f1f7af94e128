"""Amounts, hours and dates as a Dutch or an English reader writes them. Pure."""

from __future__ import annotations

from datetime import date


def euros(cents: int, lang: str, *, sign: bool = True) -> str:
    """`€ 1.234,50` (nl) or `€1,234.50` (en); a minus before the sign for a credit."""
    minus = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    grouped = f"{whole:,}"
    if lang == "nl":
        number = f"{grouped.replace(',', '.')},{rest:02d}"
        return f"{minus}€ {number}" if sign else f"{minus}{number}"
    number = f"{grouped}.{rest:02d}"
    return f"{minus}€{number}" if sign else f"{minus}{number}"


def decimal(cents: int, lang: str) -> str:
    """A plain number with two decimals, as a spreadsheet of that language reads it."""
    minus = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{minus}{whole}{',' if lang == 'nl' else '.'}{rest:02d}"


def hours(minutes: int, lang: str) -> str:
    """`2u15` (nl) or `2h15` (en)."""
    minus = "-" if minutes < 0 else ""
    h, m = divmod(abs(minutes), 60)
    return f"{minus}{h}{'u' if lang == 'nl' else 'h'}{m:02d}"


def day(d: date) -> str:
    # ISO dates: unambiguous, and every spreadsheet in either language reads them.
    return d.isoformat()
