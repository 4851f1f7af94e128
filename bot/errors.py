"""Domain errors carry a catalogue key and parameters, never finished text.

One `@app.error` handler turns them into a message in the caller's language, so the rules below
stay free of Slack and of wording.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class DomainError(Exception):
    key = "error.generic"

    def __init__(self, key: str | None = None, /, **params: Any) -> None:
        self.key = key or type(self).key
        self.params = params
        super().__init__(self.key, params)


class NotFound(DomainError):
    key = "error.not_found"


class Forbidden(DomainError):
    key = "error.forbidden"


class InvalidTransition(DomainError):
    key = "error.transition"


class InvalidInput(DomainError):
    """Bad input, with per-field problems so a modal can show them inline.

    `fields` maps a field name to (catalogue key, params).
    """

    key = "error.invalid_input"

    def __init__(
        self,
        fields: Mapping[str, tuple[str, Mapping[str, Any]]],
        key: str | None = None,
        /,
        **params: Any,
    ) -> None:
        super().__init__(key, **params)
        self.fields = dict(fields)

    @classmethod
    def one(cls, name: str, key: str, /, **params: Any) -> InvalidInput:
        return cls({name: (key, params)})


class ContactNotAllowed(DomainError):
    """Only a customer's main or IT contact may report (single point of contact)."""

    key = "error.contact_not_allowed"
