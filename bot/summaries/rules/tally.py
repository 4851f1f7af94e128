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
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
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
from bot.summaries.rules import age_bucket, durations

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
    business_day: timedelta
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
    are ignored, so one read serves a period and the one before it)."""
    end = min(period.end, max(now, period.start))
    open_rows = [r for r in rows if r.open_at(end)]
    new_rows = sorted((r for r in rows if _in(r.created_at, period)), key=_by_created)

    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: {c: [0, 0, 0] for c in CLOCKS})
    by_customer: dict[str, dict[str, list[int]]] = defaultdict(
        lambda: {c: [0, 0, 0] for c in CLOCKS}
    )
    breached: Counter[str] = Counter()
    breach_lines: list[tuple[datetime, TicketRow, str]] = []
    for row in rows:
        for clock in CLOCKS:
            outcome = decided(row, clock)
            if outcome is None or not _in(outcome[1], period):
                continue
            slot = ("met", "breached", "cancelled").index(outcome[0])
            counts[row.tier][clock][slot] += 1
            by_customer[row.customer][clock][slot] += 1
            if outcome[0] == "breached":
                breached[clock] += 1
                breach_lines.append((outcome[1], row, clock))
    breach_lines.sort(key=lambda b: (b[0], b[1].id, CLOCKS.index(b[2])))

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

    ages: Counter[str] = Counter(
        age_bucket(desk.calendar.between(r.created_at, end), desk.business_day) for r in open_rows
    )
    customers: Counter[tuple[str, str]] = Counter((r.customer, r.customer_name) for r in new_rows)
    top = sorted(customers.items(), key=lambda kv: (-kv[1], kv[0][0]))[:TOP]

    sent = [p for p in pages if _in(p.at, period) and not desk.calendar.is_open(p.at)]
    return Figures(
        open_by_priority=_zeros(desk.priorities) | dict(Counter(r.priority for r in open_rows)),
        open_by_line=_zeros(desk.lines) | dict(Counter(r.line for r in open_rows)),
        new=len(new_rows),
        resolved=sum(bool(_resolves(r, period)) for r in rows),
        reopened=sum(_in(r.reopened_at, period) for r in rows),
        at_risk={c: at_risk[c] for c in CLOCKS},
        breached={c: breached[c] for c in CLOCKS},
        compliance={
            tier: {c: ClockCounts(*counts[tier][c]) for c in CLOCKS}
            for tier in (*desk.tiers, *sorted(set(counts) - set(desk.tiers)))
        },
        compliance_by_customer={
            code: {c: ClockCounts(*by_customer[code][c]) for c in CLOCKS}
            for code in sorted(by_customer)
        },
        response_time=durations(
            [
                timedelta(seconds=r.response_seconds)
                for r in rows
                if r.response_seconds is not None and _in(r.responded_at, period)
            ]
        ),
        resolution_time=durations(
            [
                timedelta(seconds=r.resolution_seconds)
                for r in rows
                if r.resolution_seconds is not None and _in(r.resolved_at, period)
            ]
        ),
        backlog_age={key: ages[key] for key in AGE_BUCKETS},
        top_customers=tuple(CustomerCount(code, name, n) for (code, name), n in top),
        pages_by_engineer=_per_engineer(sent, taken, period, desk),
        days=_days(rows, period, now, desk),
        new_tickets=tuple(_line(r) for r in new_rows[:NAMED]),
        breaches=tuple(_line(r, clock) for _at, r, clock in breach_lines[:NAMED]),
        pages=_page_lines(sent, taken),
    )


def _resolves(row: TicketRow, period: Period) -> list[datetime]:
    """When it was resolved in the period: a ticket reopened and resolved again has two."""
    return [s.start for s in row.done_spans() if s.resolved and _in(s.start, period)]


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
    end, or now), and what came in, was resolved and breached that day."""
    tz = desk.timezone
    created = sorted(r.created_at for r in rows)
    spans = [s for r in rows for s in r.done_spans()]
    starts = sorted(s.start for s in spans)
    ends = sorted(s.end for s in spans if s.end is not None)

    def backlog(at: datetime) -> int:
        # TicketRow.open_at, counted: registered before `at`, less those done at `at` (a
        # stretch that began by then and had not ended; each began after its registration).
        done = bisect_right(starts, at) - bisect_right(ends, at)
        return bisect_left(created, at) - done

    new: Counter[date] = Counter()
    resolved: Counter[date] = Counter()
    breaches: Counter[date] = Counter()
    for row in rows:
        if _in(row.created_at, period):
            new[row.created_at.astimezone(tz).date()] += 1
        for day in {at.astimezone(tz).date() for at in _resolves(row, period)}:
            resolved[day] += 1
        for clock in CLOCKS:
            broke = breach_of(row, clock)
            if broke is not None and _in(broke, period):
                breaches[broke.astimezone(tz).date()] += 1
    days: list[Day] = []
    day = period.start.astimezone(tz).date()
    last = (period.end - timedelta(microseconds=1)).astimezone(tz).date()
    while day <= last:
        midnight = datetime.combine(day + timedelta(days=1), time(0), tz)
        upto = min(midnight, period.end, max(now, period.start))
        days.append(Day(day, backlog(upto), new[day], resolved[day], breaches[day]))
        day += timedelta(days=1)
    return tuple(days)
