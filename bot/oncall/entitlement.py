"""Who the waakdienst is paged for, as tickets change: the subscriber that turns a registration,
a reclassification into the set and a reopen after hours into a `PageRequested`, and for a
customer who is not entitled, the notice to whoever works the ticket and the chargeable item.

It runs in the change's transaction: the page request commits with the change that caused it,
and the chain engine (bot.oncall.pager) takes it from there. Nobody is paged from here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.errors import InvalidTransition, NotFound
from bot.events import Actor, ActorSource, EventBus
from bot.oncall.entitlement_payloads import NotEntitledNotice
from bot.oncall.events import PageReason, PageRequested
from bot.oncall.rota_inputs import TimeEntry
from bot.oncall.rules.entitlement import (
    Facts,
    Rule,
    Verdict,
    closed_since,
    entered,
    entitled,
    verdict,
)
from bot.oncall.targets import OnCall
from bot.outbox.payloads import ThreadEvent, enqueue, ticket_key
from bot.policy import Policy
from bot.roles import STAFF, RoleResolver
from bot.tickets.events import TicketChanged
from bot.tickets.rules.lifecycle import OPEN, Action, Status
from bot.tickets.views import TicketView
from storage import chargeable
from storage import tickets as store
from storage.models import ChargeableItem, Ticket

log = logging.getLogger(__name__)

# The audit trail's kind for a chargeable item (rendered in bot.tickets.blocks.thread).
CHARGEABLE_EVENT = "chargeable"
# The rule of a chargeable item, as stored: "waakdienst zonder recht".
RULE = "after_hours_without_entitlement"


class Reason(StrEnum):
    AFTER_HOURS_WORK = "after_hours_work"  # registered or worked it after hours
    PAGED_ANYWAY = "paged_anyway"  # "Toch oproepen", `/waakdienst roep-op`


_PAGED_AT = {
    Action.REGISTER: PageReason.REGISTERED,
    Action.RECLASSIFY: PageReason.RECLASSIFIED,
    Action.REOPEN: PageReason.REOPENED,
}


def rule_of(policy: Policy) -> Rule:
    return Rule(
        incident_types=frozenset(k for k, t in policy.types.items() if t.incident),
        priorities=frozenset(policy.waakdienst.priorities),
        tiers=frozenset(policy.waakdienst.tiers),
    )


def facts_of(ticket: Ticket) -> Facts:
    return Facts(type=ticket.type, priority=ticket.priority, tier=ticket.customer.sla_tier)


@dataclass(frozen=True)
class PagedAnyway:
    ticket: TicketView
    chargeable: bool


@dataclass(frozen=True, slots=True)
class ItemTimed:
    """The minutes of a chargeable item were said (`/waakdienst tijd`), published in that
    transaction: billable work (bot.billing.ledger) puts the item in its ledger (rule 6)."""

    item_id: int
    ticket_id: int
    reason: str
    minutes: int
    note: str
    actor: Actor
    worked_at: datetime  # the item's start: after hours
    at: datetime


@dataclass(frozen=True)
class TimeRecorded:
    """The minutes now on a chargeable item, and the span they make from its start."""

    ticket: TicketView
    reason: str
    minutes: int
    started_at: datetime
    ended_at: datetime


class Entitlement:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        policy: Policy,
        clock: Clock,
        roles: RoleResolver,
        events: EventBus,
        oncall: OnCall,
        after_commit: Callable[[], None] = lambda: None,
    ) -> None:
        self.sessions = sessions
        self.policy = policy
        self.calendar = policy.calendar
        self.tz = ZoneInfo(policy.office_hours.timezone)
        self.rule = rule_of(policy)
        self.clock = clock
        self.roles = roles
        self.events = events
        self.oncall = oncall
        self._after_commit = after_commit

    def subscribe(self, bus: EventBus) -> None:
        bus.subscribe(TicketChanged, self.on_ticket_changed)

    def on_ticket_changed(self, session: Session, e: TicketChanged) -> None:
        if self.calendar.is_open(e.at):
            return  # the desk has it
        ticket = store.get_by_id(session=session, ticket_id=e.ticket_id)
        if ticket is None:
            return
        facts = facts_of(ticket)
        match verdict(self.rule, facts, active=True):
            case Verdict.PAGE:
                reason = self._page_reason(session, e, facts)
                if reason is not None:
                    self._request(session, ticket, reason, e.actor, e.at)
            case Verdict.NOT_ENTITLED if e.actor.source is ActorSource.SLACK:
                if self._charge(session, ticket, e.actor, Reason.AFTER_HOURS_WORK, e.at):
                    # Once per ticket per person per night: their first action is told.
                    notice = NotEntitledNotice(ticket_id=ticket.id, user=e.actor.id)
                    enqueue(session=session, payload=notice, now=e.at)
            case _:
                pass

    def _page_reason(self, session: Session, e: TicketChanged, after: Facts) -> PageReason | None:
        reason = _PAGED_AT.get(e.action)
        if reason is not PageReason.RECLASSIFIED:
            return reason
        audit = store.get_event(session=session, event_id=e.audit_id)
        changes = audit.changes if audit is not None else {}

        def old(field: str, now: str) -> str:
            return str(changes[field][0]) if field in changes else now

        before = Facts(old("type", after.type), old("priority", after.priority), after.tier)
        return reason if entered(self.rule, before, after) else None

    def page_anyway(self, actor: Actor, number: str) -> PagedAnyway:
        """Page the waakdienst for a ticket whatever the rules say ("Toch oproepen"). For a
        customer who is not entitled, after hours, that is a chargeable item."""
        self.roles.require_actor(actor, STAFF)
        now = self.clock.now()
        with self.sessions.begin() as session:
            ticket = store.get(session=session, number=number, for_update=True)
            if ticket is None:
                raise NotFound("error.ticket_not_found", value=number)
            if Status(ticket.status) not in OPEN:
                raise InvalidTransition(
                    "entitlement.error.not_open", number=ticket.number, status=ticket.status
                )
            charged = not entitled(self.rule, ticket.customer.sla_tier)
            charged = charged and not self.calendar.is_open(now)
            if charged:
                self._charge(session, ticket, actor, Reason.PAGED_ANYWAY, now)
            # Only a page that is charged says so: a gold customer's, or one in office hours,
            # is a page by hand and nothing more.
            reason = PageReason.MANUAL_CHARGED if charged else PageReason.MANUAL
            self._request(session, ticket, reason, actor, now)
            view = TicketView.of(ticket)
        self._after_commit()
        return PagedAnyway(view, charged)

    def record_time(self, actor: Actor, entry: TimeEntry) -> TimeRecorded:
        """`/waakdienst tijd`: the minutes of the actor's chargeable service of a ticket, on
        their item of this night (or else their latest on that ticket). Said again, the
        minutes are replaced, not added: a retried command counts once."""
        self.roles.require_actor(actor, STAFF)
        with self.sessions.begin() as session:
            ticket = store.get(session=session, number=entry.number)
            if ticket is None:
                raise NotFound("error.ticket_not_found", value=entry.number)
            item = chargeable.latest_of(
                session=session,
                ticket_id=ticket.id,
                actor_source=actor.source.value,
                actor=actor.id,
                for_update=True,
            )
            if item is None:
                raise InvalidTransition("entitlement.error.no_item", number=ticket.number)
            chargeable.set_time(session=session, item=item, minutes=entry.minutes, note=entry.note)
            assert item.ended_at is not None  # set_time set it
            timed = ItemTimed(
                item_id=item.id,
                ticket_id=ticket.id,
                reason=item.reason,
                minutes=entry.minutes,
                note=item.note,
                actor=actor,
                worked_at=item.started_at,
                at=self.clock.now(),
            )
            self.events.publish(session, timed)
            done = TimeRecorded(
                TicketView.of(ticket), item.reason, entry.minutes, item.started_at, item.ended_at
            )
        return done

    def _request(
        self, session: Session, ticket: Ticket, reason: PageReason, actor: Actor, at: datetime
    ) -> None:
        accepted = (
            actor.id if actor.source is ActorSource.SLACK and self._on_call(actor, at) else None
        )
        self.events.publish(
            session,
            PageRequested(
                ticket_id=ticket.id, reason=reason, actor=actor, at=at, accepted_by=accepted
            ),
        )

    def _on_call(self, actor: Actor, at: datetime) -> bool:
        """Whether the actor has the waakdienst now: the on-call engineer who registers (or
        reopens, or pages for) a ticket is on it already, and is not paged for it."""
        try:
            return self.oncall.targets(at).primary == actor.id
        except Exception:
            # A rota that cannot answer must not stop the registration: page as usual.
            log.exception("the rota could not say who is on call; paging as usual")
            return False

    def _charge(
        self, session: Session, ticket: Ticket, actor: Actor, reason: Reason, at: datetime
    ) -> bool:
        """Record the service as chargeable, with an audit event in the ticket's thread.
        False when this person's service of this kind was recorded this night already (it is
        then extended to `at`)."""
        night = closed_since(self.calendar, self.tz, at)
        return charge(session, ticket, actor, reason, at, night=night) is not None


def charge(
    session: Session, ticket: Ticket, actor: Actor, reason: Reason, at: datetime, *, night: datetime
) -> int | None:
    """A new chargeable item for this person's service of the ticket in the night that began
    at `night`, with its audit event in the ticket's thread; None when they had one of this
    reason that night already (it is then extended to `at`)."""
    item = chargeable.record(
        session=session,
        service=chargeable.Service(
            ticket_id=ticket.id,
            customer_id=ticket.customer_id,
            rule=RULE,
            reason=reason.value,
            actor_source=actor.source.value,
            actor=actor.id,
            period_start=night,
            at=at,
        ),
        now=at,
    )
    if item is None:
        return None
    event = store.add_event(
        session=session,
        ticket=ticket,
        at=at,
        actor=actor.id,
        actor_source=actor.source.value,
        kind=CHARGEABLE_EVENT,
        changes={"rule": [None, RULE], "reason": [None, reason.value], "item": [None, item]},
    )
    enqueue(
        session=session,
        payload=ThreadEvent(ticket_id=ticket.id, event_id=event.id),
        now=at,
        ordering_key=ticket_key(ticket.id),
    )
    return item


def night_item(
    session: Session, policy: Policy, ticket: Ticket, actor: Actor, at: datetime
) -> ChargeableItem:
    """The person's chargeable item of this night on the ticket, the one `/waakdienst tijd`
    times (their latest); recorded now as after-hours work when they have none this night.
    Billable work's `/ticket tijd` after hours for a customer without the waakdienst (rule 6)
    books on it, so both commands meet in one item and one ledger entry."""
    night = closed_since(policy.calendar, ZoneInfo(policy.office_hours.timezone), at)

    def latest() -> ChargeableItem | None:
        found = chargeable.latest_of(
            session=session,
            ticket_id=ticket.id,
            actor_source=actor.source.value,
            actor=actor.id,
            for_update=True,
        )
        return found if found is not None and found.period_start == night else None

    item = latest()
    if item is None:
        charge(session, ticket, actor, Reason.AFTER_HOURS_WORK, at, night=night)
        item = latest()
    assert item is not None  # recorded just now, or by a replica racing this one
    return item
