"""One console session: who is typing, and what a typed line does."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from slack_bolt import BoltContext, BoltRequest, BoltResponse
from sqlalchemy.engine import make_url

from bot.app import create_app
from bot.clock import Clock
from bot.i18n import t
from bot.outbox.payloads import Respond
from bot.policy import Policy
from bot.settings import Settings
from bot.summaries.report_payloads import ReportReply
from bot.surface import Command
from bot.transports.console import render
from bot.transports.console.client import ConsoleWebClient
from bot.transports.console.deliveries import ConsoleDeliveries
from bot.transports.console.files import DEFAULT_FOLDER, size_text
from bot.transports.console.lazy import DeferredLazyListenerRunner
from bot.transports.console.personas import PERSONAS, default_persona, find_persona, slack_text
from bot.transports.console.screen import Screen
from bot.transports.console.workspace import (
    APP_ID,
    BOT_USER_ID,
    CONSOLE_CHANNEL,
    CONSOLE_TOKEN,
    OFFLINE_URL,
    TEAM_ID,
    channel_id,
    dm_id,
)
from bot.wiring import Services, build_services


def _policy_channels(policy: Policy) -> list[str]:
    return [line.channel for line in policy.routing.lines.values()] + [policy.channels.team_leads]


def _policy_groups(policy: Policy) -> dict[str, str]:
    """The lines' user groups, named like a Slack handle after their line: `@2e-lijn`."""
    return {
        line.usergroup: "-".join(line.label(policy.language).split())
        for line in policy.routing.lines.values()
        if line.usergroup
    }


def _demo_codes() -> list[str]:
    import yaml

    text = resources.files("bot").joinpath("demo_directory.yml").read_text(encoding="utf-8")
    return [str(c["code"]) for c in yaml.safe_load(text)["customers"]]


