"""/ticket verwijs|koppel|opdracht|scope: referrals to a manual, linking a question to one,
written orders and a ticket's scope; routed here by handlers/billing_ticket.py. `/klant
kennis|training` (rule 3) live in handlers/customer_command.py and call `customer_routes`.
No listeners of its own, so no `register`: both commands' handlers route here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.billing import facts_grammar as grammar
from bot.billing import facts_replies as render
from bot.blocks.replies import reply
from bot.events import Actor
from bot.wiring import Services

Reply = dict[str, Any]
Route = Callable[[str, str, str], Reply]


def routes(s: Services) -> dict[str, Route]:
    facts, policy = s.billing.facts, s.policy

    def refer(user: str, rest: str, lang: str) -> Reply:
        r = grammar.referral(rest, policy, lang)
        return reply(
            render.referred(facts.refer(Actor.slack(user), s.tickets, r.number, r.reference), lang)
        )

    def link(user: str, rest: str, lang: str) -> Reply:
        k = grammar.link(rest, policy, lang)
        return reply(
            render.linked(facts.link(Actor.slack(user), s.tickets, k.number, k.target), lang)
        )

    def order(user: str, rest: str, lang: str) -> Reply:
        o = grammar.order(rest, policy, lang)
        done = facts.order(
            Actor.slack(user), s.tickets, o.number, o.reference, o.given_on, o.given_by
        )
        return reply(render.ordered(done, lang))

    def scope(user: str, rest: str, lang: str) -> Reply:
        c = grammar.scope(rest, policy, lang)
        done = facts.scope(Actor.slack(user), s.tickets, c.number, c.scope)
        return reply(render.scoped(done, policy, lang))

    return {"refer": refer, "link": link, "order": order, "scope": scope}


def customer_routes(s: Services) -> dict[str, Route]:
    """`/klant kennis CODE <toelichting>` and `/klant training CODE gepland|gevolgd|afgewezen`."""
    notices = s.billing.training

    def knowledge(user: str, rest: str, lang: str) -> Reply:
        k = grammar.knowledge(rest, lang)
        return reply(render.noted(notices.note_knowledge(Actor.slack(user), k.code, k.text), lang))

    def training(user: str, rest: str, lang: str) -> Reply:
        o = grammar.outcome(rest, lang)
        return reply(
            render.trained(notices.record_training(Actor.slack(user), o.code, o.state), lang)
        )

    return {"knowledge": knowledge, "training": training}
