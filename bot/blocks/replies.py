"""Ephemeral replies to the agent: confirmations, errors, a ticket's details, lists, help."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from slack_sdk.models.blocks import ContextBlock, MarkdownTextObject, SectionBlock

from bot.blocks import thread
from bot.blocks import vocabulary as voc
from bot.blocks.text import (
    CONTEXT_TEXT,
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
from bot.domain.errors import ContactNotAllowed, DomainError, InvalidInput
from bot.i18n import t
from bot.policy import Policy
from bot.services.views import EventView, TicketView

# Slack refuses a message with more blocks than this.
MAX_BLOCKS = 50


def reply(text: str, blocks: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The body of an ack or response_url post; ephemeral, so only the agent sees it."""
    body: dict[str, Any] = {"response_type": "ephemeral", "text": fit(text, MESSAGE_TEXT)}
    if blocks:
        body["blocks"] = blocks[:MAX_BLOCKS]
    return body


def _md(text: str) -> dict[str, Any]:
    return SectionBlock(text=MarkdownTextObject(text=fit(text, SECTION_TEXT))).to_dict()


def sections(lines: Sequence[str]) -> list[dict[str, Any]]:
    """Lines of mrkdwn packed into as few sections as Slack's section limit allows."""
    chunks: list[list[str]] = []
    size = 0
    for line in (fit(line, SECTION_TEXT) for line in lines):
        if chunks and size + 1 + len(line) <= SECTION_TEXT:
            chunks[-1].append(line)
            size += 1 + len(line)
        else:
            chunks.append([line])
            size = len(line)
    return [_md("\n".join(chunk)) for chunk in chunks]


def field_problem(lang: str, field: str, key: str, params: Mapping[str, Any]) -> str:
    clean = {k: v for k, v in params.items() if k != "hint"}
    clean.setdefault("field", t(lang, f"label.{field}"))
    return tr(lang, key, **clean)


def _hint_lines(lang: str, hint: Any) -> list[str]:
    if hint is None:
        return []
    if not hint.contacts:
        return [tr(lang, "error.no_contacts", customer=hint.customer)]
    lines = [tr(lang, "error.contacts_of", customer=hint.customer)]
    for name, email, role in hint.contacts:
        lines.append(f"• {esc(name)} · {esc(email)} · {t(lang, 'role.' + role)}")
    return lines


def error_text(err: DomainError, lang: str) -> str:
    """A domain error as one mrkdwn text, listing every field problem and who may report."""
    if isinstance(err, InvalidInput):
        lines = [t(lang, "error.invalid_input")]
        hint = None
        for field, (key, params) in err.fields.items():
            lines.append(f"• {field_problem(lang, field, key, params)}")
            hint = hint or params.get("hint")
        lines += _hint_lines(lang, hint)
        if any(f in ("subcommand", "text") for f in err.fields):
            # Each command points to its own help (`/klant help`); /ticket by default.
            lines.append(t(lang, "error.see_help", command=err.params.get("command", "/ticket")))
        return "\n".join(lines)
    params = {k: v for k, v in err.params.items() if k != "hint"}
    if isinstance(err, ContactNotAllowed):
        params["role"] = t(lang, f"role.{params['role']}")
    if "needed" in params:
        params["needed"] = ", ".join(t(lang, f"staff.{r}") for r in params["needed"])
    if "action" in params:
        params["action"] = t(lang, f"action.{params['action']}")
    if "status" in params:
        params["status"] = voc.status_label(params["status"], lang)
    lines = [tr(lang, err.key, **params)]
    lines += _hint_lines(lang, err.params.get("hint"))
    return "\n".join(lines)


def registered(v: TicketView, policy: Policy, lang: str) -> str:
    """The confirmation after registering, by command or modal."""
    key = "ok.registered_incomplete" if v.status == "waiting_info" else "ok.registered"
    return tr(
        lang,
        key,
        number=v.number,
        customer=v.customer_name,
        priority=voc.priority_label(policy, v.priority, lang),
        line=voc.line_label(policy, v.line, lang),
        contact=v.contact_name,
    )


def ticket_detail(
    v: TicketView, events: Sequence[EventView], policy: Policy, lang: str
) -> dict[str, Any]:
    reason = voc.priority_reason(
        policy, impact=v.impact, urgency=v.urgency, priority=v.priority, lang=lang
    )
    head = (
        f"*{v.number}* · *{esc(v.subject)}*\n"
        f"{esc(v.customer_name)} ({esc(v.customer_code)}, SLA {t(lang, 'tier.' + v.sla_tier)}) · "
        f"{esc(v.contact_name)} · {t(lang, 'via.' + v.via)}\n"
        f"{esc(voc.type_label(policy, v.type, lang))} · {esc(reason)} · "
        f"{esc(voc.line_label(policy, v.line, lang))} · {voc.status_label(v.status, lang)} · "
        f"{mention(v.assignee, lang)}"
    )
    history = [f"`{when(e.at)}` {thread.event_text(e, v, policy, lang)}" for e in events[-15:]]
    blocks = [_md(head)]
    if v.description:
        blocks.append(_md(clip(v.description, SECTION_TEXT)))
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
    header = tr(lang, "list.header", count=len(views), filter=filter_text)
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
    blocks = [_md(header), *sections(rows)]
    if len(views) >= limit:
        more = fit(t(lang, "list.more", count=limit), CONTEXT_TEXT)
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=more)]).to_dict())
    return reply(header, blocks)
