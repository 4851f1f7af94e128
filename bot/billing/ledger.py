"""The ledger: time on tickets, each entry decided free or chargeable by the service
description's rules when it is recorded, with the rule and the reason stored alongside.

Nothing is edited or deleted: a correction is a new entry that cancels the old one. The
facts the rules read come from storage.billing_facts only (referrals, training, orders, scope).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from bot.billing.inputs import CorrectTime, RecordTime
from bot.billing.pricing import price_by_policy
from bot.billing.rules import (
    Decision,
    Facts,
    NoRate,
    Price,
    Refused,
    Rule,
    Scope,
    Work,
    decide,
)
from bot.clock import Clock
from bot.errors import DomainError, InvalidTransition, NotFound
from bot.events import Actor, EventBus
from bot.oncall.entitlement import ItemTimed, night_item
from bot.outbox.payloads import CardSync, enqueue, ticket_key
from bot.policy import Policy
from bot.roles import STAFF, RoleResolver
from bot.tickets.events import TicketChanged
from bot.tickets.rules.lifecycle import Action
from storage import billing as store
from storage import billing_facts as facts
from storage import chargeable, tickets
from storage.models import ChargeableItem, Ticket, TimeEntry


class NoOrder(DomainError):
    """Rule 5: time on an exclusion is recorded only under a written order given beforehand."""

    key = "billing.error.no_order"


@dataclass(frozen=True, slots=True)
class EntryView:
    id: int
    minutes: int
    kind: str
    description: str
    actor: str
    actor_source: str
    worked_at: datetime
    created_at: datetime
    chargeable: bool
    rule: str
    reason: str
    after_hours: bool
    cancels_id: int | None
    order_id: int | None
    chargeable_item_id: int | None

    @classmethod
    def of(cls, e: TimeEntry) -> EntryView:
        return cls(
            id=e.id,
            minutes=e.minutes,
            kind=e.kind,
            description=e.description,
            actor=e.actor,
            actor_source=e.actor_source,
            worked_at=e.worked_at,
            created_at=e.created_at,
            chargeable=e.chargeable,
            rule=e.rule,
            reason=e.reason,
            after_hours=e.after_hours,
            cancels_id=e.cancels_id,
            order_id=e.order_id,
            chargeable_item_id=e.chargeable_item_id,
        )


@dataclass(frozen=True, slots=True)
class Recorded:
    """An entry as the agent is told about it: the rule that decided, what it costs now, and
    the ticket's totals after it."""

    number: str
    entry: EntryView
    cancelled: EntryView | None
    price: Price | None  # None when free
    total_minutes: int
    chargeable_minutes: int


@dataclass(frozen=True, slots=True)
class TicketTime:
    number: str
    subject: str
    entries: tuple[EntryView, ...]
    cancelled: frozenset[int]  # ids of entries a later one cancels
    total_minutes: int
    chargeable_minutes: int