class Console:
    """Balie with the console's edges, and the persona typing; speaks the policy's language.

    `policy` is the policy with the personas' roles (personas.console_policy); uploaded files
    are saved in `files` (a folder, made when the first file comes).
    """

    def __init__(
        self,
        settings: Settings,
        screen: Screen,
        *,
        policy: Policy,
        clock: Clock,
        demo: bool = True,
        files: Path = DEFAULT_FOLDER,
    ) -> None:
        self.settings = settings
        self.screen = screen
        self.clock = clock
        self.persona = default_persona()
        self.policy = policy
        self.lang: str = policy.language
        users = {p.user_id: p.name for p in PERSONAS} | {BOT_USER_ID: "Balie"}
        self.client = ConsoleWebClient(
            screen,
            users=users,
            clock=clock,
            channels=_policy_channels(self.policy),
            groups=_policy_groups(self.policy),
            lang=self.lang,
            files=files,
        )
        self.names = self.client.names
        deliveries = ConsoleDeliveries(screen, settings.mail_from, self.names, self.lang)
        self.services: Services = build_services(
            settings, policy=self.policy, clock=clock, client=self.client, mail=deliveries.mail
        )
        try:
            # A response_url would be posted to over HTTP; the console shows the text instead.
            self.services.dispatcher.handlers[Respond.kind] = deliveries.respond
            self.services.dispatcher.handlers[ReportReply.kind] = deliveries.report_reply(
                self.services.summaries.figures, self.policy
            )
            # services.background is deliberately not started: the console drains the outbox
            # itself after every command, so cards, threads and e-mails appear right after the
            # reply that caused them, in a fixed order.
            self.imported = self._import_demo() if demo else []
            # With a token in the settings, Bolt checks it with auth.test once, at start-up,
            # through our client. Without one it would call auth.test on its first request
            # through a fresh per-request WebClient, which talks HTTP to Slack.
            app_settings = settings.model_copy(update={"slack_bot_token": CONSOLE_TOKEN})
            self.app = create_app(app_settings, services=self.services, verify_requests=False).app
            self.lazy = DeferredLazyListenerRunner(self.app.logger)
            self.app.listener_runner.lazy_listener_runner = self.lazy
            # Bolt gives listeners a fresh WebClient per request, talking HTTP to Slack;
            # in console mode they get this one.
            self.app.middleware(self._console_client)
        except BaseException:
            self.services.close()
            raise
        self.requests = 0

    def _console_client(self, context: BoltContext, next: Callable[[], BoltResponse]) -> Any:
        context["client"] = self.client
        return next()

    def _import_demo(self) -> list[str]:
        """Load the demo directory into an empty database; an existing directory (a restart,
        or customers imported or edited by hand) is left as it is."""
        if self.services.directory.list(default_persona().user_id):
            return []
        demo = resources.files("bot").joinpath("demo_directory.yml")
        with resources.as_file(demo) as path:
            report = self.services.directory.import_file(path)
        if report.problems:
            raise RuntimeError("demo_directory.yml: " + "; ".join(report.problems))
        return _demo_codes()

    def close(self) -> None:
        self.services.close()

    @property
    def prompt(self) -> str:
        return f"{self.persona.name}> "

    def text(self, key: str, **params: Any) -> str:
        """A console text, wrapped to the terminal; what the user typed in it stays literal."""
        look = self.screen.look(self.names, self.lang)
        safe = {k: render.escape(v) if isinstance(v, str) else v for k, v in params.items()}
        shown = render.mrkdwn(t(self.lang, key, **safe), look)
        cells = look.width + len(render.INDENT)
        return "\n".join(render.wrap(shown, cells, whole_examples=True))

    def say(self, key: str, **params: Any) -> None:
        self.screen.say(self.text(key, **params))

    # --- start-up ----------------------------------------------------------------------------

    def banner(self) -> None:
        lang = self.lang
        url = make_url(self.settings.database_url).render_as_string(hide_password=True)
        policy = str(self.settings.policy_file or t(lang, "console.banner.default_policy"))
        title = t(lang, "console.banner.title")
        p = self.persona
        look = self.screen.look(self.names, lang)
        lines = [
            look.style("bold", title),
            render.underline(title, look),
            self.text("console.banner.intro", folder=str(self.client.shelf.folder)),
            "",
            self.text("console.banner.database", url=url),
            self.text("console.banner.policy", policy=policy),
            self.text("console.banner.persona", name=p.name, description=p.description(lang)),
        ]
        if self.imported:
            lines.append(self.text("console.banner.demo", codes=", ".join(self.imported)))
        lines += ["", self.text("console.banner.try"), ""]
        self.screen.say("\n".join(lines))

    # --- one line ----------------------------------------------------------------------------

    def handle(self, line: str) -> bool:
        """Run one typed line; False when the console should stop."""
        line = line.strip()
        if not line:
            return True
        if line.startswith(":"):
            return self.meta(line)
        if line.startswith("/"):
            self.slash(line)
            return True
        self.say("console.not_a_command")
        return True

    def meta(self, line: str) -> bool:
        word, _, arg = line[1:].strip().partition(" ")
        word = word.lower()
        if word in ("stop", "quit", "exit", "q"):
            return False
        if word in ("gebruiker", "user"):
            self.switch(arg)
        elif word in ("wie", "whoami"):
            p = self.persona
            self.say(
                "console.whoami",
                name=p.name,
                user_id=p.user_id,
                description=p.description(self.lang),
            )
        elif word in ("help", "hulp", "?"):
            self.help()
        elif word in ("home", "thuis"):
            self.home()
        elif word in ("bestanden", "files"):
            self.files(arg)
        elif word in ("samenvattingen", "summaries"):
            self.summaries()
        else:
            self.say("console.unknown_meta", word=word)
        return True

    def switch(self, name: str) -> None:
        choices = ", ".join(p.name for p in PERSONAS)
        if not name.strip():
            self.say("console.switch.current", name=self.persona.name, choices=choices)
            return
        p = find_persona(name)
        if p is None:
            self.say("console.switch.unknown", name=repr(name.strip()), choices=choices)
            return
        self.persona = p
        self.say("console.switch.done", name=p.name, description=p.description(self.lang))

    def help(self) -> None:
        personas = "\n".join(f"    {p.name:<15} {p.description(self.lang)}" for p in PERSONAS)
        self.say("console.help", personas=personas)

    def slash(self, line: str) -> None:
        command, _, text = line.partition(" ")
        known = [c.value for c in Command]
        if command not in known:
            self.say(
                "console.unknown_slash",
                command=command,
                known=", ".join(known[:-1]),
                last=known[-1],
            )
            return
        self.requests += 1
        n, p = self.requests, self.persona
        body = {
            "token": "console",
            "team_id": TEAM_ID,
            "team_domain": "korton",
            "channel_id": channel_id(CONSOLE_CHANNEL),
            "channel_name": CONSOLE_CHANNEL,
            "user_id": p.user_id,
            "user_name": p.name,
            "command": command,
            "text": slack_text(text.strip()),
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": f"{OFFLINE_URL}commands/{TEAM_ID}/{n}",
            "trigger_id": f"{n}.console.{p.user_id}",
        }
        response = self.app.dispatch(
            BoltRequest(
                body=urlencode(body),
                headers={"content-type": ["application/x-www-form-urlencoded"]},
            )
        )
        self.show_ack(response)
        self.deliver()

    def deliver(self) -> None:
        """What a worker would do now: the lazy listeners, then the outbox."""
        self.lazy.run_pending()
        # Pages first, as in the worker: a page never waits behind a card or an e-mail.
        self.services.pager.sweep()
        self.services.page_dispatcher.drain()
        self.services.dispatcher.drain()

    def home(self) -> None:
        """Open the persona's Home tab: the app_home_opened event Slack sends, through the
        Bolt app; the Home Balie publishes for it is shown."""
        p = self.persona
        now = self.clock.now().timestamp()
        body = {
            "token": "console",
            "team_id": TEAM_ID,
            "api_app_id": APP_ID,
            "type": "event_callback",
            # Unique, also after a restart on the same database (Balie skips a redelivery).
            "event_id": "EvCONSOLE" + uuid.uuid4().hex[:12].upper(),
            "event_time": int(now),
            "event": {
                "type": "app_home_opened",
                "user": p.user_id,
                "channel": dm_id(p.user_id),
                "tab": "home",
                "event_ts": f"{now:.6f}",
            },
        }
        self.client.watch_home(p.user_id)
        response = self.app.dispatch(
            BoltRequest(body=json.dumps(body), headers={"content-type": ["application/json"]})
        )
        if response.status != 200:
            self.show_ack(response)
            return
        self.deliver()
        if self.client.waiting_for_home(p.user_id):
            # A republish was already on its way (a ticket changed a moment ago): it waits out
            # its short debounce and is shown when it goes, after a next command.
            self.say("console.home.pending")

    def files(self, folder: str) -> None:
        """Where files are saved, and what was saved; with a folder, save there from now."""
        shelf = self.client.shelf
        if folder.strip():
            shelf.folder = Path(folder.strip()).expanduser()
            self.say("console.files.moved", folder=str(shelf.folder))
            return
        if not shelf.saved:
            self.say("console.files.none", folder=str(shelf.folder))
            return
        rows = "\n".join(
            f"    {item.path}  ({size_text(item.size, self.lang)})" for item in shelf.saved
        )
        self.say("console.files.list", folder=str(shelf.folder), files=rows)

    def summaries(self) -> None:
        """The scheduled summaries due now, as the worker's sweep would post them."""
        if not self.services.summaries.poster.sweep():
            self.say("console.summaries.none")
            return
        self.deliver()

    def show_ack(self, response: BoltResponse) -> None:
        raw = response.body or ""
        try:
            data = json.loads(raw) if raw else {}
        except ValueError:
            data = {"text": raw}
        if not isinstance(data, dict):
            data = {"text": str(data)}
        if response.status != 200:
            self.screen.show(
                t(self.lang, "console.heading.http_error", status=response.status),
                render.message(data.get("text"), None, self.screen.look(self.names, self.lang)),
            )
            return
        if not data.get("text") and not data.get("blocks"):
            return
        shared = data.get("response_type") == "in_channel"
        where = (
            self.names.channel(channel_id(CONSOLE_CHANNEL))
            if shared
            else t(self.lang, "console.where.only_you")
        )
        self.screen.show(
            t(self.lang, "console.heading.message", where=where),
            render.message(
                data.get("text"), data.get("blocks"), self.screen.look(self.names, self.lang)
            ),
        )
