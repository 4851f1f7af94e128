"""/sla replies: a ticket's two clocks, and a line's tickets at risk."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from bot.blocks.replies import reply
from bot.blocks.text import mention, tr, when
from bot.i18n import t, word
from bot.i18n.sla import CALENDAR_KEYS, CLOCK_KEYS, STATE_KEYS
from bot.policy import Policy
from bot.sla.report import Risk
from bot.sla.rules import ClockKind, ClockStatus
from bot.tickets.blocks import vocabulary as voc
from bot.tickets.views import TicketView


def duration(d: timedelta, lang: str) -> str:
    minutes = (
        int(d.total_seconds() // 60) if d >= timedelta(0) else -int((-d).total_seconds() // 60)
    )
    sign = "-" if minutes < 0 else ""
    h, m = divmod(abs(minutes), 60)
    return t(lang, "duration", sign=sign, h=h, m=m)


def _deadline(s: ClockStatus, lang: str) -> str:
    return when(s.deadline) if s.deadline else t(lang, "sla.no_deadline")


def detail(
    v: TicketView, statuses: dict[ClockKind, ClockStatus], calendar: str, policy: Policy, lang: str
) -> dict[str, Any]:
    lines = [
        tr(
            lang,
            "sla.header",
            number=v.number,
            tier=voc.tier_label(v.sla_tier, lang),
            priority=voc.priority_label(policy, v.priority, lang),
        )
    ]
    for kind in (ClockKind.RESPONSE, ClockKind.RESOLUTION):
        s = statuses[kind]
        lines.append(
            t(
                lang,
                "sla.detail",
                clock=word(lang, CLOCK_KEYS, kind.value),
                target=duration(s.target, lang),
                calendar=word(lang, CALENDAR_KEYS, calendar),
                deadline=_deadline(s, lang),
                state=word(lang, STATE_KEYS, s.state.value),
                elapsed=duration(s.elapsed, lang),
                remaining=duration(s.remaining, lang),
                paused=duration(s.paused_for, lang),
            )
        )
    return reply("\n".join(lines))


def risks(rows: Sequence[Risk], lines_text: str, policy: Policy, lang: str) -> dict[str, Any]:
    if not rows:
        return reply(t(lang, "sla.risk_none", lines=lines_text))
    out = [t(lang, "sla.risk_header", lines=lines_text)]
    for r in rows[:40]:
        out.append(
            tr(
                lang,
                "sla.risk_row",
                number=r.ticket.number,
                priority=voc.priority_label(policy, r.ticket.priority, lang),
                customer=r.ticket.customer_code,
                clock=word(lang, CLOCK_KEYS, r.status.kind.value),
                percent=int(r.status.fraction * 100),
                deadline=_deadline(r.status, lang),
                state=word(lang, STATE_KEYS, r.status.state.value),
                assignee=mention(r.ticket.assignee, lang),
            )
        )
    return reply("\n".join(out))
