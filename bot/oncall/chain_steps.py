"""Carrying out what is due on a chain, inside the caller's transaction: claim each step in the
database (insert-or-ignore on its primary key, then a conditional update of the chain row),
and only then enqueue its outbox rows and its line in the ticket's audit trail.

A chain whose claim or update another process won is left to that process: the step is sent
once, whoever sends it. Rows and audit events are enqueued in the same transaction as the
claim, so a crash after the claim loses nothing and a crash before it repeats nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.events import Actor
from bot.oncall.page_payloads import (
    Outcome,
    PageCall,
    PageDm,
    PageLeads,
    PageReminder,
    PageSettle,
    PageText,
    chain_key,
)
from bot.oncall.rules import chain as rules
from bot.oncall.rules.chain import Act, Chain, Snapshot, State, Target
from bot.oncall.rules.entitlement import Calendar, business_day
from bot.oncall.targets import OnCall
from bot.outbox.payloads import CardSync, Payload, ThreadEvent, enqueue, ticket_key
from storage import pages as store
from storage import tickets
from storage.models import PageChain

SYSTEM = Actor.system("waakdienst")
# Why a chain ended, besides the ticket's resolve or close (PageChain.ended_why).
EXHAUSTED, OFFICE_START, LEFT_SET = "exhausted", "office_start", "left_set"
AUDITED_ENDS = frozenset({EXHAUSTED, OFFICE_START, LEFT_SET})


class Lost(Exception):
    """Another process claimed or moved this chain first: it is theirs."""


def rules_of(row: PageChain) -> Chain:
    return Chain(
        state=State(row.state),
        round=row.round,
        step=row.step,
        next_due_at=row.next_due_at,
        reminders=row.reminders,
        reminded=row.reminded_at is not None,
        last_update_at=row.last_update_at,
        exhausted=row.step >= rules.step_count(Snapshot.from_json(row.snapshot)),
    )


def values_of(chain: Chain) -> dict[str, Any]:
    return {
        "state": chain.state.value,
        "round": chain.round,
        "step": chain.step,
        "reminders": chain.reminders,
        "next_due_at": chain.next_due_at,
        "last_update_at": chain.last_update_at,
    }


def store_chain(session: Session, row: PageChain, old: Chain, new: Chain, **extra: Any) -> None:
    """The conditional update: only if the row is still in the state `old` was read from."""
    values = values_of(new)
    values.setdefault("reminded_at", None)
    values.update(extra)
    expected = {k: values_of(old)[k] for k in ("state", "round", "step", "reminders")}
    if not store.advance(session=session, row=row, expected=expected, values=values):
        raise Lost(row.id)


def store_unacknowledged(session: Session, row: PageChain, old: Chain, new: Chain) -> None:
    """Store a chain that pages again (escalated, restarted): nobody has it any more."""
    store_chain(
        session, row, old, new, acknowledged_by=None, acknowledged_at=None, acknowledged_via=None
    )


def end(session: Session, row: PageChain, why: str, now: datetime) -> None:
    """End the chain (resolved, closed, exhausted, out of the set, the desk open): nothing
    more is sent, its page messages say so, and a later page starts a chain of its own."""
    chain = rules_of(row)
    store_chain(session, row, chain, rules.ended(chain), ended_at=now, ended_why=why)
    settle(session, row, "ended", now)
    if why in AUDITED_ENDS:
        # A resolve or close is in the thread already; these ends are not.
        audit(session, row.ticket_id, now, SYSTEM, "page_ended", why=why)


def audit(
    session: Session, ticket_id: int, at: datetime, actor: Actor, kind: str, **page: Any
) -> None:
    """One line of the ticket's audit trail, and its reply in the card's thread."""
    ticket = tickets.get_by_id(session=session, ticket_id=ticket_id)
    assert ticket is not None
    event = tickets.add_event(
        session=session,
        ticket=ticket,
        at=at,
        actor=actor.id,
        actor_source=actor.source.value,
        kind=kind,
        changes={"page": page},
    )
    key = ticket_key(ticket_id)
    # The card shows who has the ticket at night; the thread tells what happened.
    enqueue(session=session, payload=CardSync(ticket_id=ticket_id), now=at, ordering_key=key)
    payload = ThreadEvent(ticket_id=ticket_id, event_id=event.id)
    enqueue(session=session, payload=payload, now=at, ordering_key=key)


class Steps:
    def __init__(self, *, oncall: OnCall, phone: bool, calendar: Calendar, tz: ZoneInfo) -> None:
        self.oncall = oncall
        self.phone = phone
        self.calendar = calendar
        self.tz = tz

    def _closes_at(self, now: datetime) -> datetime:
        day = business_day(self.calendar, self.tz, now.astimezone(self.tz).date())
        return day[1] if day is not None and day[1] > now else now

    def run(self, session: Session, row: PageChain, now: datetime) -> int:
        """Everything due on this chain now (a skipped step runs the next at once); returns
        the number of steps sent. Raises Lost when another process got there first."""
        snap = Snapshot.from_json(row.snapshot)
        sent = 0
        # Bounded: each pass claims, skips or restarts, and a round has few steps.
        for _ in range(2 * rules.step_count(snap) + 2):
            chain = rules_of(row)
            act = rules.due(chain, now)
            if act is None:
                break
            sent += self._act(session, row, snap, chain, act, now)
        return sent

    def _act(
        self,
        session: Session,
        row: PageChain,
        snap: Snapshot,
        chain: Chain,
        act: Act,
        now: datetime,
    ) -> int:
        if act is Act.EXHAUSTED:
            end(session, row, EXHAUSTED, now)
            return 0
        if act in (Act.REMIND, Act.RESTART) and self.calendar.is_open(now):
            # The desk is open: it has the ticket, not the waakdienst.
            store_chain(session, row, chain, rules.desk_open(chain, snap, self._closes_at(now)))
            return 0
        if act is Act.RESTART:
            new = rules.restarted(chain, now)
            store_unacknowledged(session, row, chain, new)
            audit(session, row.ticket_id, now, SYSTEM, "page_restart", round=new.round)
            return 0
        if act is Act.REMIND:
            return self._remind(session, row, snap, chain, now)
        return self._page(session, row, snap, chain, now)

    def _target(self, target: Target, now: datetime) -> str | None:
        on_call = self.oncall.targets(now)
        return on_call.primary if target is Target.PRIMARY else on_call.backup

    def _page(
        self, session: Session, row: PageChain, snap: Snapshot, chain: Chain, now: datetime
    ) -> int:
        step = rules.steps(snap)[chain.step]
        user = None if step.target is Target.LEADS else self._target(step.target, now)
        if step.target is not Target.LEADS and user is None:
            store_chain(session, row, chain, rules.skipped(chain, snap, now))
            if step.attempt == 1:
                audit(session, row.ticket_id, now, SYSTEM, "page_skipped", target=step.target)
            return 0
        if not store.claim(
            session=session,
            chain_id=row.id,
            round=chain.round,
            step=step.index,
            kind=step.target.value,
            target=user,
            now=now,
        ):
            raise Lost(row.id)
        store_chain(session, row, chain, rules.paged(chain, snap, now))
        ids = {"chain_id": row.id, "round": chain.round, "step": step.index}
        rows: list[tuple[Payload, str]] = []
        if user is None:
            rows.append((PageLeads(**ids), chain_key(row.id, "slack")))
        else:
            rows.append((PageDm(**ids, user=user), chain_key(row.id, "slack")))
            if self.phone and self.oncall.phone(user):
                rows.append((PageCall(**ids, user=user), chain_key(row.id, "call")))
                rows.append((PageText(**ids, user=user), chain_key(row.id, "sms")))
        for payload, key in rows:
            enqueue(session=session, payload=payload, now=now, ordering_key=key)
        audit(
            session,
            row.ticket_id,
            now,
            SYSTEM,
            "page_sent",
            target=step.target.value,
            user=user,
            attempt=step.attempt,
            pages=snap.pages,
        )
        return 1

    def _remind(
        self, session: Session, row: PageChain, snap: Snapshot, chain: Chain, now: datetime
    ) -> int:
        index = rules.reminder_step(snap, chain.reminders)
        user = row.acknowledged_by
        if not store.claim(
            session=session,
            chain_id=row.id,
            round=chain.round,
            step=index,
            kind="reminder",
            target=user,
            now=now,
        ):
            raise Lost(row.id)
        since = chain.last_update_at or row.acknowledged_at or now
        store_chain(session, row, chain, rules.reminded(chain, snap, now), reminded_at=now)
        if user:
            payload = PageReminder(chain_id=row.id, round=chain.round, step=index, user=user)
            enqueue(
                session=session, payload=payload, now=now, ordering_key=chain_key(row.id, "slack")
            )
        audit(
            session,
            row.ticket_id,
            now,
            SYSTEM,
            "page_reminder",
            user=user,
            since=since.isoformat(),
        )
        return 1


def settle(session: Session, row: PageChain, outcome: Outcome, now: datetime) -> None:
    """Update the chain's page messages of this round in place: acknowledged, moved on, over.
    A chat.update of messages already sent is no page: it goes in the main lane, in order with
    the ticket's card, and never holds up a page (a page message posted after this row was
    read settles itself, bot.oncall.page_delivery)."""
    payload = PageSettle(chain_id=row.id, round=row.round, outcome=outcome)
    enqueue(session=session, payload=payload, now=now, ordering_key=ticket_key(row.ticket_id))
