"""What a handler hands a service: payloads parsed into pydantic models.

Pydantic's own complaints are turned into InvalidInput with catalogue keys per field, so a modal
can show them inline and a slash command can list them, in the agent's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.domain.errors import InvalidInput

Level = Literal["high", "medium", "low"]
Via = Literal["phone", "email"]

M = TypeVar("M", bound=BaseModel)


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class NewTicket(_Input):
    customer: str = Field(min_length=1, max_length=32)
    contact: str = Field(min_length=1, max_length=254)
    via: Via
    type: str = Field(min_length=1, max_length=32)
    impact: Level
    urgency: Level
    subject: str = Field(min_length=3, max_length=150)
    description: str = Field(default="", max_length=3000)
    missing: str | None = Field(default=None, max_length=1000)

    @field_validator("missing")
    @classmethod
    def _blank_is_none(cls, v: str | None) -> str | None:
        return v or None


class Reclassify(_Input):
    type: str | None = None
    impact: Level | None = None
    urgency: Level | None = None


class CustomerInput(_Input):
    code: str = Field(min_length=2, max_length=32, pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
    name: str = Field(min_length=1, max_length=200)
    sla_tier: Literal["bronze", "silver", "gold"]
    contract_date: Any
    account_manager: str = Field(min_length=1, max_length=200)

    @field_validator("contract_date", mode="before")
    @classmethod
    def _date(cls, v: object) -> object:
        from datetime import date

        if isinstance(v, date):
            return v
        try:
            return date.fromisoformat(str(v).strip())
        except ValueError:
            raise ValueError("date") from None


class ContactInput(_Input):
    name: str = Field(min_length=1, max_length=200)
    email: str = Field(max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    phone: str = Field(default="", max_length=40)
    role: Literal["main", "it", "end_user"]


_KEYS = {
    "missing": "field.required",
    "string_too_short": "field.too_short",
    "string_too_long": "field.too_long",
    "literal_error": "field.choice_invalid",
    "string_pattern_mismatch": "field.format_invalid",
    "value_error": "field.format_invalid",
    "extra_forbidden": "field.unknown_key",
}


def build(model: type[M], data: Mapping[str, Any]) -> M:
    """Validate, or raise InvalidInput naming each bad field."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        fields: dict[str, tuple[str, Mapping[str, Any]]] = {}
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else "input"
            key = _KEYS.get(err["type"], "field.invalid")
            ctx = err.get("ctx") or {}
            params = {
                "value": str(err.get("input", ""))[:50],
                "min": ctx.get("min_length", ""),
                "max": ctx.get("max_length", ""),
            }
            fields.setdefault(name, (key, params))
        raise InvalidInput(fields) from None
