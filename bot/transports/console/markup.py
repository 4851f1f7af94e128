"""Slack mrkdwn as a person reads it in a terminal, and lines that fit the terminal.

Entities are undone, mentions become names, emoji become symbols, and `*bold*`, `_italic_`,
`~strike~` and `` `code` `` become terminal styles (ANSI) on a terminal, or plain words in a
pipe or a file. What Balie escaped stays inert: `&lt;!channel&gt;` is shown as `<!channel>`,
never as a mention. Widths are measured in terminal cells (wcwidth), so an emoji or an ANSI
sequence never throws a column or a line out of line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import wcwidth

WIDTH = 100
INDENT = "  "

# C0 and C1 control characters except newline; ESC (\x1b) starts terminal escape sequences.
# The private-use area is where mrkdwn() keeps its placeholders, so typed text cannot forge one.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ue000-\uf8ff]")
# Glue: the spaces of a command example, so a line is never wrapped inside one.
GLUE = "\u00a0"
_ATOM_BASE = 0xE000
_ATOM_ROOM = 0xF8FF - _ATOM_BASE + 1
_ATOM = re.compile(r"[\ue000-\uf8ff]")
_TOKEN = re.compile(r"<([^<>\n]*)>")
_CODE = re.compile(r"`([^`\n]+)`")
_SPECIAL = {"here": "@here", "channel": "@channel", "everyone": "@everyone"}
# Not after a word character, so times (08:30-17:30) and codes (ERR:disk:full) stay as they are.
_EMOJI = re.compile(r"(?<![\w:]):([a-z0-9][a-z0-9_+'-]*):(?![\w:])")
# At word edges: not between letters or digits (so snake_case stays), nor doubled.
_EMPHASIS = {
    d: re.compile(rf"(?<![^\W_]|{e}){e}([^\s{e}](?:[^\n]*?[^\s{e}])?){e}(?![^\W_]|{e})")
    for d, e in (("bold", r"\*"), ("italic", "_"), ("strike", "~"))
}

# The emoji Balie uses (grep bot/ for :name:), and a few that Slack users type often. Anything
# else loses its colons: `:vinkje:` reads as `vinkje`.
EMOJI = {
    "red_circle": "🔴",
    "large_orange_circle": "🟠",
    "large_yellow_circle": "🟡",
    "large_green_circle": "🟢",
    "white_circle": "⚪",
    "white_check_mark": "✅",
    "heavy_check_mark": "✔️",
    "heavy_minus_sign": "➖",
    "x": "❌",
    "warning": "⚠️",
    "rotating_light": "🚨",
    "hourglass": "⌛",
    "hourglass_flowing_sand": "⏳",
    "grey_question": "❔",
    "question": "❓",
    "double_vertical_bar": "⏸️",
    "arrow_right": "➡️",
    "information_source": "ℹ️",
    "bell": "🔔",
    # The waakdienst's entitlement: charged work, and the desk's handovers.
    "moneybag": "💰",
    "crescent_moon": "🌙",
    "sunrise": "🌅",
    # The summaries, the ledger and the export.
    "bar_chart": "📊",
    "stopwatch": "⏱️",
    "page_facing_up": "📄",
    "wastebasket": "🗑️",
    "+1": "👍",
    "thumbsup": "👍",
}

# SGR sequences: each style switches off on its own, so styles nest (bold inside italic).
SGR = {
    "bold": ("\x1b[1m", "\x1b[22m"),
    "italic": ("\x1b[3m", "\x1b[23m"),
    "strike": ("\x1b[9m", "\x1b[29m"),
    "code": ("\x1b[36m", "\x1b[39m"),
    "dim": ("\x1b[2m", "\x1b[22m"),
    "heading": ("\x1b[1;34m", "\x1b[22;39m"),
}


@dataclass(frozen=True)
class Names:
    """Display names for Slack ids: persona names for users, channel names without '#', the
    line user groups of the policy, and for a file id where the console saved the file."""

    users: Mapping[str, str] = field(default_factory=dict)
    channels: Mapping[str, str] = field(default_factory=dict)
    groups: Mapping[str, str] = field(default_factory=dict)
    files: Mapping[str, str] = field(default_factory=dict)

    def user(self, user_id: str, label: str = "") -> str:
        return "@" + (self.users.get(user_id) or label.lstrip("@") or user_id)

    def channel(self, channel_id: str, label: str = "") -> str:
        return "#" + (self.channels.get(channel_id) or label or channel_id).lstrip("#")

    def group(self, group_id: str, label: str = "") -> str:
        return "@" + (self.groups.get(group_id) or label.lstrip("@") or group_id)


NO_NAMES = Names()


@dataclass(frozen=True)
class Look:
    """How text is shown: the names, the width, the language of the renderer's own words,
    and whether the terminal takes ANSI styles."""

    names: Names = NO_NAMES
    width: int = WIDTH
    lang: str = "nl"
    ansi: bool = False

    def on(self, kind: str) -> str:
        return SGR[kind][0] if self.ansi else ""

    def off(self, kind: str) -> str:
        return SGR[kind][1] if self.ansi else ""

    def style(self, kind: str, text: str) -> str:
        return self.on(kind) + text + self.off(kind) if text else text

    def narrower(self, width: int) -> Look:
        return replace(self, width=width)


PLAIN = Look()


def clean(text: str) -> str:
    """Terminal-safe text: tabs become spaces, other control characters disappear."""
    text = text.replace("\r\n", "\n").replace("\t", "    ").replace(GLUE, " ")
    return _CONTROL.sub("", text)


def escape(text: str) -> str:
    """Typed text as Slack would carry it, so mrkdwn() shows it literally."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """Slack's three entities; `&amp;` last, so `&amp;lt;` stays `&lt;` as Slack shows it."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def emoji(name: str, *, fallback: bool = True) -> str:
    return EMOJI.get(name) or (name if fallback else f":{name}:")


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
            return names.group(word.removeprefix("subteam^"), label)
        # <!date^…|fallback> and friends: the fallback is what old clients show.
        return label or word
    if target.startswith("mailto:"):
        return label or target.removeprefix("mailto:")
    if label and label != target:
        return f"{label} ({target})"
    return target


