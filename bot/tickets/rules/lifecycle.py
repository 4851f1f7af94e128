"""Ticket statuses and which actions are allowed from each.

Kept as a table so the rules can be read at a glance and tested exhaustively.
"""

from __future__ import annotations

from enum import StrEnum

from bot.errors import InvalidTransition


class Status(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    WAITING_INFO = "waiting_info"
    WAITING_CUSTOMER = "waiting_customer"
    WAITING_THIRD_PARTY = "waiting_third_party"
    RESOLVED = "resolved"
    CLOSED = "closed"


class Action(StrEnum):
    REGISTER = "created"  # as the audit trail has always called it
    TAKE = "take"
    ASSIGN = "assign"
    RECLASSIFY = "reclassify"
    ESCALATE = "escalate"
    WAIT = "wait"
    WAIT_THIRD_PARTY = "wait_third_party"
    RESOLVE = "resolve"
    CLOSE = "close"
    REOPEN = "reopen"
    RESUME = "resume"
    NOTE = "note"


class CloseReason(StrEnum):
    """Why a ticket is closed without a resolution; its SLA clocks are then cancelled."""

    DUPLICATE = "duplicate"
    WITHDRAWN = "withdrawn"
    OUT_OF_SCOPE = "out_of_scope"


WAITING = frozenset({Status.WAITING_INFO, Status.WAITING_CUSTOMER, Status.WAITING_THIRD_PARTY})
OPEN = frozenset({Status.NEW, Status.IN_PROGRESS, *WAITING})

_ALLOWED: dict[Action, frozenset[Status]] = {
    Action.REGISTER: frozenset(),  # a ticket is registered once, as it is created
    Action.TAKE: OPEN,
    Action.ASSIGN: OPEN,
    Action.RECLASSIFY: OPEN,
    Action.ESCALATE: OPEN,
    Action.WAIT: OPEN - {Status.WAITING_CUSTOMER},
    Action.WAIT_THIRD_PARTY: OPEN,
    Action.RESOLVE: OPEN,
    Action.CLOSE: frozenset({*OPEN, Status.RESOLVED}),
    Action.REOPEN: frozenset({Status.RESOLVED, Status.CLOSED}),
    Action.RESUME: WAITING,
    Action.NOTE: frozenset(Status),
}


def check(action: Action, status: Status) -> None:
    if status not in _ALLOWED[action]:
        raise InvalidTransition(action=action.value, status=status.value)


def after(action: Action, status: Status, *, assigned: bool) -> Status:
    """The status an allowed action leads to."""
    check(action, status)
    match action:
        case Action.TAKE | Action.ASSIGN:
            # Taking a ticket that waits on the customer does not stop the wait.
            return status if status in WAITING else Status.IN_PROGRESS
        case Action.WAIT:
            return Status.WAITING_CUSTOMER
        case Action.WAIT_THIRD_PARTY:
            return Status.WAITING_THIRD_PARTY
        case Action.RESOLVE:
            return Status.RESOLVED
        case Action.CLOSE:
            return Status.CLOSED
        case Action.REOPEN | Action.RESUME:
            return Status.IN_PROGRESS if assigned else Status.NEW
        case _:
            return status
