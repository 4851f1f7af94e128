"""Shared by the waakdienst's tests: Balie as production runs it, with the real rota (set with
`/waakdienst` by a team lead) and the real Twilio phone pointed at the fake Twilio server, served
over HTTP with the keypress endpoint built as bot/transports/http.py builds it. Only Slack and
Twilio are fakes, at their HTTP boundary. Helpers to run the page lane and count what was sent."""

from __future__ import annotations

import contextlib
import html
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from wsgiref.simple_server import make_server

import pytest
from prometheus_client.parser import text_string_to_metric_families
from slack_sdk import WebClient
from sqlalchemy import select

from bot.app import create_app
from bot.clock import ManualClock
from bot.events import Actor
from bot.oncall.events import PageReason, PageRequested
from bot.transports.keypress import keypress_endpoint
from bot.transports.wsgi import SlackWsgi
from bot.wiring import Services, build_services
from storage import tickets
from storage.models import PageChain, Ticket
from tests.conftest import (
    AGENT,
    BOT_TOKEN,
    LEAD,
    SIGNING_SECRET,
    Balie,
    Database,
    _QuietHandler,
    _ThreadingServer,
    amsterdam,
    make_settings,
    test_policy,
)
from tests.fakes.signed import SlackClient, block_actions_payload
from tests.fakes.slack_api import FakeSlack
from tests.fakes.smtp import SmtpServer
from tests.fakes.twilio_api import ACCOUNT_SID, AUTH_TOKEN, FROM, FakeTwilio, Keypress

PRIMARY, BACKUP = "UENGINEER1", "UENGINEER2"
PHONES = {PRIMARY: "+31612345001", BACKUP: "+31612345002"}
GOLD_P1 = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=hoog'
SILVER_P1 = (
    'klant=BAKKER contact="Bert Bakker" via=telefoon type=incident impact=hoog urgentie=hoog'
)
LEADS_CHANNEL = "#balie-teamleads"
# Balie's address as Twilio knows it (PUBLIC_URL): the keypress URL in each call's TwiML.
PUBLIC = "https://balie.korton.example"
# A Tuesday night: the desk is closed.
TUESDAY_NIGHT = (2026, 11, 24, 22, 0)


def twilio_settings(twilio: FakeTwilio) -> dict[str, str]:
    """The phone settings of a Balie that rings and texts through this fake Twilio."""
    return {
        "twilio_account_sid": ACCOUNT_SID,
        "twilio_auth_token": AUTH_TOKEN,
        "twilio_from": FROM,
        "twilio_api_url": twilio.api_url,
        "public_url": PUBLIC,
    }


def twilio_environ(twilio: FakeTwilio) -> dict[str, str]:
    """The same, as a worker process reads them from its environment."""
    return {k.upper(): v for k, v in twilio_settings(twilio).items()}


def night_services(
    database: Database,
    fake: FakeSlack,
    smtp: SmtpServer,
    clock: ManualClock,
    twilio: FakeTwilio,
    **settings: Any,
) -> Services:
    """Balie's services as production builds them: the rota and the phone are its own."""
    values = make_settings(
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake.api_url,
        database_url=database.url,
        smtp_url=smtp.url,
        **twilio_settings(twilio),
        **settings,
    )
    return build_services(
        values, policy=test_policy(), clock=clock, engine=database.engine, run_migrations=False
    )


@contextlib.contextmanager
def impatient(balie: Balie) -> Iterator[Services]:
    """A second worker of this Balie (its settings, database and clock) that gives up on
    Slack after 0.3 s: a post it times out on may still be made, as with a slow Slack."""
    client = WebClient(token=BOT_TOKEN, base_url=balie.fake.api_url, timeout=0.3, retry_handlers=[])
    services = build_services(
        balie.services.settings,
        policy=test_policy(),
        clock=balie.clock,
        client=client,
        run_migrations=False,
    )
    try:
        yield services
    finally:
        services.close()


def wsgi_app(services: Services) -> SlackWsgi:
    """The WSGI app as bot/transports/http.py builds it, the keypress endpoint included."""
    app = create_app(services.settings, services=services).app
    keypress = keypress_endpoint(
        services.settings, lang=services.policy.language, on_keypress=services.pager.keypress
    )
    assert keypress is not None, "the phone settings are there"
    return SlackWsgi(app, services, keypress=keypress)