def _emphasis(text: str, look: Look) -> str:
    """*bold*, _italic_ and ~strike~ where Slack sees them: at word edges, within one line."""
    spans: list[tuple[int, int, str]] = []
    for kind, pattern in _EMPHASIS.items():
        for m in pattern.finditer(text):
            s, e = m.start(), m.end() - 1
            # Spans of different kinds may nest but never cross.
            if all(e2 < s or s2 > e or s2 < s < e < e2 or s < s2 < e2 < e for s2, e2, _ in spans):
                spans.append((s, e, kind))
    if not spans:
        return text
    marks = {s: look.on(kind) for s, _, kind in spans} | {e: look.off(kind) for _, e, kind in spans}
    return "".join(marks.get(i, ch) for i, ch in enumerate(text))


def mrkdwn(text: str, look: Look = PLAIN) -> str:
    """Slack mrkdwn as a Slack client shows it, styled for the terminal."""
    atoms: list[str] = []

    def atom(shown: str) -> str:
        if len(atoms) >= _ATOM_ROOM:  # more tokens than placeholders: shown, not protected
            return shown
        atoms.append(shown)
        return chr(_ATOM_BASE + len(atoms) - 1)

    def code(m: re.Match[str]) -> str:
        inner = unescape(_TOKEN.sub(lambda t: _token(t.group(1), look.names), m.group(1)))
        return atom(look.style("code", inner.replace(" ", GLUE)))

    text = _CODE.sub(code, clean(text))
    # Tokens before entities: an escaped `&lt;!channel&gt;` never becomes a token.
    text = _TOKEN.sub(lambda m: atom(_token(m.group(1), look.names)), text)
    text = _EMOJI.sub(lambda m: atom(emoji(m.group(1))), text)
    text = _emphasis(unescape(text), look)
    return _ATOM.sub(lambda m: atoms[ord(m.group()) - _ATOM_BASE], text)


def plain_text(text: str) -> str:
    """A plain_text object: shown as it is, but for the emoji Slack draws in it."""
    return _EMOJI.sub(lambda m: emoji(m.group(1), fallback=False), clean(text))


# --- layout ----------------------------------------------------------------------------------


def width(text: str) -> int:
    """Terminal cells: an emoji takes two, an ANSI sequence none."""
    return wcwidth.width(text)


def pad(text: str, cells: int) -> str:
    return wcwidth.ljust(text, cells)


def wrap(text: str, cells: int = WIDTH, *, whole_examples: bool = False) -> list[str]:
    """Each line of `text` wrapped between words to `cells`, keeping its own line breaks and
    leading indentation; a bullet's continuation lines line up under its text. A line breaks
    after a `·` separator, never before one, and never inside a command example (`code`) that
    fits on a line. One that does not fit breaks between its words, and its line continues
    further in, so it still reads as one command; with `whole_examples` (the console's own
    examples, there to be copied) it stays whole and the terminal folds it, so that copying
    it still gives one line."""
    lines: list[str] = []
    for line in text.split("\n"):
        if width(line) <= cells:
            lines.append(line.rstrip().replace(GLUE, " "))
            continue
        body = line.lstrip(" ")
        lead = line[: len(line) - len(body)]
        hang = lead + "  " if body.startswith(("• ", "- ")) else lead
        body = body.replace(" · ", GLUE + "· ")
        room = max(cells, len(hang) + 10)
        chunks = body.split(" ")
        too_long = {i for i, c in enumerate(chunks) if GLUE in c and width(c) > room - len(hang)}
        if too_long and not whole_examples:
            # Only the examples that cannot fit break; the others on the line stay whole.
            chunks = [c.replace(GLUE, " ") if i in too_long else c for i, c in enumerate(chunks)]
            body, hang = " ".join(chunks), hang + "    "
        wrapped = wcwidth.wrap(
            body,
            width=room,
            initial_indent=lead,
            subsequent_indent=hang,
            break_long_words=False,
            break_on_hyphens=False,
        )
        lines += [w.rstrip().replace(GLUE, " ") for w in wrapped] or [""]
    return lines


def indent(text: str, prefix: str = INDENT) -> str:
    return "\n".join(prefix + line if line else "" for line in text.split("\n"))
