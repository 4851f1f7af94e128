"""The arguments of `/klant`: a customer's or a contact's fields as key=value pairs."""

from __future__ import annotations

from typing import Any

from bot.directory import words
from bot.directory.inputs import ContactInput, CustomerInput
from bot.errors import InvalidInput
from bot.inputs import build, check_given
from bot.parsing.choices import Choices
from bot.parsing.text import Key, Keys, Problems, one_of, scan

CUSTOMER_KEYS = Keys(
    Key("code", "code", "code"),
    Key("name", "naam", "name"),
    Key("sla_tier", "sla", "sla", ("tier",)),
    Key("contract_date", "contract", "contract", ("contractdatum", "contract_date")),
    Key("account_manager", "accountmanager", "account_manager"),
)
CONTACT_KEYS = Keys(
    Key("name", "naam", "name"),
    Key("email", "email", "email", ("e-mail", "mail")),
    Key("phone", "telefoon", "phone", ("tel",)),
    Key("role", "rol", "role"),
)


def _fields(
    text: str, keys: Keys, chosen: dict[str, Choices], lang: str, problems: Problems
) -> dict[str, Any]:
    parsed = scan(text, keys, lang, problems)
    names = one_of((f"{n}=…" for n in keys.names(lang)), lang)
    for word in parsed.words:
        problems.add(word.lower(), "field.unknown_word", value=word, choices=names)
    data: dict[str, Any] = {}
    for name, value in parsed.fields.items():
        if name in chosen:
            label = keys.label(name, lang)
            data[name] = chosen[name].pick(value, problems, name=name, field=label, lang=lang)
        else:
            data[name] = value
    return {k: v for k, v in data.items() if v is not None}


def customer_fields(text: str, lang: str, *, complete: bool) -> dict[str, Any]:
    """`/klant zet` (complete: every field) and `/klant wijzig` (the fields to change)."""
    problems = Problems()
    data = _fields(text, CUSTOMER_KEYS, {"sla_tier": words.TIER}, lang, problems)
    try:
        if complete:
            build(CustomerInput, data)
        else:
            check_given(CustomerInput, data)
    except InvalidInput as exc:
        problems.take(exc)
    problems.check()
    return data


def contact_fields(text: str, lang: str) -> dict[str, Any]:
    """`/klant contact CODE naam=… email=… [telefoon=…] rol=…`."""
    problems = Problems()
    data = _fields(text, CONTACT_KEYS, {"role": words.ROLE}, lang, problems)
    try:
        build(ContactInput, data)
    except InvalidInput as exc:
        problems.take(exc)
    problems.check()
    return data
