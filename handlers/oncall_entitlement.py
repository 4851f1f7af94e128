"""Customers who are not entitled: paging anyway (the button and `/waakdienst roep-op`) and
the minutes of a chargeable service (`/waakdienst tijd`)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.blocks.ids import ActionId
from bot.blocks.replies import reply
from bot.blocks.text import tr
from bot.events import Actor
from bot.oncall import grammar as oncall_grammar
from bot.oncall.blocks import entitlement as render
from bot.oncall.entitlement import PagedAnyway
from bot.tickets import grammar
from bot.wiring import Services
from handlers.payloads import BlockActions, parse

Reply = dict[str, Any]

# The canonical subcommands of `/waakdienst` this module answers; handlers/oncall_command.py
# hands them here with the rest of the command's text.
SUBCOMMANDS: frozenset[str] = frozenset({"page", "time"})


def _answer(done: PagedAnyway, lang: str) -> str:
    v = done.ticket
    if done.chargeable:
        return tr(lang, "entitlement.paged_chargeable", number=v.number, customer=v.customer_name)
    return tr(lang, "entitlement.paged", number=v.number)


def subcommand(s: Services, *, user: str, sub: str, rest: str, lang: str) -> Reply:
    """The answer to `/waakdienst <sub> <rest>` for one of SUBCOMMANDS."""
    if sub == "time":
        entry = oncall_grammar.time_entry(
            rest, lang, lambda word, problems: grammar.read_number(word, s.policy, problems)
        )
        d = s.entitlement.record_time(Actor.slack(user), entry)
        return reply(
            render.time_recorded(d.ticket, d.reason, d.minutes, d.started_at, d.ended_at, lang)
        )
    if sub != "page":
        raise ValueError(sub)
    ref = grammar.ticket_ref("page", rest, s.policy, lang)
    return reply(_answer(s.entitlement.page_anyway(Actor.slack(user), ref.number), lang))


def register(app: App, services: Services) -> None:
    s = services

    @app.action(ActionId.PAGE_ANYWAY.value)
    def page_anyway(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        p = parse(BlockActions, body)
        done = s.entitlement.page_anyway(Actor.slack(p.user.id), p.action.value or "")
        ack()
        s.notices.tell(
            user=p.user.id,
            text=_answer(done, context["lang"]),
            channel=p.channel.id if p.channel else None,
            response_url=p.response_url,
        )
