"""`/klant`: admins manage customers and their contacts; staff may look them up."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.blocks import customer as render
from bot.blocks.replies import reply
from bot.blocks.text import tr
from bot.domain.errors import InvalidInput
from bot.i18n import t
from bot.parsing import contact_fields, customer_fields
from bot.surface import Command
from bot.wiring import Services

SUBCOMMANDS = {
    **dict.fromkeys(("lijst", "list"), "list"),
    **dict.fromkeys(("toon", "show"), "show"),
    **dict.fromkeys(("zet", "set", "nieuw", "new"), "set"),
    **dict.fromkeys(("wijzig", "edit"), "edit"),
    **dict.fromkeys(("contact",), "contact"),
    **dict.fromkeys(("verwijder-contact", "remove-contact"), "remove_contact"),
    **dict.fromkeys(("help", "hulp"), "help"),
}


def _code_and_rest(rest: str) -> tuple[str, str]:
    code, _, more = rest.strip().partition(" ")
    if not code:
        raise InvalidInput.one("code", "field.required")
    return code, more


def register(app: App, s: Services) -> None:
    d = s.directory

    @app.command(Command.KLANT.value)
    def klant(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        user, lang = body["user_id"], context["lang"]
        head, _, rest = body.get("text", "").strip().partition(" ")
        sub = SUBCOMMANDS.get(head.lower() or "list")
        if sub is None:
            raise InvalidInput.one("subcommand", "field.unknown_subcommand", value=head)
        if sub == "help":
            ack(**reply(t(lang, "help.klant")))
        elif sub == "list":
            ack(**render.listing(d.list(user), lang))
        elif sub == "show":
            ack(**render.detail(d.show(user, _code_and_rest(rest)[0]), lang))
        elif sub in ("set", "edit"):
            data = (
                customer_fields(rest, lang, complete=True)
                if sub == "set"
                else _edit(s, user, rest, lang)
            )
            view, state = d.save_customer(user, data)
            ack(**reply(tr(lang, f"customer.saved.{state}", code=view.code, name=view.name)))
        elif sub == "contact":
            code, more = _code_and_rest(rest)
            data = contact_fields(more, lang)
            view = d.save_contact(user, code, data)
            ack(
                **reply(
                    tr(lang, "customer.contact_saved", name=data.get("name", ""), code=view.code)
                )
            )
        else:
            code, email = _code_and_rest(rest)
            view = d.remove_contact(user, code, email)
            ack(**reply(tr(lang, "customer.contact_removed", email=email.strip(), code=view.code)))


def _edit(s: Services, user: str, rest: str, lang: str) -> dict[str, Any]:
    code, more = _code_and_rest(rest)
    current = s.directory.show(user, code)
    data = {
        "code": current.code,
        "name": current.name,
        "sla_tier": current.sla_tier,
        "contract_date": current.contract_date,
        "account_manager": current.account_manager,
    }
    changes = customer_fields(more, lang, complete=False)
    changes.pop("code", None)
    return data | changes
