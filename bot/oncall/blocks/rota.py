"""The rota in Slack: the overview `/waakdienst` shows, the answers to its changes, and the
handover and gap notices (rendered at delivery). Times in Europe/Amsterdam wall time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.blocks.replies import reply, sections
from bot.blocks.text import Raw, mention, tr
from bot.i18n import t, word
from bot.oncall.rota import Overview
from bot.oncall.rules.rota import AMSTERDAM, Gap, Override, OverrideKind, Rotation, Turn, Which

Reply = dict[str, Any]

DAY_KEYS = (
    "rota.day.mon",
    "rota.day.tue",
    "rota.day.wed",
    "rota.day.thu",
    "rota.day.fri",
    "rota.day.sat",
    "rota.day.sun",
)
WEEKDAY_KEYS = (
    "rota.weekday.mon",
    "rota.weekday.tue",
    "rota.weekday.wed",
    "rota.weekday.thu",
    "rota.weekday.fri",
    "rota.weekday.sat",
    "rota.weekday.sun",
)
WHICH_KEYS = {Which.PRIMARY.value: "rota.which.primary", Which.BACKUP.value: "rota.which.backup"}


def when(at: datetime | None, lang: str, *, year: bool = False) -> str:
    """`ma 07-12 08:30` (with `year`: `ma 07-12-2026 08:30`)."""
    if at is None:
        return t(lang, "rota.open_end")
    local = at.astimezone(AMSTERDAM)
    stamp = local.strftime("%d-%m-%Y %H:%M" if year else "%d-%m %H:%M")
    return f"{t(lang, DAY_KEYS[local.weekday()])} {stamp}"


def which_label(which: Which, lang: str) -> str:
    return word(lang, WHICH_KEYS, which.value)


def _marked(turn: Turn, lang: str) -> str:
    """Who has it, with the override marked: overrides win, and the overview says so."""
    who = mention(turn.user, lang)
    if turn.override is None:
        return who
    key = "rota.mark.swap" if turn.kind is OverrideKind.SWAP else "rota.mark.take_over"
    if turn.scheduled is None or turn.scheduled == turn.user:
        key = "rota.mark.override"
    return tr(lang, key, who=who, instead=mention(turn.scheduled, lang))


def _turn_line(turn: Turn, lang: str) -> str:
    key = "rota.turn_line" if turn.user is not None else "rota.turn_line_nobody"
    return tr(
        lang,
        key,
        start=when(turn.start, lang),
        end=when(turn.end, lang),
        who=Raw(_marked(turn, lang)),
    )


def _now_line(o: Overview, lang: str) -> str:
    parts = []
    for which in Which:
        turn = o.now[which]
        who = Raw(_marked(turn, lang)) if turn else mention(None, lang)
        end = when(turn.end, lang) if turn else "-"
        key = "rota.now_part" if turn else "rota.now_part_nobody"
        parts.append(tr(lang, key, which=which_label(which, lang), who=who, end=end))
    return tr(lang, "rota.now", parts=Raw(" · ".join(parts)))


def _next_line(o: Overview, lang: str) -> str:
    parts = [
        tr(
            lang,
            "rota.next_part",
            which=which_label(which, lang),
            who=Raw(_marked(turn, lang)),
            start=when(turn.start, lang),
        )
        for which in Which
        if (turn := o.next[which]) is not None
    ]
    if not parts:
        return t(lang, "rota.next_nobody")
    return tr(lang, "rota.next", parts=Raw(" · ".join(parts)))


def overview(o: Overview, lang: str) -> Reply:
    lines = [t(lang, "rota.title"), _now_line(o, lang), _next_line(o, lang)]
    for which in Which:
        lines.append("")
        lines.append(tr(lang, "rota.coming", which=which_label(which, lang)))
        if o.rotations[which] is None and all(turn.user is None for turn in o.coming[which]):
            lines.append(t(lang, "rota.no_rotation"))
            continue
        lines.extend(_turn_line(turn, lang) for turn in o.coming[which])
    if o.gaps:
        lines.append("")
        lines.append(t(lang, "rota.gaps_title"))
        lines.extend(gap_line(g, lang) for g in o.gaps)
    return reply("\n".join(lines), sections(lines))


def gap_line(gap: Gap, lang: str) -> str:
    """A gap's stretch; the achterwacht's marked as such (the primary's is the waakdienst)."""
    if gap.start is None:
        line = tr(lang, "rota.gap_until", end=when(gap.end, lang, year=True))
    else:
        line = tr(
            lang,
            "rota.gap_line",
            start=when(gap.start, lang, year=True),
            end=when(gap.end, lang, year=True),
        )
    if gap.which is Which.PRIMARY:
        return line
    return tr(lang, "rota.gap_which", which=which_label(gap.which, lang), gap=Raw(line))


def gap_report(gaps: Sequence[Gap], lang: str) -> str:
    return "\n".join([t(lang, "rota.gap_report"), *(f"• {gap_line(g, lang)}" for g in gaps)])


def handover_dm(which: Which, start: datetime, end: datetime | None, lang: str) -> str:
    return tr(
        lang,
        "rota.handover_dm",
        which=which_label(which, lang),
        start=when(start, lang, year=True),
        end=when(end, lang, year=True),
    )


def handover_line(which: Which, user: str, start: datetime, end: datetime | None, lang: str) -> str:
    return tr(
        lang,
        "rota.handover_line",
        which=which_label(which, lang),
        who=mention(user, lang),
        start=when(start, lang, year=True),
        end=when(end, lang, year=True),
    )


def rotation_set(which: Which, r: Rotation, lang: str) -> Reply:
    members = Raw(" → ".join(mention(m, lang) for m in r.members))
    text = tr(
        lang,
        "rota.rotation_set",
        which=which_label(which, lang),
        members=members,
        days=r.every_days,
        weekday=t(lang, WEEKDAY_KEYS[r.weekday]),
        at=r.handover.strftime("%H:%M"),
        first=when(r.starts_at, lang, year=True),
    )
    return reply(text)


def taken_over(o: Override, lang: str) -> Reply:
    return reply(
        tr(
            lang,
            "rota.taken_over",
            who=mention(o.user, lang),
            which=which_label(o.which, lang),
            start=when(o.start, lang, year=True),
            end=when(o.end, lang, year=True),
            instead=mention(o.replaces, lang),
        )
    )


def swapped(a: Override, b: Override, lang: str) -> Reply:
    lines = [tr(lang, "rota.swapped", a=mention(b.user, lang), b=mention(a.user, lang))]
    for o in (a, b):
        lines.append(
            tr(
                lang,
                "rota.swapped_line",
                who=mention(o.user, lang),
                start=when(o.start, lang, year=True),
                end=when(o.end, lang, year=True),
            )
        )
    return reply("\n".join(lines))


def phone_set(user: str, phone: str, lang: str) -> Reply:
    return reply(tr(lang, "rota.phone_set", who=mention(user, lang), phone=phone))
