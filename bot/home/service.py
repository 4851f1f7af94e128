"""The App Home as a service: an agent opened their Home, a ticket changed, time passed. Each
asks for a republish of the Homes concerned, as an outbox row in the same transaction.

A republish is claimed per user (storage.home.claim_pending) before its row is enqueued, so a
burst of changes, or Slack redelivering app_home_opened, is one views.publish per user; the
row goes a short moment later (bot.home.rules.DEBOUNCE) so the whole burst is in it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.events import EventBus
from bot.home.payloads import HomePublish, home_key
from bot.home.rules import ACTIVE_FOR, DEBOUNCE, Touched, Viewer, who_sees
from bot.sla.events import SlaThresholdReached
from bot.tickets.events import TicketChanged
from storage import home as store
from storage import outbox
from storage.models import Ticket, TicketEvent


class HomeService:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        clock: Clock,
        after_commit: Callable[[], None] = lambda: None,
    ) -> None:
        self.sessions = sessions
        self.clock = clock
        self._after_commit = after_commit

    def subscribe(self, events: EventBus) -> None:
        events.subscribe(TicketChanged, self.on_ticket_changed)
        events.subscribe(SlaThresholdReached, self.on_threshold)

    # --- the agent opens their Home -----------------------------------------------------------

    def opened(self, user: str, event_id: str | None) -> bool:
        """`user` opened Balie's Home tab: publish it now. False when nothing was asked: Slack
        redelivered an event already handled, or a publish for this user is on its way."""
        now = self.clock.now()
        with self.sessions.begin() as session:
            if not store.record_open(session=session, user_id=user, event_id=event_id, now=now):
                return False
            asked = request(session, [user], now=now, delay=timedelta(0))
        if asked:
            self._after_commit()
        return bool(asked)

    # --- changes ------------------------------------------------------------------------------

    def on_ticket_changed(self, session: Session, e: TicketChanged) -> None:
        ticket = session.get(Ticket, e.ticket_id)
        if ticket is None:
            return
        audit = session.get(TicketEvent, e.audit_id)
        changes = audit.changes if audit is not None else {}
        people = {ticket.assignee, *changes.get("assignee", ())}
        lines = {ticket.line, *changes.get("line", ())}
        touched = Touched(
            people=frozenset(p for p in people if isinstance(p, str)),
            lines=frozenset(x for x in lines if isinstance(x, int)),
            on_risk_lists=_on_risk_lists(session, ticket),
        )
        self._republish(session, touched, e.at)

    def on_threshold(self, session: Session, e: SlaThresholdReached) -> None:
        ticket = session.get(Ticket, e.ticket_id)
        people = frozenset({ticket.assignee} if ticket is not None and ticket.assignee else ())
        touched = Touched(people=people, lines=frozenset({e.line}), on_risk_lists=True)
        self._republish(session, touched, e.at)

    def _republish(self, session: Session, touched: Touched, at: datetime) -> None:
        homes = [
            Viewer(user=h.user_id, lines=frozenset(h.lines), lead=h.lead)
            for h in store.viewers(session=session)
        ]
        # Only Homes that exist: a user who never opened theirs gets it fresh when they do.
        users = who_sees(touched, homes)
        # The publisher commits and kicks the outbox; the row waits out the debounce anyway.
        request(session, users, now=at, delay=DEBOUNCE)

    # --- time ---------------------------------------------------------------------------------

    def sweep(self) -> int:
        """Republish the Homes that went out of date by time alone (the waakdienst handed
        over, the countdowns aged), for users who looked at theirs recently."""
        now = self.clock.now()
        with self.sessions.begin() as session:
            users = store.stale(session=session, now=now, opened_since=now - ACTIVE_FOR)
            asked = request(session, users, now=now, delay=timedelta(0))
        if asked:
            self._after_commit()
        return len(asked)


def _on_risk_lists(session: Session, ticket: Ticket) -> bool:
    """Whether the ticket is or was on a line's list of tickets at risk: a clock of it was
    announced (a warning or a breach). A ticket never warned about is on no such list, so its
    changes leave the line's other Homes as they are."""
    breached = "breached" in (ticket.response_state, ticket.resolution_state)
    return breached or store.ever_warned(session=session, ticket_id=ticket.id)


def request(
    session: Session, users: Collection[str], *, now: datetime, delay: timedelta
) -> list[str]:
    """Ask for a republish of these users' Homes, `delay` from now; returns the users for
    whom one was not already on its way."""
    due = now + delay
    won = store.claim_pending(session=session, user_ids=users, now=now, due_at=due)
    outbox.enqueue_many(
        session=session,
        rows=[
            {
                "kind": HomePublish.kind,
                "payload": HomePublish(user=user).model_dump(mode="json"),
                "ordering_key": home_key(user),
                # The debounce: the dispatcher takes a row once its time has come.
                "next_attempt_at": due,
            }
            for user in won
        ],
        now=now,
    )
    return won
