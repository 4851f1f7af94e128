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
from handlers import errors
from handlers.payloads import BlockActions, ViewSubmission, parse


def register(app: App, s: Services) -> None:
    _register_buttons(app, s)
    _register_modal_buttons(app, s)
    _register_submissions(app, s)


def _register_buttons(app: App, s: Services) -> None:
    """The buttons that change the ticket at once."""
    desk = s.desk

    def pressed(body: dict[str, Any]) -> tuple[str, str]:
        """Who pressed which ticket's button."""
        p = parse(BlockActions, body)
        return p.user.id, p.card_number()

    @app.action(ActionId.TAKE.value)
    def take(ack: Ack, body: dict[str, Any]) -> None:
        desk.take(*pressed(body))
        ack()

    @app.action(ActionId.ASSIGN.value)
    def assign(ack: Ack, body: dict[str, Any]) -> None:
        user, number = pressed(body)
        desk.assign(user, number, parse(BlockActions, body).action.chosen())
        ack()

    @app.action(ActionId.RESUME.value)
    def resume(ack: Ack, body: dict[str, Any]) -> None:
        desk.resume(*pressed(body), "")
        ack()

    @app.action(ActionId.CLOSE.value)
    def close(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        # A resolved ticket's card has a plain button; an unresolved one's a choice of reason.
        p = parse(BlockActions, body)
        chosen = p.action.selected_option.value if p.action.selected_option else None
        reason = None if chosen is None else parsing.close_reason(chosen, context["lang"])
        desk.close(p.user.id, p.card_number(), reason)
        ack()


def _register_modal_buttons(app: App, s: Services) -> None:
    """The buttons that open a modal first."""
    desk = s.desk

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
        view, _ = desk.show(p.user.id, number)
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
        view, _ = desk.show(p.user.id, number)
        current = {"type": view.type, "impact": view.impact, "urgency": view.urgency}
        client.views_open(
            trigger_id=p.trigger_id,
            view=ticket_modal.reclassify(s.policy, number, view.subject, current, context["lang"]),
        )

    app.action(ActionId.RECLASSIFY.value)(ack=ack_staff, lazy=[errors.lazy(s, open_reclassify)])


def _register_submissions(app: App, s: Services) -> None:
    """The small modals' submissions."""
    desk = s.desk
    methods = {
        "escalate": desk.escalate,
        "wait": desk.wait,
        "resolve": desk.resolve,
        "reopen": desk.reopen,
        "note": desk.note,
    }

    @app.view(CallbackId.TICKET_ACTION.value)
    def submit_text(ack: Ack, body: dict[str, Any]) -> None:
        p = parse(ViewSubmission, body)
        meta = p.view.metadata()
        method = methods.get(str(meta.get("action")))
        if method is None:
            raise InvalidInput.one("text", "field.invalid")
        text = p.view.value(BlockId.TEXT, ActionId.TEXT) or ""
        method(p.user.id, str(meta.get("number", "")), text)
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
        desk.reclassify(p.user.id, str(p.view.metadata().get("number", "")), data)
        ack()
