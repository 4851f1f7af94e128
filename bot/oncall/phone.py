"""The phone of a page: a call that reads the ticket out and a text message, through Twilio.

The chain engine's outbox deliveries call `Phone.call` and `Phone.text`; failures come back as
the outbox's own verdicts: `Retry` (429, honouring Retry-After when Twilio sends one; a 5xx, a
timeout or a dropped connection with `uncertain=True`, since the call may have been placed) or
`Permanent` (an invalid or unreachable number, refused credentials, a wrong account).

An uncertain retry looks before it calls again. What Twilio lets us see of an earlier attempt
is little: the Call resource carries To, From, the status and the dates, but not the TwiML,
the Url or the StatusCallback it was made with, so the row's reference cannot be read back
from it. The look-up therefore adopts the newest call from our number to the same number that
Twilio created within `look_back` (shorter than the escalation's wait, so a page's own earlier
step is never taken for this one); a text is matched on To, From and its exact body too. A call
Twilio accepted but has not yet listed (its lists are eventually consistent) is not found:
that one may ring twice.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any, Protocol

import requests
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from bot.clock import Clock, SystemClock
from bot.outbox.dispatcher import GiveUp, Permanent, Retry
from bot.settings import Settings

log = logging.getLogger(__name__)

TIMEOUT = 10.0
# Less than the policy's default escalation wait (5 minutes) with room to spare.
LOOK_BACK = timedelta(minutes=4)
# How many of the newest calls or texts to the number an uncertain retry reads.
LOOKED_AT = 20


def look_back_for(wait: timedelta) -> timedelta:
    """How far back an uncertain retry looks: well inside the wait between a chain's pages."""
    return min(LOOK_BACK, wait * 4 / 5)


class Phone(Protocol):
    def call(self, *, to: str, twiml: str, reference: str, uncertain: bool = False) -> str:
        """Ring `to` with this TwiML; returns the call's sid. `reference`: the outbox row."""
        ...

    def text(self, *, to: str, body: str, reference: str, uncertain: bool = False) -> str:
        """Text `to`; returns the message's sid."""
        ...


class RateLimited(TwilioException):  # type: ignore[misc]
    """Twilio answered 429: nothing was done; wait `after` when it said how long."""

    def __init__(self, after: timedelta | None) -> None:
        super().__init__("Twilio 429 Too Many Requests")
        self.after = after


def _retry_after(value: str | None, now: datetime) -> timedelta | None:
    if not value:
        return None
    if value.strip().isdigit():
        return timedelta(seconds=int(value.strip()))
    try:
        return max(parsedate_to_datetime(value) - now, timedelta(0))
    except (TypeError, ValueError):
        return None


class _HttpClient(TwilioHttpClient):  # type: ignore[misc]
    """twilio's own client, but a 429 keeps its Retry-After: TwilioRestException drops the
    headers, and the outbox should wait as long as Twilio asks."""

    def __init__(self, *, timeout: float, clock: Clock) -> None:
        super().__init__(timeout=timeout)
        self.clock = clock

    def request(self, *args: Any, **kwargs: Any) -> Response:
        response = super().request(*args, **kwargs)
        if response.status_code == 429:
            headers = response.headers or {}
            raise RateLimited(_retry_after(headers.get("Retry-After"), self.clock.now()))
        return response


def _maybe_sent(exc: requests.RequestException) -> bool:
    """Whether the request may have reached Twilio: not when the connection never opened."""
    if isinstance(exc, requests.ConnectTimeout):
        return False
    if isinstance(exc, requests.ConnectionError):
        reason = exc.args[0] if exc.args else None
        inner = getattr(reason, "reason", reason)
        return not type(inner).__name__.startswith(("NewConnectionError", "NameResolution"))
    return True


# Twilio's codes for a number it will not call or text: invalid (21211, 21217, 21401), not
# reachable (21214), not a mobile number for a text (21614), or one it refuses (21612).
NUMBER_REFUSED = frozenset({21211, 21214, 21217, 21401, 21612, 21614})


