"""Replies of /klant: a customer's card, the customer list, and what a change did."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from bot.blocks.replies import reply
from bot.blocks.text import tr, trn
from bot.directory.rules.terms import Terms, terms_for
from bot.directory.service import Change, CustomerView, Saved
from bot.i18n import t

TIERS = {"gold": "tier.gold", "silver": "tier.silver", "bronze": "tier.bronze"}
ROLES = {"main": "role.main", "it": "role.it", "end_user": "role.end_user"}
TERMS = {Terms.KORTON: "terms.korton", Terms.NEDERLAND_ICT: "terms.nederland_ict"}
FIELDS = {
    "name": "label.name",
    "sla_tier": "label.sla_tier",
    "contract_date": "label.contract_date",
    "account_manager": "label.account_manager",
    "email": "label.email",
    "phone": "label.phone",
    "role": "label.role",
}
CUSTOMER_SAVED = {
    "created": "customer.saved.created",
    "updated": "customer.saved.updated",
    "unchanged": "customer.saved.unchanged",
}
CONTACT_SAVED = {
    "created": "customer.contact_created",
    "updated": "customer.contact_updated",
    "unchanged": "customer.contact_unchanged",
}


def _label(table: dict[str, str], value: str, lang: str) -> str:
    key = table.get(value)
    return t(lang, key) if key else value


def _value(field: str, value: Any, lang: str) -> str:
    if field == "sla_tier":
        return _label(TIERS, value, lang)
    if field == "role":
        return _label(ROLES, value, lang)
    if isinstance(value, date):
        return value.isoformat()
    return str(value) if value not in ("", None) else t(lang, "customer.empty")


def _changes(changes: Sequence[Change], lang: str) -> list[str]:
    return [
        tr(
            lang,
            "customer.change_row",
            field=_label(FIELDS, name, lang),
            old=_value(name, old, lang),
            new=_value(name, new, lang),
        )
        for name, old, new in changes
    ]


def saved_customer(saved: Saved, lang: str) -> dict[str, Any]:
    c = saved.customer
    head = tr(lang, CUSTOMER_SAVED[saved.state], code=c.code, name=c.name)
    return reply("\n".join([head, *_changes(saved.changes, lang)]))


def saved_contact(saved: Saved, name: str, lang: str) -> dict[str, Any]:
    code = saved.customer.code
    head = tr(lang, CONTACT_SAVED[saved.state], name=name, email=saved.email, code=code)
    return reply("\n".join([head, *_changes(saved.changes, lang)]))


def detail(c: CustomerView, lang: str) -> dict[str, Any]:
    lines = [
        tr(
            lang,
            "customer.detail",
            code=c.code,
            name=c.name,
            tier=_label(TIERS, c.sla_tier, lang),
            contract=c.contract_date.isoformat(),
            terms=t(lang, TERMS[terms_for(c.contract_date)]),
            manager=c.account_manager,
        )
    ]
    for name, email, phone, role in c.contacts:
        lines.append(
            tr(
                lang,
                "customer.contact_row",
                name=name,
                role=_label(ROLES, role, lang),
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
        trn(
            lang,
            "customer.list_row",
            len(c.contacts),
            code=c.code,
            name=c.name,
            tier=_label(TIERS, c.sla_tier, lang),
        )
        for c in customers
    ]
    return reply("\n".join(rows[:100]))
