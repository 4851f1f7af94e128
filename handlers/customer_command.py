"""`/klant`: admins manage customers and their contacts; staff may look them up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App

from bot.blocks import customer as render
from bot.blocks.replies import reply
from bot.blocks.text import tr
from bot.domain.errors import InvalidInput
from bot.i18n import t
from bot.parsing import parse_fields, unescape_slack
from bot.services.directory import Directory
from bot.surface import Command
from bot.wiring import Services

SUBCOMMANDS = {
    **dict.fromkeys(("lijst", "list"), "list"),
    **dict.fromkeys(("toon", "show"), "show"),
    **dict.fromkeys(("zet", "set"), "set"),
    **dict.fromkeys(("nieuw", "new"), "new"),
    **dict.fromkeys(("wijzig", "edit"), "edit"),
    **dict.fromkeys(("contact",), "contact"),
    **dict.fromkeys(("verwijder-contact", "remove-contact"), "remove_contact"),
    **dict.fromkeys(("help", "hulp"), "help"),
}
CUSTOMER_KEYS = {
    "code": "code",
    **dict.fromkeys(("naam", "name"), "name"),
    **dict.fromkeys(("sla", "tier"), "sla_tier"),
    **dict.fromkeys(("contract", "contractdatum", "contract_date"), "contract_date"),
    **dict.fromkeys(("accountmanager", "account_manager"), "account_manager"),
}
CONTACT_KEYS = {
    **dict.fromkeys(("naam", "name"), "name"),
    **dict.fromkeys(("email", "e-mail", "mail"), "email"),
    **dict.fromkeys(("telefoon", "tel", "phone"), "phone"),
    **dict.fromkeys(("rol", "role"), "role"),
}
TIERS = {
    "goud": "gold",
    "gold": "gold",
    "zilver": "silver",
    "silver": "silver",
    "brons": "bronze",
    "bronze": "bronze",
}
ROLES = {
    **dict.fromkeys(("hoofd", "hoofdcontact", "main"), "main"),
    "it": "it",
    **dict.fromkeys(("eindgebruiker", "end_user", "enduser"), "end_user"),
}


def _code_and_rest(rest: str) -> tuple[str, str]:
    code, _, more = rest.strip().partition(" ")
    if not code:
        raise InvalidInput.one("code", "field.required")
    return code, more


def customer_fields(text: str) -> dict[str, Any]:
    parsed = parse_fields(text, CUSTOMER_KEYS)
    if parsed.words:
        raise InvalidInput.one("input", "field.unknown_key", value=parsed.words[0])
    data: dict[str, Any] = dict(parsed.fields)
    if "sla_tier" in data:
        data["sla_tier"] = TIERS.get(data["sla_tier"].lower(), data["sla_tier"])
    return data


def contact_fields(text: str) -> dict[str, Any]:
    parsed = parse_fields(text, CONTACT_KEYS)
    if parsed.words:
        raise InvalidInput.one("input", "field.unknown_key", value=parsed.words[0])
    data: dict[str, Any] = dict(parsed.fields)
    if "role" in data:
        data["role"] = ROLES.get(data["role"].lower(), data["role"])
    return data


Answer = Callable[[Directory, str, str, str], dict[str, Any]]


def _help(d: Directory, user: str, rest: str, lang: str) -> dict[str, Any]:
    return reply(t(lang, "help.klant"))


def _list(d: Directory, user: str, rest: str, lang: str) -> dict[str, Any]:
    return render.listing(d.list(user), lang)


def _show(d: Directory, user: str, rest: str, lang: str) -> dict[str, Any]:
    return render.detail(d.show(user, _code_and_rest(rest)[0]), lang)


def _new(d: Directory, user: str, rest: str, lang: str) -> dict[str, Any]:
    return render.saved_customer(d.create_customer(user, customer_fields(rest)), lang)


def _set(d: Directory, user: str, rest: str, lang: str) -> dict[str, Any]:
    return render.saved_customer(d.save_customer(user, customer_fields(rest)), lang)


def _edit(d: Directory, user: str, rest: str, lang: str) -> dict[str, Any]:
    code, more = _code_and_rest(rest)
    changes = customer_fields(more)
    changes.pop("code", None)
    return render.saved_customer(d.edit_customer(user, code, changes), lang)


def _contact(d: Directory, user: str, rest: str, lang: str) -> dict[str, Any]:
    code, more = _code_and_rest(rest)
    data = contact_fields(more)
    return render.saved_contact(d.save_contact(user, code, data), str(data.get("name", "")), lang)


def _remove_contact(d: Directory, user: str, rest: str, lang: str) -> dict[str, Any]:
    code, typed = _code_and_rest(rest)
    # With should_escape, Slack sends an address as <mailto:…|…>.
    email = unescape_slack(typed).strip()
    view = d.remove_contact(user, code, email)
    return reply(tr(lang, "customer.contact_removed", email=email, code=view.code))


ANSWERS: dict[str, Answer] = {
    "help": _help,
    "list": _list,
    "show": _show,
    "new": _new,
    "set": _set,
    "edit": _edit,
    "contact": _contact,
    "remove_contact": _remove_contact,
}


def register(app: App, s: Services) -> None:
    d = s.directory

    @app.command(Command.KLANT.value)
    def klant(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        user, lang = body["user_id"], context["lang"]
        head, _, rest = body.get("text", "").strip().partition(" ")
        sub = SUBCOMMANDS.get(head.lower() or "list")
        try:
            if sub is None:
                raise InvalidInput.one("subcommand", "field.unknown_subcommand", value=head)
            ack(**ANSWERS[sub](d, user, rest, lang))
        except InvalidInput as exc:
            # Its help line points to `/klant help`, not to /ticket's.
            exc.params.setdefault("command", Command.KLANT.value)
            raise
