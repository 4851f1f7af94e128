"""SLA warnings and breaches: in the ticket's thread, in the line's channel, and for team leads.

A sweep that finds thresholds that passed while Balie was not running says so in one
consolidated message per channel instead of one message per ticket. The team leads' channel
reads along and is never pinged: the line's channel calls the assignee or the line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.blocks.text import MESSAGE_TEXT, Raw, fit, mention, tr, when
from bot.i18n import t, word
from bot.i18n.sla import CLOCK_KEYS
from bot.policy import Policy
from bot.sla.rules import BREACH
from bot.tickets.blocks import vocabulary as voc
from bot.tickets.views import TicketView


@dataclass(frozen=True)
class Alert:
    ticket: TicketView
    clock: str  # response | resolution
    percent: int
    deadline: datetime | None


def _deadline(deadline: datetime | None, lang: str) -> str:
    return when(deadline) if deadline else t(lang, "sla.no_deadline")


def who(policy: Policy, v: TicketView, lang: str) -> Raw:
    """The assignee, or the line's user group when nobody has taken the ticket."""
    if v.assignee:
        return Raw(mention(v.assignee, lang) + " ")
    group = policy.line(v.line).usergroup
    return Raw(f"<!subteam^{group}> ") if group else Raw("")


def thread_text(a: Alert, lang: str) -> str:
    key = "sla.thread_breach" if a.percent >= BREACH else "sla.thread_warn"
    text = tr(
        lang,
        key,
        percent=a.percent,
        clock=word(lang, CLOCK_KEYS, a.clock),
        deadline=_deadline(a.deadline, lang),
    )
    return fit(text, MESSAGE_TEXT)


def channel_text(a: Alert, policy: Policy, lang: str, *, mention_people: bool = True) -> str:
    v = a.ticket
    text = tr(
        lang,
        "sla.breach" if a.percent >= BREACH else "sla.warn",
        who=who(policy, v, lang) if mention_people else Raw(""),
        number=v.number,
        customer=v.customer_name,
        priority=voc.priority_label(policy, v.priority, lang),
        percent=a.percent,
        clock=word(lang, CLOCK_KEYS, a.clock),
        deadline=_deadline(a.deadline, lang),
    )
    return fit(text, MESSAGE_TEXT)


def catch_up(
    alerts: Sequence[Alert], policy: Policy, lang: str, *, mention_people: bool = True
) -> str:
    rows = [
        tr(
            lang,
            "sla.catchup_row",
            number=a.ticket.number,
            customer=a.ticket.customer_name,
            priority=voc.priority_label(policy, a.ticket.priority, lang),
            clock=word(lang, CLOCK_KEYS, a.clock),
            percent=a.percent,
            deadline=_deadline(a.deadline, lang),
            who=who(policy, a.ticket, lang) if mention_people else Raw(""),
        ).rstrip()
        for a in alerts
    ]
    # One message per channel, however many thresholds passed while Balie was down.
    return fit("\n".join([t(lang, "sla.catchup"), *rows]), MESSAGE_TEXT)
