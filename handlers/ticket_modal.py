"""The new-ticket modal: its option lists, the live priority, and its submission."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.ids import ActionId, BlockId, CallbackId
from bot.events import Actor
from bot.i18n import t
from bot.inputs import build
from bot.roles import STAFF
from bot.tickets.blocks import modal as ticket_modal
from bot.tickets.blocks import vocabulary as voc
from bot.tickets.blocks.replies import registered
from bot.tickets.inputs import NewTicket
from bot.wiring import Services
from handlers import errors
from handlers.payloads import BlockActions, BlockSuggestion, View, parse

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


def new_ticket_from_view(body: dict[str, Any]) -> NewTicket:
    view = parse(View, body)
    data = {name: view.value(b, a) for name, (b, a) in _FIELDS.items()}
    return build(NewTicket, {k: v for k, v in data.items() if v is not None})


def register(app: App, s: Services) -> None:
    _register_searches(app, s)
    _register_modal(app, s)


def _register_searches(app: App, s: Services) -> None:
    """The modal's customer and contact searches."""

    def staff(user: str) -> bool:
        return bool(s.roles.roles_of(user) & STAFF)

    @app.options(ActionId.CUSTOMER.value)
    def customer_options(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        p = parse(BlockSuggestion, body)
        if not staff(p.user.id):
            # The directory is for the desk only: an outsider learns no customer, not even
            # that one exists.
            ack(options=[])
            return
        lang = context["lang"]
        found = s.directory.search(p.value)
        ack(
            options=[
                ticket_modal.option(
                    code,
                    t(
                        lang,
                        "modal.customer.option",
                        code=code,
                        name=name,
                        tier=voc.tier_label(tier, lang),
                    ),
                )
                for code, name, tier in found
            ]
        )

    @app.options(ActionId.CONTACT.value)
    def contact_options(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        p = parse(BlockSuggestion, body)
        if not staff(p.user.id):
            ack(options=[])
            return
        lang = context["lang"]
        code = p.view.value(BlockId.CUSTOMER, ActionId.CUSTOMER) if p.view else None
        typed = p.value.lower()
        contacts = s.directory.reporters(code) if code else []
        ack(
            options=[
                ticket_modal.option(
                    str(cid),
                    t(lang, "modal.contact.option", name=name, role=voc.role_label(role, lang)),
                )
                for cid, name, role in contacts
                if typed in name.lower()
            ]
        )


def _register_modal(app: App, s: Services) -> None:
    """The live priority while the agent fills in the modal, and its submission."""

    def ack_only(ack: Ack) -> None:
        ack()

    def show_priority(body: dict[str, Any], client: WebClient, context: dict[str, Any]) -> None:
        view = parse(BlockActions, body).view
        if view is None:
            return
        impact = view.value(BlockId.IMPACT, ActionId.IMPACT)
        urgency = view.value(BlockId.URGENCY, ActionId.URGENCY)
        updated = ticket_modal.new_ticket(
            s.policy, context["lang"], impact=impact, urgency=urgency, metadata=view.metadata()
        )
        try:
            client.views_update(view_id=view.id, hash=view.hash, view=updated)
        except SlackApiError as exc:
            # The hash makes Slack refuse the update if the agent changed the view meanwhile;
            # their next change triggers a fresh update anyway.
            if exc.response.get("error") != "hash_conflict":
                raise

    for action in (ActionId.IMPACT, ActionId.URGENCY):
        app.action(action.value)(ack=ack_only, lazy=[errors.lazy(s, show_priority)])

    @app.view(CallbackId.NEW_TICKET.value)
    def submit(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        lang = context["lang"]
        view = body["view"]
        v = s.registration.register(
            Actor.slack(body["user"]["id"]),
            new_ticket_from_view(view),
            request_key=f"view:{view['id']}",
        )
        text = registered(v, s.policy, lang)
        ack(response_action="update", view=ticket_modal.registered(text, lang))
