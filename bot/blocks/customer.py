"""Replies of /klant: a customer's card and the customer list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.blocks.replies import reply
from bot.blocks.text import tr
from bot.domain.terms import terms_for
from bot.i18n import t
from bot.services.directory import CustomerView


def detail(c: CustomerView, lang: str) -> dict[str, Any]:
    lines = [
        tr(
            lang,
            "customer.detail",
            code=c.code,
            name=c.name,
            tier=t(lang, f"tier.{c.sla_tier}"),
            contract=c.contract_date.isoformat(),
            terms=t(lang, f"terms.{terms_for(c.contract_date).value}"),
            manager=c.account_manager,
        )
    ]
    for name, email, phone, role in c.contacts:
        lines.append(
            tr(
                lang,
                "customer.contact_row",
                name=name,
                role=t(lang, f"role.{role}"),
                email=email,
                phone=phone,
            )
        )
    if not c.contacts:
        lines.append(t(lang, "customer.no_contacts"))
    return reply("\n".join(lines))


def listing(customers: Sequence[CustomerView], lang: str) -> dict[str, Any]:
    if not customers:
        return reply(t(lang, "customer.list_empty"))
    rows = [
        tr(
            lang,
            "customer.list_row",
            code=c.code,
            name=c.name,
            tier=t(lang, f"tier.{c.sla_tier}"),
            contacts=len(c.contacts),
        )
        for c in customers
    ]
    return reply("\n".join(rows[:100]))
