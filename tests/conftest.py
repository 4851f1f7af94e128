"""Shared fixtures: both databases, a fake Slack at the HTTP boundary, a real SMTP server,
and Balie itself served over HTTP, driven with signed requests like Slack does."""

from __future__ import annotations

import os
import shutil
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server
from zoneinfo import ZoneInfo

import pytest
from hypothesis import settings as hypothesis_settings
from slack_bolt import App
from sqlalchemy import Engine, text

from bot.app import create_app
from bot.clock import ManualClock
from bot.policy import Policy, load_policy
from bot.settings import Settings, load_settings
from bot.surface import WEB_API_SCOPES
from bot.transports.wsgi import SlackWsgi
from bot.wiring import Services, build_services
from storage import migrate
from storage.db import make_engine, unreachable
from storage.models import Base
from tests.fakes.signed import Response, SlackClient
from tests.fakes.slack_api import FakeSlack
from tests.fakes.smtp import SmtpServer

# The same examples on every run: a property that fails, fails in CI and on every machine.
hypothesis_settings.register_profile("balie", derandomize=True, deadline=None)
hypothesis_settings.load_profile("balie")

AMS = ZoneInfo("Europe/Amsterdam")
DATA = Path(__file__).parent / "data"
PG_BASE = os.environ.get("BALIE_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SIGNING_SECRET = "test-signing-secret"
BOT_TOKEN = "xoxb-test-token"

AGENT, AGENT2, LEAD, ADMIN, OUTSIDER = "UAGENT1", "UAGENT2", "ULEAD1", "UADMIN1", "UOUTSIDER"
GROUP_AGENT = "UGROUPAGENT"
AGENTS_GROUP = "S0AGENTS"


def amsterdam(*args: int) -> datetime:
    return datetime(*args, tzinfo=AMS)  # type: ignore[misc]


# --- databases -------------------------------------------------------------------------------

_PG_SKIPPED: list[str] = []


def pytest_report_header() -> str:
    return f"PostgreSQL half of the suite: {PG_BASE}"


@pytest.hookimpl(trylast=True)
def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _PG_SKIPPED:
        terminalreporter.write_line(
            f"PostgreSQL SKIPPED: {_PG_SKIPPED[0]}. Only the SQLite half of the database tests ran.",
            yellow=True,
            bold=True,
        )


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    problem = unreachable(PG_BASE)
    if problem is not None:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI but not reachable at {PG_BASE}: {problem}")
        _PG_SKIPPED.append(f"not reachable at {PG_BASE} ({problem})")
        pytest.skip(f"PostgreSQL skipped: not reachable at {PG_BASE} ({problem})")
    schema = f"balie_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = make_engine(PG_BASE, pool_size=1, max_overflow=0)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{PG_BASE}?options=-csearch_path%3D{schema}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    yield url
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@dataclass
class Database:
    kind: str
    url: str
    engine: Engine


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        path = tmp_path / "balie.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
        engine = make_engine(url)
    else:
        url = request.getfixturevalue("pg_url")
        engine = make_engine(url)
        names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        with engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    yield Database(request.param, url, engine)
    engine.dispose()


# --- fakes -----------------------------------------------------------------------------------


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    fake.start()
    fake.set_usergroup(AGENTS_GROUP, [GROUP_AGENT])
    fake.set_usergroup("S0LINE2", [AGENT])
    yield fake
    fake.stop()
    # Every Web API method Balie calls must be declared (and its scope in manifest.yml).
    # The response_url and the upload URL of files_upload_v2 are addresses, not Web API methods.
    undeclared = (
        {c.method for c in fake.calls} - set(WEB_API_SCOPES) - {"response_url", "upload_url"}
    )
    assert not undeclared, f"Balie called undeclared Web API methods: {undeclared}"


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def clock() -> ManualClock:
    # A Tuesday morning in office hours.
    return ManualClock(amsterdam(2026, 11, 24, 10, 0))


def test_policy() -> Policy:
    base = load_policy()
    roles = base.roles.model_copy(
        update={"agents": base.roles.agents.model_copy(update={"usergroups": [AGENTS_GROUP]})}
    )
    lines = dict(base.routing.lines)
    lines[2] = lines[2].model_copy(update={"usergroup": "S0LINE2"})
    routing = base.routing.model_copy(update={"lines": lines})
    return base.model_copy(update={"roles": roles, "routing": routing}).with_roles(
        agents=[AGENT, AGENT2], team_leads=[LEAD], admins=[ADMIN]
    )


test_policy.__test__ = False  # type: ignore[attr-defined]


# --- Balie over HTTP -------------------------------------------------------------------------


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Balie:
    app: App
    services: Services
    slack: SlackClient
    fake: FakeSlack
    smtp: SmtpServer
    clock: ManualClock
    url: str
    database: Database

    def command(
        self, text: str = "", user: str = AGENT, command: str = "/ticket", **kw: Any
    ) -> Response:
        kw.setdefault("response_url", self.fake.response_url("cmd"))
        return self.slack.command(command, text, user_id=user, **kw)

    def drain(self) -> int:
        return self.services.dispatcher.drain()

    def seed(self) -> None:
        report = self.services.directory.import_file(DATA / "customers.yml")
        assert not report.problems, report.problems

    def new(self, text: str, user: str = AGENT) -> str:
        """`/ticket new` as the agent sees it: the ack, with the number or the refusal."""
        response = self.command(f"new {text}", user=user)
        assert response.status == 200, response.body
        return str(response.json()["text"])

    def register(self, text: str, user: str = AGENT) -> str:
        """Register through /ticket new and return the ticket number from the reply."""
        reply = self.new(text, user)
        number = next((w for w in reply.split() if w.startswith("KOR-")), None)
        assert number, reply
        return number


def make_settings(**overrides: Any) -> Settings:
    return load_settings(**overrides)


@pytest.fixture
def balie(
    database: Database, fake_slack: FakeSlack, smtp: SmtpServer, clock: ManualClock
) -> Iterator[Balie]:
    settings = make_settings(
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.api_url,
        database_url=database.url,
        smtp_url=smtp.url,
    )
    services = build_services(
        settings, policy=test_policy(), clock=clock, engine=database.engine, run_migrations=False
    )
    app = create_app(settings, services=services).app
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
    harness = Balie(
        app=app,
        services=services,
        slack=SlackClient(url, SIGNING_SECRET),
        fake=fake_slack,
        smtp=smtp,
        clock=clock,
        url=url,
        database=database,
    )
    harness.seed()
    yield harness
    server.shutdown()
    server.server_close()
    services.background.shutdown()
