"""Console mode: Balie at a prompt in the terminal, like Hubot's shell adapter.

You type the slash commands an agent types in Slack, as one of a few fixed personas, and see
Balie's replies, channel messages and e-mails as text. It is a transport, not a second
implementation: every line becomes the form body Slack would send, dispatched to the same Bolt
app (create_app) with the same handlers and services. Only the edges are replaced: the Web API
client renders instead of calling Slack, and e-mail is shown instead of sent.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, TextIO
from urllib.parse import urlencode

from slack_bolt import BoltContext, BoltRequest, BoltResponse
from slack_bolt.lazy_listener import LazyListenerRunner
from slack_sdk import WebClient
from slack_sdk.web.slack_response import SlackResponse
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from bot.app import create_app
from bot.blocks.ids import CallbackId
from bot.clock import Clock, SystemClock
from bot.policy import Policy, load_policy
from bot.services import effects
from bot.settings import Settings
from bot.surface import Command
from bot.transports import console_render as render
from bot.wiring import Services, build_services
from storage.models import OutboxItem

log = logging.getLogger(__name__)

CONSOLE_TOKEN = "xoxb-console"
TEAM_ID = "TCONSOLE"
APP_ID = "ACONSOLE"
BOT_USER_ID = "UBALIE"
BOT_ID = "BBALIE"
# The channel the console's commands are "typed" in.
CONSOLE_CHANNEL = "console"
# `.invalid` never resolves (RFC 2606): nothing in console mode can reach the network.
OFFLINE_URL = "http://console.invalid/"
WIDTH = render.WIDTH - len(render.INDENT)

NEW_TICKET_HINT = (
    "Een formulier kun je in de console niet invullen. Registreer het ticket in één regel:\n"
    "/ticket nieuw klant=… contact=… via=… type=… impact=… urgentie=… onderwerp\n"
    'bijvoorbeeld: /ticket nieuw klant=ACME contact="Jan Jansen" via=telefoon type=incident '
    "impact=hoog urgentie=midden Printer doet het niet"
)
OTHER_VIEW_HINT = (
    "Een formulier kun je in de console niet invullen; gebruik het /ticket-subcommando "
    "(zie /ticket help)."
)


# --- personas --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Persona:
    name: str
    user_id: str
    roles: tuple[str, ...]  # keys of the policy's role table
    description: str


PERSONAS: tuple[Persona, ...] = (
    Persona("beheerder", "UCONSOLEADMIN", ("admins", "agents"), "beheerder en agent"),
    Persona("agent", "UCONSOLEAGENT", ("agents",), "agent"),
    Persona("teamleider", "UCONSOLELEAD", ("team_leads",), "teamleider"),
    Persona("buitenstaander", "UCONSOLEOUT", (), "geen rol in Balie"),
)
DEFAULT_PERSONA = "beheerder"
_ALIASES = {
    "admin": "beheerder",
    "lead": "teamleider",
    "teamlead": "teamleider",
    "outsider": "buitenstaander",
}


def find_persona(name: str) -> Persona | None:
    wanted = name.strip().lstrip("@").lower()
    wanted = _ALIASES.get(wanted, wanted)
    return next((p for p in PERSONAS if p.name == wanted), None)


def console_policy(policy: Policy) -> Policy:
    """The policy with the personas' roles added to whatever roles it already grants."""
    return policy.with_roles(
        **{
            role: [p.user_id for p in PERSONAS if role in p.roles]
            for role in ("admins", "agents", "team_leads")
        }
    )


def slack_text(typed: str) -> str:
    """The `text` Slack sends for a typed command (`should_escape: true` in the manifest):
    `&`, `<` and `>` as entities, and `@persona` as a user mention."""
    escaped = typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def mention(m: re.Match[str]) -> str:
        p = find_persona(m.group(1))
        return f"<@{p.user_id}|{p.name}>" if p else m.group(0)

    # Not after a word character or a dot, so e-mail addresses stay as typed.
    return re.sub(r"(?<![\w.@])@([A-Za-z][\w-]*)", mention, escaped)


def channel_id(name: str) -> str:
    """A stable fake id for a channel name, as Slack answers a post to `#name` with an id."""
    return "C" + hashlib.sha1(name.lstrip("#").encode()).hexdigest()[:10].upper()


def _dm_id(user_id: str) -> str:
    return "D" + hashlib.sha1(user_id.encode()).hexdigest()[:10].upper()


# --- output ----------------------------------------------------------------------------------


