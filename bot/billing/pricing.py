"""Pricing with the policy: the pure `price` (bot.billing.rules) fed the policy's rates,
after-hours surcharge and rounding. Here, not in the rules, so the rules read no policy: they
price anything shaped like a rate (rules.RateLike). The ledger and the monthly export
(bot.invoicing.pricing) price through this one function, so they always agree."""

from __future__ import annotations

from bot.billing.rules import NoRate, Price, Work, price
from bot.policy import BillingPolicy

__all__ = ["NoRate", "Price", "Work", "price_by_policy"]


def price_by_policy(billing: BillingPolicy, work: Work) -> Price:
    """`price` with the policy's rates, surcharge and rounding. Raises NoRate when no rate of
    the work's kind held on its day."""
    return price(work, billing.rates, billing.after_hours_surcharge, unit=billing.rounding_minutes)
