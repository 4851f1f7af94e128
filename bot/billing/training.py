"""Rule 3, basic knowledge is missing: the desk notes it, the account manager is told (by
e-mail and, where they are a Slack user, by DM; else the team leads pass it on) so a training
can be offered, and the account manager or an admin records its outcome.

Only a training *taken* ends the period: while it is declined, or still not taken when the
policy's period is over (planned or not), the customer's user questions are charged
(storage.billing_facts.questions_charged_since, which the ledger reads).

Everything about one customer's notices runs under a lock on the customer's row, so two
agents noting at the same moment start one period: the second finds the first and goes on
with it, as if they had come one after the other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.billing import account_manager as managers
from bot.billing.account_manager import AccountManager
from bot.billing.facts_payloads import KnowledgeDM, KnowledgeLeads, KnowledgeMail
from bot.clock import Clock
from bot.errors import Forbidden, InvalidInput, InvalidTransition, NotFound
from bot.events import Actor, ActorSource
from bot.outbox.payloads import enqueue
from bot.policy import Policy
from bot.roles import STAFF, Role, RoleResolver
from storage import billing_facts as store
from storage import customers
from storage.models import Customer, TrainingNotice

ADMINS = frozenset({Role.ADMIN})


@dataclass(frozen=True)
class Noted:
    customer_code: str
    customer_name: str
    manager: AccountManager
    due_at: datetime
    # What a notice still running carried over (its state, when its period ends).
    state: str
    again: bool


@dataclass(frozen=True)
class Trained:
    customer_code: str
    customer_name: str
    state: str
    due_at: datetime
    # From when the customer's user questions are charged now, if they are.
    charged_since: datetime | None


class Training:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        policy: Policy,
        clock: Clock,
        roles: RoleResolver,
        after_commit: Callable[[], None] = lambda: None,
    ) -> None:
        self.sessions = sessions
        self.policy = policy
        self.clock = clock
        self.roles = roles
        self._after_commit = after_commit

    def note_knowledge(self, actor: Actor, code: str, text: str) -> Noted:
        """Record that a customer's basic knowledge is missing and tell the account manager,
        so a training can be offered. A notice still running (no training taken yet) goes on:
        the new one adds what was seen and tells the account manager again, but keeps its
        state and its period, so noting again never buys the customer time."""
        self.roles.require_actor(actor, STAFF)
        now = self.clock.now()
        with self.sessions.begin() as session:
            customer = self._locked(session, code)
            running = store.latest_notice(session=session, customer_id=customer.id)
            again = running is not None and running.state != store.TAKEN
            due_at = now + self.policy.billing.training_period
            if running is not None and again:
                due_at = running.due_at
            notice = store.add_notice(
                session=session,
                customer_id=customer.id,
                text=text,
                noted_by=actor.id,
                at=now,
                due_at=due_at,
            )
            if running is not None and again and running.outcome_at is not None:
                store.set_outcome(
                    session=session,
                    notice=notice,
                    state=running.state,
                    by=running.outcome_by or actor.id,
                    at=running.outcome_at,
                )
            manager = managers.parse(customer.account_manager)
            self._tell(session, notice, manager, now)
            done = Noted(customer.code, customer.name, manager, due_at, notice.state, again)
        self._after_commit()
        return done

    def _locked(self, session: Session, code: str) -> Customer:
        customer = customers.get(session=session, code=code)
        if customer is None:
            raise NotFound("error.customer_not_found", value=code)
        # The notices are read after the lock: a notice another agent just made is seen.
        store.lock_customer(session=session, customer_id=customer.id)
        return customer

    def _tell(
        self, session: Session, notice: TrainingNotice, manager: AccountManager, now: datetime
    ) -> None:
        if manager.email is not None:
            mail = KnowledgeMail(notice_id=notice.id, to=manager.email)
            enqueue(session=session, payload=mail, now=now)
        if manager.slack_id is not None:
            dm = KnowledgeDM(notice_id=notice.id, user=manager.slack_id)
            enqueue(session=session, payload=dm, now=now)
        if not manager.reachable:
            enqueue(session=session, payload=KnowledgeLeads(notice_id=notice.id), now=now)

    def record_training(self, actor: Actor, code: str, state: str) -> Trained:
        """The outcome of the training offered: planned, taken or declined. Only the customer's
        account manager (when they are a Slack user) or an admin says so."""
        if state not in (store.PLANNED, store.TAKEN, store.DECLINED):
            raise InvalidInput.one("state", "field.required")
        now = self.clock.now()
        with self.sessions.begin() as session:
            customer = self._locked(session, code)
            manager = managers.parse(customer.account_manager)
            self._may_record(actor, manager, customer.name)
            notice = store.latest_notice(session=session, customer_id=customer.id)
            if notice is None:
                raise InvalidTransition("facts.error.no_notice", code=customer.code)
            store.set_outcome(session=session, notice=notice, state=state, by=actor.id, at=now)
            since = store.charged_since(notice, now)
            done = Trained(customer.code, customer.name, state, notice.due_at, since)
        return done

    def _may_record(self, actor: Actor, manager: AccountManager, customer: str) -> None:
        if actor.source is ActorSource.SLACK and actor.id == manager.slack_id:
            return
        if actor.source is ActorSource.SLACK and self.roles.roles_of(actor.id) & ADMINS:
            return
        raise Forbidden("facts.error.training_forbidden", manager=manager.name, customer=customer)
