"""/facturatie: a month's chargeable items as CSV and XLSX, and what is open now.

`/facturatie 2026-11 [klant=CODE]` is checked while Slack waits (the role, the month, the
customer: every problem at once); the closing itself, which can take seconds for a big month,
runs in a lazy listener, and the files reach the requester's DM through the outbox.
`/facturatie` alone checks the role while Slack waits and says the figures are coming: pricing
every open entry of the month can take longer than the ack may, so a lazy listener adds them
up and answers through the command's response_url.

Bolt starts the lazy listeners even when the ack refused the request, so they check again and
stay silent on exactly what the ack answered (the grammar, the role, the month, the customer);
anything else that goes wrong in them reaches the requester through `errors.lazy`."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.blocks.replies import reply
from bot.errors import Forbidden, InvalidInput
from bot.events import Actor
from bot.i18n import t
from bot.invoicing import blocks
from bot.invoicing.grammar import Request, request
from bot.roles import MembershipUnknown
from bot.surface import Command
from bot.wiring import Services
from handlers import errors

# What the ack refuses (handlers/errors.py answers it there): a lazy listener meeting one of
# these again says nothing more.
ANSWERED = (InvalidInput, Forbidden, MembershipUnknown)


def register(app: App, s: Services) -> None:
    invoicer = s.invoicing.invoicer

    def ack_command(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        user, lang = body["user_id"], context["lang"]
        r = request(body.get("text", ""), lang)
        if r.help:
            ack(**reply(t(lang, "help.facturatie")))
            return
        invoicer.check(Actor.slack(user), r.month, r.customer)
        if r.month is None:
            ack(**reply(blocks.counting(invoicer.this_month(), lang)))
            return
        ack(**reply(blocks.started(r.month, r.customer, lang)))

    def checked(body: dict[str, Any], context: dict[str, Any]) -> Request | None:
        """The request as the ack saw it, or None when the ack refused it (or it was help)."""
        try:
            r = request(body.get("text", ""), context["lang"])
            if r.help:
                return None
            invoicer.check(Actor.slack(body["user_id"]), r.month, r.customer)
        except ANSWERED:
            return None
        return r

    def close_month(body: dict[str, Any], context: dict[str, Any]) -> None:
        r = checked(body, context)
        if r is None or r.month is None:
            return
        user = body["user_id"]
        invoicer.close(Actor.slack(user), r.month, r.customer, deliver_to=user)

    def show_open(body: dict[str, Any], context: dict[str, Any]) -> None:
        r = checked(body, context)
        if r is None or r.month is not None:
            return
        user, lang = body["user_id"], context["lang"]
        now = invoicer.open_now(Actor.slack(user))
        rows = [(c.code, c.name, c.total) for c in now.customers]
        text = blocks.open_now(now.month, rows, now.total, now.previous_open, lang)
        s.notices.tell(
            user=user,
            text=text,
            channel=body.get("channel_id"),
            response_url=body.get("response_url") or None,
        )

    app.command(Command.FACTURATIE.value)(
        ack=ack_command, lazy=[errors.lazy(s, close_month), errors.lazy(s, show_open)]
    )