def _verdict(exc: Exception, what: str) -> Retry | Permanent:
    """Twilio's answer (or silence) as the outbox reads it."""
    if isinstance(exc, RateLimited):
        return Retry(f"{what}: Twilio 429 Too Many Requests", after=exc.after)
    if isinstance(exc, TwilioRestException):
        detail = f"{what}: Twilio {exc.status} (code {exc.code}): {exc.msg}"
        if exc.status >= 500:
            return Retry(detail, uncertain=True)
        if exc.code in NUMBER_REFUSED:
            # Retrying cannot make a number valid: give up at once, so the row does not sit
            # undelivered for an hour (and hold the dead man's switch). The chain goes on,
            # the DM went out, and a corrected number (/waakdienst telefoon) is used next time.
            return GiveUp(detail)
        # 401 (20003) credentials, 404 (20404) account, ...: an operator may be fixing them.
        return Permanent(detail)
    if isinstance(exc, requests.RequestException):
        reason = f"{what}: Twilio unreachable: {type(exc).__name__}"
        return Retry(reason, uncertain=_maybe_sent(exc))
    # An answer twilio could not read (a list page that is not 200, no JSON): may have worked.
    return Retry(f"{what}: {type(exc).__name__}: {exc}", uncertain=True)


class TwilioPhone:
    def __init__(
        self, *, client: Client, from_: str, clock: Clock, look_back: timedelta = LOOK_BACK
    ) -> None:
        self.client = client
        self.from_ = from_
        self.clock = clock
        self.look_back = look_back

    def call(self, *, to: str, twiml: str, reference: str, uncertain: bool = False) -> str:
        try:
            if uncertain:
                found = self._placed(self.client.calls, to)
                if found is not None:
                    log.info("phone call for outbox %s was placed before: %s", reference, found)
                    return found
            call = self.client.calls.create(to=to, from_=self.from_, twiml=twiml)
        except (TwilioException, requests.RequestException) as exc:
            raise _verdict(exc, f"call for outbox {reference}") from exc
        log.info("phone call for outbox %s: %s (%s)", reference, call.sid, call.status)
        return str(call.sid)

    def text(self, *, to: str, body: str, reference: str, uncertain: bool = False) -> str:
        try:
            if uncertain:
                found = self._placed(self.client.messages, to, body=body)
                if found is not None:
                    log.info("text for outbox %s was sent before: %s", reference, found)
                    return found
            message = self.client.messages.create(to=to, from_=self.from_, body=body)
        except (TwilioException, requests.RequestException) as exc:
            raise _verdict(exc, f"text for outbox {reference}") from exc
        log.info("text for outbox %s: %s (%s)", reference, message.sid, message.status)
        return str(message.sid)

    def _placed(self, listing: Any, to: str, *, body: str | None = None) -> str | None:
        """The sid of what an earlier attempt made, if Twilio shows it (newest first)."""
        since = self.clock.now() - self.look_back
        for item in listing.list(to=to, from_=self.from_, limit=LOOKED_AT, page_size=LOOKED_AT):
            created = item.date_created
            if created is None or created < since:
                break
            if body is None or item.body == body:
                return str(item.sid)
        return None


def build_phone(
    settings: Settings, *, clock: Clock | None = None, look_back: timedelta = LOOK_BACK
) -> Phone | None:
    """Twilio when the phone settings are there; None (paging by Slack only) when not."""
    if not settings.phone:
        return None
    clock = clock or SystemClock()
    client = Client(
        settings.twilio_account_sid,
        settings.twilio_auth_token,
        http_client=_HttpClient(timeout=TIMEOUT, clock=clock),
    )
    # The client reads TWILIO_EDGE/TWILIO_REGION from the environment; either would rewrite
    # TWILIO_API_URL's host. Balie's settings say where Twilio is.
    client.edge = client.region = None
    client.api.base_url = settings.twilio_api_url
    return TwilioPhone(
        client=client, from_=str(settings.twilio_from), clock=clock, look_back=look_back
    )


def announce(settings: Settings) -> None:
    """Start-up says once whether a page rings."""
    if settings.phone:
        log.info("phone: pages also ring and text from %s", settings.twilio_from)
    else:
        log.info("no phone settings: paging is by Slack only")
