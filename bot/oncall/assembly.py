"""The waakdienst's services, built from the core's pieces: the composition root (bot.wiring)
calls `build` and plugs what comes back into the outbox, the event bus and the scheduler.

Kept in the slice so the root does not grow with every part of the waakdienst: the rota, the
chain engine and its page lane, the entitlement rules, the desk's handovers and the phone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.events import EventBus
from bot.heartbeat import Check, outbox_fresh
from bot.metrics import Source
from bot.oncall.desk_handover import DeskHandovers
from bot.oncall.entitlement import Entitlement
from bot.oncall.entitlement_delivery import EntitlementDelivery
from bot.oncall.metrics import page_metrics
from bot.oncall.page_delivery import PageDelivery
from bot.oncall.page_payloads import PAGE_KINDS, PHONE_PAGE_KINDS, SLACK_PAGE_KINDS
from bot.oncall.pager import Pager, chains_on_time
from bot.oncall.phone import Phone, build_phone, look_back_for
from bot.oncall.rota import Rota
from bot.oncall.rota_delivery import RotaDelivery
from bot.oncall.rota_jobs import RotaJobs
from bot.oncall.targets import OnCall
from bot.outbox.dispatcher import Deliver
from bot.policy import Policy
from bot.roles import RoleResolver
from bot.scheduler import Background
from bot.settings import Settings
from bot.tickets.delivery import SlackDelivery

__all__ = ["PAGE_KINDS", "PHONE_PAGE_KINDS", "SLACK_PAGE_KINDS", "Waakdienst", "build"]


@dataclass
class Waakdienst:
    rota: Rota
    pager: Pager
    entitlement: Entitlement
    desk_handovers: DeskHandovers
    rota_jobs: RotaJobs
    phone: Phone | None
    deliveries: dict[str, Deliver]

    def subscribe(self, events: EventBus) -> None:
        # After the desk's own subscribers, so a page's thread lines follow the change's.
        self.entitlement.subscribe(events)
        self.pager.subscribe(events)

    def schedule(
        self,
        background: Background,
        drain_pages: Callable[[], int],
        drain_phone: Callable[[], int],
        seconds: float,
    ) -> None:
        def page_lane() -> None:
            self.pager.sweep()
            drain_pages()

        # Loops of their own, woken by every commit's kick (the sweep's too): a new chain's
        # first page goes at once, and its call rings while the DM is being posted.
        background.add_lane("pages", page_lane, seconds=seconds)
        background.add_lane("phone", drain_phone, seconds=seconds)
        background.add_periodic("desk_handovers", self.desk_handovers.sweep, seconds=30)
        background.add_periodic("rota", self.rota_jobs.sweep, seconds=60)

    @staticmethod
    def heartbeat_checks() -> list[Check]:
        # Paging works: no step overdue, and no page waiting a minute for its delivery.
        return [chains_on_time(), outbox_fresh(PAGE_KINDS, timedelta(minutes=1))]

    @staticmethod
    def metric_sources() -> list[Source]:
        return [page_metrics]


def build(
    *,
    settings: Settings,
    policy: Policy,
    clock: Clock,
    client: WebClient,
    sessions: sessionmaker[Session],
    readers: sessionmaker[Session],
    roles: RoleResolver,
    events: EventBus,
    slack: SlackDelivery,
    lang_of: Callable[[str], str],
    kick: Callable[[], None],
) -> Waakdienst:
    rota = Rota(sessions=sessions, readers=readers, policy=policy, clock=clock, roles=roles)
    # The rota says who is on call, for the pager and the entitlement rules alike.
    oncall: OnCall = rota
    look_back = look_back_for(policy.waakdienst.escalation.wait)
    phone = build_phone(settings, clock=clock, look_back=look_back)
    pages = PageDelivery(
        slack=slack,
        client=client,
        readers=readers,
        policy=policy,
        oncall=oncall,
        phone=phone,
        public_url=settings.public_url,
    )
    deliveries: dict[str, Deliver] = {
        **pages.handlers(),
        **EntitlementDelivery(
            slack=slack, readers=readers, policy=policy, lang_of=lang_of
        ).handlers(),
        **RotaDelivery(
            client=client, slack=slack, rota=rota, policy=policy, clock=clock, lang_of=lang_of
        ).handlers(),
    }
    pager = Pager(
        sessions=sessions,
        policy=policy,
        clock=clock,
        oncall=oncall,
        roles=roles,
        phone=phone is not None,
        after_commit=kick,
    )
    entitlement = Entitlement(
        sessions=sessions,
        policy=policy,
        clock=clock,
        roles=roles,
        events=events,
        oncall=oncall,
        after_commit=kick,
    )
    desk_handovers = DeskHandovers(
        sessions=sessions,
        readers=readers,
        policy=policy,
        clock=clock,
        events=events,
        after_commit=kick,
        desk_opened=pager.desk_opened,
    )
    rota_jobs = RotaJobs(
        sessions=sessions, readers=readers, policy=policy, clock=clock, after_commit=kick
    )
    return Waakdienst(
        rota=rota,
        pager=pager,
        entitlement=entitlement,
        desk_handovers=desk_handovers,
        rota_jobs=rota_jobs,
        phone=phone,
        deliveries=deliveries,
    )
