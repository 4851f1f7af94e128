"""The monthly export: close a month (for the desk or one customer) and give its files; and
what is open now.

Closing is one transaction: the month's entries are read and priced into lines, the files
are made from them, the closure is claimed with the files, the lines stored, the entries they
came from marked with the month, and (from Slack) the delivery of the files enqueued. A month
closed before is not closed again: the files stored with its closure are the export, so the
same month gives the same file. Whatever is recorded on a closed month afterwards (late work,
a correction) waits for the next month's export.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.directory.rules.terms import terms_for
from bot.errors import InvalidInput, InvalidTransition, NotFound
from bot.events import Actor
from bot.invoicing.files import Files, build, filename
from bot.invoicing.payloads import InvoiceFiles
from bot.invoicing.pricing import Pricer
from bot.invoicing.rules import Line, Month, Total, by_customer_code, plan, total
from bot.outbox.payloads import enqueue
from bot.policy import Policy
from bot.roles import LEADS, RoleResolver
from storage import invoicing as store
from storage.invoicing import ALL, CustomerFacts, customer_scope


@dataclass(frozen=True)
class Closed:
    """A month's export: its files and what they add up to, and whether this export closed
    the month or it was closed before."""

    month: Month
    customer: CustomerFacts | None
    files: Files
    total: Total
    customers: int
    newly: bool
    closed_at: datetime


@dataclass(frozen=True)
class OpenCustomer:
    code: str
    name: str
    total: Total


@dataclass(frozen=True)
class OpenNow:
    month: Month
    customers: list[OpenCustomer]
    # The month before, when it is over and not closed for the desk yet.
    previous_open: Month | None

    @property
    def total(self) -> Total:
        t = [c.total for c in self.customers]
        return Total(
            lines=sum(x.lines for x in t),
            minutes=sum(x.minutes for x in t),
            rounded_minutes=sum(x.rounded_minutes for x in t),
            amount_cents=sum(x.amount_cents for x in t),
        )


class Invoicer:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        readers: sessionmaker[Session],
        policy: Policy,
        clock: Clock,
        roles: RoleResolver,
        after_commit: Callable[[], None] = lambda: None,
        phase: Callable[[str], None] = lambda _name: None,
    ) -> None:
        self.sessions = sessions
        self.readers = readers
        self.policy = policy
        self.tz = ZoneInfo(policy.office_hours.timezone)
        self.clock = clock
        self.roles = roles
        self._after_commit = after_commit
        # Called as each phase of a closing ends (read, price, files, mark, store): the bench
        # times them with it.
        self._phase = phase

    def check(self, actor: Actor, month: Month | None, customer: str | None) -> None:
        """Everything that can be said before the work starts: the role, the month, the
        customer; every problem at once. Raises; nothing is written."""
        # Money matters, not the agents': team leads and admins close a month and see what is open.
        self.roles.require_actor(actor, LEADS)
        problems: dict[str, tuple[str, dict[str, object]]] = {}
        if month is not None and month.end(self.tz) > self.clock.now():
            problems["month"] = ("invoicing.error.month_not_over", {"month": str(month)})
        if customer is not None:
            with self.readers() as session:
                if store.customer_by_code(session=session, code=customer) is None:
                    problems["customer"] = ("invoicing.error.unknown_customer", {"value": customer})
        if problems:
            raise InvalidInput(problems)

    def close(
        self,
        actor: Actor,
        month: Month,
        customer: str | None = None,
        *,
        deliver_to: str | None = None,
    ) -> Closed:
        """Close the month (for one customer, by code) unless it is closed, and return its
        export. `deliver_to`: the Slack user who gets the files, enqueued with the closure."""
        self.check(actor, month, customer)
        now = self.clock.now()
        with self.sessions.begin() as session:
            store.lock(session=session)
            who = store.customer_by_code(session=session, code=customer) if customer else None
            if customer and who is None:
                raise NotFound("invoicing.error.unknown_customer", value=customer)
            with _no_cyclic_gc():
                newly = self._close(session, actor, month, who, now)
            closed = newly or self._exported(session, month, who)
            if deliver_to is not None:
                payload = InvoiceFiles(
                    month=str(month),
                    customer_id=who.id if who else None,
                    user=deliver_to,
                    newly=closed.newly,
                )
                enqueue(session=session, payload=payload, now=now)
        self._after_commit()
        return closed

    def exported(self, month: Month, customer_id: int | None) -> Closed | None:
        """The export of a closed month (None while it is open), as it was made."""
        with self.readers() as session:
            who = None
            if customer_id is not None:
                who = store.customers(session=session, ids=[customer_id]).get(customer_id)
            if store.closed_at(session=session, month=str(month), scopes=self._scopes(who)):
                return self._exported(session, month, who)
            return None

    def _exported(self, session: Session, month: Month, who: CustomerFacts | None) -> Closed:
        """The files stored when the month was closed for exactly this scope; for a customer
        whose month was closed with the desk's, its part of the stored lines."""
        key = str(month)
        scope = customer_scope(who.id) if who else ALL
        code = who.code if who else None
        stored = store.files_of(session=session, month=key, scope=scope)
        if stored is not None:
            files = Files(
                csv=stored[0],
                xlsx=stored[1],
                csv_name=filename(month, code, "csv"),
                xlsx_name=filename(month, code, "xlsx"),
            )
        else:
            assert who is not None, "the desk's closure stores its files"
            lines = store.lines_of(session=session, month=key, customer_id=who.id)
            files = build(month, lines, self.policy, code)
        sum_, customers = store.totals(
            session=session, month=key, customer_id=who.id if who else None
        )
        at = store.closed_at(session=session, month=key, scopes=self._scopes(who))
        assert at is not None, "only a closed month has an export"
        return Closed(month, who, files, sum_, customers, newly=False, closed_at=at)

    @staticmethod
    def _scopes(who: CustomerFacts | None) -> list[str]:
        return [ALL, customer_scope(who.id)] if who else [ALL]

    def _close(
        self, session: Session, actor: Actor, month: Month, who: CustomerFacts | None, now: datetime
    ) -> Closed | None:
        """The month closed now, in this transaction; None when it was closed before."""
        key = str(month)
        closed = store.closed_scopes(session=session, month=key)
        scope = customer_scope(who.id) if who else ALL
        if ALL in closed or scope in closed:
            return None
        later = (
            store.later_closed(session=session, month=key, scopes=self._scopes(who))
            if who
            else store.any_closed_later(session=session, month=key)
        )
        if later:
            raise InvalidTransition(
                "invoicing.error.later_closed",
                month=str(month),
                later=later[0],
            )
        # Customers closed on their own for this month keep their lines; the desk's closure
        # takes everyone else's.
        done = {int(s.split(":", 1)[1]) for s in closed if s.startswith("customer:")}
        entries = store.open_entries(
            session=session,
            before=month.end(self.tz),
            customer_ids=[who.id] if who else None,
            except_customers=done,
        )
        cancelled = {e.cancels_id for e in entries if e.cancels_id is not None}
        invoiced = store.own_lines(session=session, entry_ids=cancelled)
        facts = store.customers(session=session, ids={e.customer_id for e in entries})
        # The lines of the customers closed on their own before, for the month's file.
        earlier = store.lines_of(session=session, month=key) if done else []
        self._phase("read")
        # The database marks the entries while this thread prices them and makes the files.
        # Marking is one statement, the database's own work, during which the driver lets
        # Python run; on PostgreSQL the longest step of a closing (a new version of every
        # entry and of its index entries). The session is the mark's until it is done. (Not
        # so for storing the lines: a statement per line, or a stream of them, each waiting
        # for its turn at Python.)
        with ThreadPoolExecutor(max_workers=1) as pool:
            ids = [e.id for e in entries]
            marked = pool.submit(store.mark, session=session, month=key, entry_ids=ids)
            pricer = Pricer(self.policy.billing)
            lines = plan(month, entries, invoiced, pricer, self.tz, _snapshots(facts))
            if pricer.missing:
                raise InvalidInput(_no_rates(pricer.missing))
            self._phase("price")
            # The month's file as it will be read back: by customer code, each customer's
            # lines in their order.
            in_file = by_customer_code([*earlier, *lines])
            files = build(month, in_file, self.policy, who.code if who else None)
            self._phase("files")
            marked.result()
        self._phase("mark")
        store.claim(
            session=session,
            month=key,
            scope=scope,
            at=now,
            actor_source=actor.source.value,
            actor=actor.id,
            csv=files.csv,
            xlsx=files.xlsx,
        )
        store.store(session=session, month=key, lines=lines)
        self._phase("store")
        sum_ = total(in_file)
        customers = len({x.customer_id for x in in_file})
        return Closed(month, who, files, sum_, customers, newly=True, closed_at=now)

    def lines(self, month: Month, customer_id: int | None) -> list[Line]:
        with self.readers() as session:
            return store.lines_of(session=session, month=str(month), customer_id=customer_id)

    def this_month(self) -> Month:
        """The month now, on the desk's clock."""
        return Month.of(self.clock.now(), self.tz)

    def open_now(self, actor: Actor) -> OpenNow:
        """What the current month's export would take if it were closed now, per customer:
        late work and counter-entries of closed months included."""
        self.check(actor, None, None)
        now = self.clock.now()
        month = Month.of(now, self.tz)
        with self.readers() as session:
            entries = store.open_entries(session=session, before=now, customer_ids=None)
            cancelled = {e.cancels_id for e in entries if e.cancels_id is not None}
            invoiced = store.own_lines(session=session, entry_ids=cancelled)
            pricer = Pricer(self.policy.billing)
            lines = plan(month, entries, invoiced, pricer, self.tz)
            if pricer.missing:
                raise InvalidInput(_no_rates(pricer.missing))
            facts = store.customers(session=session, ids={x.customer_id for x in lines})
            previous = month.previous()
            prev_open = ALL not in store.closed_scopes(session=session, month=str(previous))
            prev_open = prev_open and any(e.worked_at < month.start(self.tz) for e in entries)
        per = [
            OpenCustomer(facts[cid].code, facts[cid].name, total(list(group)))
            for cid, group in groupby(lines, key=lambda x: x.customer_id)
        ]
        per.sort(key=lambda c: (-c.total.amount_cents, c.code))
        return OpenNow(month, per, previous if prev_open else None)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """A month's closing makes a few million objects that all live until it ends: Python's
    cyclic collector would walk them again and again to free nothing (a fifth of the time).
    Reference counting frees as always; the collector runs again afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _snapshots(facts: dict[int, CustomerFacts]) -> dict[int, tuple[str, str, str]]:
    """Each customer's code, name and terms (the directory's rule, by contract date), as the
    lines keep them; a line worked under a written order keeps the order's own terms instead
    (plan), as they were registered with it."""
    return {i: (c.code, c.name, terms_for(c.contract_date).value) for i, c in facts.items()}


def _no_rates(missing: set[tuple[str, str]]) -> dict[str, tuple[str, dict[str, object]]]:
    by_kind: dict[str, list[str]] = {}
    for kind, day in sorted(missing):
        by_kind.setdefault(kind, []).append(day)
    return {
        f"rate_{kind}": ("invoicing.error.no_rate", {"kind": kind, "days": ", ".join(days[:5])})
        for kind, days in by_kind.items()
    }