@dataclass
class Night:
    """Balie at night, with the rota, the phone, and the fakes of Slack and Twilio."""

    balie: Balie
    twilio: FakeTwilio

    @property
    def s(self) -> Services:
        return self.balie.services

    # --- Slack, as people use it ----------------------------------------------------------

    def waak(self, text: str, user: str = LEAD) -> str:
        """`/waakdienst <text>` as Slack sends it; the ephemeral answer's text."""
        response = self.balie.command(text, user=user, command="/waakdienst")
        assert response.status == 200, response.body
        body = response.json()
        assert body["response_type"] == "ephemeral", body
        return str(body["text"])

    def staff(
        self, primary: tuple[str, ...] = (PRIMARY,), backup: tuple[str, ...] = (BACKUP,)
    ) -> None:
        """The team lead sets both rotations and the engineers' phone numbers."""
        if primary:
            self.waak("rotatie primair " + " ".join(f"<@{u}>" for u in primary))
        if backup:
            self.waak("rotatie reserve " + " ".join(f"<@{u}>" for u in backup))
        for user in {*primary, *backup}:
            self.phone(user, number_of(user))

    def phone(self, user: str, number: str) -> None:
        answer = self.waak(f"telefoon <@{user}> {number}")
        assert f"<@{user}>" in answer, answer

    def ticket(self, subject: str = "Alles ligt plat", text: str = GOLD_P1) -> str:
        number = self.balie.register(f"{text} {subject}")
        self.balie.drain()
        return number

    def resolve(self, number: str, user: str = AGENT) -> None:
        response = self.balie.command(f"los-op {number} Opgelost", user=user)
        assert response.status == 200, response.body
        self.run()

    def who_is_paged(self, *when: int) -> list[tuple[str, str]]:
        """Register a gold P1 at `when` and page it: (user, number rung) of its first page,
        for every DM page; the ticket is then resolved, so its chain asks nothing more."""
        self.at(*when)
        before = len(self.twilio.calls)
        number = self.ticket("Storing op " + self.s.clock.now().isoformat())
        self.run()
        user_of = {dm: user for user, dm in self.balie.fake.opened_dms().items()}
        users = [
            user_of.get(str(c.args["channel"]), str(c.args["channel"]))
            for c in self.balie.fake.calls_to("chat.postMessage")
            if "page_escalate" in str(c.args.get("blocks")) and number in str(c.args["blocks"])
        ]
        rung = [str(c["to"]) for c in self.twilio.calls[before:]]
        self.resolve(number)
        return list(zip(users, rung, strict=True))

    def press(self, action_id: str, number: str, user: str) -> None:
        dm = (self.dms(user) or [{}])[-1]
        payload = block_actions_payload(
            action_id,
            value=number,
            user_id=user,
            channel_id="D0TEST01",
            message={"blocks": dm.get("blocks", [])},
            response_url=self.balie.fake.response_url("page"),
        )
        response = self.balie.slack.block_action(payload)
        assert response.status == 200, response.body

    # --- Twilio, as it calls back ---------------------------------------------------------

    def keypress(
        self, to: str, digits: str = "1", *, number: str | None = None, **kw: Any
    ) -> Keypress:
        """The engineer presses a key on the latest call to `to` (for ticket `number`): the
        fake Twilio posts the Gather's callback, signed as Twilio signs it, to Balie's HTTP
        server."""
        page = None if number is None else f"page={self.chain(number).id}&"
        sid = [
            c["sid"]
            for c in self.twilio.calls
            if c["to"] == to and (page is None or page in html.unescape(c["params"]["Twiml"]))
        ][-1]
        return self.twilio.keypress(sid, digits, send_to=self.balie.url, **kw)

    # --- the clock and the background work ------------------------------------------------

    def at(self, *when: int) -> None:
        self.balie.clock.set(amsterdam(*when))

    def request(self, number: str, accepted_by: str | None = None) -> None:
        """What the entitlement rules publish for a qualifying ticket (the seam)."""
        with self.s.sessions.begin() as session:
            ticket = tickets.get(session=session, number=number)
            assert ticket is not None
            self.s.events.publish(
                session,
                PageRequested(
                    ticket_id=ticket.id,
                    reason=PageReason.REGISTERED,
                    actor=Actor.system("waakdienst"),
                    at=self.s.clock.now(),
                    accepted_by=accepted_by,
                ),
            )

    def run(self) -> int:
        """One round of the page lane (sweep, then deliver pages), then the desk's outbox."""
        sent = self.s.pager.sweep().sent
        self.s.page_dispatcher.drain()
        self.balie.drain()
        return sent

    def tick(self) -> int:
        """What the worker's periodic jobs do at this moment: the desk's handovers, then the
        page lane and the outbox."""
        self.s.desk_handovers.sweep()
        return self.run()

    def walk(self, *moments: tuple[int, ...]) -> None:
        for when in moments:
            self.at(*when)
            self.tick()

    # --- what was sent --------------------------------------------------------------------

    def dms(self, user: str) -> list[dict[str, Any]]:
        """The messages posted to the DM Balie opened with `user` (by its D… id)."""
        dm = self.balie.fake.opened_dms().get(user)
        return [
            c.args
            for c in self.balie.fake.calls_to("chat.postMessage")
            if dm is not None and c.args.get("channel") == dm and not c.failed
        ]

    def pages_to(self, user: str, number: str | None = None) -> list[dict[str, Any]]:
        """The page DMs (with Accepteren and Escaleren), not reminders; of one ticket if given."""
        return [
            a
            for a in self.dms(user)
            if "page_escalate" in str(a.get("blocks"))
            and (number is None or number in str(a.get("blocks")))
        ]

    def leads_pages(self) -> list[dict[str, Any]]:
        return [
            c.args
            for c in self.balie.fake.calls_to("chat.postMessage")
            if c.args.get("channel") == LEADS_CHANNEL and "page_ack" in str(c.args.get("blocks"))
        ]

    def posts(self, channel: str) -> list[str]:
        """Top-level messages without blocks in a channel (handovers, handbacks)."""
        return [
            str(c.args["text"])
            for c in self.balie.fake.calls_to("chat.postMessage")
            if c.args.get("channel") == channel
            and "thread_ts" not in c.args
            and "blocks" not in c.args
            and not c.failed
        ]

    def thread(self) -> list[str]:
        return [
            str(c.args["text"])
            for c in self.balie.fake.calls_to("chat.postMessage")
            if "thread_ts" in c.args
        ]

    def calls(self, to: str | None = None) -> list[dict[str, Any]]:
        """The calls the fake Twilio placed, with their create parameters (To, From, Twiml)."""
        return [c for c in self.twilio.calls if to is None or c["to"] == to]

    def texts(self, to: str | None = None) -> list[dict[str, Any]]:
        return [m for m in self.twilio.messages if to is None or m["to"] == to]

    def notifications(self) -> int:
        """Every page-related message, call and text sent so far."""
        return (
            len(self.dms(PRIMARY))
            + len(self.dms(BACKUP))
            + len(self.leads_pages())
            + len(self.twilio.calls)
            + len(self.twilio.messages)
        )

    def chain(self, number: str | None = None) -> PageChain:
        """The latest chain (of ticket `number`)."""
        query = select(PageChain).order_by(PageChain.id.desc())
        if number is not None:
            query = query.join(Ticket, Ticket.id == PageChain.ticket_id).where(
                Ticket.number == number
            )
        with self.s.sessions() as session:
            row = session.execute(query).scalars().first()
            assert row is not None, "no chain was started"
            return row

    def chains(self) -> int:
        with self.s.sessions() as session:
            return len(session.execute(select(PageChain.id)).all())

    def scrape(self) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
        """GET /metrics over HTTP, as Prometheus scrapes it."""
        with urllib.request.urlopen(f"{self.balie.url}/metrics") as resp:
            assert resp.status == 200
            text = resp.read().decode()
        return {
            (s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text)
            for s in family.samples
        }


