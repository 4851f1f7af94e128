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
from bot.i18n import t, tn


class Raw(str):
    """Markup Balie made itself (a mention, a channel link): not escaped."""

    __slots__ = ()


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _safe(params: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v if isinstance(v, Raw) or not isinstance(v, str) else esc(v) for k, v in params.items()
    }


def tr(lang: str, key: str, /, **params: Any) -> str:
    return t(lang, key, **_safe(params))


def trn(lang: str, key: str, n: int, /, **params: Any) -> str:
    """`tr` for a count: the plural form that goes with `n` (see bot.i18n.tn)."""
    return tn(lang, key, n, **_safe(params))


def duration(minutes: int, lang: str) -> str:
    """Minutes as Balie writes them in a sentence, like the waakdienst: `45 minuten`, `2 uur`,
    `1 uur 30 minuten`. A counter-entry keeps its minus sign: `-1 uur 30 minuten`."""
    sign, m = ("-", -minutes) if minutes < 0 else ("", minutes)
    hours, rest = divmod(m, 60)
    parts = [tn(lang, "duration.hours", hours)] if hours else []
    if rest or not hours:
        parts.append(tn(lang, "duration.minutes", rest))
    return sign + " ".join(parts)


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


# Slack's limits (docs.slack.dev, Block Kit reference and chat.postMessage), in characters of
# the text as sent, so after escaping: "&" is five characters by then.
SECTION_TEXT = 3000
FIELD_TEXT = 2000
HEADER_TEXT = 150
CONTEXT_TEXT = 3000
BUTTON_TEXT = 75
OPTION_TEXT = 75
PLACEHOLDER_TEXT = 150
INLINE_ERROR = 2000
VIEW_TITLE = 24  # a modal's title, submit and close
MESSAGE_TEXT = 40_000

_ENTITY = re.compile(r"&(?:amp|lt|gt);")
_LONGEST_ENTITY = len("&amp;")


def fit(markup: str, limit: int) -> str:
    """Text as it goes to Slack, cut to at most `limit` characters with an ellipsis.

    Never cuts an entity (`&amp;`) or Balie's own markup (`<@U123>`, `<#C123>`) in half: half
    an entity shows as garbage, and half a mention as a raw `<@U1`."""
    if len(markup) <= limit:
        return markup
    cut = limit - 1
    amp = markup.rfind("&", max(0, cut - _LONGEST_ENTITY + 1), cut)
    if amp >= 0 and (m := _ENTITY.match(markup, amp)) and m.end() > cut:
        cut = amp
    bracket = markup.rfind("<", 0, cut)
    if bracket >= 0 and markup.find(">", bracket) >= cut:
        cut = bracket
    return markup[:cut] + "…"


def clip(text: str, limit: int) -> str:
    """What someone typed, escaped and then cut to Slack's `limit`: measured as it is sent."""
    return fit(esc(text), limit)
