"""The chain engine's outbox rows. Each names a chain and the step it belongs to; the delivery
renders it from the ticket as it is then, and sends nothing when the chain has moved on
(acknowledged, ended, a later step claimed) in the meantime."""

from __future__ import annotations

from typing import ClassVar, Literal

from bot.outbox.payloads import Payload

Outcome = Literal["ack", "moved", "ended"]


class PageDm(Payload):
    """The page as a DM to the engineer, with Accepteren, Escaleren and Oplossen."""

    kind: ClassVar[str] = "page_dm"
    chain_id: int
    round: int
    step: int
    user: str


class PageCall(Payload):
    """The page as a phone call that reads the ticket out and asks to press 1."""

    kind: ClassVar[str] = "page_call"
    chain_id: int
    round: int
    step: int
    user: str


class PageText(Payload):
    """The page as a text message."""

    kind: ClassVar[str] = "page_sms"
    chain_id: int
    round: int
    step: int
    user: str


class PageLeads(Payload):
    """The last step: the team leads' channel, mentioning them."""

    kind: ClassVar[str] = "page_leads"
    chain_id: int
    round: int
    step: int


class PageReminder(Payload):
    """Acknowledged but stalled: a DM asking whoever has it whether they are still on it."""

    kind: ClassVar[str] = "page_reminder"
    chain_id: int
    round: int
    step: int  # the reminder's claim (bot.oncall.rules.chain.reminder_step)
    user: str


class PageSettle(Payload):
    """The chain was acknowledged, escalated or ended: every page message it already sent is
    updated in place to say so (and loses its buttons)."""

    kind: ClassVar[str] = "page_settle"
    chain_id: int
    round: int
    outcome: Outcome


def _kinds(*classes: type[Payload]) -> dict[str, type[Payload]]:
    return {cls.kind: cls for cls in classes}


# Three lanes (bot.wiring): the Slack pages and the phone's calls and texts each have a
# dispatcher and a thread of their own, so a slow Twilio never holds up a DM and Slack never
# holds up a call; PageSettle (chat.update of messages already sent) is no page and goes in
# the main lane, in order with the ticket's card.
SLACK_PAGE_KINDS = _kinds(PageDm, PageLeads, PageReminder)
PHONE_PAGE_KINDS = _kinds(PageCall, PageText)
# What must go out at once: the heartbeat watches these, and the main lane leaves them alone.
PAGE_KINDS = {**SLACK_PAGE_KINDS, **PHONE_PAGE_KINDS}


def chain_key(chain_id: int, medium: Literal["slack", "call", "sms"]) -> str:
    """Page rows are ordered per chain and medium, never behind the ticket's card. The key
    orders rows within a medium; that a call never waits for a DM is the lanes' doing."""
    return f"page:{chain_id}:{medium}"