class Ledger:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        readers: sessionmaker[Session],
        policy: Policy,
        clock: Clock,
        roles: RoleResolver,
        after_commit: Callable[[], None] = lambda: None,
    ) -> None:
        self.sessions = sessions
        self.readers = readers
        self.policy = policy
        self.billing = policy.billing
        self.calendar = policy.calendar
        self.tz = ZoneInfo(policy.office_hours.timezone)
        self.clock = clock
        self.roles = roles
        self._after_commit = after_commit

    def subscribe(self, bus: EventBus) -> None:
        bus.subscribe(TicketChanged, self.on_registered)
        bus.subscribe(ItemTimed, self.on_item_timed)

    # --- recording ----------------------------------------------------------------------------

    def record(self, actor: Actor, cmd: RecordTime) -> Recorded:
        """`/ticket tijd NUMMER 45m …` and the modal: a new entry, decided by the rules now.
        An exclusion without a written order is refused and nothing is written."""
        self.roles.require_actor(actor, STAFF)
        now = self.clock.now()
        kind = cmd.kind or self.billing.default_kind
        with self.sessions.begin() as session:
            ticket = self._ticket(session, cmd.number)
            decision = self._decide(session, ticket, kind, now)
            if decision.rule is Rule.AFTER_HOURS:
                done = self._add_to_night(session, ticket, actor, decision, cmd, now)
            else:
                done = self._add(
                    session, ticket, actor, decision, cmd.minutes, kind, cmd.description, now, now
                )
        self._after_commit()
        return done

    def _add_to_night(
        self,
        session: Session,
        ticket: Ticket,
        actor: Actor,
        decision: Decision,
        cmd: RecordTime,
        now: datetime,
    ) -> Recorded:
        """Rule 6: after hours for a customer without the waakdienst, the work goes on the
        person's chargeable item of this night (the waakdienst's; recorded now if they have
        none). A night's work on a ticket by one person is one ledger entry: time said again
        with `/ticket tijd` adds to it (a new entry cancelling the night's one, with the sum);
        `/waakdienst tijd` says the night's total and replaces it (on_item_timed)."""
        item = night_item(session, self.policy, ticket, actor, now)
        old = self._night_entry(session, ticket, item)
        minutes = cmd.minutes + (old.minutes if old is not None else 0)
        kind = cmd.kind or (old.kind if old is not None else self.billing.default_kind)
        said = [old.description if old is not None else "", cmd.description]
        description = "; ".join(d for d in said if d)[:2000]
        worked_at = old.worked_at if old is not None else now
        done = self._add(
            session, ticket, actor, decision, minutes, kind, description, worked_at, now,
            cancels=old, item_id=item.id,
        )  # fmt: skip
        chargeable.set_time(session=session, item=item, minutes=minutes, note=description)
        return done

    def _night_entry(
        self, session: Session, ticket: Ticket, item: ChargeableItem
    ) -> TimeEntry | None:
        """The ledger entry of the night `item` belongs to (its person's items on the ticket
        that night, of any reason), if it has one."""
        night = chargeable.of_night(
            session=session,
            ticket_id=ticket.id,
            actor_source=item.actor_source,
            actor=item.actor,
            period_start=item.period_start,
        )
        return store.active_of_items(session=session, item_ids=night)

    def correct(self, actor: Actor, cmd: CorrectTime) -> Recorded:
        """A new entry that cancels entry `cmd.entry_id` (0 minutes: only cancels it). The
        work keeps its day; with the same kind, the old entry's decision stands (the rules as
        they were when the work was recorded); with another kind, the rules decide anew."""
        self.roles.require_actor(actor, STAFF)
        now = self.clock.now()
        with self.sessions.begin() as session:
            ticket = self._ticket(session, cmd.number)
            old = store.get(session=session, entry_id=cmd.entry_id)
            if old is None or old.ticket_id != ticket.id:
                raise NotFound("billing.error.no_entry", entry=cmd.entry_id, number=ticket.number)
            later = store.cancelled_by(session=session, entry_id=old.id)
            if later is not None:
                raise InvalidTransition("billing.error.corrected", entry=old.id, later=later)
            kind = cmd.kind or old.kind
            decision: Decision | None = None
            if kind != old.kind and cmd.minutes:
                decision = self._decide(session, ticket, kind, old.worked_at)
            description = cmd.description or old.description
            done = self._add(
                session, ticket, actor, decision, cmd.minutes, kind, description,
                old.worked_at, now, cancels=old,
            )  # fmt: skip
            if old.chargeable_item_id is not None:
                # The waakdienst's item says what its entry says (`/waakdienst tijd` then
                # corrects this entry, not the one before it).
                item = chargeable.get(
                    session=session, item_id=old.chargeable_item_id, for_update=True
                )
                if item is not None:
                    chargeable.set_time(session=session, item=item, minutes=cmd.minutes)
        self._after_commit()
        return done

    def show(self, user: str, number: str) -> TicketTime:
        """The ticket's entries, oldest first, with its totals."""
        self.roles.require(user, STAFF)
        with self.readers() as session:
            ticket = self._ticket(session, number)
            entries = tuple(
                EntryView.of(e) for e in store.of_ticket(session=session, ticket_id=ticket.id)
            )
            cancelled = frozenset(e.cancels_id for e in entries if e.cancels_id is not None)
            return TicketTime(
                ticket.number, ticket.subject, entries, cancelled,
                ticket.time_minutes, ticket.chargeable_minutes,
            )  # fmt: skip

    # --- subscribers (in the publisher's transaction) -----------------------------------------

    def on_registered(self, session: Session, e: TicketChanged) -> None:
        """Rule 3 at registration: a user question of a customer whose questions are charged
        carries since when, so its card (and the confirmation) say so."""
        if e.action is not Action.REGISTER:
            return
        ticket = tickets.get_by_id(session=session, ticket_id=e.ticket_id)
        if ticket is None or ticket.type not in self.billing.user_questions:
            return
        since = facts.questions_charged_since(
            session=session, customer_id=ticket.customer_id, now=e.at
        )
        if since is not None and since <= e.at:
            store.set_questions_charged_since(session=session, ticket_id=ticket.id, since=since)

    def on_item_timed(self, session: Session, e: ItemTimed) -> None:
        """Rule 6: `/waakdienst tijd` on a chargeable item puts it in the ledger. It says the
        night's total: the night's entry (from `/waakdienst tijd` or `/ticket tijd`, on any of
        the person's items on the ticket that night) is corrected (cancelled and replaced),
        never added to."""
        ticket = tickets.get_by_id(session=session, ticket_id=e.ticket_id)
        item = chargeable.get(session=session, item_id=e.item_id)
        if ticket is None or item is None:
            return
        old = self._night_entry(session, ticket, item)
        if old is not None and old.minutes == e.minutes:
            return
        decision = Decision(True, Rule.AFTER_HOURS, e.reason)
        kind = old.kind if old is not None else self.billing.after_hours_kind
        description = e.note or (old.description if old is not None else "")
        self._add(
            session, ticket, e.actor, decision, e.minutes, kind, description, e.worked_at, e.at,
            cancels=old, item_id=e.item_id,
        )  # fmt: skip

    # --- the parts ----------------------------------------------------------------------------

    def _ticket(self, session: Session, number: str) -> Ticket:
        ticket = tickets.get(session=session, number=number)
        if ticket is None:
            raise NotFound("error.ticket_not_found", value=number)
        return ticket

    def facts(self, session: Session, ticket: Ticket, kind: str, at: datetime) -> Facts:
        """What the rules read, for time of `kind` on `ticket` worked at `at`."""
        tier = ticket.customer.sla_tier
        day = at.astimezone(self.tz).date()
        return Facts(
            kind=kind,
            free_kind=self.billing.kinds[kind].free,
            scope=Scope.parse(facts.scope_of(session=session, ticket_id=ticket.id)),
            order_id=facts.order_for(session=session, ticket_id=ticket.id, on=day),
            after_hours=not self.calendar.is_open(at),
            entitled_after_hours=tier in self.policy.waakdienst.tiers,
            user_question=ticket.type in self.billing.user_questions,
            referral_id=facts.referral_for(session=session, ticket_id=ticket.id, at=at),
            questions_charged_since=facts.questions_charged_since(
                session=session, customer_id=ticket.customer_id, now=at
            ),
            worked_at=at,
        )

    def _decide(self, session: Session, ticket: Ticket, kind: str, at: datetime) -> Decision:
        decided = decide(self.facts(session, ticket, kind, at))
        if isinstance(decided, Refused):
            raise NoOrder(
                number=ticket.number,
                scope=facts.scope_of(session=session, ticket_id=ticket.id) or "",
            )
        return decided

    def _price(self, entry: TimeEntry) -> Price | None:
        if not entry.chargeable or entry.minutes == 0:
            return None
        day = entry.worked_at.astimezone(self.tz).date()
        try:
            return price_by_policy(
                self.billing, Work(entry.kind, entry.minutes, day, entry.after_hours)
            )
        except NoRate:
            raise InvalidTransition(
                "billing.error.no_rate", kind=entry.kind, day=day.isoformat()
            ) from None

    def _add(
        self,
        session: Session,
        ticket: Ticket,
        actor: Actor,
        decision: Decision | None,
        minutes: int,
        kind: str,
        description: str,
        worked_at: datetime,
        now: datetime,
        *,
        cancels: TimeEntry | None = None,
        item_id: int | None = None,
    ) -> Recorded:
        """Write the entry (decision None: the cancelled entry's decision stands), move the
        ticket's totals, and update its card."""
        if decision is None:
            assert cancels is not None
            decision = Decision(cancels.chargeable, Rule(cancels.rule), cancels.reason)
        new = store.NewEntry(
            ticket_id=ticket.id,
            customer_id=ticket.customer_id,
            minutes=minutes,
            kind=kind,
            description=description[:2000],
            actor_source=actor.source.value,
            actor=actor.id,
            worked_at=worked_at,
            chargeable=decision.chargeable,
            rule=decision.rule.value,
            reason=decision.reason,
            after_hours=not self.calendar.is_open(worked_at),
            order_id=facts.order_for(
                session=session, ticket_id=ticket.id, on=worked_at.astimezone(self.tz).date()
            )
            if decision.rule is Rule.EXCLUSION
            else (cancels.order_id if cancels is not None else None),
            referral_id=facts.referral_for(session=session, ticket_id=ticket.id, at=worked_at)
            if decision.rule is Rule.MANUAL_REFERRAL
            else None,
            chargeable_item_id=item_id
            if item_id is not None
            else (cancels.chargeable_item_id if cancels else None),
            cancels_id=cancels.id if cancels is not None else None,
        )
        entry = store.add(session=session, entry=new, now=now)
        if entry is None:
            assert cancels is not None
            later = store.cancelled_by(session=session, entry_id=cancels.id)
            raise InvalidTransition("billing.error.corrected", entry=cancels.id, later=later)
        cost = self._price(entry)
        total, charged = store.totals(session=session, ticket_id=ticket.id)
        enqueue(
            session=session,
            payload=CardSync(ticket_id=ticket.id),
            now=now,
            ordering_key=ticket_key(ticket.id),
        )
        return Recorded(
            number=ticket.number,
            entry=EntryView.of(entry),
            cancelled=EntryView.of(cancels) if cancels is not None else None,
            price=cost,
            total_minutes=total,
            chargeable_minutes=charged,
        )
