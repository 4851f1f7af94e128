"""/ticket tijd: time on tickets. handlers/ticket_command.py routes `/ticket tijd|verwijs|
koppel|opdracht …` here; the referrals and orders live in handlers/billing_facts.py. The card's
"Tijd schrijven" opens the time modal; its submission records the entry."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.billing import blocks, grammar
from bot.billing.inputs import CorrectTime, RecordTime
from bot.blocks.ids import ActionId, BlockId, CallbackId
from bot.events import Actor
from bot.roles import STAFF
from bot.wiring import Services
from handlers import billing_facts, errors
from handlers.payloads import BlockActions, ViewSubmission, parse

Reply = dict[str, Any]
# (user, rest of the text, language) -> the ack's reply.
Route = Callable[[str, str, str], Reply]


def routes(s: Services) -> dict[str, Route]:
    ledger = s.billing.ledger

    def time(user: str, rest: str, lang: str) -> Reply:
        cmd = grammar.time_command(rest, s.policy, lang)
        if isinstance(cmd, RecordTime):
            return blocks.recorded(ledger.record(Actor.slack(user), cmd), s.policy, lang)
        if isinstance(cmd, CorrectTime):
            return blocks.recorded(ledger.correct(Actor.slack(user), cmd), s.policy, lang)
        return blocks.ticket_time(ledger.show(user, cmd.number), s.policy, lang)

    return {"time": time, **billing_facts.routes(s)}


def register(app: App, s: Services) -> None:
    ledger = s.billing.ledger

    def ack_staff(ack: Ack, body: dict[str, Any]) -> None:
        # Refuse before opening a modal the agent could not submit anyway.
        s.roles.require(parse(BlockActions, body).user.id, STAFF)
        ack()

    def open_modal(body: dict[str, Any], client: WebClient, context: dict[str, Any]) -> None:
        p = parse(BlockActions, body)
        # Bolt starts lazy listeners even when the ack refused the request.
        if not s.roles.roles_of(p.user.id) & STAFF:
            return
        view, _ = s.queries.show(p.user.id, p.card_number())
        modal = blocks.time_modal(s.policy, view.number, view.subject, context["lang"])
        client.views_open(trigger_id=p.trigger_id, view=modal)

    app.action(ActionId.TIME.value)(ack=ack_staff, lazy=[errors.lazy(s, open_modal)])

    @app.view(CallbackId.TIME.value)
    def submit(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        p = parse(ViewSubmission, body)
        lang = context["lang"]
        cmd = grammar.modal_input(
            str(p.view.metadata().get("number", "")),
            p.view.value(BlockId.MINUTES, ActionId.TIME_MINUTES) or "",
            p.view.value(BlockId.DESCRIPTION, ActionId.TIME_DESCRIPTION) or "",
            p.view.value(BlockId.KIND, ActionId.TIME_KIND),
            s.policy,
            lang,
        )
        done = ledger.record(Actor.slack(p.user.id), cmd)
        # The agent sees at once whether it is free or charged, by which rule and why.
        ack(response_action="update", view=blocks.done_view(done, s.policy, lang))
