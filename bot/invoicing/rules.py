"""Pure rules of the monthly export: no Slack, no database.

Which month a moment falls in (on the desk's clock), and which lines a month's export has:
every chargeable entry not yet invoiced that was worked before the month's end (late work of
an earlier, closed month included, as a late line), and for every correction of an entry that
was invoiced already, a counter-entry that reverses the invoiced line exactly (its rate and
amount, not today's), next to the corrected entry's own line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import NamedTuple
from zoneinfo import ZoneInfo

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month | None:
        """ "2026-11" (also "2026-1"); None for anything else."""
        m = _MONTH.match(text.strip())
        if m is None:
            return None
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12 or year < 2000:
            return None
        return cls(year, month)

    @classmethod
    def of(cls, moment: datetime, tz: ZoneInfo) -> Month:
        local = moment.astimezone(tz)
        return cls(local.year, local.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def start(self, tz: ZoneInfo) -> datetime:
        """The month's first moment on the desk's clock, in UTC."""
        return datetime(self.year, self.month, 1, tzinfo=tz).astimezone(UTC)

    def end(self, tz: ZoneInfo) -> datetime:
        """The first moment after the month (the next month's start), in UTC."""
        return self.next().start(tz)


class Booking(StrEnum):
    REGULAR = "regular"  # worked in the exported month
    LATE = "late"  # worked in an earlier month, recorded after it was closed
    COUNTER = "counter"  # reverses a line of a closed month whose entry was corrected


class Entry(NamedTuple):
    """A time entry as the export reads it. Named tuples, as Line: a month makes a hundred
    thousand, and a tuple is made in a fraction of a frozen dataclass's time."""

    id: int
    customer_id: int
    ticket: str
    worked_at: datetime
    minutes: int
    kind: str
    description: str
    chargeable: bool
    rule: str
    reason: str
    after_hours: bool
    order_reference: str | None
    # The general terms stored with that order when it was registered (bot.billing.terms).
    order_terms: str | None
    # The entry this one corrects, and whether a later entry corrects this one.
    cancels_id: int | None
    cancelled: bool


class Priced(NamedTuple):
    rounded_minutes: int
    rate_cents: int
    surcharge_percent: int
    amount_cents: int


class Line(NamedTuple):
    """A line of the export, before it is stored (`id` is then the database's)."""

    customer_id: int
    entry_id: int
    booking: Booking
    work_month: str
    ticket: str
    worked_on: date
    work_kind: str
    description: str
    minutes: int
    rounded_minutes: int
    rate_cents: int
    surcharge_percent: int
    amount_cents: int
    rule: str
    reason: str
    order_reference: str | None
    # For a counter-entry: the stored line it reverses.
    reverses_id: int | None = None
    id: int | None = None
    # Who and under which terms, as they were when the month was closed.
    customer_code: str = ""
    customer_name: str = ""
    terms: str = ""

    @property
    def counter(self) -> bool:
        return self.booking is Booking.COUNTER


def counter_of(line: Line, *, by_entry: int) -> Line:
    """The line that reverses `line` exactly: minutes and amount negated, the rate kept."""
    assert line.id is not None, "only a stored line can be reversed"
    return line._replace(
        entry_id=by_entry,
        booking=Booking.COUNTER,
        minutes=-line.minutes,
        rounded_minutes=-line.rounded_minutes,
        amount_cents=-line.amount_cents,
        reverses_id=line.id,
        id=None,
    )


def plan(
    month: Month,
    entries: Iterable[Entry],
    invoiced: Mapping[int, Line],
    price: Callable[[Entry, date], Priced],
    tz: ZoneInfo,
    customers: Mapping[int, tuple[str, str, str]] | None = None,
) -> list[Line]:
    """The lines of `month` from the entries it takes (not yet invoiced, worked before its
    end), in the order of the file: by customer (code), day of work, ticket, entry; a
    counter-entry right before the corrected entry's own line.

    `invoiced` holds the stored own lines of the entries these entries correct, by entry id:
    those are reversed. An entry that a later one corrects gets no line of its own (the
    correction replaces it); a free entry gets none either. `customers` gives each line its
    customer's code, name and terms (by customer id; an order's stored terms go first);
    `price` prices an entry worked on the
    (local) day it is given."""
    who = customers or {}
    # A month's entries fall on a few dozen local days of one or two months: each month's
    # name and booking made once.
    months: dict[tuple[int, int], tuple[str, Booking]] = {}
    lines: list[Line] = []
    for e in entries:
        if e.cancels_id is not None and e.cancels_id in invoiced:
            counter = counter_of(invoiced[e.cancels_id], by_entry=e.id)
            if e.customer_id in who:
                # Listed with the customer as it is now (its code or name may have changed
                # since the month it reverses), under the terms of the line it reverses.
                code, name, _terms = who[e.customer_id]
                counter = counter._replace(customer_code=code, customer_name=name)
            lines.append(counter)
        if e.cancelled or not e.chargeable or e.minutes <= 0:
            continue
        local = e.worked_at.astimezone(tz)
        found = months.get((local.year, local.month))
        if found is None:
            worked = Month(local.year, local.month)
            booking = Booking.REGULAR if worked == month else Booking.LATE
            found = months[(local.year, local.month)] = (str(worked), booking)
        day = local.date()
        p = price(e, day)
        code, name, terms = who.get(e.customer_id, ("", "", ""))
        lines.append(
            Line(
                customer_id=e.customer_id,
                entry_id=e.id,
                booking=found[1],
                work_month=found[0],
                ticket=e.ticket,
                worked_on=day,
                work_kind=e.kind,
                description=e.description,
                minutes=e.minutes,
                rounded_minutes=p.rounded_minutes,
                rate_cents=p.rate_cents,
                surcharge_percent=p.surcharge_percent,
                amount_cents=p.amount_cents,
                rule=e.rule,
                reason=e.reason,
                order_reference=e.order_reference,
                customer_code=code,
                customer_name=name,
                # Under a written order, the terms it was given under (stored with it); else
                # the customer's, by contract date.
                terms=e.order_terms or terms,
            )
        )
    return sorted(lines, key=_file_order)


def _file_order(line: Line) -> tuple[str, int, date, str, int, bool]:
    # By code first, as the file lists the customers (by_customer_code then finds them in
    # order). A counter-entry first: the reversal, then what replaces it.
    return (
        line.customer_code,
        line.customer_id,
        line.worked_on,
        line.ticket,
        line.entry_id,
        line.booking is not Booking.COUNTER,
    )


def by_customer_code(lines: Iterable[Line]) -> list[Line]:
    """The lines as the files list them: by customer code, each customer's lines in the order
    they have (stable)."""
    return sorted(lines, key=lambda x: (x.customer_code, x.customer_id))


@dataclass(frozen=True)
class Total:
    lines: int
    minutes: int
    rounded_minutes: int
    amount_cents: int


def total(lines: Sequence[Line]) -> Total:
    minutes = rounded = amount = 0
    for x in lines:
        minutes += x.minutes
        rounded += x.rounded_minutes
        amount += x.amount_cents
    return Total(lines=len(lines), minutes=minutes, rounded_minutes=rounded, amount_cents=amount)
