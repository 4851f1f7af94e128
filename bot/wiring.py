"""Builds Balie's services from settings; the transports and the tests all start here."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from slack_sdk import WebClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock, SystemClock
from bot.directory.service import Directory
from bot.events import EventBus
from bot.oncall.rota import Rota
from bot.oncall.rota_delivery import RotaDelivery
from bot.oncall.rota_jobs import RotaJobs
from bot.outbox.dispatcher import Deliver, Dispatcher
from bot.outbox.notices import Notices
from bot.outbox.payloads import CustomerMail
from bot.outbox.smtp import Send, SmtpSender
from bot.policy import Policy, load_policy
from bot.preferences import Preferences
from bot.roles import RoleResolver
from bot.scheduler import Background
from bot.settings import Settings
from bot.sla.clocks import Sla
from bot.sla.delivery import SlaDelivery
from bot.sla.effects import SlaEffects
from bot.sla.monitor import SlaMonitor
from bot.sla.report import SlaReports
from bot.tickets import effects
from bot.tickets.changes import Tickets
from bot.tickets.delivery import SlackDelivery
from bot.tickets.mail_delivery import CustomerMailDelivery
from bot.tickets.queries import TicketQueries
from bot.tickets.registration import Registration
from storage import migrate
from storage.db import make_engine, make_sessionmaker

log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    policy: Policy
    clock: Clock
    engine: Engine
    sessions: sessionmaker[Session]
    readers: sessionmaker[Session]
    client: WebClient
    roles: RoleResolver
    preferences: Preferences
    registration: Registration
    tickets: Tickets
    queries: TicketQueries
    directory: Directory
    notices: Notices
    dispatcher: Dispatcher
    background: Background
    events: EventBus
    monitor: SlaMonitor
    sla_reports: SlaReports
    rota: Rota

    def close(self) -> None:
        self.background.shutdown()
        self.engine.dispose()


def web_client(settings: Settings) -> WebClient:
    # No retry handlers: the outbox retries from durable state, and a request thread must
    # never sleep on a Retry-After.
    return WebClient(
        token=settings.slack_bot_token or "xoxb-console",
        base_url=settings.slack_api_url,
        retry_handlers=[],
        timeout=10,
    )


def build_services(
    settings: Settings,
    *,
    policy: Policy | None = None,
    clock: Clock | None = None,
    client: WebClient | None = None,
    mail: Send | None = None,
    engine: Engine | None = None,
    run_migrations: bool = True,
    poll_seconds: float = 0.25,
) -> Services:
    policy = policy or load_policy(settings.policy_file)
    clock = clock or SystemClock()
    client = client or web_client(settings)
    engine = engine or make_engine(settings.database_url)
    if run_migrations:
        migrate.upgrade(engine)
    sessions = make_sessionmaker(engine)
    readers = make_sessionmaker(engine, readonly=True)

    def members(group: str) -> list[str]:
        return list(client.usergroups_users_list(usergroup=group).get("users", []))

    roles = RoleResolver(policy, members)
    preferences = Preferences(sessions=sessions, readers=readers, default=policy.language)
    # The waakdienst's rota: who is on call (the pager's OnCall), its notices and user group.
    rota = Rota(sessions=sessions, readers=readers, policy=policy, clock=clock, roles=roles)
    if mail is None:
        if settings.smtp_url is None:
            raise ValueError("SMTP_URL is required to send e-mail")
        mail = SmtpSender(settings.smtp_url, settings.mail_from).send
    slack = SlackDelivery(client=client, policy=policy, readers=readers)
    handlers: dict[str, Deliver] = {
        **slack.handlers(),
        **SlaDelivery(slack=slack, readers=readers, policy=policy).handlers(),
        CustomerMail.kind: CustomerMailDelivery(readers=readers, policy=policy, send=mail),
        **RotaDelivery(
            client=client,
            slack=slack,
            rota=rota,
            policy=policy,
            clock=clock,
            lang_of=preferences.lang_of,
        ).handlers(),
    }
    dispatcher = Dispatcher(sessions=sessions, clock=clock, handlers=handlers, readers=readers)
    background = Background(dispatcher=dispatcher, clock=clock, poll_seconds=poll_seconds)
    kick: Callable[[], None] = background.kick
    sla = Sla(policy)
    events = EventBus()
    # The clocks first: what the other subscribers enqueue is rendered from the ticket later,
    # but a subscriber reading deadlines now sees the new ones.
    sla.subscribe(events)
    effects.subscribe(events)
    SlaEffects(policy).subscribe(events)
    # The use cases: registering, changing and reading tickets.
    registration = Registration(
        sessions=sessions,
        readers=readers,
        policy=policy,
        clock=clock,
        roles=roles,
        events=events,
        after_commit=kick,
    )
    tickets = Tickets(
        sessions=sessions, policy=policy, clock=clock, roles=roles, events=events, after_commit=kick
    )
    monitor = SlaMonitor(
        sessions=sessions, policy=policy, clock=clock, sla=sla, events=events, after_commit=kick
    )
    background.add_monitor(monitor.sweep)
    # Keeps user-group membership warm, so role checks on the ack path never wait for Slack.
    background.add_periodic("roles", roles.warm, seconds=240)
    rota_jobs = RotaJobs(
        sessions=sessions, readers=readers, policy=policy, clock=clock, after_commit=kick
    )
    background.add_periodic("rota", rota_jobs.sweep, seconds=60)
    directory = Directory(
        sessions=sessions, clock=clock, roles=roles, lang=policy.language, readers=readers
    )
    return Services(
        settings=settings,
        policy=policy,
        clock=clock,
        engine=engine,
        sessions=sessions,
        client=client,
        roles=roles,
        preferences=preferences,
        registration=registration,
        tickets=tickets,
        queries=TicketQueries(readers=readers, policy=policy, roles=roles),
        directory=directory,
        notices=Notices(sessions=sessions, clock=clock, after_commit=kick),
        dispatcher=dispatcher,
        background=background,
        events=events,
        monitor=monitor,
        sla_reports=SlaReports(
            sessions=sessions, policy=policy, sla=sla, roles=roles, clock=clock, readers=readers
        ),
        readers=readers,
        rota=rota,
    )
