"""From a ticket's history to its two SLA clocks: which statuses pause them, when they stop, and
when a close without a resolution cancels them. Pure, like bot.sla.rules, which evaluates the
clocks this builds."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Final, Protocol

from bot.calendar import BusinessCalendar, Calendar, TwentyFourSeven
from bot.sla.rules import ClockInput, ClockKind, Span, as_utc, normalise_spans

PAUSING_STATUSES: Final[frozenset[str]] = frozenset({"waiting_customer", "waiting_info"})
"""Statuses that pause both clocks whatever else is known."""

WAITING_THIRD_PARTY: Final = "waiting_third_party"
CUSTOMER_THIRD_PARTY: Final = "customer"
"""The third-party kind that pauses: the customer's own supplier, whom the customer directs."""

FINAL_STATUSES: Final[frozenset[str]] = frozenset({"resolved", "closed"})
"""Statuses that stop the clocks (resolved: met; closed without a resolve: cancelled) and pause
them until a reopen."""

RESOLVED: Final = "resolved"
CLOSED: Final = "closed"


@dataclass(frozen=True)
class StatusChange:
    """The ticket entered `status` at `at`.

    third_party: with status ``waiting_third_party``, whose third party is awaited:
    ``"customer"`` (the customer's own supplier; pauses) or ``"subcontractor"`` (Korton's own;
    does not pause).
    """

    at: datetime
    status: str
    third_party: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "at", as_utc(self.at, "StatusChange.at"))
        # Accept StrEnum members (lifecycle.Status) but store the plain string.
        object.__setattr__(self, "status", str(self.status))


def _pauses(change: StatusChange) -> bool:
    if change.status in PAUSING_STATUSES:
        return True
    if change.status == WAITING_THIRD_PARTY:
        return change.third_party == CUSTOMER_THIRD_PARTY
    # Resolved or closed, a ticket waits for nobody: a reopen resumes both clocks where they
    # stopped. (Once met, a clock ignores later pauses anyway.)
    return change.status in FINAL_STATUSES


def _ordered(history: Iterable[StatusChange], now: datetime | None) -> list[StatusChange]:
    # Stable sort: changes at the same moment keep their order, the last one wins.
    return sorted((c for c in history if now is None or c.at <= now), key=lambda c: c.at)


def pauses_from(
    history: Iterable[StatusChange], kind: ClockKind, now: datetime | None = None
) -> tuple[Span, ...]:
    """The pauses of clock `kind`, from the ticket's status changes (in any order).

    A status holds from its change until the next change; a pausing status that still holds
    gives an open span. Changes after `now` (if given) are ignored. The result is normalised.
    The final statuses pause too, so the final resolve or close gives an open span that starts
    at the stop moment (``stopped_at`` or ``cancelled_at``) and is ignored by ``evaluate``.
    `kind` is kept so that callers need not know that both clocks pause alike.
    """
    if now is not None:
        now = as_utc(now, "now")
    changes = _ordered(history, now)
    spans: list[Span] = []
    for i, change in enumerate(changes):
        if not _pauses(change):
            continue
        end = changes[i + 1].at if i + 1 < len(changes) else None
        spans.append(Span(change.at, end))
    return normalise_spans(spans)


def _final_run(history: Iterable[StatusChange], now: datetime | None) -> StatusChange | None:
    """The change that began the ticket's current run of final statuses, if it is final now."""
    if now is not None:
        now = as_utc(now, "now")
    first: StatusChange | None = None
    for change in _ordered(history, now):
        if change.status in FINAL_STATUSES:
            if first is None:
                first = change
        else:
            first = None
    return first


def stopped_at(
    history: Iterable[StatusChange],
    kind: ClockKind,
    *,
    responded_at: datetime | None = None,
    now: datetime | None = None,
) -> datetime | None:
    """When clock `kind` was met, or None.

    RESPONSE: `responded_at`, the first agent action the customer noticed. Statuses cannot tell
    it (taking and assigning both lead to in_progress), so the caller passes it.
    RESOLUTION: the moment the ticket was resolved, if it is resolved now or closed after the
    resolve (a close keeps the resolve moment; a reopen clears it). A close without a resolve
    is no resolution: see ``cancelled_at``. Changes after `now` (if given) are ignored.
    """
    if kind is ClockKind.RESPONSE:
        return None if responded_at is None else as_utc(responded_at, "responded_at")
    first = _final_run(history, now)
    return first.at if first is not None and first.status == RESOLVED else None


def cancelled_at(history: Iterable[StatusChange], now: datetime | None = None) -> datetime | None:
    """When the ticket was closed without being resolved first, if it is closed so now.

    Both clocks are cancelled then (a clock met before stays met); a reopen clears it.
    Changes after `now` (if given) are ignored.
    """
    first = _final_run(history, now)
    return first.at if first is not None and first.status == CLOSED else None


class SlaTargets(Protocol):
    """What ``ticket_clocks`` needs of a target; ``bot.policy.SlaTarget`` is one."""

    @property
    def response(self) -> timedelta: ...

    @property
    def resolution(self) -> timedelta: ...

    @property
    def clock(self) -> str: ...


_TWENTY_FOUR_SEVEN: Final = TwentyFourSeven()


def ticket_clocks(
    target: SlaTargets,
    *,
    started_at: datetime,
    history: Iterable[StatusChange],
    responded_at: datetime | None,
    business: Calendar | None = None,
    now: datetime | None = None,
) -> Mapping[ClockKind, ClockInput]:
    """Both clocks of a ticket from its target (tier x current priority) and history.

    `started_at` is the ticket's start: after a priority change pass the new priority's target
    and the same start, and the deadlines are recomputed as if it had applied all along.
    `business` is the desk calendar used for "business" targets (default: Korton's hours);
    "24x7" targets run on ``TwentyFourSeven``. `now` as in ``pauses_from``.
    """
    if target.clock == "24x7":
        cal: Calendar = _TWENTY_FOUR_SEVEN
    elif target.clock == "business":
        cal = business if business is not None else _default_business()
    else:
        raise ValueError(f"unknown SLA clock {target.clock!r}; expected 'business' or '24x7'")
    changes = tuple(history)
    cancelled = cancelled_at(changes, now)
    return {
        kind: ClockInput(
            kind=kind,
            started_at=started_at,
            target=target.response if kind is ClockKind.RESPONSE else target.resolution,
            calendar=cal,
            pauses=pauses_from(changes, kind, now),
            stopped_at=stopped_at(changes, kind, responded_at=responded_at, now=now),
            cancelled_at=cancelled,
        )
        for kind in ClockKind
    }


@cache
def _default_business() -> BusinessCalendar:
    return BusinessCalendar()
