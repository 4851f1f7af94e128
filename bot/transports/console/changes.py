"""A message update shown as what changed, the way a person follows a ticket card.

Slack redraws a card in place; a transcript that reprinted all of it after every click would
bury the one line that changed. So the console keeps the last version it showed of each
message and shows an update as its changed fields: `KOR-000001 · Status: Nieuw → In
behandeling`. A field is a section field or section that starts with a bold label on its own
line (`*Status*\\nNieuw`), which is how Balie's cards are built; the rest of a message (header,
subject, context) is compared line by line. An update that shares no field with what was shown
before (a card that became a pointer to its new channel) is shown whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import zip_longest
from typing import Any

from bot.i18n import t
from bot.transports.console import render
from bot.transports.console.markup import Look, clean, mrkdwn, unescape, width, wrap

# An optional icon, then *Label* on its own line, then the value.
_LABELLED = re.compile(r"^([^\n*]*)\*([^*\n]+)\*\n(.*)$", re.S)
NOTHING = "–"


@dataclass(frozen=True)
class Entry:
    kind: str  # "field", "buttons" or "line"
    label: str  # the field's label as plain text; "" for other lines
    lines: tuple[str, ...]  # as shown


def _field(text: str, look: Look) -> Entry | None:
    m = _LABELLED.match(text)
    if m is None:
        return None
    label = unescape(clean(m.group(2))).strip()
    return Entry("field", label, tuple(mrkdwn(m.group(3), look).split("\n")))


def entries(items: Iterable[Mapping[str, Any]], look: Look) -> list[Entry]:
    """A message's blocks as the parts an update is compared by."""
    out: list[Entry] = []
    for b in items:
        kind = b.get("type")
        text = b.get("text") or {}
        if kind == "section" and (b.get("fields") or text.get("type") == "mrkdwn"):
            for obj in ([text] if text else []) + list(b.get("fields") or []):
                mine = obj.get("type") == "mrkdwn"
                entry = _field(str(obj.get("text", "")), look) if mine else None
                if entry is None:
                    rendered = render.text_object(obj, look).split("\n")
                    out += [Entry("line", "", (line,)) for line in rendered if line]
                else:
                    out.append(entry)
        elif kind == "actions":
            # Glued, so the row still never wraps inside a button where it is shown.
            row = " ".join(render.element(e, look) for e in b.get("elements") or [])
            out.append(Entry("buttons", "", (row,)))
        elif kind != "divider":
            # Header, context and anything else: its lines, unwrapped, so width never differs.
            shown = render.block(b, look.narrower(10_000))
            if kind == "header":
                shown = shown[:1]
            out += [Entry("line", "", (line,)) for line in shown if line]
    return out


def _words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _was(old: str, new: str) -> str | None:
    """The old words of a value whose change is one stretch of words, such as a clock that
    went from `loopt` to `gehaald`: `✅ reactietermijn: 01-12-2026 10:14 · gehaald (was: loopt)`.
    A new or lost symbol (an emoji) does not count as a change of its own."""
    a, b = old.split(), new.split()
    stretches = [
        (i1, i2)
        for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        if op != "equal" and (_words(" ".join(a[i1:i2])) or _words(" ".join(b[j1:j2])))
    ]
    if len(stretches) != 1:
        return None
    i1, i2 = stretches[0]
    lost = " ".join(a[i1:i2])
    # Only where most of the value stayed: otherwise `old → new` says it better.
    return lost if _words(lost) and len(a) - (i2 - i1) >= (i2 - i1) else None


def _pair(old: str | None, new: str | None, lang: str) -> str:
    if old is not None and new is not None:
        was = _was(old, new)
        if was is None and ("→" in old or "→" in new):
            # The value has an arrow of its own (impact × urgency → P2): no second arrow.
            was = old
        if was is not None:
            return t(lang, "console.change.was", new=new, old=was)
    return f"{NOTHING if old is None else old} → {NOTHING if new is None else new}"


def _same_start(old: str, new: str) -> tuple[str, str]:
    """`KOR-000001 · P2` and `KOR-000001 · P1` differ in `P2` and `P1`: the parts of a line
    that both versions begin with are said once, by the ticket number in front."""
    a, b = old.split(" · "), new.split(" · ")
    same = 0
    while same < min(len(a), len(b)) - 1 and a[same] == b[same]:
        same += 1
    return " · ".join(a[same:]), " · ".join(b[same:])


def _lines_changed(
    old: Sequence[str], new: Sequence[str], lang: str, *, trim: bool = False
) -> list[str]:
    changed: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        for a, b in zip_longest(old[i1:i2], new[j1:j2]):
            if trim and a is not None and b is not None:
                changed.append(_pair(*_same_start(a, b), lang))
            else:
                changed.append(_pair(a, b, lang))
    return changed


def changes(old: Sequence[Entry], new: Sequence[Entry], look: Look) -> list[str] | None:
    """What changed between two versions, one line per change; None when the new version
    has nothing in common with the old one and is better shown whole."""
    before = {e.label: e for e in old if e.kind == "field"}
    after = {e.label: e for e in new if e.kind == "field"}
    if not before.keys() & after.keys():
        return None
    lang = look.lang
    out = _lines_changed(
        [e.lines[0] for e in old if e.kind == "line"],
        [e.lines[0] for e in new if e.kind == "line"],
        lang,
        trim=True,
    )
    for label, entry in after.items():
        was = before.get(label)
        if was is None:
            found = [_pair(None, " ".join(entry.lines), lang)]
        else:
            found = _lines_changed(was.lines, entry.lines, lang)
        out += [f"{look.style('bold', label)}: {line}" for line in found]
    out += [
        f"{look.style('bold', label)}: {_pair(' '.join(entry.lines), None, lang)}"
        for label, entry in before.items()
        if label not in after
    ]
    buttons = [e.lines for e in new if e.kind == "buttons"]
    if buttons != [e.lines for e in old if e.kind == "buttons"]:
        row = " ".join(line for lines in buttons for line in lines) or NOTHING
        out.append(f"{look.style('bold', t(lang, 'console.change.buttons'))}: {row}")
    return out


def show(ticket: str, lines: Sequence[str], look: Look) -> str:
    """The changes under the ticket's number, one under the other; a change that needs more
    than one line continues a little further in."""
    if not lines:
        return look.style("dim", t(look.lang, "console.change.none", ticket=ticket))
    head = f"{ticket} · " if ticket else ""
    hang = " " * width(head)
    out: list[str] = []
    for i, line in enumerate(lines):
        for j, part in enumerate(wrap(line, max(look.width - len(hang) - 2, 20))):
            out.append((head if i == 0 else hang) + part if j == 0 else hang + "  " + part)
    return "\n".join(out)
