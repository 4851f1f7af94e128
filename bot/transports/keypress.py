"""The keypress of a page's call: Twilio POSTs the Gather's digits to Balie's HTTP server.

POST {PUBLIC_URL}/twilio/keypress?page=<page id>&round=<r>&step=<n>, form-encoded, signed
with X-Twilio-Signature over the URL as Twilio requested it (PUBLIC_URL, this path and the
query) and the POST parameters. A missing or bad signature is refused with 403 before anything
is read from it; "1" calls `on_keypress(page_id, step, caller, round=r)`; any other key asks
once more. The answer is TwiML, which Twilio plays to the caller: thanks when on_keypress
recorded the acknowledgement, "this page has been dealt with" when it did not (the page was
acknowledged by someone else, moved on to another round, or ended).

Twilio may send the same keypress again when an answer is slow, so `on_keypress` (the chain
engine's acknowledgement) must take a repeat calmly.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any, Protocol
from urllib.parse import parse_qs, parse_qsl

from twilio.request_validator import RequestValidator

from bot.oncall.twiml import (
    KEYPRESS_PATH,
    accepted_twiml,
    again_twiml,
    failed_twiml,
    handled_twiml,
)
from bot.settings import Settings
from bot.transports.wsgi import MAX_BODY, Environ, StartResponse, refuse, send

log = logging.getLogger(__name__)


class OnKeypress(Protocol):
    """The chain engine's acknowledgement by keypress (bot.oncall.pager.Pager.keypress):
    True when it was recorded (a repeat included), False when the page is over."""

    def __call__(self, page_id: int, step: int, caller: str, *, round: int) -> bool: ...


TWIML = "text/xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"


def _body(environ: Mapping[str, Any]) -> str | int:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return refuse(environ, 400, "Content-Length is not a number")
    if not 0 <= length <= MAX_BODY:
        return refuse(environ, 413 if length > 0 else 400, f"Content-Length {length}")
    raw = environ["wsgi.input"].read(length) if length else b""
    try:
        return str(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return refuse(environ, 400, "body is not UTF-8")


def _target(query: str) -> tuple[int, int, int] | None:
    """(page, round, step) from the signed query."""
    values = parse_qs(query)
    try:
        (page,), (round_,), (step,) = values["page"], values["round"], values["step"]
        return int(page), int(round_), int(step)
    except (KeyError, ValueError):
        return None


class KeypressEndpoint:
    """A WSGI app for the one path; SlackWsgi routes POST /twilio/keypress to it."""

    def __init__(
        self, *, auth_token: str, public_url: str, on_keypress: OnKeypress, lang: str
    ) -> None:
        self.validator = RequestValidator(auth_token)
        self.public_url = public_url.rstrip("/")
        self.on_keypress = on_keypress
        self.lang = lang

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        body = _body(environ)
        if isinstance(body, int):
            return send(start_response, body, b"", TEXT)
        query = str(environ.get("QUERY_STRING") or "")
        # What Twilio signed: the URL it requested, which is ours as PUBLIC_URL says, not as
        # a proxy in front of Balie rewrote it.
        url = self.public_url + KEYPRESS_PATH + (f"?{query}" if query else "")
        params = dict(parse_qsl(body, keep_blank_values=True))
        signature = str(environ.get("HTTP_X_TWILIO_SIGNATURE") or "")
        if not signature or not self.validator.validate(url, params, signature):
            refuse(environ, 403, "X-Twilio-Signature is missing or wrong")
            return send(start_response, 403, b"Forbidden", TEXT)
        target = _target(query)
        if target is None:
            refuse(environ, 400, "keypress without a page, round and step")
            return send(start_response, 400, b"Bad Request", TEXT)
        page_id, round_, step = target
        if params.get("Digits") != "1":
            log.info(
                "keypress %r for page %s round %s step %s: asked again",
                params.get("Digits"),
                *target,
            )
            return _twiml(start_response, again_twiml(self.lang, keypress_url=url))
        # On a call Balie placed, the engineer is the one called.
        outbound = params.get("Direction", "outbound-api").startswith("outbound")
        caller = params.get("To" if outbound else "From", "")
        try:
            recorded = self.on_keypress(page_id, step, caller, round=round_)
        except Exception:
            log.exception("keypress for page %s step %s could not be recorded", page_id, step)
            return _twiml(start_response, failed_twiml(self.lang))
        if not recorded:
            log.info("keypress for page %s round %s step %s: already dealt with", *target)
            return _twiml(start_response, handled_twiml(self.lang))
        return _twiml(start_response, accepted_twiml(self.lang))


def _twiml(start_response: StartResponse, twiml: str) -> Iterable[bytes]:
    return send(start_response, 200, twiml.encode("utf-8"), TWIML)


def keypress_endpoint(
    settings: Settings, *, lang: str, on_keypress: OnKeypress
) -> KeypressEndpoint | None:
    """The endpoint when the phone settings are there; without them the path is a 404."""
    if not settings.phone:
        return None
    return KeypressEndpoint(
        auth_token=str(settings.twilio_auth_token),
        public_url=str(settings.public_url),
        on_keypress=on_keypress,
        lang=lang,
    )
