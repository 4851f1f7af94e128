"""`/ticket`: one subcommand per thing an agent can do, so the console and keyboard users can
do everything the buttons do. `/ticket` alone opens the new-ticket modal."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.blocks import ticket_modal
from bot.blocks import vocabulary as voc
from bot.blocks.replies import reply, ticket_detail, ticket_list
from bot.blocks.text import mention, tr
from bot.domain.errors import InvalidInput
from bot.domain.lifecycle import Status
from bot.i18n import t
from bot.parsing import (
    TICKET_KEYS,
    level,
    parse_fields,
    split_subcommand,
    ticket_number,
    user_mention,
    via,
)
from bot.services.desk import ListQuery, Outcome
from bot.services.inputs import NewTicket, Reclassify, build
from bot.services.roles import STAFF
from bot.services.views import TicketView
from bot.surface import Command
from bot.wiring import Services
from handlers import errors

Reply = dict[str, Any]

THIRD_PARTY_WORDS = {
    **dict.fromkeys(("klant", "customer"), "customer"),
    **dict.fromkeys(("onderaannemer", "subcontractor", "korton"), "subcontractor"),
}


def _number_and_text(rest: str) -> tuple[str, str]:
    head, _, text = rest.strip().partition(" ")
    if not head:
        raise InvalidInput.one("number", "field.required")
    return ticket_number(head), text.strip()


def new_ticket_input(rest: str) -> NewTicket:
    parsed = parse_fields(rest, TICKET_KEYS)
    data: dict[str, Any] = dict(parsed.fields)
    data["subject"] = parsed.rest
    problems: dict[str, tuple[str, Mapping[str, Any]]] = {}
    for key, fn in (("impact", level), ("urgency", level)):
        if key in data:
            try:
                data[key] = fn(data[key], key)
            except InvalidInput as exc:
                problems.update(exc.fields)
    if "via" in data:
        try:
            data["via"] = via(data["via"])
        except InvalidInput as exc:
            problems.update(exc.fields)
    try:
        model = build(NewTicket, data)
    except InvalidInput as exc:
        raise InvalidInput({**exc.fields, **problems}) from None
    if problems:
        raise InvalidInput(problems)
    return model


class TicketCommand:
    """Maps each subcommand to one desk call and its reply."""

    def __init__(self, s: Services) -> None:
        self.s = s
        self.desk = s.desk
        self.policy = s.policy

    def _line(self, v: TicketView, lang: str) -> str:
        return voc.line_label(self.policy, v.line, lang)

    def _done(self, key: str, o: Outcome, lang: str) -> Reply:
        v = o.ticket
        if not o.changed:
            return reply(tr(lang, "ok.nothing_changed", number=v.number))
        return reply(
            tr(
                lang,
                key,
                number=v.number,
                assignee=mention(v.assignee, lang),
                priority=voc.priority_label(self.policy, v.priority, lang),
                line=self._line(v, lang),
                contact=v.contact_name,
            )
        )

    def new(self, user: str, rest: str, lang: str, response_url: str | None = None) -> Reply:
        data = new_ticket_input(rest)
        self.desk.accept(user, data, response_url=response_url, lang=lang)
        return reply(tr(lang, "ok.accepted", customer=data.customer, subject=data.subject))

    def take(self, user: str, rest: str, lang: str) -> Reply:
        number, _ = _number_and_text(rest)
        return self._done("ok.take", self.desk.take(user, number), lang)

    def assign(self, user: str, rest: str, lang: str) -> Reply:
        number, who = _number_and_text(rest)
        if not who:
            raise InvalidInput.one("user", "field.required")
        return self._done("ok.assign", self.desk.assign(user, number, user_mention(who)), lang)

    def reclassify(self, user: str, rest: str, lang: str) -> Reply:
        number, text = _number_and_text(rest)
        fields = parse_fields(text, {**TICKET_KEYS}).fields
        unknown = set(fields) - {"type", "impact", "urgency"}
        if unknown:
            raise InvalidInput.one(
                sorted(unknown)[0], "field.unknown_key", value=sorted(unknown)[0]
            )
        data: dict[str, Any] = dict(fields)
        for key in ("impact", "urgency"):
            if key in data:
                data[key] = level(data[key], key)
        return self._done(
            "ok.reclassify", self.desk.reclassify(user, number, build(Reclassify, data)), lang
        )

    def _text_action(
        self, method: Callable[[str, str, str], Outcome], key: str
    ) -> Callable[[str, str, str], Reply]:
        def run(user: str, rest: str, lang: str) -> Reply:
            number, text = _number_and_text(rest)
            return self._done(key, method(user, number, text), lang)

        return run

    def third_party(self, user: str, rest: str, lang: str) -> Reply:
        number, text = _number_and_text(rest)
        party_word, _, reason = text.partition(" ")
        party = THIRD_PARTY_WORDS.get(party_word.lower(), party_word)
        return self._done(
            "ok.wait_third_party", self.desk.wait_third_party(user, number, party, reason), lang
        )

    def close(self, user: str, rest: str, lang: str) -> Reply:
        number, _ = _number_and_text(rest)
        return self._done("ok.close", self.desk.close(user, number), lang)

    def show(self, user: str, rest: str, lang: str) -> Reply:
        number, _ = _number_and_text(rest)
        view, events = self.desk.show(user, number)
        return ticket_detail(view, events, self.policy, lang)

    def list(self, user: str, rest: str, lang: str) -> Reply:
        parsed = parse_fields(
            rest,
            {
                "lijn": "line",
                "line": "line",
                "klant": "customer",
                "customer": "customer",
                "status": "status",
            },
        )
        words = [w.lower() for w in parsed.words]
        bad = [w for w in words if w not in ("mijn", "mine", "alle", "all")]
        if bad:
            raise InvalidInput.one("input", "field.unknown_key", value=bad[0])
        statuses: tuple[str, ...] | None = ListQuery().statuses
        status = parsed.fields.get("status", "").lower()
        if status in ("alle", "all") or "alle" in words or "all" in words:
            statuses = None
        elif status:
            if status not in set(Status):
                raise InvalidInput.one("status", "field.choice_invalid", value=status)
            statuses = (status,)
        line = parsed.fields.get("line")
        if line is not None and line not in ("1", "2", "3"):
            raise InvalidInput.one("line", "field.choice_invalid", value=line)
        query = ListQuery(
            mine="mijn" in words or "mine" in words,
            line=int(line) if line else None,
            customer=parsed.fields.get("customer"),
            statuses=statuses,
        )
        described = [t(lang, "list.filter_mine")] if query.mine else []
        described += [f"{k}={v}" for k, v in parsed.fields.items()]
        if not described:
            described = [t(lang, "list.filter_open")]
        limit = 50
        views = self.desk.list(user, query, limit=limit)
        return ticket_list(views, self.policy, lang, " · ".join(described), limit)

    def lang(self, user: str, rest: str, lang: str) -> Reply:
        choice = rest.strip().lower()
        self.desk.set_lang(user, choice)
        return reply(t(choice, "ok.lang"))

    def help(self, user: str, rest: str, lang: str) -> Reply:
        types = "|".join(self.policy.types)
        return reply(t(lang, "help.ticket", types=types))

    def routes(self) -> dict[str, Callable[[str, str, str], Reply]]:
        d = self.desk
        return {
            "new": self.new,
            "take": self.take,
            "assign": self.assign,
            "reclassify": self.reclassify,
            "escalate": self._text_action(d.escalate, "ok.escalate"),
            "wait": self._text_action(d.wait, "ok.wait"),
            "resolve": self._text_action(d.resolve, "ok.resolve"),
            "third_party": self.third_party,
            "close": self.close,
            "reopen": self._text_action(d.reopen, "ok.reopen"),
            "resume": self._text_action(d.resume, "ok.resume"),
            "note": self._text_action(d.note, "ok.note"),
            "show": self.show,
            "list": self.list,
            "lang": self.lang,
            "help": self.help,
        }


def _bare(body: dict[str, Any]) -> bool:
    return not str(body.get("text", "")).strip()


def _with_text(body: dict[str, Any]) -> bool:
    return not _bare(body)


def register(app: App, s: Services) -> None:
    command = TicketCommand(s)
    routes = command.routes()

    def ack_modal(ack: Ack, body: dict[str, Any]) -> None:
        # The modal opens in the lazy listener; check the role now so a refusal is an
        # immediate, clear reply rather than a modal that fails on submit.
        s.roles.require(body["user_id"], STAFF)
        ack()

    def open_modal(body: dict[str, Any], client: WebClient, context: dict[str, Any]) -> None:
        # Bolt starts lazy listeners even when the ack refused the request.
        if not s.roles.roles_of(body["user_id"]) & STAFF:
            return
        view = ticket_modal.new_ticket(
            s.policy, context["lang"], metadata={"channel": body.get("channel_id")}
        )
        client.views_open(trigger_id=body["trigger_id"], view=view)

    def ack_subcommand(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        user, lang = body["user_id"], context["lang"]
        sub, rest = split_subcommand(body.get("text", ""))
        if sub == "new":
            # Registering waits for nothing: the number follows through response_url.
            ack(**command.new(user, rest, lang, body.get("response_url")))
            return
        ack(**routes[sub](user, rest, lang))

    # Two listeners, so only `/ticket` alone pays for a lazy listener (Bolt copies the whole
    # request for one). Subcommands first: they are nearly all of the traffic, and Bolt tries
    # listeners in order, each custom matcher at the cost of building all its arguments.
    app.command(Command.TICKET.value, matchers=[_with_text])(ack_subcommand)
    app.command(Command.TICKET.value, matchers=[_bare])(
        ack=ack_modal, lazy=[errors.lazy(s, open_modal)]
    )
