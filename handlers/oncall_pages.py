"""The page's buttons (Accepteren, Escaleren, Oplossen) and `/waakdienst ack|escaleer`."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.blocks.ids import ActionId
from bot.blocks.replies import reply
from bot.blocks.text import Raw, tr
from bot.events import Actor
from bot.i18n import word
from bot.i18n.paging import STEP_KEYS
from bot.oncall.rules.chain import Via
from bot.roles import STAFF
from bot.tickets import grammar
from bot.tickets.blocks import modal as ticket_modal
from bot.wiring import Services
from handlers import errors
from handlers.payloads import BlockActions, parse

Reply = dict[str, Any]

# The canonical subcommands of `/waakdienst` this module answers; handlers/oncall_command.py
# hands them here with the rest of the command's text.
SUBCOMMANDS: frozenset[str] = frozenset({"ack", "escalate"})


def subcommand(s: Services, *, user: str, sub: str, rest: str, lang: str) -> Reply:
    """The answer to `/waakdienst <sub> <rest>` for one of SUBCOMMANDS."""
    # Just the number: unlike `/ticket escaleer`, escalating a page takes no reason.
    ref = grammar.ticket_ref("show", rest, s.policy, lang)
    actor = Actor.slack(user)
    if sub == "ack":
        acked = s.pager.acknowledge(actor, ref.number, Via.COMMAND)
        return reply(tr(lang, "page.ok.ack", number=acked.number))
    if sub == "escalate":
        done = s.pager.escalate(actor, ref.number)
        step = Raw(word(lang, STEP_KEYS, done.target.value))
        return reply(tr(lang, "page.ok.escalate", number=done.number, step=step))
    raise ValueError(f"not a subcommand of handlers.oncall_pages: {sub!r}")


def register(app: App, services: Services) -> None:
    s = services
    pager = s.pager

    def pressed(body: dict[str, Any]) -> tuple[Actor, str]:
        p = parse(BlockActions, body)
        return Actor.slack(p.user.id), p.card_number()

    @app.action(ActionId.PAGE_ACK.value)
    def acknowledge(ack: Ack, body: dict[str, Any]) -> None:
        # The page messages are updated by the outbox (they say who accepted, without buttons).
        actor, number = pressed(body)
        pager.acknowledge(actor, number, Via.BUTTON)
        ack()

    @app.action(ActionId.PAGE_ESCALATE.value)
    def escalate(ack: Ack, body: dict[str, Any]) -> None:
        pager.escalate(*pressed(body))
        ack()

    # Oplossen: the card's own resolve modal; its submission resolves the ticket, which ends
    # the chain (bot.oncall.pager listens to the ticket's changes).
    def ack_staff(ack: Ack, body: dict[str, Any]) -> None:
        s.roles.require(parse(BlockActions, body).user.id, STAFF)
        ack()

    def open_resolve(body: dict[str, Any], client: WebClient, context: dict[str, Any]) -> None:
        p = parse(BlockActions, body)
        if not s.roles.roles_of(p.user.id) & STAFF:
            return  # Bolt starts lazy listeners even when the ack refused the request.
        view, _ = s.queries.show(p.user.id, p.card_number())
        client.views_open(
            trigger_id=p.trigger_id,
            view=ticket_modal.text_action(
                ActionId.RESOLVE, view.number, view.subject, context["lang"]
            ),
        )

    app.action(ActionId.PAGE_RESOLVE.value)(ack=ack_staff, lazy=[errors.lazy(s, open_resolve)])
