"""What a handler hands a service: payloads parsed into pydantic models (each capability
defines its own, on the base class here).

Pydantic's own complaints are turned into InvalidInput with catalogue keys per field, so a modal
can show them inline and a slash command can list them, in the agent's language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    ValidationError,
    model_validator,
)

from bot.errors import InvalidInput

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


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _clean(cls, data: Any) -> Any:
        if isinstance(data, Mapping):
            return {k: clean_text(v) if isinstance(v, str) else v for k, v in data.items()}
        return data


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
            # The length a too-short or too-long text must meet; it picks the plural form.
            "count": ctx.get("min_length", ctx.get("max_length", "")),
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
