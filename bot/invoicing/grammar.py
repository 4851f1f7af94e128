"""The grammar of `/facturatie [2026-11] [klant=CODE]` and `help`. Every problem at once."""

from __future__ import annotations

from dataclasses import dataclass

from bot.invoicing.rules import Month
from bot.parsing.text import Key, Keys, Problems, scan

KEYS = Keys(Key("customer", "klant", "customer", ("code", "klantcode")))
HELP_WORDS = frozenset({"help", "hulp", "?"})


@dataclass(frozen=True)
class Request:
    month: Month | None
    customer: str | None
    help: bool = False


def request(text: str, lang: str) -> Request:
    problems = Problems()
    parsed = scan(text, KEYS, lang, problems)
    words = parsed.words
    if len(words) == 1 and words[0].lower() in HELP_WORDS and not parsed.fields:
        return Request(None, None, help=True)
    month: Month | None = None
    for i, word in enumerate(words):
        found = Month.parse(word)
        if found is not None and month is None:
            month = found
        elif _looks_like_month(word):
            problems.add("input", "invoicing.error.month_invalid", value=word)
        else:
            problems.add(f"word_{i}", "invoicing.error.unknown_word", value=word)
    customer = parsed.fields.get("customer") or None
    if customer is not None and month is None and "input" not in problems:
        # `klant=` only makes sense with a month to export.
        problems.add("input", "invoicing.error.month_required")
    problems.check()
    return Request(month, customer.upper() if customer else None)


def _looks_like_month(word: str) -> bool:
    return any(c.isdigit() for c in word) and ("-" in word or "/" in word or len(word) >= 4)
