"""Balie speaks Dutch by default and English on request; every word lives in catalogue.py."""

from __future__ import annotations

from typing import Any, Literal

from bot.i18n.catalogue import MESSAGES

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")


def t(lang: str, key: str, /, **params: Any) -> str:
    """The text for `key` in `lang`, with params filled in (not escaped: see bot.blocks.text)."""
    entry = MESSAGES.get(key)
    if entry is None:
        # A missing key is a bug, but the agent should still see something useful.
        return key
    template = entry.get(lang) or entry["nl"]
    return template.format(**params) if params else template
