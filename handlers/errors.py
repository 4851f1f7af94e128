"""The one place where errors become messages.

Domain errors become a clear message in the agent's language; anything else is logged with its
stack trace and the agent sees a short apology. No stack trace ever reaches Slack.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltResponse

from bot.blocks.ids import BlockId
from bot.blocks.replies import error_text, field_problem, reply
from bot.domain.errors import ContactNotAllowed, DomainError, InvalidInput
from bot.i18n import t
from bot.wiring import Services

log = logging.getLogger(__name__)


def user_of(body: dict[str, Any]) -> str | None:
    user = body.get("user_id") or (body.get("user") or {}).get("id")
    return str(user) if user else None


def _lang(s: Services, user: str | None) -> str:
    if user is None:
        return s.policy.language
    try:
        return s.desk.lang_of(user)
    except Exception:  # the database may be the very thing that failed
        return s.policy.language


def _input_blocks(view: dict[str, Any]) -> list[str]:
    return [
        b["block_id"]
        for b in view.get("blocks", [])
        if b.get("type") == "input" and "block_id" in b
    ]


def modal_errors(
    error: BaseException, text: str, view: dict[str, Any], lang: str
) -> dict[str, str]:
    """Inline errors under the inputs they concern; the rest under the first input."""
    present = _input_blocks(view)
    errors: dict[str, str] = {}
    leftover: list[str] = []
    if isinstance(error, InvalidInput):
        for field, (key, params) in error.fields.items():
            msg = field_problem(lang, field, key, params)
            if field in present:
                errors[field] = msg
            else:
                leftover.append(msg)
    elif isinstance(error, ContactNotAllowed) and BlockId.CONTACT in present:
        errors[BlockId.CONTACT] = text
    else:
        leftover.append(text)
    if leftover and present:
        target = next((b for b in present if b not in errors), present[0])
        errors[target] = "\n".join(leftover)
    # Slack refuses an inline error longer than 2000 characters.
    return {block: msg[:2000] for block, msg in errors.items()}


def register(app: App, s: Services) -> None:
    @app.error
    def on_error(error: Exception, body: dict[str, Any]) -> BoltResponse:
        user = user_of(body)
        lang = _lang(s, user)
        if isinstance(error, DomainError):
            text = error_text(error, lang)
            log.info(
                "refused %s for %s: %s %s",
                body.get("type") or body.get("command"),
                user,
                error.key,
                error.params,
            )
        else:
            log.error("unhandled error in a listener", exc_info=error)
            text = t(lang, "error.generic")
        kind = body.get("type")
        if "command" in body:
            return BoltResponse(status=200, body=reply(text))
        if kind == "view_submission":
            errors = modal_errors(error, text, body.get("view") or {}, lang)
            return BoltResponse(status=200, body={"response_action": "errors", "errors": errors})
        if kind == "block_suggestion":
            return BoltResponse(status=200, body={"options": []})
        if kind == "block_actions" and user:
            channel = (body.get("channel") or {}).get("id")
            try:
                s.notices.tell(
                    user=user, text=text, channel=channel, response_url=body.get("response_url")
                )
            except Exception:
                log.exception("could not queue the error notice for %s", user)
        return BoltResponse(status=200, body="")
