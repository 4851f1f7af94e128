"""Billable work in Slack: the reply to recorded time, the ticket's time, and the modal the
card's "Tijd schrijven" opens. Pure builders."""

from __future__ import annotations

import json
from typing import Any

from slack_sdk.models.blocks import (
    ContextBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.billing.ledger import EntryView, Recorded, TicketTime
from bot.billing.wording import kind_text, money, reason_text, rule_text
from bot.blocks.ids import ActionId, BlockId, CallbackId
from bot.blocks.replies import md, reply, sections
from bot.blocks.text import (
    CONTEXT_TEXT,
    OPTION_TEXT,
    SECTION_TEXT,
    VIEW_TITLE,
    Raw,
    clip,
    duration,
    esc,
    fit,
    mention,
    tr,
    when,
)
from bot.policy import Policy


def _price_line(r: Recorded, lang: str) -> str | None:
    p = r.price
    if p is None:
        return None
    params: dict[str, Any] = {
        "rounded": duration(p.rounded_minutes, lang),
        "rate": money(p.hourly, lang),
        "amount": money(p.amount, lang),
    }
    if p.surcharge_percent:
        return tr(lang, "billing.ok.price_after_hours", surcharge=p.surcharge_percent, **params)
    return tr(lang, "billing.ok.price", **params)


def recorded_text(r: Recorded, policy: Policy, lang: str) -> str:
    """What the agent is told: the entry, free or chargeable, by which rule and why; what it
    costs; and the ticket's totals."""
    e, billing = r.entry, policy.billing
    lines: list[str] = []
    if r.cancelled is not None and e.minutes == 0:
        old = r.cancelled
        lines.append(
            tr(
                lang,
                "billing.ok.cancelled",
                old=old.id,
                old_minutes=duration(old.minutes, lang),
                number=r.number,
                entry=e.id,
            )
        )
    else:
        key = "billing.ok.chargeable" if e.chargeable else "billing.ok.free"
        lines.append(
            tr(
                lang,
                key,
                minutes=duration(e.minutes, lang),
                number=r.number,
                entry=e.id,
                rule=rule_text(e.rule, lang),
                reason=reason_text(e.reason, billing, lang),
            )
        )
        if r.cancelled is not None:
            old = r.cancelled
            lines.append(
                tr(
                    lang,
                    "billing.ok.corrected",
                    old=old.id,
                    old_minutes=duration(old.minutes, lang),
                    entry=e.id,
                    minutes=duration(e.minutes, lang),
                )
            )
        price = _price_line(r, lang)
        if price is not None:
            lines.append(price)
    lines.append(totals_text(r.number, r.total_minutes, r.chargeable_minutes, lang))
    return "\n".join(lines)


def totals_text(number: str, total: int, chargeable: int, lang: str) -> str:
    return tr(
        lang,
        "billing.totals",
        number=number,
        total=duration(total, lang),
        chargeable=duration(chargeable, lang),
    )


def recorded(r: Recorded, policy: Policy, lang: str) -> dict[str, Any]:
    return reply(recorded_text(r, policy, lang))


def _entry_line(e: EntryView, cancelled: bool, policy: Policy, lang: str) -> str:
    billing = policy.billing
    charge = tr(lang, "billing.list.chargeable" if e.chargeable else "billing.list.free")
    parts = [
        f"`#{e.id}`",
        when(e.worked_at),
        f"*{duration(e.minutes, lang)}*",
        esc(kind_text(e.kind, billing, lang)),
        mention(e.actor, lang) if e.actor_source == "slack" else esc(e.actor),
        f"{charge} ({esc(rule_text(e.rule, lang))}: {esc(reason_text(e.reason, billing, lang))})",
    ]
    if e.cancels_id is not None:
        parts.append(tr(lang, "billing.list.corrects", entry=e.cancels_id))
    line = " · ".join(parts)
    if e.description:
        line += f"\n> {clip(e.description, 300)}"
    if cancelled:
        line = f"~{line}~ _{tr(lang, 'billing.list.cancelled')}_"
    return line


def ticket_time(tt: TicketTime, policy: Policy, lang: str) -> dict[str, Any]:
    """`/ticket tijd NUMMER`: every entry, cancelled ones struck through, and the totals."""
    if not tt.entries:
        return reply(tr(lang, "billing.list.empty", number=tt.number))
    head = tr(lang, "billing.list.header", number=tt.number, subject=Raw(clip(tt.subject, 150)))
    totals = totals_text(tt.number, tt.total_minutes, tt.chargeable_minutes, lang)
    rows = [_entry_line(e, e.id in tt.cancelled, policy, lang) for e in tt.entries[-40:]]
    hint = fit(tr(lang, "billing.list.hint", number=tt.number), CONTEXT_TEXT)
    blocks = [
        md(head),
        *sections(rows),
        md(totals),
        ContextBlock(elements=[MarkdownTextObject(text=hint)]).to_dict(),
    ]
    return reply(f"{tt.number}: {totals}", blocks)


# --- the modal -------------------------------------------------------------------------------


def _title(text: str) -> PlainTextObject:
    return PlainTextObject(text=fit(text, VIEW_TITLE))


def time_modal(policy: Policy, number: str, subject: str, lang: str) -> dict[str, Any]:
    """ "Tijd schrijven": how long, the kind of work (the policy's default chosen), and what."""
    billing = policy.billing
    options = [
        Option(value=code, text=fit(k.label(lang), OPTION_TEXT))
        for code, k in billing.kinds.items()
    ]
    initial = next((o for o in options if o.value == billing.default_kind), None)
    about = tr(lang, "billing.list.header", number=number, subject=Raw(clip(subject, 150)))
    view = View(
        type="modal",
        callback_id=CallbackId.TIME.value,
        title=_title(tr(lang, "billing.modal.title")),
        submit=_title(tr(lang, "billing.modal.submit")),
        close=_title(tr(lang, "billing.modal.close")),
        private_metadata=json.dumps({"number": number}),
        blocks=[
            ContextBlock(elements=[MarkdownTextObject(text=fit(about, CONTEXT_TEXT))]),
            InputBlock(
                block_id=BlockId.MINUTES.value,
                label=tr(lang, "billing.modal.minutes"),
                hint=tr(lang, "billing.modal.minutes_hint"),
                element=PlainTextInputElement(action_id=ActionId.TIME_MINUTES.value, max_length=20),
            ),
            InputBlock(
                block_id=BlockId.KIND.value,
                label=tr(lang, "billing.modal.kind"),
                element=StaticSelectElement(
                    action_id=ActionId.TIME_KIND.value, options=options, initial_option=initial
                ),
            ),
            InputBlock(
                block_id=BlockId.DESCRIPTION.value,
                label=tr(lang, "billing.modal.description"),
                optional=True,
                element=PlainTextInputElement(
                    action_id=ActionId.TIME_DESCRIPTION.value, multiline=True, max_length=2000
                ),
            ),
        ],
    )
    return view.to_dict()


def done_view(r: Recorded, policy: Policy, lang: str) -> dict[str, Any]:
    """The modal after recording: the same words as the command's reply."""
    text = fit(recorded_text(r, policy, lang), SECTION_TEXT)
    view = View(
        type="modal",
        callback_id=CallbackId.TIME.value,
        title=_title(tr(lang, "billing.modal.done")),
        close=_title(tr(lang, "billing.modal.close")),
        blocks=[SectionBlock(text=MarkdownTextObject(text=text))],
    )
    return view.to_dict()
