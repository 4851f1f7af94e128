"""What a handler hands a service: payloads parsed into pydantic models.

Pydantic's own complaints are turned into InvalidInput with catalogue keys per field, so a modal
can show them inline and a slash command can list them, in the agent's language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from bot.domain.errors import InvalidInput
from bot.domain.lifecycle import OPEN, CloseReason

Level = Literal["high", "medium", "low"]
Via = Literal["phone", "email"]
ThirdParty = Literal["customer", "subcontractor"]

M = TypeVar("M", bound=BaseModel)

# Nobody means to store a backspace, an escape sequence pasted from a terminal or a C1 control:
# they garble the card, the thread and the customer's e-mail. Tabs and newlines are text.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")
_CONTROLS = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)])


def clean_text(text: str) -> str:
    """Typed text as it may be stored: line ends as \\n, no control characters but tabs and
    newlines. Every text field of every input passes here, from a command or a modal."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ANSI.sub("", text).translate(_CONTROLS)


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _clean(cls, data: Any) -> Any:
        if isinstance(data, Mapping):
            return {k: clean_text(v) if isinstance(v, str) else v for k, v in data.items()}
        return data


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


class TicketRef(_Input):
    """A subcommand about one ticket, with whatever text follows its number."""

    number: str = Field(min_length=1, max_length=32)
    text: str = Field(default="", max_length=20000)


class Closing(_Input):
    number: str = Field(min_length=1, max_length=32)
    reason: CloseReason | None = None


class Assignment(_Input):
    number: str = Field(min_length=1, max_length=32)
    user: str = Field(min_length=1, max_length=32)


class ThirdPartyWait(_Input):
    number: str = Field(min_length=1, max_length=32)
    party: ThirdParty
    text: str = Field(default="", max_length=20000)


class Reclassification(_Input):
    number: str = Field(min_length=1, max_length=32)
    changes: Reclassify


class TicketFilter(_Input):
    """`/ticket lijst`: `status` is a status, "open" (the default) or "all"."""

    mine: bool = False
    line: int | None = None
    customer: str | None = Field(default=None, max_length=32)
    status: str = "open"

    @property
    def statuses(self) -> tuple[str, ...] | None:
        """The statuses to list; None for every status."""
        if self.status == "all":
            return None
        if self.status == "open":
            return tuple(sorted(OPEN))
        return (self.status,)


class SlaQuery(_Input):
    """`/sla`: help, one ticket's clocks, or the tickets at risk on some lines."""

    help: bool = False
    number: str | None = None
    all_lines: bool = False
    line: int | None = None


class CustomerInput(_Input):
    code: str = Field(min_length=2, max_length=32)
    name: str = Field(min_length=1, max_length=200)
    sla_tier: Literal["bronze", "silver", "gold"]
    contract_date: Any
    account_manager: str = Field(min_length=1, max_length=200)

    @field_validator("code")
    @classmethod
    def _code(cls, v: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", v):
            raise PydanticCustomError("code_invalid", "letters, digits, - and _")
        return v

    @field_validator("contract_date", mode="before")
    @classmethod
    def _date(cls, v: object) -> object:
        if isinstance(v, date):
            return v
        try:
            return date.fromisoformat(str(v).strip())
        except ValueError:
            raise PydanticCustomError("date_invalid", "not a date like YYYY-MM-DD") from None


class ContactInput(_Input):
    name: str = Field(min_length=1, max_length=200)
    email: str = Field(max_length=254)
    phone: str = Field(default="", max_length=40)
    role: Literal["main", "it", "end_user"]

    @field_validator("email")
    @classmethod
    def _email(cls, v: str) -> str:
        if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", v):
            raise PydanticCustomError("email_invalid", "not an e-mail address")
        return v


_KEYS = {
    "missing": "field.required",
    "string_too_short": "field.too_short",
    "string_too_long": "field.too_long",
    "literal_error": "field.choice_invalid",
    "string_pattern_mismatch": "field.format_invalid",
    "value_error": "field.format_invalid",
    "date_invalid": "field.date_invalid",
    "email_invalid": "field.email_invalid",
    "code_invalid": "field.code_invalid",
    "extra_forbidden": "field.unknown_key",
}


def _problems(exc: ValidationError) -> dict[str, tuple[str, Mapping[str, Any]]]:
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
    return fields


def build(model: type[M], data: Mapping[str, Any]) -> M:
    """Validate, or raise InvalidInput naming each bad field."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        raise InvalidInput(_problems(exc)) from None


def check_given(model: type[BaseModel], data: Mapping[str, Any]) -> None:
    """Validate only the fields `data` has (an edit of some fields), as `build` would."""
    try:
        model.model_validate(dict(data))
    except ValidationError as exc:
        given = {k: v for k, v in _problems(exc).items() if k in data}
        if given:
            raise InvalidInput(given) from None
