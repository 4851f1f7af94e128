"""Slack messages, modals and e-mails as readable terminal text, for console mode.

Pure functions: a payload and a `Look` (names, width, language, ANSI or not) in, text out.
Slack's markup is resolved the way a Slack client shows it (markup.mrkdwn); what Balie escaped
stays inert, so a subject with `<!channel>` is shown literally and pings nobody. Control
characters are dropped, so text a customer typed cannot move the cursor or recolour the
terminal. The few words the renderer adds itself (e-mail headers, "optional") come from the
catalogue, in the look's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import zip_longest
from typing import Any

from bot.i18n import t
from bot.transports.console.markup import (
    GLUE,
    INDENT,
    NO_NAMES,
    PLAIN,
    WIDTH,
    Look,
    Names,
    clean,
    emoji,
    escape,
    indent,
    mrkdwn,
    pad,
    plain_text,
    unescape,
    width,
    wrap,
)

__all__ = [
    "GLUE",
    "INDENT",
    "NO_NAMES",
    "PLAIN",
    "WIDTH",
    "Look",
    "Names",
    "block",
    "blocks",
    "clean",
    "element",
    "email",
    "escape",
    "indent",
    "message",
    "mrkdwn",
    "text_object",
    "underline",
    "unescape",
    "view",
    "wrap",
]


def text_object(obj: Any, look: Look = PLAIN) -> str:
    """A text object (`plain_text` or `mrkdwn`), or a bare string."""
    if obj is None:
        return ""
    if isinstance(obj, str):
        return clean(obj)
    if obj.get("type") == "mrkdwn":
        return mrkdwn(str(obj.get("text", "")), look)
    return plain_text(str(obj.get("text", "")))


def underline(title: str, look: Look) -> str:
    return "═" * min(max(width(title), 3), look.width)


# --- elements --------------------------------------------------------------------------------


def _selected(option: Any, look: Look) -> str:
    return text_object((option or {}).get("text"), look) if option else ""


def element(el: Mapping[str, Any], look: Look = PLAIN) -> str:
    """An interactive element as one bracketed item: `[Oppakken]`, `[Toewijzen aan…]`; a line
    is never wrapped inside one."""
    return _element(el, look).replace(" ", GLUE)


def _element(el: Mapping[str, Any], look: Look) -> str:
    kind = el.get("type", "")
    placeholder = text_object(el.get("placeholder"), look)
    if kind == "button":
        return f"[{text_object(el.get('text'), look)}]"
    if kind == "users_select":
        initial = el.get("initial_user")
        shown = " ".join(p for p in (placeholder, look.names.user(initial) if initial else "") if p)
        return f"[{shown or '@…'}]"
    if kind in ("static_select", "external_select", "conversations_select", "channels_select"):
        chosen = _selected(el.get("initial_option"), look)
        return f"[{chosen or placeholder or '…'} ▾]"
    if kind == "overflow":
        return "[⋯]"
    if kind == "datepicker":
        return f"[{el.get('initial_date') or placeholder or t(look.lang, 'console.render.date')}]"
    if kind == "plain_text_input":
        initial = clean(str(el.get("initial_value") or ""))
        return f"[{initial or placeholder or '…'}]"
    return f"[{kind or '?'}]"


def _choices(el: Mapping[str, Any], look: Look) -> str:
    """A static select in a form: every option, the chosen one marked."""
    chosen = (el.get("initial_option") or {}).get("value")
    marks = [
        f"({'•' if o.get('value') == chosen else ' '}) {text_object(o.get('text'), look)}"
        for o in el.get("options") or []
    ]
    return "  ".join(marks)


def _input(b: Mapping[str, Any], look: Look) -> list[str]:
    label = text_object(b.get("label"), look)
    if b.get("optional"):
        label += " " + t(look.lang, "console.render.optional")
    el = b.get("element") or {}
    if el.get("type") == "static_select" and el.get("options"):
        value = _choices(el, look)
    elif el.get("type") == "plain_text_input":
        initial = clean(str(el.get("initial_value") or ""))
        multiline = t(look.lang, "console.render.multiline") if el.get("multiline") else "[…]"
        value = initial or multiline
    else:
        value = element(el, look)
    lines = wrap(f"{look.style('bold', label)}: {value}", look.width)
    hint = text_object(b.get("hint"), look)
    if hint:
        lines += wrap(INDENT + INDENT + look.style("dim", hint), look.width)
    return lines


# --- blocks ----------------------------------------------------------------------------------


def _columns(fields: Sequence[str], look: Look) -> list[str]:
    """Section fields two by two, side by side, as Slack lays them out."""
    col = (look.width - 2) // 2
    lines: list[str] = []
    for i in range(0, len(fields), 2):
        left = wrap(fields[i], col)
        right = wrap(fields[i + 1], col) if i + 1 < len(fields) else []
        for a, b in zip_longest(left, right, fillvalue=""):
            lines.append(f"{pad(a, col)}  {b}".rstrip() if b else a)
    return lines


def _rich_text(elements: Iterable[Any], look: Look) -> str:
    parts: list[str] = []
    for el in elements:
        kind = el.get("type")
        if kind in ("rich_text_section", "rich_text_preformatted", "rich_text_quote"):
            parts.append(_rich_text(el.get("elements") or [], look))
            parts.append("\n")
        elif kind == "rich_text_list":
            for item in el.get("elements") or []:
                parts.append("• " + _rich_text(item.get("elements") or [], look) + "\n")
        else:
            parts.append(_rich_leaf(el, look))
    return "".join(parts).rstrip("\n")


def _rich_leaf(el: Mapping[str, Any], look: Look) -> str:
    """One element inside a rich-text section; an unknown kind shows as nothing."""
    kind = el.get("type")
    if kind == "text":
        text = clean(str(el.get("text", "")))
        for style in ("bold", "italic", "strike", "code"):
            if (el.get("style") or {}).get(style):
                text = look.style(style, text)
        return text
    if kind == "link":
        url = str(el.get("url", ""))
        label = el.get("text")
        return clean(f"{label} ({url})" if label else url)
    if kind == "user":
        return look.names.user(str(el.get("user_id", "")))
    if kind == "usergroup":
        return look.names.group(str(el.get("usergroup_id", "")))
    if kind == "channel":
        return look.names.channel(str(el.get("channel_id", "")))
    if kind == "emoji":
        return emoji(str(el.get("name", "")))
    if kind == "broadcast":
        return "@" + str(el.get("range", ""))
    return ""


def block(b: Mapping[str, Any], look: Look = PLAIN) -> list[str]:
    """One Block Kit block as lines of text."""
    kind = b.get("type")
    if kind == "header":
        title = text_object(b.get("text"), look)
        return [look.style("bold", title), underline(title, look)]
    if kind == "divider":
        return ["─" * look.width]
    if kind == "section":
        lines = wrap(text_object(b.get("text"), look), look.width) if b.get("text") else []
        fields = [text_object(f, look) for f in b.get("fields") or []]
        if fields:
            lines += _columns(fields, look)
        if b.get("accessory"):
            lines.append(element(b["accessory"], look))
        return lines
    if kind == "context":
        parts = [
            text_object(e, look)
            if e.get("type") in ("mrkdwn", "plain_text")
            else f"[{clean(str(e.get('alt_text', t(look.lang, 'console.render.image'))))}]"
            for e in b.get("elements") or []
        ]
        return wrap(look.style("dim", "  ".join(parts)), look.width)
    if kind == "actions":
        return wrap(" ".join(element(e, look) for e in b.get("elements") or []), look.width)
    if kind == "input":
        return _input(b, look)
    if kind == "image":
        alt = clean(str(b.get("alt_text", "")))
        # A picture uploaded to Slack (slack_file): the console saved it, and says where.
        saved = look.names.files.get(str((b.get("slack_file") or {}).get("id", "")))
        if saved:
            return wrap(t(look.lang, "console.render.image_file", alt=alt, path=saved), look.width)
        return [t(look.lang, "console.render.image_alt", alt=alt)]
    if kind == "rich_text":
        return wrap(_rich_text(b.get("elements") or [], look), look.width)
    return [f"[{kind}]"]


def blocks(items: Iterable[Mapping[str, Any]], look: Look = PLAIN) -> str:
    return "\n".join(line for b in items for line in block(b, look))


def message(
    text: str | None,
    items: Sequence[Mapping[str, Any]] | None = None,
    look: Look = PLAIN,
) -> str:
    """A message as a Slack client shows it: the blocks if any, else the text."""
    if items:
        return blocks(items, look)
    return "\n".join(wrap(mrkdwn(text or "", look), look.width))


def view(v: Mapping[str, Any], look: Look = PLAIN) -> str:
    """A modal or a Home tab: its title, its blocks (inputs with their choices) and its
    buttons."""
    title = text_object(v.get("title"), look)
    body = blocks(v.get("blocks") or [], look)
    buttons = " ".join(
        f"[{text_object(v[key], look)}]" for key in ("submit", "close") if v.get(key)
    )
    # A Home tab has no title: its header block heads it.
    parts = [look.style("bold", title), underline(title, look)] if title else []
    parts.append(body)
    if buttons:
        parts.append(buttons)
    return "\n".join(p for p in parts if p)


def email(*, sender: str, to: str, subject: str, body: str, look: Look = PLAIN) -> str:
    """An e-mail as plain text: a few headers and the body (e-mail is not mrkdwn)."""
    lang = look.lang
    headers = [
        (t(lang, "console.mail.from"), clean(sender)),
        (t(lang, "console.mail.to"), clean(to)),
        (t(lang, "console.mail.subject"), clean(" ".join(subject.split()))),
    ]
    # The values line up after the longest header, whatever the language calls them.
    cells = max(width(name) for name, _ in headers)
    head = [f"{look.style('bold', pad(name, cells))} {value}" for name, value in headers]
    return "\n".join([*head, "", *wrap(clean(body).rstrip("\n"), look.width)])
