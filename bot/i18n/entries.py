"""What one catalogue entry is: a text per language, or per language a text per plural form."""

from __future__ import annotations

from typing import Literal

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")

# CLDR's plural categories for Dutch and English whole numbers: "one" is exactly 1, the rest
# (0 included: "0 tickets") is "other". Both languages have only these two.
Form = Literal["one", "other"]
FORMS: tuple[Form, ...] = ("one", "other")

Plural = dict[Form, str]
Text = str | Plural
Entry = dict[Lang, Text]
Catalogue = dict[str, Entry]


def form(n: int) -> Form:
    return "one" if n == 1 else "other"
