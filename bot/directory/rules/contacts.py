"""Single point of contact: only a customer's main or IT contact may report to the desk.

"De eindgebruiker zal (mag) nooit direct contact opnemen met de customer service van Korton."
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from enum import StrEnum
from typing import Protocol, TypeVar

from bot.errors import ContactNotAllowed


class ContactRole(StrEnum):
    MAIN = "main"
    IT = "it"
    END_USER = "end_user"


REPORTERS = frozenset({ContactRole.MAIN, ContactRole.IT})
# A shorter prefix names too many people: 'j' is not Jan Jansen.
MIN_PREFIX = 3


def may_report(role: str) -> bool:
    return role in {r.value for r in REPORTERS}


def check_may_report(role: ContactRole, *, name: str, customer: str, hint: object = None) -> None:
    """`hint` travels with the refusal: who may report instead."""
    if role not in REPORTERS:
        raise ContactNotAllowed(name=name, customer=customer, role=role.value, hint=hint)


class Named(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def email(self) -> str: ...


C = TypeVar("C", bound=Named)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _starts(name: str) -> list[str]:
    """'jan de vries', 'de vries', 'vries': where a prefix of the name may start."""
    words = name.split(" ")
    return [" ".join(words[i:]) for i in range(len(words))]


def match_contacts(query: str, contacts: Iterable[C]) -> list[C]:
    """Who `query` names: the contact with that e-mail address, else those with that name,
    else those whose name or a word of it starts with `query` (at least MIN_PREFIX letters).
    More than one is ambiguous; the caller decides."""
    q = _fold(query)
    if not q:
        return []
    pool = list(contacts)
    by_email = [c for c in pool if c.email.casefold() == q]
    if by_email:
        return by_email
    by_name = [c for c in pool if _fold(c.name) == q]
    if by_name or len(q) < MIN_PREFIX:
        return by_name
    return [c for c in pool if any(s.startswith(q) for s in _starts(_fold(c.name)))]
