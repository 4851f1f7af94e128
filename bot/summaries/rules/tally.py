"""Counting a window's tickets and pages into the Figures of one period. Pure: the rows come
from storage.summaries by way of bot.summaries.figures.

Definitions (where the issue leaves room, these are the choices):

* **Open at a moment**: registered before it and not done by it (TicketRow.open_at). The
  period's open figures (by priority, by line, at risk, backlog age) are at its end, or now
  when that comes first.
* **New, resolved, reopened**: registered, resolved (the latest resolve, kept through a close)
  and reopened (the latest reopen) in the period.
* **A clock's outcome** is decided once, at one moment: met on time when it was met, breached
  at its deadline (met late or not at all), cancelled when the ticket was closed without a
  resolve. Compliance counts the clocks decided in the period, so a breach is counted in the
  period it happened in, and never again when the ticket is resolved late.
* **Breaches** per clock: clocks that breached in the period. **At risk**: open at the
  period's end, not breached and not met by then, with an SLA warning (below the breach)
  given before then.
* **Time to response and to resolution**: what the clock counted until it was met, for the
  clocks met in the period: business time on the desk's calendar, or clock time for a 24x7
  target; waiting on the customer, and the time between a resolve and a reopen, do not count.
* **Backlog age**: business time since registration, in business days.
* **After-hours pages**: pages (not reminders) claimed while the desk was closed, per engineer
  paged; taken: the chains the engineer acknowledged while the desk was closed, once each.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol, TypeVar
from zoneinfo import ZoneInfo

from bot.summaries.model import (
    AGE_BUCKETS,
    CLOCKS,
    RESPONSE,
    ClockCounts,
    CustomerCount,
    Day,
    Figures,
    PageLine,
    Period,
    TicketLine,
    TicketRow,
)
from bot.summaries.rules import age_bounds, age_of, durations
from bot.summaries.rules.periods import midnight

K = TypeVar("K")
NAMED = 12  # tickets and pages named in a summary, at most, per list
TOP = 5  # customers with the most tickets


class DeskCalendar(Protocol):
    def between(self, a: datetime, b: datetime) -> timedelta: ...

    def is_open(self, at: datetime) -> bool: ...


@dataclass(frozen=True, slots=True)
class PageSent:
    chain_id: int
    number: str
    customer: str
    priority: str
    started_at: datetime
    target: str | None  # None: the team leads' channel
    at: datetime
    line: int
    code: str  # the customer's


@dataclass(frozen=True, slots=True)
class PageTaken:
    chain_id: int
    actor: str
    at: datetime
    line: int
    code: str  # the customer's


@dataclass(frozen=True)
class Desk:
    """What the counting needs of the policy."""

    calendar: DeskCalendar
    business_day_length: timedelta
    timezone: ZoneInfo
    priorities: Sequence[str]
    lines: Sequence[int]
    tiers: Sequence[str] = ("gold", "silver", "bronze")


def _in(moment: datetime | None, period: Period) -> bool:
    return moment is not None and period.start <= moment < period.end


def decided(row: TicketRow, clock: str) -> tuple[str, datetime] | None:
    """(outcome, moment) of one clock: ("met", met at), ("breached", its deadline) or
    ("cancelled", closed at); None while undecided."""
    if clock == RESPONSE:
        state, met, breached = row.response_state, row.responded_at, row.response_breached_at
    else:
        state, met, breached = row.resolution_state, row.resolved_at, row.resolution_breached_at
    if state == "breached" and breached is not None:
        return "breached", breached
    if state == "met" and met is not None:
        return "met", met
    if state == "cancelled" and row.done_at is not None:
        return "cancelled", row.done_at
    return None


def breach_of(row: TicketRow, clock: str) -> datetime | None:
    return row.response_breached_at if clock == RESPONSE else row.resolution_breached_at


def tally(
    *,
    rows: Sequence[TicketRow],
    warnings: Mapping[tuple[int, str], datetime],
    pages: Sequence[PageSent],
    taken: Sequence[PageTaken],
    period: Period,
    now: datetime,
    desk: Desk,
) -> Figures:
    """The figures of `period` from the rows of a window that holds it (rows of other tickets
    are ignored, so one read serves a period and the one before it).

    Two passes over the rows, every moment compared in UTC (an aware datetime in another zone
    costs a conversion per comparison): a summary of a month reads tens of thousands."""
    period = Period(period.start.astimezone(UTC), period.end.astimezone(UTC))
    start, stop = period.start, period.end
    now = now.astimezone(UTC)
    end = min(stop, max(now, start))  # the moment the open figures are taken at

    flows = _flows(rows, start, stop, end)
    open_rows, new_rows = flows.open_rows, flows.new_rows
    outcomes = _outcomes(rows, start, stop)
    breach_lines = outcomes.breach_lines

    at_risk: Counter[str] = Counter()
    for row in open_rows:
        for clock in CLOCKS:
            warned = warnings.get((row.id, clock))
            met = row.responded_at if clock == RESPONSE else None
            broke = breach_of(row, clock)
            if (
                warned is not None
                and warned < end
                and (met is None or met >= end)
                and (broke is None or broke >= end)
            ):
                at_risk[clock] += 1

    bounds = age_bounds(desk.calendar, end, desk.business_day_length)
    ages: Counter[str] = Counter(age_of(r.created_at, bounds) for r in open_rows)
    customers: Counter[tuple[str, str]] = Counter((r.customer, r.customer_name) for r in new_rows)
    top = sorted(customers.items(), key=lambda kv: (-kv[1], kv[0][0]))[:TOP]

    sent = [p for p in pages if _in(p.at, period) and not desk.calendar.is_open(p.at)]
    return Figures(
        open_by_priority=_zeros(desk.priorities) | dict(Counter(r.priority for r in open_rows)),
        open_by_line=_zeros(desk.lines) | dict(Counter(r.line for r in open_rows)),
        new=len(new_rows),
        resolved=flows.resolved,
        reopened=flows.reopened,
        at_risk={c: at_risk[c] for c in CLOCKS},
        breached={c: outcomes.breached[c] for c in CLOCKS},
        compliance={
            tier: {c: ClockCounts(*outcomes.by_tier[tier][c]) for c in CLOCKS}
            for tier in (*desk.tiers, *sorted(set(outcomes.by_tier) - set(desk.tiers)))
        },
        compliance_by_customer={
            code: {c: ClockCounts(*outcomes.by_customer[code][c]) for c in CLOCKS}
            for code in sorted(outcomes.by_customer)
        },
        response_time=durations(flows.response_times),
        resolution_time=durations(flows.resolution_times),
        backlog_age={key: ages[key] for key in AGE_BUCKETS},
        top_customers=tuple(CustomerCount(code, name, n) for (code, name), n in top),
        pages_by_engineer=_per_engineer(sent, taken, period, desk),
        days=_days(rows, period, now, desk),
        new_tickets=tuple(_line(r) for r in new_rows[:NAMED]),
        breaches=tuple(_line(r, CLOCKS[i]) for _at, _id, i, r in breach_lines[:NAMED]),
        pages=_page_lines(sent, taken),
    )


_SLOTS = {"met": 0, "breached": 1, "cancelled": 2}


@dataclass
class _Flows:
    open_rows: list[TicketRow] = field(default_factory=list)
    new_rows: list[TicketRow] = field(default_factory=list)
    resolved: int = 0
    reopened: int = 0
    response_times: list[timedelta] = field(default_factory=list)
    resolution_times: list[timedelta] = field(default_factory=list)


def _flows(rows: Sequence[TicketRow], start: datetime, stop: datetime, end: datetime) -> _Flows:
    """Open at `end`; registered, resolved, reopened, responded to in [start, stop)."""
    out = _Flows()
    for row in rows:
        if row.open_at(end):
            out.open_rows.append(row)
        if start <= row.created_at < stop:
            out.new_rows.append(row)
        if _resolves(row, start, stop):
            out.resolved += 1
        if row.reopened_at is not None and start <= row.reopened_at < stop:
            out.reopened += 1
        if row.response_seconds is not None and _between(row.responded_at, start, stop):
            out.response_times.append(timedelta(seconds=row.response_seconds))
        if row.resolution_seconds is not None and _between(row.resolved_at, start, stop):
            out.resolution_times.append(timedelta(seconds=row.resolution_seconds))
    out.new_rows.sort(key=_by_created)
    return out


def _between(moment: datetime | None, start: datetime, stop: datetime) -> bool:
    return moment is not None and start <= moment < stop


@dataclass
class _Outcomes:
    # tier or customer code -> clock -> [met, breached, cancelled]
    by_tier: dict[str, dict[str, list[int]]]
    by_customer: dict[str, dict[str, list[int]]]
    breached: Counter[str]
    # (breach moment, ticket id, clock index, row), in that order
    breach_lines: list[tuple[datetime, int, int, TicketRow]]


def _outcomes(rows: Sequence[TicketRow], start: datetime, stop: datetime) -> _Outcomes:
    """The clocks decided in [start, stop), by outcome."""

    def table() -> dict[str, dict[str, list[int]]]:
        return defaultdict(lambda: {c: [0, 0, 0] for c in CLOCKS})

    out = _Outcomes(table(), table(), Counter(), [])
    for row in rows:
        for index, clock in enumerate(CLOCKS):
            outcome = decided(row, clock)
            if outcome is None or not start <= outcome[1] < stop:
                continue
            slot = _SLOTS[outcome[0]]
            out.by_tier[row.tier][clock][slot] += 1
            out.by_customer[row.customer][clock][slot] += 1
            if slot == _SLOTS["breached"]:
                out.breached[clock] += 1
                out.breach_lines.append((outcome[1], row.id, index, row))
    out.breach_lines.sort(key=lambda b: b[:3])
    return out


def _resolves(row: TicketRow, start: datetime, stop: datetime) -> list[datetime]:
    """When it was resolved in [start, stop): one reopened and resolved again has two."""
    if row.history is None:  # only its latest moments: the usual ticket, quickly
        at = row.resolved_at
        return [at] if at is not None and start <= at < stop else []
    return [s.start for s in row.history if s.resolved and start <= s.start < stop]


def _by_created(row: TicketRow) -> tuple[datetime, int]:
    return row.created_at, row.id


def _zeros(keys: Iterable[K]) -> dict[K, int]:
    return dict.fromkeys(keys, 0)


def _line(row: TicketRow, clock: str | None = None) -> TicketLine:
    return TicketLine(row.number, row.customer_name, row.priority, row.subject, clock)


def _per_engineer(
    sent: Sequence[PageSent], taken: Sequence[PageTaken], period: Period, desk: Desk
) -> dict[str, tuple[int, int]]:
    paged = Counter(p.target for p in sent if p.target is not None)
    # A chain counts once per engineer, however many reminders they answered.
    once = {
        (a.chain_id, a.actor)
        for a in taken
        if _in(a.at, period) and not desk.calendar.is_open(a.at)
    }
    took = Counter(actor for _chain, actor in once)
    return {user: (paged[user], took[user]) for user in sorted({*paged, *took})}


def _page_lines(sent: Sequence[PageSent], taken: Sequence[PageTaken]) -> tuple[PageLine, ...]:
    first_taker: dict[int, str] = {}
    for ack in taken:  # by moment: the first one took it
        first_taker.setdefault(ack.chain_id, ack.actor)
    chains: dict[int, list[PageSent]] = {}
    for page in sent:  # in claim order
        chains.setdefault(page.chain_id, []).append(page)
    lines = []
    for chain_id, steps in list(chains.items())[:NAMED]:
        first = steps[0]
        paged = tuple(dict.fromkeys(p.target for p in steps if p.target is not None))
        lines.append(
            PageLine(
                number=first.number,
                customer=first.customer,
                priority=first.priority,
                started_at=first.started_at,
                paged=paged,
                taken_by=first_taker.get(chain_id),
            )
        )
    return tuple(lines)


def _days(rows: Sequence[TicketRow], period: Period, now: datetime, desk: Desk) -> tuple[Day, ...]:
    """Each local calendar day of the period: its backlog at its end (or at the period's
    end, or now), and what came in, was resolved and breached that day. Counted by bisecting
    sorted moments between the days' bounds, not day by day over the rows."""
    tz = desk.timezone
    created = sorted(r.created_at for r in rows)
    # Where done: from done_at (no objects made for the usual ticket), or the stretches.
    starts = [r.done_at for r in rows if r.history is None and r.done_at is not None]
    ends: list[datetime] = []
    for r in rows:
        for span in r.history or ():
            starts.append(span.start)
            if span.end is not None:
                ends.append(span.end)
    starts.sort()
    ends.sort()
    # A ticket resolved twice in a day counts once that day: (day's end, ticket) pairs.
    first_day = period.start.astimezone(tz).date()
    last_day = (period.end - timedelta(microseconds=1)).astimezone(tz).date()
    days = [first_day + timedelta(days=i) for i in range((last_day - first_day).days + 1)]
    limits = [min(midnight(day + timedelta(days=1), tz), period.end) for day in days]
    resolves = sorted(
        {
            (bisect_right(limits, at), r.id)
            for r in rows
            for at in _resolves(r, period.start, period.end)
        }
    )
    breaches = sorted(
        moment
        for r in rows
        for clock in CLOCKS
        if (moment := breach_of(r, clock)) is not None and period.start <= moment < period.end
    )
    news = [c for c in created if period.start <= c < period.end]
    upto_now = max(now, period.start)
    out: list[Day] = []
    lower = period.start
    for index, (day, limit) in enumerate(zip(days, limits, strict=True)):
        upto = min(limit, upto_now)
        done = bisect_right(starts, upto) - bisect_right(ends, upto)
        out.append(
            Day(
                day,
                backlog=bisect_left(created, upto) - done,
                new=bisect_left(news, limit) - bisect_left(news, lower),
                resolved=bisect_left(resolves, (index + 1, -1))
                - bisect_left(resolves, (index, -1)),
                breaches=bisect_left(breaches, limit) - bisect_left(breaches, lower),
            )
        )
        lower = limit
    return tuple(out)
