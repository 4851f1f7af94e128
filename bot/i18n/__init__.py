"""Balie speaks Dutch by default and English on request; every word lives in this package.

Each surface keeps its texts in a module of its own (cards, commands, sla, mail, ...), a plain
dict of key -> {"nl": ..., "en": ...}. They are merged here into one lookup; a key that two
modules both define stops the import, so a surface can never silently take over another's
text. Keys are always written out in full where they are used (a value that picks a text goes
through an explicit mapping such as `sla.CLOCK_KEYS`), so tests/i18n can see every key in use.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import ModuleType
from typing import Any, Protocol, runtime_checkable

from bot.i18n import (
    billing,
    billing_facts,
    cards,
    commands,
    console,
    customers,
    errors,
    fields,
    home,
    imports,
    invoicing,
    mail,
    modals,
    paging,
    phone,
    policy,
    report,
    rota,
    settings,
    sla,
    summaries,
    words,
)
from bot.i18n.entries import LANGS, Catalogue, Entry, Lang, Text, form

__all__ = [
    "LANGS",
    "MESSAGES",
    "SURFACES",
    "Lang",
    "Localized",
    "is_plural",
    "one_of",
    "t",
    "tn",
    "word",
]

SURFACES: tuple[ModuleType, ...] = (
    words,
    fields,
    errors,
    cards,
    commands,
    modals,
    sla,
    mail,
    customers,
    imports,
    settings,
    policy,
    console,
    rota,
    paging,
    phone,
    summaries,
    report,
    home,
    billing,
    billing_facts,
    invoicing,
)


@runtime_checkable
class Localized(Protocol):
    """Something that writes itself in the reader's language (a policy error, a file problem),
    so a message can carry it as a parameter and still be in one language."""

    def text(self, lang: str) -> str: ...


class DuplicateKey(Exception):
    """Two surfaces define the same key."""


def merge(surfaces: Iterable[ModuleType]) -> Catalogue:
    merged: Catalogue = {}
    owner: dict[str, str] = {}
    for module in surfaces:
        name = module.__name__.rsplit(".", 1)[-1]
        catalogue: Catalogue = module.MESSAGES
        for key, entry in catalogue.items():
            if key in merged:
                raise DuplicateKey(f"{key!r} is defined in both {owner[key]} and {name}")
            merged[key] = entry
            owner[key] = name
    return merged


MESSAGES: Catalogue = merge(SURFACES)


def is_plural(entry: Entry) -> bool:
    return any(isinstance(text, dict) for text in entry.values())


def _template(text: Text, params: Mapping[str, Any]) -> str:
    if isinstance(text, str):
        return text
    count = params.get("count")
    return text[form(count) if isinstance(count, int) else "other"]


def t(lang: str, key: str, /, **params: Any) -> str:
    """The text for `key` in `lang`, with params filled in (not escaped: see bot.blocks.text).

    A plural entry picks its form by the `count` parameter (see `tn`)."""
    entry = MESSAGES.get(key)
    if entry is None:
        # A missing key is a bug (tests/i18n looks for them), but the agent should still see
        # something useful.
        return key
    text = entry["en"] if lang == "en" else entry["nl"]
    template = _template(text, params)
    return template.format(**params) if params else template


def tn(lang: str, key: str, n: int, /, **params: Any) -> str:
    """The text for a count: `tn("nl", "list.header", 3, ...)` gives "3 tickets · …" and
    with 1 "1 ticket · …". The count is the template's `{count}`."""
    return t(lang, key, count=n, **params)


def word(lang: str, keys: Mapping[str, str], value: str, /) -> str:
    """The text that `keys` names for `value` (a status, a clock, a field), or `value` itself
    when it names none: an unknown value is shown as it is rather than hidden."""
    key = keys.get(value)
    return t(lang, key) if key is not None else value


def one_of(lang: str, items: Iterable[str], /) -> str:
    """'a, b of c' / 'a, b or c'."""
    listed = list(items)
    if len(listed) < 2:
        return "".join(listed)
    return t(lang, "words.one_of", items=", ".join(listed[:-1]), last=listed[-1])
