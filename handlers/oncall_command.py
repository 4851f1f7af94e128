"""`/waakdienst`: the rota (who has it now, who is next, the coming weeks; rotations, overrides,
swaps) and, through handlers.oncall_pages and handlers.oncall_entitlement, the pages."""

from __future__ import annotations

from slack_bolt import App

from bot.wiring import Services


def register(app: App, services: Services) -> None:
    pass
