"""The ticket card's buttons, and the small modals some of them open."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot import parsing
from bot.blocks import ticket_modal
from bot.blocks.ids import TEXT_ACTIONS, ActionId, BlockId, CallbackId
from bot.domain.errors import InvalidInput
from bot.services.inputs import Reclassify, build
from bot.services.roles import STAFF
from bot.wiring import Services
from handlers.payloads import action_value, card_number, metadata, state_value


def register(app: App, s: Services) -> None:
    desk = s.desk

    def user(body: dict[str, Any]) -> str:
        return str(body["user"]["id"])

    @app.action(ActionId.TAKE.value)
    def take(ack: Ack, body: dict[str, Any]) -> None:
        desk.take(user(body), card_number(body))
        ack()

    @app.action(ActionId.ASSIGN.value)
    def assign(ack: Ack, body: dict[str, Any]) -> None:
        desk.assign(user(body), card_number(body), action_value(body))
        ack()

    @app.action(ActionId.RESUME.value)
    def resume(ack: Ack, body: dict[str, Any]) -> None:
        desk.resume(user(body), card_number(body), "")
        ack()

    @app.action(ActionId.CLOSE.value)
    def close(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        # A resolved ticket's card has a plain button; an unresolved one's a choice of reason.
        chosen = ((body.get("actions") or [{}])[0].get("selected_option") or {}).get("value")
        reason = None if chosen is None else parsing.close_reason(str(chosen), context["lang"])
        desk.close(user(body), card_number(body), reason)
        ack()

    def ack_staff(ack: Ack, body: dict[str, Any]) -> None:
        # Refuse before opening a modal the agent could not submit anyway.
        s.roles.require(user(body), STAFF)
        ack()

    def allowed(body: dict[str, Any]) -> bool:
        # Bolt starts lazy listeners even when the ack refused the request.
        return bool(s.roles.roles_of(user(body)) & STAFF)

    def open_text_modal(body: dict[str, Any], client: WebClient, context: dict[str, Any]) -> None:
        if not allowed(body):
            return
        action = ActionId(body["actions"][0]["action_id"])
        number = card_number(body)
        view, _ = desk.show(user(body), number)
        client.views_open(
            trigger_id=body["trigger_id"],
            view=ticket_modal.text_action(action, number, view.subject, context["lang"]),
        )

    for action in TEXT_ACTIONS:
        app.action(action.value)(ack=ack_staff, lazy=[open_text_modal])

    def open_reclassify(body: dict[str, Any], client: WebClient, context: dict[str, Any]) -> None:
        if not allowed(body):
            return
        number = card_number(body)
        view, _ = desk.show(user(body), number)
        current = {"type": view.type, "impact": view.impact, "urgency": view.urgency}
        client.views_open(
            trigger_id=body["trigger_id"],
            view=ticket_modal.reclassify(s.policy, number, view.subject, current, context["lang"]),
        )

    app.action(ActionId.RECLASSIFY.value)(ack=ack_staff, lazy=[open_reclassify])

    methods = {
        "escalate": desk.escalate,
        "wait": desk.wait,
        "resolve": desk.resolve,
        "reopen": desk.reopen,
        "note": desk.note,
    }

    @app.view(CallbackId.TICKET_ACTION.value)
    def submit_text(ack: Ack, body: dict[str, Any]) -> None:
        meta = metadata(body["view"])
        method = methods.get(str(meta.get("action")))
        if method is None:
            raise InvalidInput.one("text", "field.invalid")
        text = state_value(body["view"], BlockId.TEXT, ActionId.TEXT) or ""
        method(user(body), str(meta.get("number", "")), text)
        ack()

    @app.view(CallbackId.RECLASSIFY.value)
    def submit_reclassify(ack: Ack, body: dict[str, Any]) -> None:
        view = body["view"]
        data = build(
            Reclassify,
            {
                "type": state_value(view, BlockId.TYPE, ActionId.TYPE),
                "impact": state_value(view, BlockId.IMPACT, ActionId.IMPACT),
                "urgency": state_value(view, BlockId.URGENCY, ActionId.URGENCY),
            },
        )
        desk.reclassify(user(body), str(metadata(view).get("number", "")), data)
        ack()
