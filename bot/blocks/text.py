"""Text for Slack: escaping and translation that escapes by default.

Slack reads `<`, `>` and `&` as control characters (`<!channel>` pings a whole channel), so
everything a customer or agent typed is escaped. `tr` escapes every parameter unless the caller
marks it as Balie's own markup with `Raw`.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from bot.clock import AMSTERDAM
from bot.i18n import t


class Raw(str):
    """Markup Balie made itself (a mention, a channel link): not escaped."""

    __slots__ = ()


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def tr(lang: str, key: str, /, **params: Any) -> str:
    safe = {
        k: v if isinstance(v, Raw) or not isinstance(v, str) else esc(v) for k, v in params.items()
    }
    return t(lang, key, **safe)


_USER = re.compile(r"^[UWB][A-Z0-9]{2,}$")
_CHANNEL = re.compile(r"^[CGD][A-Z0-9]{2,}$")


def mention(user_id: str | None, lang: str = "nl") -> Raw:
    if not user_id:
        return Raw(f"_{t(lang, 'nobody')}_")
    if not _USER.match(user_id):
        return Raw(esc(user_id))
    return Raw(f"<@{user_id}>")


def channel_link(channel: str) -> Raw:
    if _CHANNEL.match(channel):
        return Raw(f"<#{channel}>")
    return Raw(esc(channel if channel.startswith("#") else f"#{channel}"))


def when(at: datetime) -> str:
    """Amsterdam wall-clock time for people; the database keeps UTC."""
    return at.astimezone(AMSTERDAM).strftime("%d-%m-%Y %H:%M")


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
