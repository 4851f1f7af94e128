"""Slack messages, modals and e-mails as readable terminal text, for console mode.

Pure functions: a payload in, text out. Slack's markup is resolved the way a Slack client shows
it (`<@U1>` becomes `@naam`, `&lt;` becomes `<`); what Balie escaped stays inert, so a subject
with `<!channel>` is shown literally and pings nobody. Control characters are dropped, so text a
customer typed cannot move the cursor or recolour the terminal. The few words the renderer
adds itself (e-mail headers, "optional") come from the catalogue, in the language asked for.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import zip_longest
from typing import Any

from bot.i18n import t

WIDTH = 100
INDENT = "  "

# C0 and C1 control characters except newline; ESC (\x1b) starts terminal escape sequences.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TOKEN = re.compile(r"<([^<>\n]*)>")
_SPECIAL = {"here": "@here", "channel": "@channel", "everyone": "@everyone"}


@dataclass(frozen=True)
class Names:
    """Display names for Slack ids: persona names for users, channel names without '#'."""

    users: Mapping[str, str] = field(default_factory=dict)
    channels: Mapping[str, str] = field(default_factory=dict)

    def user(self, user_id: str, label: str = "") -> str:
        return "@" + (self.users.get(user_id) or label or user_id)

    def channel(self, channel_id: str, label: str = "") -> str:
        return "#" + (self.channels.get(channel_id) or label or channel_id).lstrip("#")


NO_NAMES = Names()


def clean(text: str) -> str:
    """Terminal-safe text: tabs become spaces, other control characters disappear."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\t", "    "))


