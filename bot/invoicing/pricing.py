"""Prices a month's entries with the ledger's pure pricing (bot.billing.rules): the policy's
rounding, the rate of the entry's kind that held on the day of the work, the surcharge after
hours. Every entry without a rate is collected, so the export names them all at once."""

from __future__ import annotations

from decimal import Decimal
from zoneinfo import ZoneInfo

from bot.billing.pricing import NoRate, Work, price_by_policy
from bot.invoicing.rules import Entry, Priced
from bot.policy import BillingPolicy

_CENTS = Decimal(100)


class Pricer:
    def __init__(self, billing: BillingPolicy, tz: ZoneInfo) -> None:
        self.billing = billing
        self.tz = tz
        # (kind, day) of every entry that had no rate.
        self.missing: set[tuple[str, str]] = set()
        # A month repeats the same few prices many times over.
        self._seen: dict[Work, Priced] = {}

    def __call__(self, entry: Entry) -> Priced:
        day = entry.worked_at.astimezone(self.tz).date()
        work = Work(kind=entry.kind, minutes=entry.minutes, day=day, after_hours=entry.after_hours)
        seen = self._seen.get(work)
        if seen is not None:
            return seen
        priced = self._price(entry, work)
        self._seen[work] = priced
        return priced

    def _price(self, entry: Entry, work: Work) -> Priced:
        day = work.day
        try:
            p = price_by_policy(self.billing, work)
        except NoRate:
            self.missing.add((entry.kind, day.isoformat()))
            return Priced(
                rounded_minutes=entry.minutes, rate_cents=0, surcharge_percent=0, amount_cents=0
            )
        return Priced(
            rounded_minutes=p.rounded_minutes,
            rate_cents=int(p.hourly * _CENTS),
            surcharge_percent=p.surcharge_percent,
            amount_cents=int(p.amount * _CENTS),
        )
