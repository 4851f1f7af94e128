"""The page as the engineer reads it: the ticket's essentials and Accepteren, Escaleren,
Oplossen; the team leads' call; the stall reminder; and each of them once the page is over."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.blocks.ids import ActionId, BlockId
from bot.blocks.text import (
    BUTTON_TEXT,
    CONTEXT_TEXT,
    FIELD_TEXT,
    HEADER_TEXT,
    MESSAGE_TEXT,
    SECTION_TEXT,
    Raw,
    clip,
    esc,
    fit,
    mention,
    tr,
    when,
)
from bot.i18n import t
from bot.i18n.paging import SETTLED_KEYS
from bot.oncall.rules.chain import Step, Target
from bot.policy import Policy
from bot.tickets.blocks import vocabulary as voc
from bot.tickets.blocks.card import sla_lines
from bot.tickets.views import TicketView

Rendered = tuple[str, list[dict[str, Any]]]


def fallback(v: TicketView, policy: Policy, lang: str) -> str:
    return fit(
        tr(
            lang,
            "page.dm.fallback",
            number=v.number,
            customer=v.customer_name,
            priority=voc.priority_label(policy, v.priority, lang),
            subject=v.subject,
        ),
        MESSAGE_TEXT,
    )


def _field(lang: str, key: str, value: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=fit(f"*{t(lang, key)}*\n{value}", FIELD_TEXT))


def _essentials(v: TicketView, policy: Policy, lang: str) -> list[Block]:
    """Number, customer, priority and why, contact with phone, description, SLA deadlines."""
    reason = voc.priority_reason(
        policy, impact=v.impact, urgency=v.urgency, priority=v.priority, lang=lang
    )
    phone = f" · {esc(v.contact_phone)}" if v.contact_phone else ""
    contact = f"{esc(v.contact_name)} ({voc.role_label(v.contact_role, lang)})\n"
    fields = [
        _field(lang, "card.customer", f"{esc(v.customer_name)} ({esc(v.customer_code)})"),
        _field(lang, "card.contact", f"{contact}{esc(v.contact_email)}{phone}"),
        _field(lang, "card.priority", f"*{esc(v.priority)}*\n_{esc(reason)}_"),
        _field(lang, "card.sla", sla_lines(v, lang)),
    ]
    header = tr(lang, "page.dm.header", number=v.number, priority=v.priority)
    out: list[Block] = [
        HeaderBlock(text=PlainTextObject(text=fit(header, HEADER_TEXT), emoji=True)),
        SectionBlock(text=MarkdownTextObject(text=f"*{clip(v.subject, SECTION_TEXT - 2)}*")),
        SectionBlock(fields=fields),
    ]
    if v.description:
        head = f"*{t(lang, 'card.description')}*\n"
        body = clip(v.description, SECTION_TEXT - len(head))
        out.append(SectionBlock(text=MarkdownTextObject(text=head + body)))
    return out


def _button(action: ActionId, key: str, number: str, lang: str, style: str | None = None) -> Any:
    text = fit(t(lang, key), BUTTON_TEXT)
    return ButtonElement(text=text, action_id=action.value, value=number, style=style)


def _actions(number: str, lang: str, escalate: bool = True) -> ActionsBlock:
    elements = [_button(ActionId.PAGE_ACK, "page.button.ack", number, lang, "primary")]
    if escalate:
        elements.append(_button(ActionId.PAGE_ESCALATE, "page.button.escalate", number, lang))
    elements.append(_button(ActionId.PAGE_RESOLVE, "page.button.resolve", number, lang))
    return ActionsBlock(block_id=BlockId.PAGE_ACTIONS.value, elements=elements)


def _context(text: str) -> ContextBlock:
    return ContextBlock(elements=[MarkdownTextObject(text=fit(text, CONTEXT_TEXT))])


def _step_line(step: Step, pages: int, lang: str) -> str:
    if step.target is Target.BACKUP:
        return t(lang, "page.dm.backup")
    return t(lang, "page.dm.primary", attempt=step.attempt, pages=pages)


def page(v: TicketView, step: Step, pages: int, policy: Policy, lang: str) -> Rendered:
    """The DM to the engineer on call (or the backup)."""
    blocks = [
        *_essentials(v, policy, lang),
        _context(_step_line(step, pages, lang)),
        _actions(v.number, lang),
    ]
    return fallback(v, policy, lang), [b.to_dict() for b in blocks]


def leads_mentions(policy: Policy) -> Raw:
    """The team leads, by user and user group, so Slack notifies each of them."""
    roles = policy.roles.team_leads
    who = [f"<@{u}>" for u in roles.users] + [f"<!subteam^{g}>" for g in roles.usergroups]
    return Raw(" ".join(who) + " " if who else "")


def leads(v: TicketView, policy: Policy, lang: str) -> Rendered:
    """The last step, in the team leads' channel."""
    text = tr(
        lang,
        "page.dm.leads",
        who=leads_mentions(policy),
        number=v.number,
        customer=v.customer_name,
        priority=voc.priority_label(policy, v.priority, lang),
        subject=v.subject,
    )
    section = SectionBlock(text=MarkdownTextObject(text=fit(text, SECTION_TEXT)))
    blocks = [section, *_essentials(v, policy, lang)[2:], _actions(v.number, lang, False)]
    return fit(text, MESSAGE_TEXT), [b.to_dict() for b in blocks]


def reminder(v: TicketView, since: datetime, deadline: datetime, lang: str) -> Rendered:
    text = tr(lang, "page.dm.reminder", number=v.number, since=when(since), deadline=when(deadline))
    section = SectionBlock(text=MarkdownTextObject(text=fit(text, SECTION_TEXT)))
    blocks = [section, _actions(v.number, lang, False)]
    return fit(text, MESSAGE_TEXT), [b.to_dict() for b in blocks]


def settled(
    v: TicketView,
    outcome: str,
    who: str | None,
    at: datetime,
    policy: Policy,
    lang: str,
    why: str | None = None,
) -> Rendered:
    """A page message once the page is over: no buttons, and what became of it."""
    if outcome == "ack":
        line = tr(lang, "page.dm.settled_ack", who=mention(who, lang), at=when(at))
    elif outcome == "moved":
        line = tr(lang, "page.dm.settled_moved", at=when(at))
    else:
        # Why it ended (PageChain.ended_why); a resolve or close has the general line.
        line = t(lang, SETTLED_KEYS.get(why or "", "page.dm.settled_ended"))
    blocks: Sequence[Block] = [*_essentials(v, policy, lang), _context(line)]
    return fit(line, MESSAGE_TEXT), [b.to_dict() for b in blocks]
