"""/facturatie: a month's chargeable items as CSV and XLSX, and what is open now.

`/facturatie 2026-11 [klant=CODE]` is checked while Slack waits (the role, the month, the
customer: every problem at once); the closing itself, which can take seconds for a big month,
runs in a lazy listener, and the files reach the requester's DM through the outbox.
`/facturatie` alone answers at once with what is open this month per customer."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.blocks.replies import reply
from bot.events import Actor
from bot.i18n import t
from bot.invoicing import blocks
from bot.invoicing.grammar import request
from bot.surface import Command
from bot.wiring import Services
from handlers import errors


def register(app: App, s: Services) -> None:
    invoicer = s.invoicing.invoicer

    def ack_command(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        user, lang = body["user_id"], context["lang"]
        r = request(body.get("text", ""), lang)
        if r.help:
            ack(**reply(t(lang, "help.facturatie")))
            return
        if r.month is None:
            now = invoicer.open_now(Actor.slack(user))
            rows = [(c.code, c.name, c.total) for c in now.customers]
            ack(**reply(blocks.open_now(now.month, rows, now.total, now.previous_open, lang)))
            return
        invoicer.check(Actor.slack(user), r.month, r.customer)
        ack(**reply(blocks.started(r.month, r.customer, lang)))

    def close_month(body: dict[str, Any], context: dict[str, Any]) -> None:
        user = body["user_id"]
        r = request(body.get("text", ""), context["lang"])
        if r.help or r.month is None:
            return
        # Bolt starts lazy listeners even when the ack refused the request: check again.
        try:
            invoicer.check(Actor.slack(user), r.month, r.customer)
        except Exception:
            return
        invoicer.close(Actor.slack(user), r.month, r.customer, deliver_to=user)

    app.command(Command.FACTURATIE.value)(ack=ack_command, lazy=[errors.lazy(s, close_month)])
