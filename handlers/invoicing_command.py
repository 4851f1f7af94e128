"""/facturatie: a month's chargeable items as CSV and XLSX, and what is open now."""

from __future__ import annotations

from slack_bolt import App

from bot.wiring import Services


def register(app: App, s: Services) -> None:
    pass
