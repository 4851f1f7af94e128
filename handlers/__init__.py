"""Slack listeners. Each registered module exposes `register(app, services)`; nothing registers at
import. handlers/billing_facts.py only adds /ticket routes (through billing_ticket)."""

from __future__ import annotations

from slack_bolt import App

from bot.wiring import Services
from handlers import (
    billing_ticket,
    customer_command,
    errors,
    home,
    invoicing_command,
    oncall_command,
    oncall_entitlement,
    oncall_pages,
    sla_command,
    summary_command,
    ticket_card,
    ticket_command,
    ticket_modal,
)


def register_all(app: App, services: Services) -> None:
    for module in (
        errors,
        ticket_command,
        ticket_modal,
        ticket_card,
        customer_command,
        sla_command,
        oncall_command,
        oncall_pages,
        oncall_entitlement,
        summary_command,
        home,
        billing_ticket,
        invoicing_command,
    ):
        module.register(app, services)
