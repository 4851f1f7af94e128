"""The waakdienst's lines in a ticket's audit trail: pages, acknowledgements, escalations,
reminders. The chain engine writes them as ticket events with their details under "page"."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.blocks.text import Raw, mention, tr, when
from bot.i18n import t, word
from bot.i18n.paging import ENDED_KEYS, REASON_KEYS, STEP_KEYS, VIA_KEYS
from bot.tickets.views import EventView

KINDS = frozenset(
    {
        "page_started",
        "page_accepted",
        "page_sent",
        "page_skipped",
        "page_ack",
        "page_escalate",
        "page_reminder",
        "page_restart",
        "page_ended",
    }
)
_SENT = {
    "primary": "page.event.sent_primary",
    "backup": "page.event.sent_backup",
    "leads": "page.event.sent_leads",
}


def text(event: EventView, actor: Raw, lang: str) -> str:
    page: dict[str, Any] = event.changes.get("page") or {}
    target = mention(page.get("user"), lang)
    match event.kind:
        case "page_started":
            reason = Raw(word(lang, REASON_KEYS, str(page.get("reason", ""))))
            return tr(lang, "page.event.started", actor=actor, reason=reason)
        case "page_accepted":
            return tr(lang, "page.event.accepted", target=target)
        case "page_sent":
            key = _SENT.get(str(page.get("target")), "page.event.sent_primary")
            attempt, pages = page.get("attempt", 1), page.get("pages", 1)
            return tr(lang, key, target=target, attempt=attempt, pages=pages)
        case "page_skipped":
            step = Raw(word(lang, STEP_KEYS, str(page.get("target", ""))))
            return tr(lang, "page.event.skipped", step=step)
        case "page_ack":
            via = Raw(word(lang, VIA_KEYS, str(page.get("via", ""))))
            return tr(lang, "page.event.ack", actor=actor, via=via)
        case "page_escalate":
            return tr(lang, "page.event.escalate", actor=actor)
        case "page_reminder":
            since = when(datetime.fromisoformat(str(page.get("since", event.at.isoformat()))))
            return tr(lang, "page.event.reminder", target=target, since=since)
        case "page_ended":
            return t(lang, ENDED_KEYS.get(str(page.get("why")), "page.event.ended_exhausted"))
        case _:
            return t(lang, "page.event.restart", round=page.get("round", 2))
