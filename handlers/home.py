"""The App Home: app_home_opened publishes the agent's cockpit."""

from __future__ import annotations

from slack_bolt import App

from bot.wiring import Services


def register(app: App, s: Services) -> None:
    pass
