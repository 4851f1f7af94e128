"""Shared by the chain engine's tests: Balie with a fixed rota (a test implementation of the
OnCall port), a recording phone (the Phone port), and helpers to run and count the pages."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from wsgiref.simple_server import make_server

import pytest

from bot.app import create_app
from bot.clock import ManualClock
from bot.events import Actor
from bot.oncall.events import PageReason, PageRequested
from bot.oncall.targets import Targets
from bot.transports.wsgi import SlackWsgi
from bot.wiring import Services, build_services
from storage import tickets
from tests.conftest import (
    BOT_TOKEN,
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

PRIMARY, BACKUP = "UENGINEER1", "UENGINEER2"
GOLD_P1 = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=hoog'
LEADS_CHANNEL = "#balie-teamleads"


class FixedOnCall:
    """A rota with fixed engineers on it."""

    def __init__(
        self, primary: str | None = PRIMARY, backup: str | None = BACKUP, phones: bool = True
    ) -> None:
        self.primary = primary
        self.backup = backup
        self.phones = {PRIMARY: "+31612345001", BACKUP: "+31612345002"} if phones else {}

    def targets(self, at: datetime) -> Targets:
        assert at.tzinfo is not None
        return Targets(self.primary, self.backup)

    def phone(self, user: str) -> str | None:
        return self.phones.get(user)


@dataclass
class RecordingPhone:
    """The Phone port, recording what would be rung and texted."""

    calls: list[dict[str, str]] = field(default_factory=list)
    texts: list[dict[str, str]] = field(default_factory=list)

    def call(self, *, to: str, twiml: str, reference: str, uncertain: bool = False) -> str:
        self.calls.append({"to": to, "twiml": twiml, "reference": reference})
        return f"CA{len(self.calls):032d}"

    def text(self, *, to: str, body: str, reference: str, uncertain: bool = False) -> str:
        self.texts.append({"to": to, "body": body, "reference": reference})
        return f"SM{len(self.texts):032d}"


def night_services(
    database: Database,
    fake: FakeSlack,
    smtp: SmtpServer,
    clock: ManualClock,
    oncall: FixedOnCall,
    phone: RecordingPhone | None,
) -> Services:
    settings = make_settings(
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake.api_url,
        database_url=database.url,
        smtp_url=smtp.url,
    )
    return build_services(
        settings,
        policy=test_policy(),
        clock=clock,
        engine=database.engine,
        run_migrations=False,
        oncall=oncall,
        phone=phone,
    )


@dataclass
class Night:
    """Balie on a Tuesday night, with a rota and a phone."""

    balie: Balie
    oncall: FixedOnCall
    phone: RecordingPhone

    @property
    def s(self) -> Services:
        return self.balie.services

    def ticket(self, subject: str = "Alles ligt plat") -> str:
        number = self.balie.register(f"{GOLD_P1} {subject}")
        self.balie.drain()
        return number

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

    def at(self, *when: int) -> None:
        self.balie.clock.set(amsterdam(*when))

    def dms(self, user: str) -> list[dict[str, Any]]:
        return [
            c.args
            for c in self.balie.fake.calls_to("chat.postMessage")
            if c.args.get("channel") == user and not c.failed
        ]

    def pages_to(self, user: str) -> list[dict[str, Any]]:
        """The page DMs (with Accepteren), not reminders."""
        return [a for a in self.dms(user) if "page_escalate" in str(a.get("blocks"))]

    def leads_pages(self) -> list[dict[str, Any]]:
        return [
            c.args
            for c in self.balie.fake.calls_to("chat.postMessage")
            if c.args.get("channel") == LEADS_CHANNEL and "page_ack" in str(c.args.get("blocks"))
        ]

    def thread(self) -> list[str]:
        return [
            str(c.args["text"])
            for c in self.balie.fake.calls_to("chat.postMessage")
            if "thread_ts" in c.args
        ]

    def notifications(self) -> int:
        """Every page-related message, call and text sent so far."""
        return (
            len(self.dms(PRIMARY))
            + len(self.dms(BACKUP))
            + len(self.leads_pages())
            + len(self.phone.calls)
            + len(self.phone.texts)
        )

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


def start_night(
    database: Database,
    fake: FakeSlack,
    smtp: SmtpServer,
    oncall: FixedOnCall | None = None,
) -> Iterator[Night]:
    clock = ManualClock(amsterdam(2026, 11, 24, 22, 0))  # a Tuesday night: the desk is closed
    oncall = oncall or FixedOnCall()
    phone = RecordingPhone()
    services = night_services(database, fake, smtp, clock, oncall, phone)
    app = create_app(services.settings, services=services).app
    server = make_server(
        "127.0.0.1",
        0,
        SlackWsgi(app, services),
        server_class=_ThreadingServer,
        handler_class=_QuietHandler,
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    balie = Balie(app, services, SlackClient(url, SIGNING_SECRET), fake, smtp, clock, url, database)
    balie.seed()
    try:
        yield Night(balie, oncall, phone)
    finally:
        server.shutdown()
        server.server_close()
        services.background.shutdown()


@pytest.fixture
def night(database: Database, fake_slack: FakeSlack, smtp: SmtpServer) -> Iterator[Night]:
    yield from start_night(database, fake_slack, smtp)
