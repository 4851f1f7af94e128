"""The ticket card: the message in the line's channel that every change updates in place."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    Option,
    PlainTextObject,
    SectionBlock,
    StaticSelectElement,
    UserSelectElement,
)

from bot.blocks.ids import ActionId, BlockId
from bot.blocks.text import (
    BUTTON_TEXT,
    CONTEXT_TEXT,
    FIELD_TEXT,
    HEADER_TEXT,
    MESSAGE_TEXT,
    PLACEHOLDER_TEXT,
    SECTION_TEXT,
    clip,
    duration,
    esc,
    fit,
    mention,
    tr,
    when,
)
from bot.i18n import t, word
from bot.i18n.sla import CLOCK_KEYS, STATE_KEYS
from bot.i18n.words import TERMS_KEYS
from bot.policy import Policy
from bot.tickets.blocks import vocabulary as voc
from bot.tickets.rules.lifecycle import OPEN, WAITING, CloseReason, Status
from bot.tickets.views import TicketView

_PRIORITY_ICON = {0: ":red_circle:", 1: ":large_orange_circle:", 2: ":large_yellow_circle:"}


def _icon(policy: Policy, priority: str) -> str:
    rank = policy.priority_order.index(priority) if priority in policy.priority_order else 9
    return _PRIORITY_ICON.get(rank, ":white_circle:")


def fallback(v: TicketView, policy: Policy, lang: str) -> str:
    text = tr(
        lang,
        "card.fallback",
        number=v.number,
        priority=voc.priority_label(policy, v.priority, lang),
        customer=v.customer_name,
        subject=v.subject,
    )
    return fit(text, MESSAGE_TEXT)


def _field(lang: str, key: str, value: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=fit(f"*{t(lang, key)}*\n{value}", FIELD_TEXT))


_STATE_ICON = {
    "running": "",
    "paused": ":double_vertical_bar: ",
    "met": ":white_check_mark: ",
    "breached": ":rotating_light: ",
    "cancelled": ":heavy_minus_sign: ",
}


def _close_unresolved(lang: str) -> StaticSelectElement:
    """Closing a ticket that was never resolved takes a reason; Slack asks to confirm first."""
    return StaticSelectElement(
        action_id=ActionId.CLOSE.value,
        placeholder=t(lang, "button.close_without_resolution"),
        options=[
            Option(value=r.value, text=voc.close_reason_label(r, lang).capitalize())
            for r in CloseReason
        ],
        confirm=ConfirmObject(
            title=t(lang, "card.close_confirm.title"),
            text=t(lang, "card.close_confirm.text"),
            confirm=t(lang, "button.close"),
            deny=t(lang, "modal.cancel"),
        ),
    )


def sla_lines(v: TicketView, lang: str) -> str:
    """Both clocks as stored on the ticket; the SLA monitor keeps them current."""
    lines = []
    for clock, due, state in (
        ("response", v.response_due_at, v.response_state),
        ("resolution", v.resolution_due_at, v.resolution_state),
    ):
        deadline = when(due) if due else t(lang, "sla.no_deadline")
        text = t(
            lang,
            "card.sla_clock",
            clock=word(lang, CLOCK_KEYS, clock),
            deadline=deadline,
            state=word(lang, STATE_KEYS, state),
        )
        lines.append(_STATE_ICON.get(state, "") + text)
    return "\n".join(lines)


def _titled(lang: str, icon: str, key: str, body: str) -> SectionBlock:
    head = f"{icon}*{t(lang, key)}*\n"
    return SectionBlock(text=MarkdownTextObject(text=head + clip(body, SECTION_TEXT - len(head))))


def _buttons(v: TicketView, lang: str) -> list[Any]:
    status = Status(v.status)

    def b(action: ActionId, key: str, style: str | None = None) -> ButtonElement:
        return ButtonElement(
            text=fit(t(lang, key), BUTTON_TEXT), action_id=action.value, value=v.number, style=style
        )

    # Time is written while the ticket is open and after it was resolved (more support after
    # a referral to a manual is exactly that: rule 2).
    time = b(ActionId.TIME, "billing.button.time")
    if status in OPEN:
        elements: list[Any] = []
        if v.assignee is None:
            elements.append(b(ActionId.TAKE, "button.take", "primary"))
        elements.append(
            UserSelectElement(
                action_id=ActionId.ASSIGN.value,
                placeholder=PlainTextObject(text=fit(t(lang, "button.assign"), PLACEHOLDER_TEXT)),
                initial_user=v.assignee,
            )
        )
        elements.append(b(ActionId.RECLASSIFY, "button.reclassify"))
        if v.line < 3:
            elements.append(b(ActionId.ESCALATE, "button.escalate"))
        if status in WAITING:
            elements.append(b(ActionId.RESUME, "button.resume", "primary"))
        if status is not Status.WAITING_CUSTOMER:
            elements.append(b(ActionId.WAIT, "button.wait"))
        elements.append(b(ActionId.RESOLVE, "button.resolve", "primary"))
        elements.append(b(ActionId.NOTE, "button.note"))
        elements.append(time)
        elements.append(_close_unresolved(lang))
        return elements
    elements = [b(ActionId.REOPEN, "button.reopen")]
    if status is Status.RESOLVED:
        elements.append(b(ActionId.CLOSE, "button.close"))
    elements.append(b(ActionId.NOTE, "button.note"))
    elements.append(time)
    return elements


def _night(v: TicketView, lang: str) -> ContextBlock:
    """Who has the ticket at night (the waakdienst's running page)."""
    n = v.night
    assert n is not None
    if n.acknowledged and n.at is not None:
        line = tr(lang, "page.card.holder", who=mention(n.who, lang), at=when(n.at))
    else:
        line = tr(lang, "page.card.paging", who=mention(n.who, lang))
    return ContextBlock(elements=[MarkdownTextObject(text=fit(line, CONTEXT_TEXT))])


def _context(text: str) -> ContextBlock:
    return ContextBlock(elements=[MarkdownTextObject(text=fit(text, CONTEXT_TEXT))])


def time_line(v: TicketView, lang: str) -> str:
    """The ticket's total time and what of it is charged (the ledger's totals)."""
    head = f":stopwatch: *{t(lang, 'billing.card.time')}*: "
    if not v.time_minutes:
        return head + t(lang, "billing.card.none")
    return head + tr(
        lang,
        "billing.card.totals",
        total=duration(v.time_minutes, lang),
        chargeable=duration(v.chargeable_minutes, lang),
    )


def questions_charged_line(v: TicketView, lang: str) -> str | None:
    """Rule 3, said on the card of a question registered while the customer's are charged."""
    if v.questions_charged_since is None:
        return None
    return tr(lang, "billing.card.questions_charged", since=when(v.questions_charged_since))


def blocks(v: TicketView, policy: Policy, lang: str) -> list[dict[str, Any]]:
    reason = voc.priority_reason(
        policy, impact=v.impact, urgency=v.urgency, priority=v.priority, lang=lang
    )
    contact = (
        f"{esc(v.contact_name)} ({voc.role_label(v.contact_role, lang)})\n"
        f"{esc(v.contact_email)}{' · ' + esc(v.contact_phone) if v.contact_phone else ''}"
    )
    fields = [
        _field(
            lang,
            "card.customer",
            f"{esc(v.customer_name)} ({esc(v.customer_code)})\n"
            f"SLA {voc.tier_label(v.sla_tier, lang)}",
        ),
        _field(lang, "card.contact", contact),
        _field(lang, "card.type", esc(voc.type_label(policy, v.type, lang))),
        _field(
            lang, "card.priority", f"{_icon(policy, v.priority)} *{v.priority}*\n_{esc(reason)}_"
        ),
        _field(lang, "card.status", voc.status_label(v.status, lang)),
        _field(lang, "card.assignee", mention(v.assignee, lang)),
        _field(lang, "card.line", esc(voc.line_label(policy, v.line, lang))),
        _field(lang, "card.via", voc.via_label(v.via, lang)),
        _field(lang, "card.terms", word(lang, TERMS_KEYS, v.terms.value)),
        _field(lang, "card.sla", sla_lines(v, lang)),
    ]
    out: list[Block] = [
        HeaderBlock(
            text=PlainTextObject(text=fit(f"{v.number} · {v.priority}", HEADER_TEXT), emoji=True)
        ),
        SectionBlock(text=MarkdownTextObject(text=f"*{clip(v.subject, SECTION_TEXT - 2)}*")),
        SectionBlock(fields=fields),
    ]
    charged = questions_charged_line(v, lang)
    if charged is not None:
        out.append(_context(charged))
    if v.night is not None and v.status in OPEN:
        out.append(_night(v, lang))
    if v.description:
        out.append(_titled(lang, "", "card.description", v.description))
    if v.missing_info and v.status == Status.WAITING_INFO:
        out.append(_titled(lang, ":grey_question: ", "card.missing", v.missing_info))
    if v.resolution and v.status in (Status.RESOLVED, Status.CLOSED):
        out.append(_titled(lang, ":white_check_mark: ", "card.resolution", v.resolution))
    out.append(_context(time_line(v, lang)))
    out.append(ActionsBlock(block_id=BlockId.CARD_ACTIONS.value, elements=_buttons(v, lang)))
    out.append(
        ContextBlock(
            elements=[
                MarkdownTextObject(
                    text=fit(
                        tr(
                            lang,
                            "card.registered",
                            actor=mention(v.created_by, lang),
                            at=when(v.created_at),
                        ),
                        CONTEXT_TEXT,
                    )
                )
            ]
        )
    )
    return [block.to_dict() for block in out]


def moved(number: str, channel: str, lang: str) -> tuple[str, list[dict[str, Any]]]:
    """What stays behind in the old channel when a ticket is rerouted."""
    from bot.blocks.text import channel_link

    text = tr(lang, "card.moved", number=number, channel=channel_link(channel))
    section = SectionBlock(text=MarkdownTextObject(text=fit(f":arrow_right: {text}", SECTION_TEXT)))
    return fit(text, MESSAGE_TEXT), [section.to_dict()]
