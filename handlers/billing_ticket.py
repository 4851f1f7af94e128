"""/ticket's billing subcommands (time, referrals, written orders), in a module of their own:
handlers/ticket_command.py routes `/ticket tijd|verwijs|opdracht …` here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App

from bot.blocks.replies import reply
from bot.wiring import Services

Reply = dict[str, Any]
# (user, rest of the text, language) -> the ack's reply.
Route = Callable[[str, str, str], Reply]


def routes(s: Services) -> dict[str, Route]:
    def not_yet(user: str, rest: str, lang: str) -> Reply:
        return reply("…")

    return {"time": not_yet, "refer": not_yet, "order": not_yet}


def register(app: App, s: Services) -> None:
    pass
