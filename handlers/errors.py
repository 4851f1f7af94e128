"""The one place where errors become messages.

Domain errors become a clear message in the agent's language; a payload not shaped as Slack
shapes it is bad input, answered with a notice or a 400 and one log line; anything else is
logged with its stack trace and the agent sees a short apology. No stack trace ever reaches
Slack, no request gets a 500, and errors in lazy listeners reach the agent too.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware

from bot.blocks.ids import BlockId
from bot.blocks.replies import reply
from bot.blocks.text import INLINE_ERROR, fit
from bot.errors import ContactNotAllowed, DomainError, InvalidInput
from bot.i18n import t
from bot.tickets.blocks.errors import error_text, field_problem
from bot.wiring import Services
from handlers.payloads import BadPayload, Requester, input_block_ids, requester, shape

log = logging.getLogger(__name__)

Listener = Callable[..., None]


def _lang(s: Services, user: str | None) -> str:
    if user is None:
        return s.policy.language
    try:
        return s.preferences.lang_of(user)
    except Exception:  # the database may be the very thing that failed
        return s.policy.language


def modal_errors(error: BaseException, text: str, present: list[str], lang: str) -> dict[str, str]:
    """Inline errors under the inputs they concern; the rest under the first input."""
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
    return {block: fit(msg, INLINE_ERROR) for block, msg in errors.items()}


def bad_payload(kind: str, lang: str) -> BoltResponse:
    """The answer to a payload Slack would never send."""
    if kind == "command":
        return BoltResponse(status=200, body=reply(t(lang, "error.bad_payload")))
    if kind == "block_suggestion":
        return BoltResponse(status=200, body={"options": []})
    return BoltResponse(status=400, body={"error": "malformed_payload"})


def _as_bad_input(error: BaseException, body: Any) -> BaseException:
    """An unexpected error on a payload that fits no model is bad input, not a bug: Bolt's own
    middleware runs before _Shape and trips over some of them."""
    if isinstance(error, BadPayload | DomainError):
        return error
    try:
        shape(body)
    except BadPayload as bad:
        return bad
    return error


def _message(error: BaseException, body: Any, who: Requester, lang: str) -> str:
    """The agent's notice for `error`, logged as what it is: bad input, a refusal or a bug."""
    if isinstance(error, BadPayload):
        log.warning("%s", error)
        return t(lang, "error.bad_payload")
    if isinstance(error, DomainError):
        what = body.get("command") if who.kind == "command" else who.kind
        log.info("refused %s for %s: %s %s", what, who.user, error.key, error.params)
        return error_text(error, lang)
    log.error("unhandled error in a listener", exc_info=error)
    return t(lang, "error.generic")


def _tell(s: Services, who: Requester, text: str) -> None:
    """An ephemeral notice through response_url, else in the channel, else a direct message."""
    if who.user is None:
        return
    try:
        s.notices.tell(user=who.user, text=text, channel=who.channel, response_url=who.response_url)
    except Exception:
        log.exception("could not queue the error notice for %s", who.user)


def _answer(s: Services, error: BaseException, body: Any) -> BoltResponse:
    who = requester(body)
    lang = _lang(s, who.user)
    error = _as_bad_input(error, body)
    text = _message(error, body, who, lang)
    if isinstance(error, BadPayload):
        return bad_payload(error.kind, lang)
    if who.kind == "command":
        return BoltResponse(status=200, body=reply(text))
    if who.kind == "block_suggestion":
        return BoltResponse(status=200, body={"options": []})
    if who.kind == "view_submission":
        errors = modal_errors(error, text, input_block_ids(body), lang)
        if errors:
            return BoltResponse(status=200, body={"response_action": "errors", "errors": errors})
    _tell(s, who, text)
    return BoltResponse(status=200, body="")


def lazy(s: Services, fn: Listener) -> Listener:
    """`fn` as a lazy listener whose failure still reaches the agent; Bolt would only log it.

    Bolt reads the arguments to inject from `fn` itself (through functools.wraps)."""

    @functools.wraps(fn)
    def guarded(**kwargs: Any) -> None:
        try:
            fn(**kwargs)
        except Exception as error:
            try:
                body = kwargs.get("body")
                who = requester(body)
                text = _message(_as_bad_input(error, body), body, who, _lang(s, who.user))
                _tell(s, who, text)
            except Exception:
                log.exception("could not report an error in lazy listener %s", fn.__name__)

    return guarded


class _Shape(Middleware):
    """Checks each payload against its model before Bolt's matchers index into it."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        try:
            shape(req.body)
        except BadPayload as exc:
            log.warning("%s", exc)
            return bad_payload(exc.kind, req.context.get("lang") or self.services.policy.language)
        return next()


def register(app: App, s: Services) -> None:
    app.middleware(_Shape(s))

    @app.error
    def on_error(error: Exception, body: Any) -> BoltResponse:
        try:
            return _answer(s, error, body)
        except Exception:
            # The handler of last resort answers whatever happens, or Slack shows an HTML 500.
            log.exception("the error handler failed")
            return BoltResponse(status=200, body="")