def unescape(text: str) -> str:
    """Slack's three entities; `&amp;` last, so `&amp;lt;` stays `&lt;` as Slack shows it."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _token(inner: str, names: Names) -> str:
    target, _, label = inner.partition("|")
    if target.startswith("@"):
        return names.user(target[1:], label)
    if target.startswith("#"):
        return names.channel(target[1:], label)
    if target.startswith("!"):
        word = target[1:]
        if word in _SPECIAL:
            return _SPECIAL[word]
        if word.startswith("subteam^"):
            return label or "@" + word.removeprefix("subteam^")
        # <!date^…|fallback> and friends: the fallback is what old clients show.
        return label or word
    if target.startswith("mailto:"):
        return label or target.removeprefix("mailto:")
    if label and label != target:
        return f"{label} ({target})"
    return target


def mrkdwn(text: str, names: Names = NO_NAMES) -> str:
    """Slack mrkdwn as a Slack client shows it; `*bold*`, `_italic_` and `code` stay as typed."""
    # Tokens first, entities second: an escaped `&lt;!channel&gt;` never becomes a token.
    resolved = _TOKEN.sub(lambda m: _token(m.group(1), names), text)
    return clean(unescape(resolved))


def text_object(obj: Any, names: Names = NO_NAMES) -> str:
    """A text object (`plain_text` or `mrkdwn`), or a bare string."""
    if obj is None:
        return ""
    if isinstance(obj, str):
        return clean(obj)
    if obj.get("type") == "mrkdwn":
        return mrkdwn(str(obj.get("text", "")), names)
    return clean(str(obj.get("text", "")))


def wrap(text: str, width: int = WIDTH) -> list[str]:
    """Wrap each line of `text`, keeping its own line breaks and leading indentation."""
    lines: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:
            lines.append(line.rstrip())
            continue
        lead = line[: len(line) - len(line.lstrip(" "))]
        lines += textwrap.wrap(
            line,
            width=max(width, len(lead) + 10),
            subsequent_indent=lead,
            break_long_words=True,
            break_on_hyphens=False,
        ) or [""]
    return lines


# --- elements --------------------------------------------------------------------------------


def _selected(option: Any, names: Names) -> str:
    return text_object((option or {}).get("text"), names) if option else ""


def element(el: Mapping[str, Any], names: Names = NO_NAMES, *, lang: str = "nl") -> str:
    """An interactive element as one bracketed item: `[Oppakken]`, `[Toewijzen aan…]`."""
    kind = el.get("type", "")
    placeholder = text_object(el.get("placeholder"), names)
    if kind == "button":
        return f"[{text_object(el.get('text'), names)}]"
    if kind == "users_select":
        initial = el.get("initial_user")
        shown = " ".join(p for p in (placeholder, names.user(initial) if initial else "") if p)
        return f"[{shown or '@…'}]"
    if kind in ("static_select", "external_select", "conversations_select", "channels_select"):
        chosen = _selected(el.get("initial_option"), names)
        return f"[{chosen or placeholder or '…'} ▾]"
    if kind == "overflow":
        return "[⋯]"
    if kind == "datepicker":
        return f"[{el.get('initial_date') or placeholder or t(lang, 'console.render.date')}]"
    if kind == "plain_text_input":
        initial = clean(str(el.get("initial_value") or ""))
        return f"[{initial or placeholder or '…'}]"
    return f"[{kind or '?'}]"


def _choices(el: Mapping[str, Any], names: Names) -> str:
    """A static select in a form: every option, the chosen one marked."""
    chosen = (el.get("initial_option") or {}).get("value")
    marks = [
        f"({'•' if o.get('value') == chosen else ' '}) {text_object(o.get('text'), names)}"
        for o in el.get("options") or []
    ]
    return "  ".join(marks)


def _input(block: Mapping[str, Any], names: Names, width: int, lang: str) -> list[str]:
    label = text_object(block.get("label"), names)
    if block.get("optional"):
        label += " " + t(lang, "console.render.optional")
    el = block.get("element") or {}
    if el.get("type") == "static_select" and el.get("options"):
        value = _choices(el, names)
    elif el.get("type") == "plain_text_input":
        initial = clean(str(el.get("initial_value") or ""))
        multiline = t(lang, "console.render.multiline") if el.get("multiline") else "[…]"
        value = initial or multiline
    else:
        value = element(el, names, lang=lang)
    lines = wrap(f"{label}: {value}", width)
    hint = text_object(block.get("hint"), names)
    if hint:
        lines += wrap(INDENT + INDENT + hint, width)
    return lines


# --- blocks ----------------------------------------------------------------------------------


def _columns(fields: Sequence[str], width: int) -> list[str]:
    """Section fields two by two, side by side, as Slack lays them out."""
    col = (width - 2) // 2
    lines: list[str] = []
    for i in range(0, len(fields), 2):
        left = wrap(fields[i], col)
        right = wrap(fields[i + 1], col) if i + 1 < len(fields) else []
        for a, b in zip_longest(left, right, fillvalue=""):
            lines.append(f"{a:<{col}}  {b}".rstrip())
    return lines


def _rich_text(elements: Iterable[Any], names: Names) -> str:
    parts: list[str] = []
    for el in elements:
        kind = el.get("type")
        if kind in ("rich_text_section", "rich_text_preformatted", "rich_text_quote"):
            parts.append(_rich_text(el.get("elements") or [], names))
            parts.append("\n")
        elif kind == "rich_text_list":
            for item in el.get("elements") or []:
                parts.append("• " + _rich_text(item.get("elements") or [], names) + "\n")
        elif kind == "text":
            parts.append(clean(str(el.get("text", ""))))
        elif kind == "link":
            url = str(el.get("url", ""))
            label = el.get("text")
            parts.append(clean(f"{label} ({url})" if label else url))
        elif kind == "user":
            parts.append(names.user(str(el.get("user_id", ""))))
        elif kind == "channel":
            parts.append(names.channel(str(el.get("channel_id", ""))))
        elif kind == "emoji":
            parts.append(f":{el.get('name', '')}:")
        elif kind == "broadcast":
            parts.append("@" + str(el.get("range", "")))
    return "".join(parts).rstrip("\n")


def block(
    b: Mapping[str, Any], names: Names = NO_NAMES, width: int = WIDTH, *, lang: str = "nl"
) -> list[str]:
    """One Block Kit block as lines of text."""
    kind = b.get("type")
    if kind == "header":
        title = text_object(b.get("text"), names)
        return [title, "═" * min(max(len(title), 3), width)]
    if kind == "divider":
        return ["─" * width]
    if kind == "section":
        lines = wrap(text_object(b.get("text"), names), width) if b.get("text") else []
        fields = [text_object(f, names) for f in b.get("fields") or []]
        if fields:
            lines += _columns(fields, width)
        if b.get("accessory"):
            lines.append(element(b["accessory"], names, lang=lang))
        return lines
    if kind == "context":
        parts = [
            text_object(e, names)
            if e.get("type") in ("mrkdwn", "plain_text")
            else f"[{clean(str(e.get('alt_text', t(lang, 'console.render.image'))))}]"
            for e in b.get("elements") or []
        ]
        return wrap("  ".join(parts), width)
    if kind == "actions":
        return wrap(" ".join(element(e, names, lang=lang) for e in b.get("elements") or []), width)
    if kind == "input":
        return _input(b, names, width, lang)
    if kind == "image":
        return [t(lang, "console.render.image_alt", alt=clean(str(b.get("alt_text", ""))))]
    if kind == "rich_text":
        return wrap(_rich_text(b.get("elements") or [], names), width)
    return [f"[{kind}]"]


def blocks(
    items: Iterable[Mapping[str, Any]],
    names: Names = NO_NAMES,
    width: int = WIDTH,
    *,
    lang: str = "nl",
) -> str:
    return "\n".join(line for b in items for line in block(b, names, width, lang=lang))


def message(
    text: str | None,
    items: Sequence[Mapping[str, Any]] | None = None,
    names: Names = NO_NAMES,
    width: int = WIDTH,
    *,
    lang: str = "nl",
) -> str:
    """A message as a Slack client shows it: the blocks if any, else the text."""
    if items:
        return blocks(items, names, width, lang=lang)
    return "\n".join(wrap(mrkdwn(text or "", names), width))


def view(
    v: Mapping[str, Any], names: Names = NO_NAMES, width: int = WIDTH, *, lang: str = "nl"
) -> str:
    """A modal: its title, its blocks (inputs with their choices) and its buttons."""
    title = text_object(v.get("title"), names)
    body = blocks(v.get("blocks") or [], names, width, lang=lang)
    buttons = " ".join(
        f"[{text_object(v[key], names)}]" for key in ("submit", "close") if v.get(key)
    )
    parts = [title, "═" * min(max(len(title), 3), width), body]
    if buttons:
        parts.append(buttons)
    return "\n".join(p for p in parts if p)


def email(
    *, sender: str, to: str, subject: str, body: str, width: int = WIDTH, lang: str = "nl"
) -> str:
    """An e-mail as plain text: a few headers and the body (e-mail is not mrkdwn)."""
    headers = [
        (t(lang, "console.mail.from"), clean(sender)),
        (t(lang, "console.mail.to"), clean(to)),
        (t(lang, "console.mail.subject"), clean(" ".join(subject.split()))),
    ]
    # The values line up after the longest header, whatever the language calls them.
    pad = max(len(name) for name, _ in headers)
    head = [f"{name:<{pad}} {value}" for name, value in headers]
    return "\n".join([*head, "", *wrap(clean(body).rstrip("\n"), width)])


def indent(text: str, prefix: str = INDENT) -> str:
    return "\n".join(prefix + line if line else "" for line in text.split("\n"))
