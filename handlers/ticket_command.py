"""`/ticket`: one subcommand per thing an agent can do, so the console and keyboard users can
do everything the buttons do. `/ticket` alone opens the new-ticket modal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.blocks.replies import reply
from bot.blocks.text import Raw, mention, tr
from bot.events import Actor
from bot.i18n import t
from bot.roles import STAFF
from bot.surface import Command
from bot.tickets import grammar
from bot.tickets.blocks import modal as ticket_modal
from bot.tickets.blocks import vocabulary as voc
from bot.tickets.blocks.replies import registered, ticket_detail, ticket_list
from bot.tickets.blocks.thread import scope_label
from bot.tickets.changes import Outcome
from bot.tickets.grammar import split_subcommand
from bot.tickets.inputs import IN_SCOPE
from bot.tickets.queries import ListQuery
from bot.tickets.views import TicketView
from bot.wiring import Services
from handlers import billing_ticket, errors

Reply = dict[str, Any]


class TicketCommand:
    """Maps each subcommand to one desk call and its reply."""

    def __init__(self, s: Services) -> None:
        self.s = s
        self.tickets = s.tickets
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

    def new(self, user: str, rest: str, lang: str, request_key: str | None = None) -> Reply:
        data = grammar.new_ticket(rest, self.policy, lang)
        view = self.s.registration.register(Actor.slack(user), data, request_key=request_key)
        return reply(registered(view, self.policy, lang))

    def take(self, user: str, rest: str, lang: str) -> Reply:
        ref = grammar.ticket_ref("take", rest, self.policy, lang)
        return self._done("ok.take", self.tickets.take(Actor.slack(user), ref.number), lang)

    def assign(self, user: str, rest: str, lang: str) -> Reply:
        a = grammar.assignment(rest, self.policy, lang)
        return self._done(
            "ok.assign", self.tickets.assign(Actor.slack(user), a.number, a.user), lang
        )

    def reclassify(self, user: str, rest: str, lang: str) -> Reply:
        r = grammar.reclassification(rest, self.policy, lang)
        outcome = self.tickets.reclassify(Actor.slack(user), r.number, r.changes)
        scope = r.changes.scope
        if scope is None or not outcome.changed:
            return self._done("ok.reclassify", outcome, lang)
        # scope= given: the reply names the scope as it now is (billable work's rules 4, 5).
        v = outcome.ticket
        label = scope_label(self.policy, None if scope == IN_SCOPE else scope, lang)
        return reply(
            tr(
                lang,
                "ok.reclassify_scope",
                number=v.number,
                priority=voc.priority_label(self.policy, v.priority, lang),
                line=self._line(v, lang),
                scope=Raw(label),  # made by tr: escaped already
            )
        )

    def _text_action(
        self, sub: str, method: Callable[[Actor, str, str], Outcome], key: str
    ) -> Callable[[str, str, str], Reply]:
        def run(user: str, rest: str, lang: str) -> Reply:
            ref = grammar.ticket_ref(sub, rest, self.policy, lang)
            return self._done(key, method(Actor.slack(user), ref.number, ref.text), lang)

        return run

    def third_party(self, user: str, rest: str, lang: str) -> Reply:
        w = grammar.third_party_wait(rest, self.policy, lang)
        outcome = self.tickets.wait_third_party(Actor.slack(user), w.number, w.party, w.text)
        return self._done("ok.wait_third_party", outcome, lang)

    def close(self, user: str, rest: str, lang: str) -> Reply:
        c = grammar.closing(rest, self.policy, lang)
        outcome = self.tickets.close(Actor.slack(user), c.number, c.reason)
        if c.reason is None or not outcome.changed:
            return self._done("ok.close", outcome, lang)
        label = voc.close_reason_label(c.reason, lang)
        return reply(tr(lang, "ok.close_cancelled", number=outcome.ticket.number, reason=label))

    def show(self, user: str, rest: str, lang: str) -> Reply:
        ref = grammar.ticket_ref("show", rest, self.policy, lang)
        view, events = self.s.queries.show(user, ref.number)
        return ticket_detail(view, events, self.policy, lang)

    def list(self, user: str, rest: str, lang: str) -> Reply:
        f = grammar.ticket_filter(rest, self.policy, lang)
        query = ListQuery(mine=f.mine, line=f.line, customer=f.customer, statuses=f.statuses)
        limit = 50
        views = self.s.queries.list(user, query, limit=limit)
        return ticket_list(views, self.policy, lang, grammar.describe_filter(f, lang), limit)

    def lang(self, user: str, rest: str, lang: str) -> Reply:
        choice = grammar.language(rest, lang)
        self.s.preferences.set_lang(user, choice)
        return reply(t(choice, "ok.lang"))

    def help(self, user: str, rest: str, lang: str) -> Reply:
        types = "|".join(self.policy.types)
        return reply(t(lang, "help.ticket", types=types))

    def routes(self) -> dict[str, Callable[[str, str, str], Reply]]:
        d = self.tickets
        return {
            "new": self.new,
            "take": self.take,
            "assign": self.assign,
            "reclassify": self.reclassify,
            "escalate": self._text_action("escalate", d.escalate, "ok.escalate"),
            "wait": self._text_action("wait", d.wait, "ok.wait"),
            "resolve": self._text_action("resolve", d.resolve, "ok.resolve"),
            "third_party": self.third_party,
            "close": self.close,
            "reopen": self._text_action("reopen", d.reopen, "ok.reopen"),
            "resume": self._text_action("resume", d.resume, "ok.resume"),
            "note": self._text_action("note", d.note, "ok.note"),
            "show": self.show,
            "list": self.list,
            "lang": self.lang,
            "help": self.help,
            # A text of nothing but control characters, which the parser drops.
            "": self.help,
        }


def _bare(body: dict[str, Any]) -> bool:
    return not str(body.get("text", "")).strip()


def _with_text(body: dict[str, Any]) -> bool:
    return not _bare(body)


def register(app: App, s: Services) -> None:
    command = TicketCommand(s)
    routes = {**command.routes(), **billing_ticket.routes(s)}

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
            # Registered while Slack waits; the trigger_id makes a replayed request harmless.
            trigger = body.get("trigger_id")
            ack(**command.new(user, rest, lang, f"command:{trigger}" if trigger else None))
            return
        ack(**routes[sub](user, rest, lang))

    # Two listeners, so only `/ticket` alone pays for a lazy listener (Bolt copies the whole
    # request for one). Subcommands first: they are nearly all of the traffic, and Bolt tries
    # listeners in order, each custom matcher at the cost of building all its arguments.
    app.command(Command.TICKET.value, matchers=[_with_text])(ack_subcommand)
    app.command(Command.TICKET.value, matchers=[_bare])(
        ack=ack_modal, lazy=[errors.lazy(s, open_modal)]
    )
