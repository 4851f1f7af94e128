"""The keypress of a page's call: Twilio POSTs the Gather's digits to Balie's HTTP server.

POST {PUBLIC_URL}/twilio/keypress?page=<page id>&step=<n>, form-encoded, signed with
X-Twilio-Signature over the URL as Twilio requested it (PUBLIC_URL, this path and the query)
and the POST parameters. A missing or bad signature is refused with 403 before anything is
read from it; "1" calls `on_keypress(page_id, step, caller)`; any other key asks once more.
The answer is TwiML, which Twilio plays to the caller.

Twilio may send the same keypress again when an answer is slow, so `on_keypress` (the chain
engine's acknowledgement) must take a repeat calmly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import parse_qs, parse_qsl

from twilio.request_validator import RequestValidator

from bot.oncall.twiml import KEYPRESS_PATH, accepted_twiml, again_twiml, failed_twiml
from bot.settings import Settings
from bot.transports.wsgi import MAX_BODY, Environ, StartResponse, _refuse, _send

log = logging.getLogger(__name__)

OnKeypress = Callable[[int, int, str], object]
TWIML = "text/xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"


def _body(environ: Mapping[str, Any]) -> str | int:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return _refuse(environ, 400, "Content-Length is not a number")
    if not 0 <= length <= MAX_BODY:
        return _refuse(environ, 413 if length > 0 else 400, f"Content-Length {length}")
    raw = environ["wsgi.input"].read(length) if length else b""
    try:
        return str(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return _refuse(environ, 400, "body is not UTF-8")


def _target(query: str) -> tuple[int, int] | None:
    values = parse_qs(query)
    try:
        (page,), (step,) = values["page"], values["step"]
        return int(page), int(step)
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
            return _send(start_response, body, b"", TEXT)
        query = str(environ.get("QUERY_STRING") or "")
        # What Twilio signed: the URL it requested, which is ours as PUBLIC_URL says, not as
        # a proxy in front of Balie rewrote it.
        url = self.public_url + KEYPRESS_PATH + (f"?{query}" if query else "")
        params = dict(parse_qsl(body, keep_blank_values=True))
        signature = str(environ.get("HTTP_X_TWILIO_SIGNATURE") or "")
        if not signature or not self.validator.validate(url, params, signature):
            _refuse(environ, 403, "X-Twilio-Signature is missing or wrong")
            return _send(start_response, 403, b"Forbidden", TEXT)
        target = _target(query)
        if target is None:
            _refuse(environ, 400, "keypress without a page and step")
            return _send(start_response, 400, b"Bad Request", TEXT)
        page_id, step = target
        if params.get("Digits") != "1":
            log.info("keypress %r for page %s step %s: asked again", params.get("Digits"), *target)
            return _twiml(start_response, again_twiml(self.lang, keypress_url=url))
        # On a call Balie placed, the engineer is the one called.
        outbound = params.get("Direction", "outbound-api").startswith("outbound")
        caller = params.get("To" if outbound else "From", "")
        try:
            self.on_keypress(page_id, step, caller)
        except Exception:
            log.exception("keypress for page %s step %s could not be recorded", page_id, step)
            return _twiml(start_response, failed_twiml(self.lang))
        return _twiml(start_response, accepted_twiml(self.lang))


def _twiml(start_response: StartResponse, twiml: str) -> Iterable[bytes]:
    return _send(start_response, 200, twiml.encode("utf-8"), TWIML)


def log_keypress(page_id: int, step: int, caller: str) -> None:
    """Until the chain engine takes keypresses: say what was pressed."""
    log.info("keypress 1 for page %s step %s by %s", page_id, step, caller)


def keypress_endpoint(
    settings: Settings, *, lang: str, on_keypress: OnKeypress = log_keypress
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
