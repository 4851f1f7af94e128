"""The audit trail in the card's thread: who did what, and what changed from what to what."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from bot.blocks.text import MESSAGE_TEXT, Raw, esc, fit, mention, tr, when
from bot.i18n import t, word
from bot.i18n.cards import EVENT_KEYS
from bot.i18n.fields import LABEL_KEYS
from bot.i18n.paging import CHARGEABLE_REASON_KEYS, CHARGEABLE_RULE_KEYS
from bot.i18n.words import TERMS_KEYS
from bot.policy import Policy
from bot.tickets.blocks import page_events
from bot.tickets.blocks import vocabulary as voc
from bot.tickets.views import EventView, TicketView

# Fields worth a line in the thread; the others (timestamps, card ids) are bookkeeping.
_SHOWN = (
    "status",
    "assignee",
    "type",
    "impact",
    "urgency",
    "priority",
    "line",
    "third_party",
    "close_reason",
    "scope",
    "response_due_at",
    "resolution_due_at",
)


def _value(policy: Policy, field: str, value: Any, lang: str) -> str:
    if field == "scope":
        return scope_label(policy, value, lang)
    if value is None or value == "":
        return "–"
    match field:
        case "status":
            return voc.status_label(str(value), lang)
        case "assignee":
            return mention(str(value), lang)
        case "type":
            return esc(voc.type_label(policy, str(value), lang))
        case "impact" | "urgency":
            return voc.level_label(str(value), lang)
        case "priority":
            return esc(voc.priority_label(policy, str(value), lang))
        case "line":
            return esc(voc.line_label(policy, int(value), lang))
        case "third_party":
            return voc.third_party_label(str(value), lang)
        case "close_reason":
            return esc(voc.close_reason_label(str(value), lang))
        case "response_due_at" | "resolution_due_at":
            return when(datetime.fromisoformat(str(value)))
    return esc(str(value))


def scope_label(policy: Policy, scope: str | None, lang: str) -> str:
    """Billable work's scope (rules 4 and 5) as a reader says it, with the policy's label of
    its kind: "buiten scope: …", "uitsluiting: …", or "binnen scope"."""
    if not scope:
        return t(lang, "event.scope.in_scope")
    where, _, code = scope.partition(":")
    kinds = policy.billing.exclusions if where == "exclusion" else policy.billing.out_of_scope
    label = kinds.get(code)
    kind = label(lang) if label is not None else code
    if where == "exclusion":
        return tr(lang, "event.scope.exclusion", kind=kind)
    return tr(lang, "event.scope.out_of_scope", kind=kind)


def change_lines(event: EventView, policy: Policy, lang: str) -> list[str]:
    lines = []
    for field in _SHOWN:
        if field in event.changes:
            old, new = event.changes[field]
            lines.append(
                "• "
                + t(
                    lang,
                    "event.change",
                    field=word(lang, LABEL_KEYS, field),
                    old=_value(policy, field, old, lang),
                    new=_value(policy, field, new, lang),
                )
            )
    return lines


def event_text(event: EventView, ticket: TicketView, policy: Policy, lang: str) -> str:
    """One line of the audit trail, posted as a message of its own in the card's thread."""
    return fit(_event_text(event, ticket, policy, lang), MESSAGE_TEXT)


def actor_text(event: EventView, lang: str) -> Raw:
    """Who did it, readably: a Slack user as a mention, a customer by e-mail address, and
    Balie's own work (the SLA monitor, the waakdienst) under Balie's name."""
    if event.actor_source == "email":
        return Raw(esc(event.actor))
    if event.actor_source == "system":
        return Raw(tr(lang, "actor.system", name=t(lang, "actor.system_name")))
    return mention(event.actor, lang)


