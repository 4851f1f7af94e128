"""Text that goes into a spreadsheet cell (the summaries' CSV, the invoicing export). Pure.

A spreadsheet evaluates a cell that starts like a formula (`=`, `+`, `-`, `@`, and a tab or a
carriage return before one), so `=HYPERLINK("http://x","klik")` typed as a subject or a
description would become a live link, or worse (CSV injection, OWASP). Such a text gets a `'`
before it: Excel and LibreOffice show the text as typed and run nothing. Only for text from
outside Balie: a negative amount Balie writes itself ("-75,00") stays a number.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str) -> str:
    """The text as a spreadsheet shows it and never runs it."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value
