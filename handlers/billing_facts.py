"""/ticket verwijs|koppel|opdracht: referrals to a manual, linking a question to one, and
written orders; routed here by handlers/billing_ticket.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App

from bot.blocks.replies import reply
from bot.wiring import Services

Reply = dict[str, Any]
Route = Callable[[str, str, str], Reply]


def routes(s: Services) -> dict[str, Route]:
    def not_yet(user: str, rest: str, lang: str) -> Reply:
        return reply("…")

    return {"refer": not_yet, "link": not_yet, "order": not_yet}


def register(app: App, s: Services) -> None:
    pass
