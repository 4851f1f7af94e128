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


def check_may_report(role: ContactRole, *, name: str, customer: str) -> None:
    if role not in REPORTERS:
        raise ContactNotAllowed(name=name, customer=customer, role=role.value)
