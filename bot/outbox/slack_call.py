"""One Web API call, its failures translated for the outbox: Retry (with Retry-After, and
whether the request may have been carried out all the same) or Permanent. And opening a
direct message, for the conversation id that an uncertain retry can read."""

from __future__ import annotations

import socket
import urllib.error
from collections.abc import Callable
from datetime import timedelta
from http.client import HTTPException
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.outbox.dispatcher import GiveUp, Permanent, Retry

# Slack answers these with ok:false but means "try again".
_TRANSIENT = {
    "ratelimited",
    "internal_error",
    "fatal_error",
    "service_unavailable",
    "request_timeout",
}
# ...and after these, part of the request may have been carried out ("It's possible some aspect
# of the operation succeeded before the error was raised").
_MAYBE_DONE = {"internal_error", "fatal_error"}
# Slack refuses the payload itself: sending the same row again can never work, so it is a
# bug to log once (the dispatcher does, with the row's id), not a row to retry for an hour.
_NEVER_ACCEPTED = {
    "invalid_blocks",
    "invalid_blocks_format",
    "msg_too_long",
    "msg_blocks_too_long",
    "too_many_attachments",
    "no_text",
    "invalid_arguments",
}


class SlackError(Permanent):
    """Slack refused the request; `error` is its error code (e.g. not_in_channel)."""

    def __init__(self, error: str) -> None:
        super().__init__(f"Slack error {error}")
        self.error = error


def call(fn: Callable[..., Any], **kwargs: Any) -> Any:
    """Run one Web API call, translating failures into Retry, Permanent or GiveUp."""
    try:
        return fn(**kwargs)
    except SlackApiError as exc:
        status = exc.response.status_code
        error = str(exc.response.get("error", "")) if isinstance(exc.response.data, dict) else ""
        if status == 429:
            after = exc.response.headers.get("retry-after") or exc.response.headers.get(
                "Retry-After"
            )
            seconds = int(after[0] if isinstance(after, list) else after or 30)
            raise Retry(
                f"Slack 429 ratelimited (Retry-After {seconds}s)", timedelta(seconds=seconds)
            ) from None
        if status >= 500 or error in _TRANSIENT:
            uncertain = status >= 500 or error in _MAYBE_DONE
            raise Retry(f"Slack {status} {error}".strip(), uncertain=uncertain) from None
        if error in _NEVER_ACCEPTED:
            raise GiveUp(f"Slack refused the payload: {error}") from None
        raise SlackError(error or str(status)) from None
    except (urllib.error.URLError, HTTPException, ConnectionError, TimeoutError, OSError) as exc:
        raise Retry(
            f"Slack unreachable: {type(exc).__name__}: {exc}", uncertain=_maybe_sent(exc)
        ) from None


def open_dm(client: WebClient, user: str) -> str:
    """The conversation id (D…) of the direct message with `user`: the same every time.

    A post to the user id lands in that DM too, but a retry of an uncertain post can only
    look for the earlier message (bot.outbox.slack_lookup) in a conversation it has the id of."""
    return str(call(client.conversations_open, users=user)["channel"]["id"])


def _maybe_sent(exc: BaseException) -> bool:
    """Whether a request that failed this way may have reached Slack: only a connection that
    was never made (refused, no such host) certainly did not."""
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    return not isinstance(reason, ConnectionRefusedError | socket.gaierror)
