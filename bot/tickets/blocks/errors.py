"""Domain errors as the agent reads them: every field problem at once, and who may report."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.blocks.text import (
    esc,
    tr,
)
from bot.errors import ContactNotAllowed, DomainError, InvalidInput
from bot.i18n import one_of, t, word
from bot.i18n.fields import LABEL_KEYS
from bot.i18n.words import ACTION_KEYS, STAFF_KEYS
from bot.tickets.blocks import vocabulary as voc


def field_problem(lang: str, field: str, key: str, params: Mapping[str, Any]) -> str:
    clean = {k: v for k, v in params.items() if k != "hint"}
    clean.setdefault("field", word(lang, LABEL_KEYS, field))
    return tr(lang, key, **clean)


def _hint_lines(lang: str, hint: Any) -> list[str]:
    if hint is None:
        return []
    if not hint.contacts:
        return [tr(lang, "error.no_contacts", customer=hint.customer)]
    lines = [tr(lang, "error.contacts_of", customer=hint.customer)]
    for name, email, role in hint.contacts:
        lines.append(f"• {esc(name)} · {esc(email)} · {voc.role_label(role, lang)}")
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
        params["role"] = voc.role_label(params["role"], lang)
    if "needed" in params:
        params["needed"] = one_of(lang, (word(lang, STAFF_KEYS, r) for r in params["needed"]))
    if "action" in params:
        params["action"] = word(lang, ACTION_KEYS, params["action"])
    if "status" in params:
        params["status"] = voc.status_label(params["status"], lang)
    lines = [tr(lang, err.key, **params)]
    lines += _hint_lines(lang, err.params.get("hint"))
    return "\n".join(lines)
