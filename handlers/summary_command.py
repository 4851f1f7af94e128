"""/rapport: a summary on demand, and its ticket rows as CSV."""

from __future__ import annotations

from slack_bolt import App

from bot.wiring import Services


def register(app: App, s: Services) -> None:
    pass
