"""/rapport: the same summary as the scheduled ones, on demand, for team leads and admins.

Which period: the current one so far (today from midnight, this week from Monday, this month
from the 1st, up to now), because a lead asking during the day wants to know how the desk is
doing now; with `vorige`, the last complete one (the last business day, last week, last
month), the same period the scheduled summary covered. Either way each figure is compared
with the same part of the period before (bot.summaries.rules.periods: today until 10:00 with
the business day before until 10:00, this week until Wednesday 10:00 with last week until
Wednesday 10:00), and the message says with which.

The request is checked (role, customer) and fixed (its period) now; the figures are read and
the reply made at delivery, through the outbox, so a slow month never holds up the ack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from bot.calendar import BusinessCalendar
from bot.clock import Clock
from bot.errors import NotFound
from bot.outbox.payloads import Payload, enqueue
from bot.policy import Policy
from bot.roles import LEADS, RoleResolver
from bot.summaries.inputs import ReportQuery
from bot.summaries.model import Period, Scope, SummaryKind
from bot.summaries.report_payloads import ReportCsv, ReportReply
from bot.summaries.rules.periods import business_day_before, midnight
from storage import customers as customer_store

KINDS = {"day": SummaryKind.DAY, "week": SummaryKind.WEEK, "month": SummaryKind.MONTH}


@dataclass(frozen=True)
class Requested:
    kind: SummaryKind
    scope: Scope
    period: Period
    csv: bool


def period_for(
    kind: SummaryKind, *, previous: bool, now: datetime, calendar: BusinessCalendar, tz: ZoneInfo
) -> Period:
    """The period /rapport covers: this one so far, or the last complete one."""
    now = now.astimezone(UTC)
    today = now.astimezone(tz).date()
    if kind is SummaryKind.DAY:
        if not previous:
            return Period(midnight(today, tz), now)
        day = business_day_before(today, calendar, tz)
        return Period(midnight(day, tz), midnight(day + timedelta(days=1), tz))
    if kind is SummaryKind.WEEK:
        monday = today - timedelta(days=today.weekday())
        if not previous:
            return Period(midnight(monday, tz), now)
        return Period(midnight(monday - timedelta(days=7), tz), midnight(monday, tz))
    first = today.replace(day=1)
    if not previous:
        return Period(midnight(first, tz), now)
    before = (first - timedelta(days=1)).replace(day=1)
    return Period(midnight(before, tz), midnight(first, tz))


class Reports:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        readers: sessionmaker[Session],
        policy: Policy,
        clock: Clock,
        roles: RoleResolver,
        after_commit: Callable[[], None],
    ) -> None:
        self.sessions = sessions
        self.readers = readers
        self.policy = policy
        self.clock = clock
        self.roles = roles
        self.after_commit = after_commit
        self.tz = ZoneInfo(policy.office_hours.timezone)

    def request(self, *, user: str, query: ReportQuery, lang: str, response_url: str) -> Requested:
        """Checks who asks and for what, and queues the reply (or the CSV)."""
        self.roles.require(user, LEADS)
        customer = query.customer
        if customer is not None:
            with self.readers() as session:
                found = customer_store.get(session=session, code=customer)
                if found is None:
                    raise NotFound("error.customer_not_found", value=customer)
                customer = found.code  # as the directory spells it
        kind = KINDS[query.period]
        now = self.clock.now()
        period = period_for(
            kind, previous=query.previous, now=now, calendar=self.policy.calendar, tz=self.tz
        )
        scope = Scope(line=query.line, customer=customer)
        common = ReportCsv(
            user=user,
            lang="en" if lang == "en" else "nl",
            summary=kind,
            line=scope.line,
            customer=scope.customer,
            start=period.start,
            end=period.end,
        )
        payload: Payload = (
            common if query.csv else ReportReply(response_url=response_url, **common.model_dump())
        )
        with self.sessions.begin() as session:
            enqueue(session=session, payload=payload, now=now)
        self.after_commit()
        return Requested(kind=kind, scope=scope, period=period, csv=query.csv)
