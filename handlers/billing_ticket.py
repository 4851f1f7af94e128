"""/ticket tijd: time on tickets. handlers/ticket_command.py routes `/ticket tijd|verwijs|
koppel|opdracht …` here; the referrals and orders live in handlers/billing_facts.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App

from bot.blocks.replies import reply
from bot.wiring import Services
from handlers import billing_facts

Reply = dict[str, Any]
# (user, rest of the text, language) -> the ack's reply.
Route = Callable[[str, str, str], Reply]


def routes(s: Services) -> dict[str, Route]:
    def not_yet(user: str, rest: str, lang: str) -> Reply:
        return reply("…")

    return {"time": not_yet, **billing_facts.routes(s)}


def register(app: App, s: Services) -> None:
    pass
