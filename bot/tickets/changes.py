"""The use cases that change a ticket: one method per thing an agent can do, each one
transaction.

A method checks the actor's role, applies the pure domain rules, records the change in the audit
trail and announces it as a domain event, whose subscribers enqueue the side effects in the same
transaction; only after commit does the outbox get a nudge.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.errors import InvalidInput, NotFound
from bot.events import Actor, EventBus
from bot.policy import Policy
from bot.roles import STAFF, RoleResolver
from bot.tickets.events import TicketChanged
from bot.tickets.inputs import IN_SCOPE, Reclassify
from bot.tickets.rules import lifecycle
from bot.tickets.rules.lifecycle import Action, CloseReason, Status
from bot.tickets.rules.priority import classify
from bot.tickets.rules.routing import line_for, next_line
from bot.tickets.views import TicketView
from storage import tickets as store
from storage.models import Ticket

Changes = dict[str, list[Any]]  # field -> [old, new]
# What another capability writes with a change, in its transaction, and what it changed.
Also = Callable[[Session, Ticket], Changes]


@dataclass(frozen=True)
class Outcome:
    """What changed, for the reply to the agent."""

    ticket: TicketView
    changed: bool = True


class Tickets:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        policy: Policy,
        clock: Clock,
        roles: RoleResolver,
        events: EventBus,
        after_commit: Callable[[], None] = lambda: None,
    ) -> None:
        self.events = events
        self.sessions = sessions
        self.policy = policy
        self.clock = clock
        self.roles = roles
        self._after_commit = after_commit

    # --- lifecycle --------------------------------------------------------------------------

    def _change(
        self,
        actor: Actor,
        number: str,
        action: Action,
        apply: Callable[[Session, Ticket], Changes],
        text: str = "",
    ) -> Outcome:
        self.roles.require_actor(actor, STAFF)
        now = self.clock.now()
        with self.sessions.begin() as session:
            ticket = store.get(session=session, number=number, for_update=True)
            if ticket is None:
                raise NotFound("error.ticket_not_found", value=number)
            lifecycle.check(action, Status(ticket.status))
            changes = apply(session, ticket)
            if not changes and action not in (Action.NOTE,):
                return Outcome(TicketView.of(ticket), changed=False)
            if action in RESPONDS and ticket.responded_at is None:
                ticket.responded_at = now
            ticket.updated_at = now
            event = store.add_event(
                session=session,
                ticket=ticket,
                at=now,
                actor=actor.id,
                actor_source=actor.source.value,
                kind=action.value,
                changes=changes,
                text=text,
            )
            self.events.publish(
                session,
                TicketChanged(
                    action=action,
                    ticket_id=ticket.id,
                    audit_id=event.id,
                    actor=actor,
                    at=now,
                    text=text,
                    card_changed=bool(changes),
                ),
            )
            view = TicketView.of(ticket)
        self._after_commit()
        return Outcome(view)

    @staticmethod
    def _set(ticket: Ticket, changes: Changes, **values: Any) -> None:
        for field, new in values.items():
            old = getattr(ticket, field)
            if old != new:
                changes[field] = [old, new]
                setattr(ticket, field, new)

    def _status_after(self, action: Action, ticket: Ticket) -> Status:
        return lifecycle.after(action, Status(ticket.status), assigned=ticket.assignee is not None)

    def _transition(self, action: Action, **values: Any) -> Callable[[Session, Ticket], Changes]:
        """The usual change: the status the action leads to, plus these fields."""

        def apply(_: Session, ticket: Ticket) -> Changes:
            changes: Changes = {}
            self._set(ticket, changes, status=self._status_after(action, ticket), **values)
            return changes

        return apply

    def take(self, actor: Actor, number: str) -> Outcome:
        return self.assign(actor, number, actor.id, action=Action.TAKE)

    def assign(
        self, actor: Actor, number: str, assignee: str, action: Action = Action.ASSIGN
    ) -> Outcome:
        if action is Action.ASSIGN and not self.roles.roles_of(assignee) & STAFF:
            # Only staff can work a ticket; anyone else would own it without seeing it.
            raise InvalidInput.one("user", "field.assignee_not_staff", user=assignee)
        apply = self._transition(action, assignee=assignee)
        return self._change(actor, number, action, apply)

    def reclassify(self, actor: Actor, number: str, data: Reclassify) -> Outcome:
        if data == Reclassify():
            raise InvalidInput.one("type", "field.nothing_to_change")
        if data.type is not None and data.type not in self.policy.types:
            raise InvalidInput.one(
                "type", "field.type_invalid", value=data.type, choices=", ".join(self.policy.types)
            )
        scope = None if data.scope in (None, IN_SCOPE) else data.scope
        self._check_scope(scope)

        def apply(_: Session, ticket: Ticket) -> Changes:
            c = classify(
                matrix=self.policy.priority_matrix,
                type=data.type or ticket.type,
                impact=data.impact or ticket.impact,
                urgency=data.urgency or ticket.urgency,
            )
            line = line_for(
                self.policy.routing.rules,
                type=c.type,
                priority=c.priority,
                escalated_to=ticket.escalated_to,
            )
            changes: Changes = {}
            self._set(
                ticket,
                changes,
                type=c.type,
                impact=c.impact,
                urgency=c.urgency,
                priority=c.priority,
                line=line,
            )
            if data.scope is not None:
                self._set(ticket, changes, scope=scope)
            return changes

        return self._change(actor, number, Action.RECLASSIFY, apply)

    def _check_scope(self, scope: str | None) -> None:
        if scope is not None and scope not in self.scopes():
            raise InvalidInput.one(
                "scope", "facts.field.scope_invalid", value=scope, choices=", ".join(self.scopes())
            )

    def rescope(self, actor: Actor, number: str, scope: str | None) -> Outcome:
        """Billable work's reclassification (rules 4 and 5): the ticket's work is out of scope
        ("out_of_scope:<kind>"), one of the exclusions ("exclusion:<kind>"), or back in scope
        (None); the kinds are the policy's. A reclassification in the audit trail."""
        self._check_scope(scope)

        def apply(_: Session, ticket: Ticket) -> Changes:
            changes: Changes = {}
            self._set(ticket, changes, scope=scope)
            return changes

        return self._change(actor, number, Action.RECLASSIFY, apply)

    def scopes(self) -> list[str]:
        """Every scope a ticket's work can be out of (billable work's rules 4 and 5)."""
        b = self.policy.billing
        return [
            *(f"out_of_scope:{k}" for k in b.out_of_scope),
            *(f"exclusion:{k}" for k in b.exclusions),
        ]

    def escalate(self, actor: Actor, number: str, reason: str) -> Outcome:
        reason = _required(reason, "reason")

        def apply(_: Session, ticket: Ticket) -> Changes:
            target = next_line(ticket.line)
            changes: Changes = {}
            # A new line starts fresh: whoever had it on the old line no longer owns it.
            self._set(ticket, changes, line=target, escalated_to=target, assignee=None)
            if ticket.status == Status.IN_PROGRESS:
                self._set(ticket, changes, status=Status.NEW)
            return changes

        return self._change(actor, number, Action.ESCALATE, apply, text=reason)

    def wait(self, actor: Actor, number: str, text: str) -> Outcome:
        text = _required(text, "text")

        apply = self._transition(Action.WAIT)
        return self._change(actor, number, Action.WAIT, apply, text=text)

    def wait_third_party(self, actor: Actor, number: str, party: str, text: str) -> Outcome:
        """Waiting on a third party. Only the customer's own third party pauses the SLA: the
        customer directs its third parties; a Korton subcontractor is Korton's problem."""
        text = _required(text, "text")
        if party not in THIRD_PARTIES:
            raise InvalidInput.one("third_party", "field.third_party_invalid", value=party)

        def apply(_: Session, ticket: Ticket) -> Changes:
            changes: Changes = {}
            self._set(
                ticket,
                changes,
                status=self._status_after(Action.WAIT_THIRD_PARTY, ticket),
                third_party=party,
            )
            if changes:
                # The SLA reads pauses from status changes: a switch between whose third party
                # is awaited must show up there even when the status stays the same.
                changes.setdefault("status", [ticket.status, ticket.status])
                changes.setdefault("third_party", [party, party])
            return changes

        return self._change(actor, number, Action.WAIT_THIRD_PARTY, apply, text=text)

    def resolve(self, actor: Actor, number: str, text: str, *, also: Also | None = None) -> Outcome:
        """Resolve a ticket. `also` writes what comes with it in the same transaction (billable
        work's referral to a manual resolves the question it answers)."""
        text = _required(text, "text")

        transition = self._transition(Action.RESOLVE, resolution=text)

        def apply(session: Session, ticket: Ticket) -> Changes:
            changes = transition(session, ticket)
            if also is not None:
                changes.update(also(session, ticket))
            return changes

        return self._change(actor, number, Action.RESOLVE, apply, text=text)

    def close(self, actor: Actor, number: str, reason: CloseReason | None = None) -> Outcome:
        """Close a ticket. A resolved one needs no reason. One that never was resolved needs
        one (a duplicate, withdrawn, out of scope): its SLA clocks are then cancelled, not met."""

        def apply(_: Session, ticket: Ticket) -> Changes:
            resolved = ticket.status == Status.RESOLVED
            if not resolved and reason is None:
                raise InvalidInput.one("reason", "field.close_reason_required")
            if resolved and reason is not None:
                raise InvalidInput.one(
                    "reason", "field.close_reason_not_needed", number=ticket.number
                )
            changes: Changes = {}
            self._set(ticket, changes, status=self._status_after(Action.CLOSE, ticket))
            if reason is not None:
                # Kept in the audit trail; the SLA reads the cancellation from the statuses.
                changes["close_reason"] = [None, reason.value]
            return changes

        return self._change(actor, number, Action.CLOSE, apply)

    def reopen(self, actor: Actor, number: str, reason: str) -> Outcome:
        reason = _required(reason, "reason")

        apply = self._transition(Action.REOPEN)
        return self._change(actor, number, Action.REOPEN, apply, text=reason)

    def resume(self, actor: Actor, number: str, text: str) -> Outcome:
        """The wait is over (the customer or third party answered): the clocks run again."""
        text = text.strip()

        apply = self._transition(Action.RESUME)
        return self._change(actor, number, Action.RESUME, apply, text=text)

    def note(self, actor: Actor, number: str, text: str, *, also: Also | None = None) -> Outcome:
        """A note in the audit trail. `also` writes what it notes in the same transaction and
        says what changed on the ticket (billable work: a link to a referral, a written
        order)."""
        text = _required(text, "text")
        apply: Callable[[Session, Ticket], Changes] = also or (lambda _s, _t: {})
        return self._change(actor, number, Action.NOTE, apply, text=text)


# The first of these the customer notices meets the response clock.
RESPONDS = frozenset({Action.TAKE, Action.WAIT, Action.RESOLVE})
THIRD_PARTIES = ("customer", "subcontractor")


def _required(text: str, field: str) -> str:
    text = text.strip()
    if not text:
        raise InvalidInput.one(field, "field.text_required")
    if len(text) > 2000:
        raise InvalidInput.one(field, "field.too_long", count=2000)
    return text
