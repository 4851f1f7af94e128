"""Builds Balie's services from settings; the transports and the tests all start here."""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass

from slack_sdk import WebClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.billing import assembly as billing_assembly
from bot.billing.assembly import Billing
from bot.clock import Clock, SystemClock
from bot.directory.service import Directory
from bot.events import EventBus
from bot.heartbeat import Heartbeat
from bot.home import assembly as home_assembly
from bot.home.assembly import Home
from bot.invoicing import assembly as invoicing_assembly
from bot.invoicing.assembly import Invoicing
from bot.metrics import Metrics
from bot.oncall import assembly as oncall_assembly
from bot.oncall.assembly import PAGE_KINDS, PHONE_PAGE_KINDS, SLACK_PAGE_KINDS
from bot.oncall.desk_handover import DeskHandovers
from bot.oncall.entitlement import Entitlement
from bot.oncall.pager import Pager
from bot.oncall.phone import Phone
from bot.oncall.rota import Rota
from bot.outbox.dispatcher import Deliver, Dispatcher, Lanes
from bot.outbox.notices import Notices
from bot.outbox.payloads import CustomerMail
from bot.outbox.smtp import Send, SmtpSender
from bot.parts import Parts
from bot.policy import Policy, load_policy
from bot.preferences import Preferences
from bot.roles import RoleResolver
from bot.scheduler import Background
from bot.settings import Settings
from bot.sla.clocks import Sla
from bot.sla.delivery import SlaDelivery
from bot.sla.effects import SlaEffects
from bot.sla.metrics import sla_metrics
from bot.sla.monitor import SlaMonitor
from bot.sla.report import SlaReports
from bot.summaries import assembly as summaries_assembly
from bot.summaries.assembly import Summaries
from bot.tickets import effects
from bot.tickets.changes import Tickets
from bot.tickets.delivery import SlackDelivery
from bot.tickets.mail_delivery import CustomerMailDelivery
from bot.tickets.queries import TicketQueries
from bot.tickets.registration import Registration
from storage import migrate
from storage.db import make_engine, make_sessionmaker

log = logging.getLogger(__name__)

PAGE_WORKERS = 4


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
    metrics: Metrics
    heartbeat: Heartbeat
    # The waakdienst (bot.oncall): the rota, who is paged when, the desk's handovers, the
    # chain engine and the outbox lane that delivers its pages, and the phone (Twilio), or
    # None: paging by Slack only.
    rota: Rota
    entitlement: Entitlement
    desk_handovers: DeskHandovers
    pager: Pager
    # The page lanes (Slack pages; the phone's calls and texts), drained together.
    page_dispatcher: Lanes
    phone: Phone | None
    # Summaries for team leads (bot.summaries), the App Home (bot.home), billable work
    # (bot.billing) and the monthly export for invoicing (bot.invoicing).
    summaries: Summaries
    home: Home
    billing: Billing
    invoicing: Invoicing

    def close(self) -> None:
        self.background.shutdown()
        self.page_dispatcher.close()
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
    page_seconds: float = 1.0,
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
    if mail is None:
        if settings.smtp_url is None:
            raise ValueError("SMTP_URL is required to send e-mail")
        mail = SmtpSender(settings.smtp_url, settings.mail_from).send
    slack = SlackDelivery(client=client, policy=policy, readers=readers)
    events = EventBus()
    background: Background | None = None

    def kick() -> None:
        # Bound late: the use cases exist before the scheduler that their commits wake.
        if background is not None:
            background.kick()

    waakdienst = oncall_assembly.build(
        settings=settings,
        policy=policy,
        clock=clock,
        client=client,
        sessions=sessions,
        readers=readers,
        roles=roles,
        events=events,
        slack=slack,
        lang_of=preferences.lang_of,
        kick=kick,
    )
    parts = Parts(
        settings=settings,
        policy=policy,
        clock=clock,
        client=client,
        sessions=sessions,
        readers=readers,
        roles=roles,
        lang_of=preferences.lang_of,
        kick=kick,
    )
    summaries = summaries_assembly.build(parts)
    home = home_assembly.build(parts, rota=waakdienst.rota)
    billing = billing_assembly.build(parts, mail=mail)
    invoicing = invoicing_assembly.build(parts)
    slices = (summaries, home, billing, invoicing)
    handlers: dict[str, Deliver] = {
        **slack.handlers(),
        **SlaDelivery(slack=slack, readers=readers, policy=policy).handlers(),
        CustomerMail.kind: CustomerMailDelivery(readers=readers, policy=policy, send=mail),
        **waakdienst.deliveries,
        **{kind: deliver for part in slices for kind, deliver in part.deliveries.items()},
    }
    # Three lanes: the Slack pages and the phone's calls and texts each have a dispatcher
    # (and a loop) of their own, so a page never waits behind card updates or e-mails, and a
    # slow Twilio never holds up a DM.
    dispatcher = Dispatcher(
        sessions=sessions, clock=clock, handlers=handlers, readers=readers, exclude=PAGE_KINDS
    )

    # Within a lane, rows of different chains go out side by side: each mostly waits on the
    # database and the far side, and one after the other they could not keep up with a storm
    # of pages (bench.page_bench).
    def page_lane(kinds: Collection[str]) -> Dispatcher:
        return Dispatcher(
            sessions=sessions,
            clock=clock,
            handlers=handlers,
            readers=readers,
            kinds=kinds,
            workers=PAGE_WORKERS,
        )

    slack_pages, phone_pages = page_lane(SLACK_PAGE_KINDS), page_lane(PHONE_PAGE_KINDS)
    page_dispatcher = Lanes(slack_pages, phone_pages)
    background = Background(dispatcher=dispatcher, clock=clock, poll_seconds=poll_seconds)
    sla = Sla(policy)
    # The clocks first: what the other subscribers enqueue is rendered from the ticket later,
    # but a subscriber reading deadlines now sees the new ones. The waakdienst last.
    sla.subscribe(events)
    effects.subscribe(events)
    SlaEffects(policy).subscribe(events)
    waakdienst.subscribe(events)
    for part in slices:
        part.subscribe(events)
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
    waakdienst.schedule(background, slack_pages.drain, phone_pages.drain, seconds=page_seconds)
    for part in slices:
        part.schedule(background)
    # Keeps user-group membership warm, so role checks on the ack path never wait for Slack.
    background.add_periodic("roles", roles.warm, seconds=240)
    # The dead man's switch: called only while paging works.
    heartbeat = Heartbeat(
        url=settings.heartbeat_url,
        readers=readers,
        clock=clock,
        checks=waakdienst.heartbeat_checks(),
    )
    if settings.heartbeat_url is not None:
        background.add_periodic("heartbeat", heartbeat.beat, seconds=60)
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
        metrics=Metrics(
            readers=readers, clock=clock, sources=[sla_metrics, *waakdienst.metric_sources()]
        ),
        heartbeat=heartbeat,
        entitlement=waakdienst.entitlement,
        desk_handovers=waakdienst.desk_handovers,
        phone=waakdienst.phone,
        pager=waakdienst.pager,
        page_dispatcher=page_dispatcher,
        rota=waakdienst.rota,
        summaries=summaries,
        home=home,
        billing=billing,
        invoicing=invoicing,
    )
