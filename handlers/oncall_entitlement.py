"""Paging anyway for a customer who is not entitled: the button and `/waakdienst roep-op`."""

from __future__ import annotations

from typing import Any

from slack_bolt import App

from bot.wiring import Services

Reply = dict[str, Any]

# The canonical subcommands of `/waakdienst` this module answers; handlers/oncall_command.py
# hands them here with the rest of the command's text.
SUBCOMMANDS: frozenset[str] = frozenset()


def subcommand(s: Services, *, user: str, sub: str, rest: str, lang: str) -> Reply:
    """The answer to `/waakdienst <sub> <rest>` for one of SUBCOMMANDS."""
    raise NotImplementedError(sub)


def register(app: App, services: Services) -> None:
    pass
