"""Replies about tickets: the confirmation of a registration, a ticket's details, lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import ContextBlock, MarkdownTextObject

from bot.blocks.replies import md, reply, sections
from bot.blocks.text import (
    CONTEXT_TEXT,
    SECTION_TEXT,
    Raw,
    clip,
    esc,
    fit,
    mention,
    tr,
    trn,
    when,
)
from bot.policy import Policy
from bot.tickets.blocks import thread
from bot.tickets.blocks import vocabulary as voc
from bot.tickets.blocks.card import questions_charged_line, time_line
from bot.tickets.views import EventView, TicketView


def registered(v: TicketView, policy: Policy, lang: str) -> str:
    """The confirmation after registering, by command or modal."""
    key = "ok.registered_incomplete" if v.status == "waiting_info" else "ok.registered"
    text = tr(
        lang,
        key,
        number=v.number,
        customer=v.customer_name,
        priority=voc.priority_label(policy, v.priority, lang),
        line=voc.line_label(policy, v.line, lang),
        contact=v.contact_name,
    )
    # Rule 3: the agent hears at once that this customer's questions are charged.
    charged = questions_charged_line(v, lang)
    return text if charged is None else f"{text}\n{charged}"


def ticket_detail(
    v: TicketView, events: Sequence[EventView], policy: Policy, lang: str
) -> dict[str, Any]:
    reason = voc.priority_reason(
        policy, impact=v.impact, urgency=v.urgency, priority=v.priority, lang=lang
    )
    head = (
        f"*{v.number}* · *{esc(v.subject)}*\n"
        f"{esc(v.customer_name)} ({esc(v.customer_code)}, "
        f"SLA {voc.tier_label(v.sla_tier, lang)}) · "
        f"{esc(v.contact_name)} · {voc.via_label(v.via, lang)}\n"
        f"{esc(voc.type_label(policy, v.type, lang))} · {esc(reason)} · "
        f"{esc(voc.line_label(policy, v.line, lang))} · {voc.status_label(v.status, lang)} · "
        f"{mention(v.assignee, lang)}"
    )
    history = [f"`{when(e.at)}` {thread.event_text(e, v, policy, lang)}" for e in events[-15:]]
    blocks = [md(head), md(time_line(v, lang))]
    charged = questions_charged_line(v, lang)
    if charged is not None:
        blocks.append(md(charged))
    if v.description:
        blocks.append(md(clip(v.description, SECTION_TEXT)))
    blocks += sections(history)
    text = tr(
        lang,
        "card.fallback",
        number=v.number,
        priority=v.priority,
        customer=v.customer_name,
        subject=v.subject,
    )
    return reply(text, blocks)


def ticket_list(
    views: Sequence[TicketView], policy: Policy, lang: str, filter_text: str, limit: int
) -> dict[str, Any]:
    if not views:
        return reply(tr(lang, "list.empty", filter=filter_text))
    header = trn(lang, "list.header", len(views), filter=filter_text)
    rows = [
        tr(
            lang,
            "list.row",
            number=v.number,
            priority=v.priority,
            status=voc.status_label(v.status, lang),
            customer=v.customer_code,
            subject=Raw(clip(v.subject, 60)),
            assignee=mention(v.assignee, lang),
        )
        for v in views
    ]
    blocks = [md(header), *sections(rows)]
    if len(views) >= limit:
        more = fit(trn(lang, "list.more", limit), CONTEXT_TEXT)
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=more)]).to_dict())
    return reply(header, blocks)