def _event_text(event: EventView, ticket: TicketView, policy: Policy, lang: str) -> str:
    actor = actor_text(event, lang)
    if event.kind in _WAAKDIENST_EVENTS:
        return _WAAKDIENST_EVENTS[event.kind](event, actor, lang)
    if event.kind in page_events.KINDS:
        return page_events.text(event, actor, lang)
    fact = _fact_text(event, actor, lang)
    if fact is not None:
        return fact + _after(event, ticket, policy, lang)
    if event.kind == "created":
        head = tr(
            lang,
            "event.created",
            actor=actor,
            via=voc.via_label(ticket.via, lang),
            contact=ticket.contact_name,
        )
        if event.text:
            head += "\n" + tr(
                lang, "event.created_incomplete", contact=ticket.contact_name, missing=event.text
            )
        return head
    params: dict[str, Any] = {"actor": actor, "text": event.text}
    if event.kind == "assign":
        params["assignee"] = mention(event.changes.get("assignee", [None, None])[1], lang)
    if event.kind == "wait_third_party":
        party = event.changes.get("third_party", [None, ticket.third_party])[1]
        params["party"] = Raw(voc.third_party_label(str(party), lang))
    if event.kind == "escalate":
        line = event.changes.get("line", [None, ticket.line])[1]
        params["line"] = Raw(esc(voc.line_label(policy, int(line), lang)))
    return tr(lang, EVENT_KEYS[event.kind], **params) + _after(event, ticket, policy, lang)


def _after(event: EventView, ticket: TicketView, policy: Policy, lang: str) -> str:
    """What follows an event's own line: the fields it changed, and the contact's e-mail."""
    lines = change_lines(event, policy, lang) if event.changes else []
    if event.kind in ("wait", "resolve"):
        lines.append(tr(lang, "event.mailed", contact=ticket.contact_name))
    return "".join("\n" + line for line in lines)


# --- Billable work's facts (bot.billing.facts writes them with a resolve or a note) ---------


def _fact_text(event: EventView, actor: Raw, lang: str) -> str | None:
    """A referral to a manual, a link to one, or a written order: told from the audit trail's
    changes, in the reader's language (the note's own text is in the policy's)."""
    c = event.changes
    reference = str(c.get("referral", [None, ""])[1])
    if event.kind == "resolve" and "referral" in c:
        return tr(lang, "event.referred", actor=actor, reference=reference)
    if event.kind != "note":
        return None
    if "linked_to" in c:
        old, new = c["linked_to"]
        if isinstance(old, int) or isinstance(new, int):
            return None  # written before the trail kept numbers: the note's text tells it
        if new is None:
            return tr(lang, "event.unlinked", actor=actor, target=str(old or "–"))
        return tr(lang, "event.linked", actor=actor, target=str(new), reference=reference)
    if "order" in c:
        given_on = str(c.get("given_on", [None, ""])[1])
        return tr(
            lang,
            "event.order",
            actor=actor,
            reference=str(c["order"][1]),
            given_by=str(c.get("given_by", [None, ""])[1]),
            given_on=_day(given_on),
            terms=word(lang, TERMS_KEYS, str(c.get("terms", [None, ""])[1])),
        )
    return None


def _day(iso: str) -> str:
    try:
        return date.fromisoformat(iso).strftime("%d-%m-%Y")
    except ValueError:
        return iso


# --- The waakdienst's own audit events (its slice writes them; the thread shows them). -----


def _chargeable_text(event: EventView, actor: Raw, lang: str) -> str:
    """A chargeable item: after-hours service for a customer who is not entitled to it."""
    rule = str(event.changes.get("rule", [None, ""])[1])
    reason = str(event.changes.get("reason", [None, ""])[1])
    return tr(
        lang,
        "entitlement.event.chargeable",
        actor=actor,
        rule=word(lang, CHARGEABLE_RULE_KEYS, rule),
        reason=word(lang, CHARGEABLE_REASON_KEYS, reason),
        at=when(event.at),
    )


_WAAKDIENST_EVENTS: dict[str, Callable[[EventView, Raw, str], str]] = {
    "chargeable": _chargeable_text,
}
