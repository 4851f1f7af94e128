"""The chain engine's view of the phone provider (Twilio, in bot.oncall.phone): a port, so the
engine runs the same with a phone, without one (Slack only), or with a test's."""

from __future__ import annotations

from typing import Protocol

from twilio.twiml.voice_response import VoiceResponse  # type: ignore[import-untyped]


class Phone(Protocol):
    def call(self, *, to: str, twiml: str, reference: str) -> str:
        """Place a call that plays `twiml`; returns its sid. `reference` is the outbox row's
        id (an uncertain retry can look for a call already placed). Raises the outbox's
        Retry or Permanent."""
        ...

    def text(self, *, to: str, body: str, reference: str) -> str:
        """Send a text message; returns its sid."""
        ...


class Twiml(Protocol):
    def __call__(self, *, lang: str, say: str, keypress_url: str) -> str: ...


def page_twiml(*, lang: str, say: str, keypress_url: str) -> str:
    """Read the page out and wait for one key (1 accepts), posted to the keypress endpoint."""
    response = VoiceResponse()
    gather = response.gather(num_digits=1, action=keypress_url, method="POST", timeout=10)
    gather.say(say, language="en-GB" if lang == "en" else "nl-NL")
    response.say(say, language="en-GB" if lang == "en" else "nl-NL")
    return str(response)
