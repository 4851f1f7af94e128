"""Prices a month's entries with the ledger's pure pricing (bot.billing.rules): the policy's
rounding, the rate of the entry's kind that held on the day of the work, the surcharge after
hours. Every entry without a rate is collected, so the export names them all at once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from bot.billing.pricing import NoRate, Work, price_by_policy
from bot.invoicing.rules import Entry, Priced
from bot.policy import BillingPolicy

_CENTS = Decimal(100)


class Pricer:
    def __init__(self, billing: BillingPolicy) -> None:
        self.billing = billing
        # (kind, day) of every entry that had no rate.
        self.missing: set[tuple[str, str]] = set()
        # A month repeats the same few thousand prices many times over.
        self._seen: dict[tuple[str, int, date, bool], Priced] = {}

    def __call__(self, entry: Entry, day: date) -> Priced:
        """The entry's price; `day`: the (local) day it was worked."""
        key = (entry.kind, entry.minutes, day, entry.after_hours)
        seen = self._seen.get(key)
        if seen is None:
            seen = self._seen[key] = self._price(Work(*key))
        return seen

    def _price(self, work: Work) -> Priced:
        try:
            p = price_by_policy(self.billing, work)
        except NoRate:
            self.missing.add((work.kind, work.day.isoformat()))
            return Priced(
                rounded_minutes=work.minutes, rate_cents=0, surcharge_percent=0, amount_cents=0
            )
        return Priced(
            rounded_minutes=p.rounded_minutes,
            rate_cents=int(p.hourly * _CENTS),
            surcharge_percent=p.surcharge_percent,
            amount_cents=int(p.amount * _CENTS),
        )
