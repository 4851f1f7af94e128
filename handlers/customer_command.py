"""`/klant`: admins manage customers and their contacts; staff may look them up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App

from bot.blocks.replies import reply
from bot.blocks.text import tr
from bot.directory import blocks as render
from bot.directory.grammar import contact_fields, customer_fields
from bot.directory.service import Directory
from bot.errors import InvalidInput
from bot.i18n import t
from bot.parsing import unescape_slack
from bot.surface import Command
from bot.wiring import Services
from handlers import billing_facts

SUBCOMMANDS = {
    **dict.fromkeys(("lijst", "list"), "list"),
    **dict.fromkeys(("toon", "show"), "show"),
    **dict.fromkeys(("zet", "set"), "set"),
    **dict.fromkeys(("nieuw", "new"), "new"),
    **dict.fromkeys(("wijzig", "edit"), "edit"),
    **dict.fromkeys(("contact",), "contact"),
    **dict.fromkeys(("verwijder-contact", "remove-contact"), "remove_contact"),
    # Billable work, rule 3 (handlers/billing_facts.py): missing basic knowledge, and the
    # outcome of the training offered.
    **dict.fromkeys(("kennis", "knowledge", "basiskennis"), "knowledge"),
    **dict.fromkeys(("training",), "training"),
    **dict.fromkeys(("help", "hulp"), "help"),
}


def _code_and_rest(rest: str) -> tuple[str, str]:
    code, _, more = rest.strip().partition(" ")
    if not code:
        raise InvalidInput.one("code", "field.required")
    return code, more


Answer = Callable[[Directory, str, str, str], dict[str, Any]]


def _help(d: Directory, user: str, rest: str, lang: str) -> dict[str, Any]:
    return reply(t(lang, "help.klant"))


def _list(d: Directory, user: str, rest: str, lang: str) -> dict[str, Any]:
    return render.listing(d.list(user), lang)


def _show(d: Directory, user: str, rest: str, lang: str) -> dict[str, Any]:
    return render.detail(d.show(user, _code_and_rest(rest)[0]), lang)


def _new(d: Directory, user: str, rest: str, lang: str) -> dict[str, Any]:
    return render.saved_customer(
        d.create_customer(user, customer_fields(rest, lang, complete=True)), lang
    )


def _set(d: Directory, user: str, rest: str, lang: str) -> dict[str, Any]:
    return render.saved_customer(
        d.save_customer(user, customer_fields(rest, lang, complete=True)), lang
    )


def _edit(d: Directory, user: str, rest: str, lang: str) -> dict[str, Any]:
    code, more = _code_and_rest(rest)
    changes = customer_fields(more, lang, complete=False)
    changes.pop("code", None)
    return render.saved_customer(d.edit_customer(user, code, changes), lang)


def _contact(d: Directory, user: str, rest: str, lang: str) -> dict[str, Any]:
    code, more = _code_and_rest(rest)
    data = contact_fields(more, lang)
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
    billing = billing_facts.customer_routes(s)

    @app.command(Command.KLANT.value)
    def klant(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        user, lang = body["user_id"], context["lang"]
        head, _, rest = body.get("text", "").strip().partition(" ")
        sub = SUBCOMMANDS.get(head.lower() or "list")
        try:
            if sub is None:
                raise InvalidInput.one("subcommand", "field.unknown_subcommand", value=head)
            if sub in billing:
                ack(**billing[sub](user, rest, lang))
            else:
                ack(**ANSWERS[sub](d, user, rest, lang))
        except InvalidInput as exc:
            # Its help line points to `/klant help`, not to /ticket's.
            exc.params.setdefault("command", Command.KLANT.value)
            raise