class Monitor:
    """An outside monitor of the dead man's switch (healthchecks.io): counts the pings."""

    def __init__(self) -> None:
        self.pings: list[str] = []
        pings = self.pings

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                pings.append(self.path)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/ping/balie"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def number_of(user: str) -> str:
    """The engineer's mobile number: PRIMARY's and BACKUP's, or one made from the user id."""
    if user in PHONES:
        return PHONES[user]
    return "+316" + str(sum(ord(c) * (i + 1) for i, c in enumerate(user)) % 10**8).zfill(8)


def start_night(
    database: Database,
    fake: FakeSlack,
    smtp: SmtpServer,
    *,
    start: datetime | None = None,
    staffed: bool = True,
    **settings: Any,
) -> Iterator[Night]:
    """Balie over HTTP at `start` (a Tuesday night by default), with a fake Twilio on
    Balie's clock; `staffed`: the team lead has set the rota and the phone numbers."""
    clock = ManualClock(start or amsterdam(*TUESDAY_NIGHT))
    with FakeTwilio(clock=clock.now) as twilio:
        services = night_services(database, fake, smtp, clock, twilio, **settings)
        wsgi = wsgi_app(services)
        server = make_server(
            "127.0.0.1",
            0,
            wsgi,
            server_class=_ThreadingServer,
            handler_class=_QuietHandler,
        )
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{server.server_port}"
        balie = Balie(
            wsgi.app, services, SlackClient(url, SIGNING_SECRET), fake, smtp, clock, url, database
        )
        balie.seed()
        night = Night(balie, twilio)
        if staffed:
            night.staff()
        try:
            yield night
        finally:
            server.shutdown()
            server.server_close()
            services.background.shutdown()


@pytest.fixture
def night(database: Database, fake_slack: FakeSlack, smtp: SmtpServer) -> Iterator[Night]:
    yield from start_night(database, fake_slack, smtp)


@pytest.fixture
def empty_night(database: Database, fake_slack: FakeSlack, smtp: SmtpServer) -> Iterator[Night]:
    """Nobody on the rota."""
    yield from start_night(database, fake_slack, smtp, staffed=False)
