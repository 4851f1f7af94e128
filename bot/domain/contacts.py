"""Single point of contact: only a customer's main or IT contact may report to the desk.

"De eindgebruiker zal (mag) nooit direct contact opnemen met de customer service van Korton."
"""

from __future__ import annotations

from enum import StrEnum

from bot.domain.errors import ContactNotAllowed


class ContactRole(StrEnum):
    MAIN = "main"
    IT = "it"
    END_USER = "end_user"


REPORTERS = frozenset({ContactRole.MAIN, ContactRole.IT})


def check_may_report(role: ContactRole, *, name: str, customer: str, hint: object = None) -> None:
    """`hint` travels with the refusal: who may report instead."""
    if role not in REPORTERS:
        raise ContactNotAllowed(name=name, customer=customer, role=role.value, hint=hint)
