"""What a summary says: its period, its scope and its figures, as plain values.

Shared by the figures (bot.summaries.figures computes them), the posts (bot.summaries.poster
and .delivery), the rendering (bot.summaries.blocks and .chart) and /rapport. Pure: no Slack,
no database. Moments are aware UTC datetimes; days are Europe/Amsterdam calendar days.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from fractions import Fraction


class SummaryKind(StrEnum):
    # The end of the office day: each line's channel its day, the team leads the desk's.
    DAY = "day"
    # The start of the office day: what happened while the desk was closed.
    MORNING = "morning"
    # Monday at the start of the day: the week before, for the team leads.
    WEEK = "week"
    # The first business day of the month: the month before, with compliance per customer.
    MONTH = "month"


@dataclass(frozen=True)
class Period:
    """[start, end) in UTC. A catch-up after downtime covers every day since the last one."""

    start: datetime
    end: datetime

    @property
    def length(self) -> timedelta:
        return self.end - self.start


@dataclass(frozen=True)
class Scope:
    """The whole desk, one line, or one customer (by code)."""

    line: int | None = None
    customer: str | None = None


@dataclass(frozen=True)
class ClockCounts:
    """One clock's outcomes among the tickets whose clock stopped (or broke) in the period."""

    met: int = 0
    breached: int = 0
    cancelled: int = 0

    @property
    def rate(self) -> Fraction | None:
        """Met out of met and breached; a cancelled clock counts for neither."""
        decided = self.met + self.breached
        return Fraction(self.met, decided) if decided else None


# The two SLA clocks, by the names bot.sla.rules.ClockKind gives them.
RESPONSE = "response"
RESOLUTION = "resolution"
CLOCKS = (RESPONSE, RESOLUTION)


@dataclass(frozen=True)
class Durations:
    """Time to first response or to resolution of the tickets that got there in the period,
    in business time on the calendar (clock time for 24x7 targets)."""

    count: int = 0
    median: timedelta | None = None
    p90: timedelta | None = None


@dataclass(frozen=True)
class Day:
    """One calendar day of the period, for the chart: the backlog at its end, and its flows."""

    day: date
    backlog: int
    new: int
    resolved: int
    breaches: int


@dataclass(frozen=True)
class TicketLine:
    """A ticket named in a summary (the morning's new tickets and breaches)."""

    number: str
    customer: str
    priority: str
    subject: str
    clock: str | None = None  # the clock that broke, for a breach


@dataclass(frozen=True)
class PageLine:
    """A waakdienst page in the period: who was paged, and who took it (None: nobody)."""

    number: str
    customer: str
    priority: str
    started_at: datetime
    paged: tuple[str, ...]
    taken_by: str | None


@dataclass(frozen=True)
class CustomerCount:
    code: str
    name: str
    tickets: int


# Backlog age in business days, youngest first; the labels are catalogue keys' suffixes.
AGE_BUCKETS: tuple[str, ...] = ("lt1", "1to3", "3to5", "5to10", "ge10")


@dataclass(frozen=True)
class Figures:
    """The figures of one period and scope."""

    # Open at the period's end.
    open_by_priority: dict[str, int] = field(default_factory=dict)
    open_by_line: dict[int, int] = field(default_factory=dict)
    # Flows in the period.
    new: int = 0
    resolved: int = 0
    reopened: int = 0
    # Open tickets at risk (a warning given, not yet breached) and breaches in the period, per
    # clock (RESPONSE, RESOLUTION).
    at_risk: dict[str, int] = field(default_factory=dict)
    breached: dict[str, int] = field(default_factory=dict)
    # tier -> clock -> counts; the month's also per customer code.
    compliance: dict[str, dict[str, ClockCounts]] = field(default_factory=dict)
    compliance_by_customer: dict[str, dict[str, ClockCounts]] = field(default_factory=dict)
    response_time: Durations = Durations()
    resolution_time: Durations = Durations()
    # AGE_BUCKETS -> open tickets of that age at the period's end.
    backlog_age: dict[str, int] = field(default_factory=dict)
    # The five customers with the most new tickets in the period, most first.
    top_customers: tuple[CustomerCount, ...] = ()
    # After-hours pages per engineer: user id -> (pages received, pages taken).
    pages_by_engineer: dict[str, tuple[int, int]] = field(default_factory=dict)
    days: tuple[Day, ...] = ()
    # Named tickets, at most a dozen each (the morning lists them).
    new_tickets: tuple[TicketLine, ...] = ()
    breaches: tuple[TicketLine, ...] = ()
    pages: tuple[PageLine, ...] = ()

    @property
    def open_total(self) -> int:
        return sum(self.open_by_priority.values())


@dataclass(frozen=True, slots=True)
class TicketRow:
    """One ticket as the summaries read it: the CSV's row, and what the figures count.

    Clock states are as of the moment the rows were read: a clock whose deadline passed
    before the SLA monitor came round to it is breached already (at its deadline).
    Durations are what the clock counted until it was met: business time on the calendar,
    clock time for a 24x7 target, pauses excluded; None while not met (or cancelled).
    """

    id: int
    number: str
    customer: str  # the customer's code
    customer_name: str
    tier: str
    type: str
    priority: str
    line: int
    status: str
    subject: str
    assignee: str | None
    created_at: datetime
    responded_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    # When it left the open statuses (resolved, or closed without a resolve); None: open.
    done_at: datetime | None
    reopened_at: datetime | None
    reopen_count: int
    response_state: str
    response_due_at: datetime | None
    response_breached_at: datetime | None
    response_seconds: int | None
    resolution_state: str
    resolution_due_at: datetime | None
    resolution_breached_at: datetime | None
    resolution_seconds: int | None

    # The stretches it was done (resolved or closed) before it was reopened, and since, when it
    # was ever reopened (read from its trail); None: only the latest, from done_at.
    history: tuple[DoneSpan, ...] | None = None

    def done_spans(self) -> tuple[DoneSpan, ...]:
        if self.history is not None:
            return self.history
        if self.done_at is None:
            return ()
        return (DoneSpan(self.done_at, None, self.resolved_at is not None),)

    @property
    def response_minutes(self) -> int | None:
        return None if self.response_seconds is None else self.response_seconds // 60

    @property
    def resolution_minutes(self) -> int | None:
        return None if self.resolution_seconds is None else self.resolution_seconds // 60

    def open_at(self, moment: datetime) -> bool:
        """Registered before `moment` and not done (resolved or closed) at it."""
        if self.history is None:  # only its latest moments: the usual ticket, quickly
            done = self.done_at
            return self.created_at < moment and (done is None or moment < done)
        return self.created_at < moment and not any(
            span.start <= moment and (span.end is None or moment < span.end)
            for span in self.done_spans()
        )


@dataclass(frozen=True, slots=True)
class DoneSpan:
    """[start, end) a ticket was resolved or closed; end None: it still is. `resolved`: it
    began with a resolve (not with a close without one)."""

    start: datetime
    end: datetime | None
    resolved: bool


@dataclass(frozen=True)
class Summary:
    kind: SummaryKind
    scope: Scope
    period: Period
    current: Figures
    # The figures of the period they are compared with, and that period: the month, the week
    # or the business day before, or the period the scheduled summary before covered
    # (bot.summaries.rules.periods, bot.summaries.schedule Schedule.previous).
    previous: Figures
    compared_with: Period
