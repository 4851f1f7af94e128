"""The figures of a summary, read from the database.

One read per summary: the tickets open at some moment of the period or the one before it
(storage.summaries reads them by their indexed moments, never the history before), their SLA
warnings and the waakdienst's pages; bot.summaries.rules.tally counts them, once per period.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.errors import NotFound
from bot.policy import Policy
from bot.summaries.model import Figures, Period, Scope, Summary, SummaryKind, TicketRow
from bot.summaries.rules import as_of, business_day_length, done_spans
from bot.summaries.rules.periods import compared_with
from bot.summaries.rules.tally import Desk, PageSent, PageTaken, tally
from bot.summaries.schedule import Schedule, when_of
from storage import sla as sla_store
from storage import summaries as store


class SummaryFigures:
    def __init__(self, *, readers: sessionmaker[Session], policy: Policy, clock: Clock) -> None:
        self.readers = readers
        self.policy = policy
        self.clock = clock
        self.desk = Desk(
            calendar=policy.calendar,
            business_day_length=business_day_length(policy.office_hours.weekly_hours()),
            timezone=ZoneInfo(policy.office_hours.timezone),
            priorities=tuple(policy.priority_order),
            lines=tuple(sorted(policy.routing.lines)),
            tiers=tuple(policy.sla),
        )
        self.schedule = Schedule(policy.calendar, self.desk.timezone)

    def summary(
        self, *, kind: SummaryKind, period: Period, scope: Scope, previous: Period | None = None
    ) -> Summary:
        """The period's figures and those of the period they are compared with: `previous`
        (a scheduled summary's, the period of the one before it), or by the kind's rule (the
        month, the week or the business day before: bot.summaries.rules.periods).
        Raises NotFound for a customer code that does not exist."""
        now = self.clock.now()
        if previous is None:
            previous = self._compared_with(kind, period)
        # Both periods' tickets in one read; the one compared with lies before (a day, a week
        # or a month back, at most a year on a calendar that hardly opens).
        start, end = min(previous.start, period.start), max(previous.end, period.end)
        with self.readers() as session:
            self._check(session, scope)
            rows = self._read(session, start, end, scope, now)
            # Warnings matter for the tickets open at either period's end (at risk then).
            ends = [min(p.end, max(now, p.start)) for p in (period, previous)]
            at_risk = [r.id for r in rows if any(r.open_at(e) for e in ends)]
            warnings = {
                (ticket, clock): at
                for ticket, clock, at in store.first_warnings(session=session, ticket_ids=at_risk)
            }
            pages = [
                page
                for page in (
                    PageSent(*p) for p in store.pages_sent(session=session, start=start, end=end)
                )
                if _within(scope, page.line, page.code)
            ]
            chains = {p.chain_id for p in pages}
            taken = [
                ack
                for ack in (
                    PageTaken(*a)
                    for a in store.acks(session=session, start=start, end=end, chain_ids=chains)
                )
                if _within(scope, ack.line, ack.code)
            ]

        def count(p: Period) -> Figures:
            return tally(
                rows=rows,
                warnings=warnings,
                pages=pages,
                taken=taken,
                period=p,
                now=now,
                desk=self.desk,
            )

        return Summary(
            kind,
            scope,
            period,
            current=count(period),
            previous=count(previous),
            compared_with=previous,
        )

    def _compared_with(self, kind: SummaryKind, period: Period) -> Period:
        if kind is SummaryKind.MORNING:
            # Only ever scheduled: the night before, as the schedule has it.
            when = when_of(self.policy.summaries.morning)
            return self.schedule.previous(kind, when, period)
        return compared_with(kind, period, self.policy.calendar, self.desk.timezone)

    def rows(self, *, period: Period, scope: Scope) -> list[TicketRow]:
        """The period's tickets for the CSV: every ticket open at some moment of it (so the
        new, resolved and cancelled ones too), in number order, clocks as of now.
        Raises NotFound for a customer code that does not exist."""
        now = self.clock.now()
        with self.readers() as session:
            self._check(session, scope)
            return self._read(session, period.start, period.end, scope, now)

    def _read(
        self, session: Session, start: datetime, end: datetime, scope: Scope, now: datetime
    ) -> list[TicketRow]:
        """The window's tickets of the scope, clocks as of now; a ticket ever reopened with
        the stretches it was done, from its trail (few are: the rest need only their latest
        moments)."""
        rows = [
            as_of(TicketRow(*r), now)
            for r in store.tickets(session=session, start=start, end=end)
            if _within(scope, r[7], r[2])
        ]
        reopened = [r.id for r in rows if r.reopen_count]
        if not reopened:
            return rows
        trails = sla_store.status_history(session=session, ticket_ids=reopened)
        return [
            replace(r, history=done_spans([(at, status) for at, status, _ in trails[r.id]]))
            if r.reopen_count
            else r
            for r in rows
        ]

    def _check(self, session: Session, scope: Scope) -> None:
        if scope.customer is not None and not store.customer_exists(
            session=session, code=scope.customer
        ):
            raise NotFound("error.customer_not_found", value=scope.customer)


def _within(scope: Scope, line: int, customer: str) -> bool:
    return (scope.line is None or line == scope.line) and (
        scope.customer is None or customer == scope.customer
    )
