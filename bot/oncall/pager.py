"""The chain engine: a PageRequested starts an escalation chain; `sweep` sends what is due,
each step claimed in the database first so it goes out exactly once across restarts and
replicas; an acknowledgement stops every further notification at once.

Deliveries check the chain before they send (bot.oncall.page_delivery), so a page already
queued when someone acknowledges is dropped, not sent. A restart mid-chain resumes from the
stored state: the step that was due is sent, nothing is repeated or skipped.

A chain ends when the ticket is resolved or closed, when a reclassification takes it out of
the waakdienst's set (unless it was paged by hand), one wait after its last step if nobody
acknowledged, and when the desk opens (unless paged by hand while the desk was open): the
waakdienst has a ticket only while the desk is closed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from bot import logs
from bot.clock import Clock
from bot.errors import DomainError, NotFound
from bot.events import Actor, ActorSource, EventBus
from bot.oncall import chain_steps as run
from bot.oncall.chain_steps import (
    Lost,
    Steps,
    audit,
    rules_of,
    settle,
    store_chain,
    store_unacknowledged,
)
from bot.oncall.entitlement import facts_of, rule_of
from bot.oncall.events import PageReason, PageRequested
from bot.oncall.rules import chain as rules
from bot.oncall.rules.chain import Snapshot, State, Target, Via
from bot.oncall.rules.entitlement import in_set
from bot.oncall.targets import OnCall
from bot.policy import Policy
from bot.roles import STAFF, RoleResolver
from bot.tickets.events import TicketChanged
from bot.tickets.rules.lifecycle import OPEN, WAITING, Action, Status
from storage import pages as store
from storage import tickets
from storage.models import PageChain, Ticket

log = logging.getLogger(__name__)

_ENDS = frozenset({Action.RESOLVE, Action.CLOSE})


def manual(row: PageChain) -> bool:
    """Paged by hand (`/waakdienst roep-op`, Toch oproepen): whoever did so wanted it whatever
    the rule says. A prefix, so a variant of the reason (charged or not) counts too."""
    return row.reason.startswith(PageReason.MANUAL.value)


@dataclass(frozen=True)
class SweepResult:
    chains: int  # chains that had something due
    sent: int  # steps claimed and enqueued (pages and reminders)


@dataclass(frozen=True)
class Acked:
    number: str
    changed: bool  # False: it already was acknowledged by this person


@dataclass(frozen=True)
class Escalated:
    number: str
    target: Target  # the step now paged


class Pager:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        policy: Policy,
        clock: Clock,
        oncall: OnCall,
        roles: RoleResolver,
        phone: bool = False,
        after_commit: Callable[[], None] = lambda: None,
        batch: int = 200,
    ) -> None:
        self.sessions = sessions
        self.policy = policy
        self.clock = clock
        self.roles = roles
        self.calendar = policy.calendar
        self.rule = rule_of(policy)
        tz = ZoneInfo(policy.office_hours.timezone)
        self.steps = Steps(oncall=oncall, phone=phone, calendar=self.calendar, tz=tz)
        self._after_commit = after_commit
        self.batch = batch

    def subscribe(self, bus: EventBus) -> None:
        bus.subscribe(PageRequested, self._requested)
        bus.subscribe(TicketChanged, self._changed)

    def snapshot(self) -> Snapshot:
        w = self.policy.waakdienst
        return Snapshot(w.escalation.wait, w.escalation.pages, w.stall.after, w.stall.answer_within)

    # --- events, in the publisher's transaction ----------------------------------------------

    def _requested(self, session: Session, e: PageRequested) -> None:
        ticket = tickets.get_by_id(session=session, ticket_id=e.ticket_id)
        if ticket is None or Status(ticket.status) not in OPEN:
            return
        snap = self.snapshot()
        chain = rules.start(snap, e.at, accepted=e.accepted_by is not None)
        row = store.start(
            session=session,
            values={
                "ticket_id": ticket.id,
                "reason": e.reason.value,
                "started_at": e.at,
                "snapshot": snap.to_json(),
                **run.values_of(chain),
                "acknowledged_by": e.accepted_by,
                "acknowledged_at": e.at if e.accepted_by else None,
                "acknowledged_via": Via.SELF.value if e.accepted_by else None,
            },
        )
        if row is None:
            return  # a chain is already running for it
        if e.accepted_by:
            store.acknowledged(
                session=session,
                chain_id=row.id,
                round=row.round,
                at=e.at,
                actor=e.accepted_by,
                via=Via.SELF.value,
            )
            audit(session, ticket.id, e.at, e.actor, "page_accepted", user=e.accepted_by)
        else:
            # The first page goes out with the publisher's after-commit kick (which wakes the
            # page lane), or at the next sweep.
            audit(session, ticket.id, e.at, e.actor, "page_started", reason=e.reason.value)

    def _changed(self, session: Session, e: TicketChanged) -> None:
        row = store.running(session=session, ticket_id=e.ticket_id, for_update=True)
        if row is None:
            return
        if e.action in _ENDS:
            run.end(session, row, e.action.value, e.at)
            return
        ticket = tickets.get_by_id(session=session, ticket_id=e.ticket_id)
        assert ticket is not None
        left = e.action is Action.RECLASSIFY and not in_set(self.rule, facts_of(ticket))
        if left and not manual(row):
            run.end(session, row, run.LEFT_SET, e.at)
            return
        # Any other change is an update: it resets the stall timer (and answers a reminder),
        # or rests it while the ticket waits for the customer or a third party.
        chain, waiting = rules_of(row), Status(ticket.status) in WAITING
        store_chain(session, row, chain, rules.updated(chain, store_snapshot(row), e.at, waiting))

    def desk_opened(self, session: Session, opened: datetime, now: datetime) -> int:
        """The desk opened at `opened` (bot.oncall.desk_handover): it has every ticket again,
        so every running chain ends, except a page by hand since it opened (the handover runs
        a little after the opening). In the handover's transaction, so it happens once with
        it. Returns the number of chains ended."""
        ended = 0
        for row in store.all_running(session=session):
            if manual(row) and row.started_at >= opened:
                continue
            with session.begin_nested():
                run.end(session, row, run.OFFICE_START, now)
            ended += 1
        return ended

    # --- the sweep ---------------------------------------------------------------------------

    def sweep(self) -> SweepResult:
        now = self.clock.now()
        sent = 0
        with self.sessions.begin() as session:
            rows = store.due(session=session, now=now, limit=self.batch)
            for row in rows:
                try:
                    with session.begin_nested():
                        sent += self.steps.run(session, row, now)
                except Lost:
                    log.info(
                        "chain %s: another process has it",
                        row.id,
                        extra={logs.TICKET: _number(session, row)},
                    )
        if sent:
            self._after_commit()
        return SweepResult(len(rows), sent)

    # --- what people do ----------------------------------------------------------------------

    def acknowledge(self, actor: Actor, number: str, via: Via) -> Acked:
        """Stops every further notification for the ticket at once."""
        now = self.clock.now()
        with self.sessions.begin() as session:
            ticket, row = self._chain(session, number)
            self._may_act(session, actor, row)
            changed = self._ack(session, ticket, row, actor, via, now)
        self._after_commit()
        return Acked(ticket.number, changed)

    def escalate(self, actor: Actor, number: str) -> Escalated:
        """Escaleren: the next step, at once (also from an acknowledged chain)."""
        now = self.clock.now()
        with self.sessions.begin() as session:
            ticket, row = self._chain(session, number)
            self._may_act(session, actor, row)
            snap, chain = store_snapshot(row), rules_of(row)
            new = rules.escalated(chain, snap, now)
            if new is None:
                raise DomainError("page.error.no_next_step", number=ticket.number)
            settle(session, row, "moved", now)
            store_unacknowledged(session, row, chain, new)
            audit(session, ticket.id, now, actor, "page_escalate")
            # The next step goes out in this very transaction; a step with nobody on the
            # rota is skipped, so the target is the step actually claimed.
            self.steps.run(session, row, now)
            target = rules.steps(snap)[rules_of(row).step - 1].target
        self._after_commit()
        return Escalated(ticket.number, target)

    def keypress(self, page_id: int, step: int, caller: str, *, round: int = 1) -> bool:
        """A keypress on the phone (1, from Twilio's callback): an acknowledgement by whoever
        that step of that round called. False when the chain, round or step is unknown, the
        round is over (a late 1 on a round-1 call acknowledges nothing in round 2), or the
        chain is over. The keypress URL always names the round (bot.oncall.twiml)."""
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = store.get(session=session, chain_id=page_id, for_update=True)
            if row is None or row.state == State.ENDED or row.round != round:
                return False
            claimed = store.step(session=session, chain_id=row.id, round=round, step=step)
            if claimed is None or claimed.target is None or claimed.kind == "reminder":
                return False
            ticket = tickets.get_by_id(session=session, ticket_id=row.ticket_id)
            assert ticket is not None
            log.info(
                "chain %s: keypress from %s for round %s step %s",
                row.id,
                caller,
                round,
                step,
                extra={logs.TICKET: ticket.number},
            )
            self._ack(session, ticket, row, Actor.slack(claimed.target), Via.PHONE, now)
        self._after_commit()
        return True

    def _chain(self, session: Session, number: str) -> tuple[Ticket, PageChain]:
        ticket = tickets.get(session=session, number=number)
        if ticket is None:
            raise NotFound("error.ticket_not_found", value=number)
        row = store.running(session=session, ticket_id=ticket.id, for_update=True)
        if row is None:
            raise NotFound("page.error.no_chain", number=ticket.number)
        return ticket, row

    def _may_act(self, session: Session, actor: Actor, row: PageChain) -> None:
        """Whoever was paged may answer their page; anyone else needs a desk role."""
        if actor.source is ActorSource.SLACK:
            paged = {s.target for s in store.paged(session=session, chain_id=row.id)}
            if actor.id in paged or actor.id == row.acknowledged_by:
                return
        self.roles.require_actor(actor, STAFF)

    def _ack(
        self,
        session: Session,
        ticket: Ticket,
        row: PageChain,
        actor: Actor,
        via: Via,
        now: datetime,
    ) -> bool:
        chain = rules_of(row)
        if (
            chain.state is State.ACKNOWLEDGED
            and not chain.reminded
            and row.acknowledged_by == actor.id
        ):
            return False
        waiting = Status(ticket.status) in WAITING
        new = rules.acknowledged(chain, store_snapshot(row), now, waiting)
        store_chain(
            session,
            row,
            chain,
            new,
            acknowledged_by=actor.id,
            acknowledged_at=now,
            acknowledged_via=via.value,
        )
        store.acknowledged(
            session=session, chain_id=row.id, round=row.round, at=now, actor=actor.id, via=via.value
        )
        settle(session, row, "ack", now)
        audit(session, ticket.id, now, actor, "page_ack", via=via.value)
        return True


def _number(session: Session, row: PageChain) -> str | None:
    ticket = tickets.get_by_id(session=session, ticket_id=row.ticket_id)
    return ticket.number if ticket is not None else None


def store_snapshot(row: PageChain) -> Snapshot:
    return Snapshot.from_json(row.snapshot)


def chains_on_time(
    grace: timedelta = timedelta(minutes=1),
) -> Callable[[Session, datetime], str | None]:
    """The dead man's switch's check (bot.heartbeat.Check): every running chain's next step is
    on time, i.e. no step has been due for longer than `grace` without being sent."""

    def check(session: Session, now: datetime) -> str | None:
        due = store.oldest_due(session=session)
        if due is not None and now - due >= grace:
            return f"a page step is {int((now - due).total_seconds())} s overdue"
        return None

    return check
