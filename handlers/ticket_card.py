"""The ticket card's buttons, and the small modals some of them open."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.blocks.ids import TEXT_ACTIONS, ActionId, BlockId, CallbackId
from bot.errors import InvalidInput
from bot.events import Actor
from bot.inputs import build
from bot.roles import STAFF
from bot.tickets import grammar
from bot.tickets.blocks import modal as ticket_modal
from bot.tickets.inputs import Reclassify
from bot.wiring import Services
from handlers import errors
from handlers.payloads import BlockActions, ViewSubmission, parse


def register(app: App, s: Services) -> None:
    _register_buttons(app, s)
    _register_modal_buttons(app, s)
    _register_submissions(app, s)


def _register_buttons(app: App, s: Services) -> None:
    """The buttons that change the ticket at once."""
    tickets = s.tickets

    def pressed(body: dict[str, Any]) -> tuple[Actor, str]:
        """Who pressed which ticket's button."""
        p = parse(BlockActions, body)
        return Actor.slack(p.user.id), p.card_number()

    @app.action(ActionId.TAKE.value)
    def take(ack: Ack, body: dict[str, Any]) -> None:
        tickets.take(*pressed(body))
        ack()

    @app.action(ActionId.ASSIGN.value)
    def assign(ack: Ack, body: dict[str, Any]) -> None:
        user, number = pressed(body)
        tickets.assign(user, number, parse(BlockActions, body).action.chosen())
        ack()

    @app.action(ActionId.RESUME.value)
    def resume(ack: Ack, body: dict[str, Any]) -> None:
        tickets.resume(*pressed(body), "")
        ack()

    @app.action(ActionId.CLOSE.value)
    def close(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        # A resolved ticket's card has a plain button; an unresolved one's a choice of reason.
        p = parse(BlockActions, body)
        chosen = p.action.selected_option.value if p.action.selected_option else None
        reason = None if chosen is None else grammar.close_reason(chosen, context["lang"])
        tickets.close(Actor.slack(p.user.id), p.card_number(), reason)
        ack()


def _register_modal_buttons(app: App, s: Services) -> None:
    """The buttons that open a modal first."""
    queries = s.queries

    def ack_staff(ack: Ack, body: dict[str, Any]) -> None:
        # Refuse before opening a modal the agent could not submit anyway.
        s.roles.require(parse(BlockActions, body).user.id, STAFF)
        ack()

    def allowed(p: BlockActions) -> bool:
        # Bolt starts lazy listeners even when the ack refused the request.
        return bool(s.roles.roles_of(p.user.id) & STAFF)

    def open_text_modal(body: dict[str, Any], client: WebClient, context: dict[str, Any]) -> None:
        p = parse(BlockActions, body)
        if not allowed(p):
            return
        action = ActionId(p.action.action_id)
        number = p.card_number()
        view, _ = queries.show(p.user.id, number)
        client.views_open(
            trigger_id=p.trigger_id,
            view=ticket_modal.text_action(action, number, view.subject, context["lang"]),
        )

    for action in TEXT_ACTIONS:
        app.action(action.value)(ack=ack_staff, lazy=[errors.lazy(s, open_text_modal)])

    def open_reclassify(body: dict[str, Any], client: WebClient, context: dict[str, Any]) -> None:
        p = parse(BlockActions, body)
        if not allowed(p):
            return
        number = p.card_number()
        view, _ = queries.show(p.user.id, number)
        current = {"type": view.type, "impact": view.impact, "urgency": view.urgency}
        client.views_open(
            trigger_id=p.trigger_id,
            view=ticket_modal.reclassify(s.policy, number, view.subject, current, context["lang"]),
        )

    app.action(ActionId.RECLASSIFY.value)(ack=ack_staff, lazy=[errors.lazy(s, open_reclassify)])


def _register_submissions(app: App, s: Services) -> None:
    """The small modals' submissions."""
    tickets = s.tickets
    methods = {
        "escalate": tickets.escalate,
        "wait": tickets.wait,
        "resolve": tickets.resolve,
        "reopen": tickets.reopen,
        "note": tickets.note,
    }

    @app.view(CallbackId.TICKET_ACTION.value)
    def submit_text(ack: Ack, body: dict[str, Any]) -> None:
        p = parse(ViewSubmission, body)
        meta = p.view.metadata()
        method = methods.get(str(meta.get("action")))
        if method is None:
            raise InvalidInput.one("text", "field.invalid")
        text = p.view.value(BlockId.TEXT, ActionId.TEXT) or ""
        method(Actor.slack(p.user.id), str(meta.get("number", "")), text)
        ack()

    @app.view(CallbackId.RECLASSIFY.value)
    def submit_reclassify(ack: Ack, body: dict[str, Any]) -> None:
        p = parse(ViewSubmission, body)
        data = build(
            Reclassify,
            {
                "type": p.view.value(BlockId.TYPE, ActionId.TYPE),
                "impact": p.view.value(BlockId.IMPACT, ActionId.IMPACT),
                "urgency": p.view.value(BlockId.URGENCY, ActionId.URGENCY),
            },
        )
        tickets.reclassify(Actor.slack(p.user.id), str(p.view.metadata().get("number", "")), data)
        ack()
