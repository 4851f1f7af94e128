"""The notice to whoever works a ticket of a customer who is not entitled to the waakdienst,
and the desk's handover messages (to the team leads, and back to each line)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from slack_sdk.models.blocks import ActionsBlock, ButtonElement, MarkdownTextObject, SectionBlock

from bot.blocks.ids import ActionId
from bot.blocks.text import BUTTON_TEXT, MESSAGE_TEXT, SECTION_TEXT, Raw, fit, mention, tr, trn
from bot.blocks.text import when as shown
from bot.directory.words import tier_label
from bot.i18n import t, word
from bot.i18n.paging import CHARGEABLE_REASON_KEYS
from bot.policy import Policy
from bot.tickets.blocks import vocabulary as voc
from bot.tickets.rules.lifecycle import Status
from bot.tickets.views import TicketView


def notice(v: TicketView, policy: Policy, lang: str, *, button: bool) -> tuple[str, list[Any]]:
    """The fallback text and the blocks of the notice; the button only while it can page."""
    text = tr(
        lang,
        "entitlement.notice",
        number=v.number,
        priority=voc.priority_label(policy, v.priority, lang),
        customer=v.customer_name,
        tier=tier_label(v.sla_tier, lang),
    )
    blocks: list[Any] = [SectionBlock(text=MarkdownTextObject(text=fit(text, SECTION_TEXT)))]
    if button:
        hint = tr(lang, "entitlement.notice_hint", number=v.number)
        blocks.append(SectionBlock(text=MarkdownTextObject(text=fit(hint, SECTION_TEXT))))
        page = ButtonElement(
            text=fit(t(lang, "entitlement.button.page"), BUTTON_TEXT),
            action_id=ActionId.PAGE_ANYWAY.value,
            value=v.number,
            style="danger",
        )
        blocks.append(ActionsBlock(elements=[page]))
    return fit(text, MESSAGE_TEXT), [b.to_dict() for b in blocks]


def _row(v: TicketView, policy: Policy, lang: str) -> str:
    return tr(
        lang,
        "entitlement.handover.row",
        number=v.number,
        customer=v.customer_name,
        priority=voc.priority_label(policy, v.priority, lang),
        line=voc.line_label(policy, v.line, lang),
        subject=v.subject,
        status=voc.status_label(v.status, lang),
    )


def handover(views: Sequence[TicketView], at: datetime, policy: Policy, lang: str) -> str:
    """The end of office hours, to the team leads: what the waakdienst takes over."""
    head = trn(lang, "entitlement.handover.header", len(views), at=shown(at))
    return fit("\n".join([head, *(_row(v, policy, lang) for v in views)]), MESSAGE_TEXT)


@dataclass(frozen=True)
class Overnight:
    """What happened to one ticket while the waakdienst had it."""

    ticket: TicketView
    handed_over_at: datetime | None = None
    registered_at: datetime | None = None
    reopened_at: datetime | None = None
    paged_at: datetime | None = None
    accepted_by: str | None = None
    chargeable: bool = False


def _what(o: Overnight, lang: str) -> str:
    parts = []
    if o.handed_over_at:
        parts.append(tr(lang, "entitlement.handback.handed_over", at=shown(o.handed_over_at)))
    if o.registered_at:
        parts.append(tr(lang, "entitlement.handback.registered", at=shown(o.registered_at)))
    if o.reopened_at:
        parts.append(tr(lang, "entitlement.handback.reopened", at=shown(o.reopened_at)))
    if o.paged_at:
        parts.append(tr(lang, "entitlement.handback.paged", at=shown(o.paged_at)))
    if o.accepted_by:
        who = mention(o.accepted_by, lang)
        parts.append(tr(lang, "entitlement.handback.accepted", who=Raw(who)))
    if o.chargeable:
        parts.append(t(lang, "entitlement.handback.chargeable"))
    status = o.ticket.status
    if status == Status.RESOLVED:
        parts.append(t(lang, "entitlement.handback.resolved"))
    elif status == Status.CLOSED:
        parts.append(t(lang, "entitlement.handback.closed"))
    else:
        label = voc.status_label(status, lang)
        parts.append(tr(lang, "entitlement.handback.still_open", status=label))
    return ", ".join(parts)


def handback(
    line: int, since: datetime, overnight: Sequence[Overnight], policy: Policy, lang: str
) -> str:
    """Back in office hours, to one line: what the waakdienst did with its tickets."""
    head = trn(
        lang,
        "entitlement.handback.header",
        len(overnight),
        line=voc.line_label(policy, line, lang),
        since=shown(since),
    )
    rows = [
        tr(
            lang,
            "entitlement.handback.row",
            number=o.ticket.number,
            customer=o.ticket.customer_name,
            priority=voc.priority_label(policy, o.ticket.priority, lang),
            subject=o.ticket.subject,
            what=Raw(_what(o, lang)),
        )
        for o in overnight
    ]
    return fit("\n".join([head, *rows]), MESSAGE_TEXT)


def duration(minutes: int, lang: str) -> str:
    """`1 uur 30 minuten`, `45 minuten`, `2 uur`."""
    hours, rest = divmod(minutes, 60)
    parts = [trn(lang, "entitlement.hours", hours)] if hours else []
    if rest or not hours:
        parts.append(trn(lang, "entitlement.minutes", rest))
    return " ".join(parts)


def time_recorded(
    v: TicketView, reason: str, minutes: int, start: datetime, end: datetime, lang: str
) -> str:
    return tr(
        lang,
        "entitlement.time_recorded",
        time=duration(minutes, lang),
        number=v.number,
        reason=word(lang, CHARGEABLE_REASON_KEYS, reason),
        start=shown(start),
        end=shown(end),
    )
