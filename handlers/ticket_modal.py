"""The new-ticket modal: its option lists, the live priority, and its submission."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.blocks import ticket_modal
from bot.blocks.ids import ActionId, BlockId, CallbackId
from bot.blocks.replies import registered
from bot.i18n import t
from bot.services.inputs import NewTicket, build
from bot.wiring import Services
from handlers.payloads import metadata, state_value

_FIELDS = {
    "customer": (BlockId.CUSTOMER, ActionId.CUSTOMER),
    "contact": (BlockId.CONTACT, ActionId.CONTACT),
    "via": (BlockId.VIA, ActionId.VIA),
    "subject": (BlockId.SUBJECT, ActionId.SUBJECT),
    "description": (BlockId.DESCRIPTION, ActionId.DESCRIPTION),
    "type": (BlockId.TYPE, ActionId.TYPE),
    "impact": (BlockId.IMPACT, ActionId.IMPACT),
    "urgency": (BlockId.URGENCY, ActionId.URGENCY),
    "missing": (BlockId.MISSING, ActionId.MISSING),
}


def new_ticket_from_view(view: dict[str, Any]) -> NewTicket:
    data = {name: state_value(view, b, a) for name, (b, a) in _FIELDS.items()}
    return build(NewTicket, {k: v for k, v in data.items() if v is not None})


def register(app: App, s: Services) -> None:
    @app.options(ActionId.CUSTOMER.value)
    def customer_options(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        lang = context["lang"]
        found = s.directory.search(str(body.get("value", "")))
        ack(
            options=[
                ticket_modal.option(
                    code,
                    t(
                        lang,
                        "modal.customer.option",
                        code=code,
                        name=name,
                        tier=t(lang, f"tier.{tier}"),
                    ),
                )
                for code, name, tier in found
            ]
        )

    @app.options(ActionId.CONTACT.value)
    def contact_options(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        lang = context["lang"]
        code = state_value(body.get("view") or {}, BlockId.CUSTOMER, ActionId.CUSTOMER)
        typed = str(body.get("value", "")).lower()
        contacts = s.directory.reporters(code) if code else []
        ack(
            options=[
                ticket_modal.option(
                    str(cid),
                    t(lang, "modal.contact.option", name=name, role=t(lang, f"role.{role}")),
                )
                for cid, name, role in contacts
                if typed in name.lower()
            ]
        )

    def ack_only(ack: Ack) -> None:
        ack()

    def show_priority(body: dict[str, Any], client: WebClient, context: dict[str, Any]) -> None:
        view = body["view"]
        impact = state_value(view, BlockId.IMPACT, ActionId.IMPACT)
        urgency = state_value(view, BlockId.URGENCY, ActionId.URGENCY)
        updated = ticket_modal.new_ticket(
            s.policy, context["lang"], impact=impact, urgency=urgency, metadata=metadata(view)
        )
        # The hash makes Slack refuse the update if the agent changed the view meanwhile;
        # their next change triggers a fresh update anyway.
        client.views_update(view_id=view["id"], hash=view.get("hash"), view=updated)

    for action in (ActionId.IMPACT, ActionId.URGENCY):
        app.action(action.value)(ack=ack_only, lazy=[show_priority])

    @app.view(CallbackId.NEW_TICKET.value)
    def submit(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        lang = context["lang"]
        view = body["view"]
        v = s.desk.register(
            body["user"]["id"], new_ticket_from_view(view), request_key=f"view:{view['id']}"
        )
        text = registered(v, s.policy, lang)
        ack(response_action="update", view=ticket_modal.registered(text, lang))