class Screen:
    """The output stream; one lock, so nothing interleaves mid-message."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._lock = threading.Lock()

    def write(self, text: str) -> None:
        with self._lock:
            self.stream.write(text)
            self.stream.flush()

    def say(self, text: str = "") -> None:
        self.write(text + "\n")

    def show(self, heading: str, body: str = "") -> None:
        """A heading like `[#balie-2e-lijn] Balie:` with the body indented below it."""
        self.write(heading + "\n" + (render.indent(body) + "\n" if body else ""))


def _decode(value: Any) -> Any:
    """Blocks and views arrive as JSON strings when a call was form-encoded."""
    if isinstance(value, str) and value[:1] in "[{":
        return json.loads(value)
    return value


class ConsoleWebClient(WebClient):
    """A WebClient that renders Balie's Web API calls on the screen instead of calling Slack.

    Answers look like Slack's (`ok`, a channel id, increasing `ts`, views with an id), so the
    code that reads them (the card's channel and ts, kept for updates and threads) runs as is.
    """

    def __init__(
        self,
        screen: Screen,
        *,
        users: Mapping[str, str],
        clock: Clock,
        channels: Iterable[str] = (),
    ) -> None:
        super().__init__(token=CONSOLE_TOKEN, base_url=OFFLINE_URL + "api/", retry_handlers=[])
        self.screen = screen
        self.clock = clock
        self._channels: dict[str, str] = {}
        self.names = render.Names(users=dict(users), channels=self._channels)
        self._lock = threading.Lock()
        self._last_us = 0
        self._views = 0
        self._labels: dict[str, str] = {}  # message ts -> short label, for thread headings
        self._dms: dict[str, str] = {}  # DM channel id -> user id
        for name in channels:
            self._register(name)
        self._methods: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
            "auth.test": self._auth_test,
            "chat.postMessage": self._post,
            "chat.update": self._update,
            "chat.postEphemeral": self._ephemeral,
            "views.open": self._views_open,
            "views.update": self._views_update,
            "usergroups.users.list": self._usergroup_members,
        }

    # Bolt deep-copies a request's context for its lazy listeners; the copy must still write
    # to this screen, so the client is shared rather than copied (it is thread-safe).
    def __copy__(self) -> ConsoleWebClient:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> ConsoleWebClient:
        return self

    def api_call(
        self,
        api_method: str,
        *,
        http_verb: str = "POST",
        files: dict | None = None,
        data: dict | None = None,
        params: dict | None = None,
        json: dict | None = None,
        headers: dict | None = None,
        auth: dict | None = None,
    ) -> SlackResponse:
        args: dict[str, Any] = {**(params or {}), **(data or {}), **(json or {})}
        method = self._methods.get(api_method)
        with self._lock:
            if method is None:
                self.screen.show(
                    f"[console] Balie roept {api_method} aan; dat kent de console niet."
                )
                payload: dict[str, Any] = {"ok": False, "error": "unknown_method"}
            else:
                payload = method(args)
        return SlackResponse(
            client=self,
            http_verb=http_verb,
            api_url=self.base_url + api_method,
            req_args={"json": args},
            data=payload,
            headers={},
            status_code=200,
        ).validate()

    # --- helpers -----------------------------------------------------------------------------

    def _register(self, name: str) -> str:
        cid = channel_id(name)
        self._channels[cid] = name.lstrip("#")
        return cid

    def _where(self, channel: str) -> tuple[str, str]:
        """(channel id, how to show it) for a channel name, channel id or user id."""
        if channel.startswith("#") or not re.fullmatch(r"[A-Z][A-Z0-9]{2,}", channel):
            cid = self._register(channel)
            return cid, self.names.channel(cid)
        if channel[0] in "UW":
            cid = _dm_id(channel)
            self._dms[cid] = channel
            return cid, f"privébericht aan {self.names.user(channel)}"
        if channel in self._dms:
            return channel, f"privébericht aan {self.names.user(self._dms[channel])}"
        return channel, self.names.channel(channel)

    def _ts(self) -> str:
        us = max(int(self.clock.now().timestamp() * 1_000_000), self._last_us + 1)
        self._last_us = us
        return f"{us // 1_000_000}.{us % 1_000_000:06d}"

    def _label(self, text: str | None) -> str:
        """What a thread heading calls its parent: a card's fallback text starts with the
        ticket number and a ' · ', so that is all it shows."""
        first = render.mrkdwn(text or "", self.names).split("\n", 1)[0].split(" · ", 1)[0]
        return first if len(first) <= 40 else first[:39] + "…"

    def _message(self, text: str | None, blocks: Any) -> str:
        return render.message(text, blocks, self.names, WIDTH)

    # --- methods -----------------------------------------------------------------------------

    def _auth_test(self, args: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": "https://korton.slack.com/",
            "team": "Korton (console)",
            "user": "balie",
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def _usergroup_members(self, args: dict[str, Any]) -> dict[str, Any]:
        # The personas get their roles from the policy, not from user groups.
        return {"ok": True, "users": []}

    def _post(self, args: dict[str, Any]) -> dict[str, Any]:
        cid, where = self._where(str(args.get("channel", "")))
        text, blocks = args.get("text"), _decode(args.get("blocks"))
        ts, thread_ts = self._ts(), args.get("thread_ts")
        if thread_ts:
            label = self._labels.get(str(thread_ts), str(thread_ts))
            heading = f"[{where} › draadje {label}] Balie:"
        else:
            self._labels[ts] = self._label(text)
            heading = f"[{where}] Balie:"
        self.screen.show(heading, self._message(text, blocks))
        message = {"type": "message", "text": text, "user": BOT_USER_ID, "bot_id": BOT_ID}
        message |= {"ts": ts, **({"blocks": blocks} if blocks else {})}
        if thread_ts:
            message["thread_ts"] = thread_ts
        return {"ok": True, "channel": cid, "ts": ts, "message": message}

    def _update(self, args: dict[str, Any]) -> dict[str, Any]:
        cid, where = self._where(str(args.get("channel", "")))
        ts = str(args.get("ts", ""))
        text, blocks = args.get("text"), _decode(args.get("blocks"))
        self._labels[ts] = self._label(text)
        self.screen.show(f"[{where}] Balie werkt een bericht bij:", self._message(text, blocks))
        return {
            "ok": True,
            "channel": cid,
            "ts": ts,
            "text": text,
            "message": {"type": "message", "text": text, "user": BOT_USER_ID, "bot_id": BOT_ID},
        }

    def _ephemeral(self, args: dict[str, Any]) -> dict[str, Any]:
        _, where = self._where(str(args.get("channel", "")))
        user = self.names.user(str(args.get("user", "")))
        text, blocks = args.get("text"), _decode(args.get("blocks"))
        self.screen.show(
            f"[{where} · alleen zichtbaar voor {user}] Balie:", self._message(text, blocks)
        )
        return {"ok": True, "message_ts": self._ts()}

    def _show_view(self, heading: str, view: dict[str, Any]) -> None:
        hint = NEW_TICKET_HINT if view.get("callback_id") == CallbackId.NEW_TICKET else None
        if view.get("callback_id") == CallbackId.REGISTERED:
            hint = None
        elif hint is None:
            hint = OTHER_VIEW_HINT
        body = render.view(view, self.names, WIDTH)
        if hint:
            body += "\n\n" + "\n".join(render.wrap(hint, WIDTH))
        self.screen.show(heading, body)

    def _view_answer(self, view: dict[str, Any], view_id: str) -> dict[str, Any]:
        return {
            "ok": True,
            "view": {
                **view,
                "id": view_id,
                "team_id": TEAM_ID,
                "app_id": APP_ID,
                "bot_id": BOT_ID,
                "hash": self._ts(),
                "state": {"values": {}},
            },
        }

    def _views_open(self, args: dict[str, Any]) -> dict[str, Any]:
        view = dict(_decode(args.get("view")) or {})
        self._views += 1
        self._show_view("[formulier] Balie opent een formulier:", view)
        return self._view_answer(view, f"VCONSOLE{self._views:04d}")

    def _views_update(self, args: dict[str, Any]) -> dict[str, Any]:
        view = dict(_decode(args.get("view")) or {})
        self._show_view("[formulier] Balie werkt het formulier bij:", view)
        return self._view_answer(view, str(args.get("view_id") or "VCONSOLE0000"))


class ConsoleDeliveries:
    """Outbox deliveries that leave the process in other modes, shown on the screen instead."""

    def __init__(self, screen: Screen, sender: str, names: render.Names) -> None:
        self.screen = screen
        self.sender = sender
        self.names = names

    def mail(self, session: Session, item: OutboxItem) -> None:
        p = item.payload
        self.screen.show(
            "[e-mail, niet verstuurd] Balie mailt:",
            render.email(
                sender=self.sender,
                to=str(p.get("to", "")),
                subject=str(p.get("subject", "")),
                body=str(p.get("body", "")),
                width=WIDTH,
            ),
        )

    def respond(self, session: Session, item: OutboxItem) -> None:
        text = str(item.payload.get("text", ""))
        self.screen.show("[alleen voor jou] Balie:", render.message(text, None, self.names, WIDTH))


class DeferredLazyListenerRunner(LazyListenerRunner):
    """Holds Bolt's lazy listeners until the console runs them, after showing the ack.

    Bolt's own adapters for FaaS platforms swap this runner the same way. Running them on the
    console's thread, in order, makes the output deterministic: no waiting for a thread pool.
    """

    def __init__(self, logger: logging.Logger) -> None:
        self.logger = logger
        self._pending: list[tuple[Callable[..., None], BoltRequest]] = []
        self._lock = threading.Lock()

    def start(self, function: Callable[..., None], request: BoltRequest) -> None:
        with self._lock:
            self._pending.append((function, request))

    def run_pending(self) -> int:
        ran = 0
        while True:
            with self._lock:
                if not self._pending:
                    return ran
                function, request = self._pending.pop(0)
            self.run(function, request)
            ran += 1


# --- the console -----------------------------------------------------------------------------


def _policy_channels(policy: Policy) -> list[str]:
    return [line.channel for line in policy.routing.lines.values()] + [policy.channels.team_leads]


def _demo_codes() -> list[str]:
    import yaml

    text = resources.files("bot").joinpath("demo_directory.yml").read_text(encoding="utf-8")
    return [str(c["code"]) for c in yaml.safe_load(text)["customers"]]


class Console:
    def __init__(
        self, settings: Settings, screen: Screen, *, clock: Clock, demo: bool = True
    ) -> None:
        self.settings = settings
        self.screen = screen
        self.persona = find_persona(DEFAULT_PERSONA) or PERSONAS[0]
        self.policy = console_policy(load_policy(settings.policy_file))
        users = {p.user_id: p.name for p in PERSONAS} | {BOT_USER_ID: "Balie"}
        self.client = ConsoleWebClient(
            screen, users=users, clock=clock, channels=_policy_channels(self.policy)
        )
        self.names = self.client.names
        deliveries = ConsoleDeliveries(screen, settings.mail_from, self.names)
        self.services: Services = build_services(
            settings, policy=self.policy, clock=clock, client=self.client, mail=deliveries.mail
        )
        try:
            # A response_url would be posted to over HTTP; the console shows the text instead.
            self.services.dispatcher.handlers[effects.RESPOND] = deliveries.respond
            # services.background is deliberately not started: the console drains the outbox
            # itself after every command, so cards, threads and e-mails appear right after the
            # reply that caused them, in a fixed order.
            self.imported = self._import_demo() if demo else []
            # With a token in the settings, Bolt checks it with auth.test once, at start-up,
            # through our client. Without one it would call auth.test on its first request
            # through a fresh per-request WebClient, which talks HTTP to Slack.
            app_settings = settings.model_copy(update={"slack_bot_token": CONSOLE_TOKEN})
            self.app = create_app(app_settings, services=self.services, verify_requests=False)
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
        admin = find_persona(DEFAULT_PERSONA) or PERSONAS[0]
        if self.services.directory.list(admin.user_id):
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

    # --- start-up ----------------------------------------------------------------------------

    def banner(self) -> None:
        url = make_url(self.settings.database_url).render_as_string(hide_password=True)
        policy = str(self.settings.policy_file or "het standaardbeleid")
        lines = [
            "Balie in de console",
            "═" * 19,
            "Er zijn geen Slack-gegevens ingesteld, dus Balie draait hier in de terminal. Je typt",
            "dezelfde slash-commando's als een agent in Slack en ziet Balies antwoorden, berichten",
            "in kanalen en e-mails als tekst. E-mails worden niet verstuurd.",
            "",
            f"Database: {url}",
            f"Beleid:   {policy}",
            f"Je bent:  {self.persona.name} ({self.persona.description}); "
            "wissel met :gebruiker NAAM",
        ]
        if self.imported:
            lines.append(f"Demo:     klanten {', '.join(self.imported)} staan klaar")
        lines += [
            "",
            "Probeer:",
            '  /ticket nieuw klant=ACME contact="Jan Jansen" via=telefoon type=incident '
            "impact=hoog urgentie=midden Printer doet het niet",
            "  /ticket pak KOR-000001",
            "  /ticket lijst",
            "  /klant toon ACME",
            "Typ :help voor hulp, :stop om te stoppen.",
            "",
        ]
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
        self.screen.say(
            "Typ een slash-commando, zoals /ticket help of /klant lijst, of :help voor de "
            "console-commando's."
        )
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
            self.screen.say(f"Je bent {p.name} ({p.user_id}): {p.description}.")
        elif word in ("help", "hulp", "?"):
            self.help()
        else:
            self.screen.say(f"Onbekend console-commando :{word}. Typ :help voor de mogelijkheden.")
        return True

    def switch(self, name: str) -> None:
        choices = ", ".join(p.name for p in PERSONAS)
        if not name.strip():
            self.screen.say(f"Je bent {self.persona.name}. Kies met :gebruiker NAAM uit {choices}.")
            return
        p = find_persona(name)
        if p is None:
            self.screen.say(f"Onbekende gebruiker {name.strip()!r}. Kies uit: {choices}.")
            return
        self.persona = p
        self.screen.say(f"Je bent nu {p.name} ({p.description}).")

    def help(self) -> None:
        personas = "\n".join(f"    {p.name:<15} {p.description}" for p in PERSONAS)
        self.screen.say(
            "Slash-commando's gaan naar Balie, precies zoals in Slack:\n"
            "  /ticket help                 alle /ticket-commando's\n"
            "  /klant help                  alle /klant-commando's\n"
            "  @agent in een commando       noemt een gebruiker, zoals in Slack\n"
            "Console-commando's:\n"
            "  :gebruiker NAAM  (:user)     wissel van gebruiker\n"
            "  :wie             (:whoami)   wie ben je nu\n"
            "  :help                        deze hulp\n"
            "  :stop            (:quit)     stoppen (Ctrl-D kan ook)\n"
            f"Gebruikers:\n{personas}"
        )

    def slash(self, line: str) -> None:
        command, _, text = line.partition(" ")
        known = [c.value for c in Command]
        if command not in known:
            listed = ", ".join(known[:-1]) + " en " + known[-1]
            self.screen.say(f"Balie kent {command} niet; wel {listed}.")
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
        self.lazy.run_pending()
        self.services.dispatcher.drain()

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
                f"[fout] Balie antwoordt met HTTP {response.status}",
                render.message(data.get("text"), None, self.names, WIDTH),
            )
            return
        if not data.get("text") and not data.get("blocks"):
            return
        shared = data.get("response_type") == "in_channel"
        where = self.names.channel(channel_id(CONSOLE_CHANNEL)) if shared else "alleen voor jou"
        self.screen.show(
            f"[{where}] Balie:",
            render.message(data.get("text"), data.get("blocks"), self.names, WIDTH),
        )


# --- the loop --------------------------------------------------------------------------------


def _lines(
    stdin: TextIO | None, screen: Screen, prompt: Callable[[], str], interactive: bool
) -> Iterator[str]:
    if interactive:
        # Line editing and history for input(), where the platform has readline.
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401
        while True:
            try:
                yield input(prompt())
            except EOFError:
                screen.say()
                return
    stream = stdin or sys.stdin
    # Typed lines are echoed when they come from a file or a pipe, so the output reads as a
    # transcript; a terminal echoes them itself.
    echo = not stream.isatty()
    while True:
        screen.write(prompt())
        line = stream.readline()
        if not line:
            screen.say()
            return
        if echo:
            screen.write(line if line.endswith("\n") else line + "\n")
        yield line


def run_console(
    settings: Settings,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    clock: Clock | None = None,
    demo: bool = True,
) -> int:
    """Run Balie at a prompt until :stop or end of input; returns the exit code."""
    screen = Screen(stdout or sys.stdout)
    try:
        console = Console(settings, screen, clock=clock or SystemClock(), demo=demo)
    except Exception as exc:
        log.exception("console mode could not start")
        screen.say(f"Balie kan niet starten: {type(exc).__name__}: {exc}")
        return 1
    interactive = stdin is None and stdout is None and sys.stdin.isatty() and sys.stdout.isatty()
    try:
        console.banner()
        for line in _lines(stdin, screen, lambda: console.prompt, interactive):
            try:
                if not console.handle(line):
                    break
            except Exception:
                # One bad line must not end the session; the handlers' own errors are
                # already answered by Balie, this is for the console's own mistakes.
                log.exception("console: %r failed", line)
                screen.say("Er ging iets mis in de console; zie de log. Probeer het opnieuw.")
    except KeyboardInterrupt:
        screen.say()
    finally:
        console.close()
    screen.say("Tot ziens.")
    return 0
