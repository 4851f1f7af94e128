"""`/waakdienst`: the rota (who has it now, who is next, the coming weeks; rotations, overrides,
swaps) and, through handlers.oncall_pages and handlers.oncall_entitlement, the pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from typing import Any

from slack_bolt import Ack, App

from bot.blocks.replies import reply
from bot.blocks.text import tr
from bot.errors import DomainError
from bot.i18n import t
from bot.oncall import grammar
from bot.oncall.blocks import rota as render
from bot.surface import Command
from bot.wiring import Services
from handlers import oncall_entitlement, oncall_pages

Reply = dict[str, Any]
Answer = Callable[[Services, str, str, str], Reply]


def _handover_time(s: Services) -> time:
    """The rotation's handover time: a date typed without a time means that time of day."""
    return s.policy.waakdienst.rotation.handover[1]


def _show(s: Services, user: str, rest: str, lang: str) -> Reply:
    return render.overview(s.rota.overview(), lang)


def _rotation(s: Services, user: str, rest: str, lang: str) -> Reply:
    change = grammar.rotation_change(rest, lang, s.clock.now(), _handover_time(s))
    return render.rotation_set(change.which, s.rota.set_rotation(user, change), lang)


def _take_over(s: Services, user: str, rest: str, lang: str) -> Reply:
    request = grammar.take_over(rest, lang, s.clock.now(), user, _handover_time(s))
    return render.taken_over(s.rota.take_over(user, request), lang)


def _swap(s: Services, user: str, rest: str, lang: str) -> Reply:
    a, b = s.rota.swap(user, grammar.swap(rest, lang, s.clock.now()))
    return render.swapped(a, b, lang)


def _phone(s: Services, user: str, rest: str, lang: str) -> Reply:
    change = grammar.phone(rest, lang)
    s.rota.set_phone(user, change)
    return render.phone_set(change.user, change.phone, lang)


def _help(s: Services, user: str, rest: str, lang: str) -> Reply:
    return reply(t(lang, "rota.help"))


ANSWERS: dict[str, Answer] = {
    "show": _show,
    "rotation": _rotation,
    "take_over": _take_over,
    "swap": _swap,
    "phone": _phone,
    "help": _help,
}


def answer(s: Services, *, user: str, text: str, lang: str) -> Reply:
    """The answer to `/waakdienst <text>`: the rota's subcommands here, the pages' and the
    entitlement's where those modules say they answer them."""
    sub, rest = grammar.split_subcommand(text)
    if sub in oncall_pages.SUBCOMMANDS:
        return oncall_pages.subcommand(s, user=user, sub=sub, rest=rest, lang=lang)
    if sub in oncall_entitlement.SUBCOMMANDS:
        return oncall_entitlement.subcommand(s, user=user, sub=sub, rest=rest, lang=lang)
    found = ANSWERS.get(sub)
    if found is None:
        return reply(tr(lang, "rota.not_available", sub=sub))
    return found(s, user, rest, lang)


def register(app: App, services: Services) -> None:
    @app.command(Command.WAAKDIENST.value)
    def waakdienst(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        try:
            ack(
                **answer(
                    services, user=body["user_id"], text=body.get("text", ""), lang=context["lang"]
                )
            )
        except DomainError as exc:
            # Its help line points to `/waakdienst help`, not to /ticket's.
            exc.params.setdefault("command", Command.WAAKDIENST.value)
            raise
