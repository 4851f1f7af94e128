"""Which work is charged, by the service description's rules; and at what price. Pure: no
Slack, no database."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Protocol

from bot.policy import BillingPolicy


class Rule(StrEnum):
    """The rule that decided whether an entry is charged; stored on every time entry."""

    # 1. Reporting disruptions and user questions during office hours is free.
    REPORTING_FREE = "reporting_free"
    # 2. A user question a manual answers: referred; more support afterwards is charged.
    MANUAL_REFERRAL = "manual_referral"
    # 3. Basic knowledge is missing: once a training is declined (or not taken in time), the
    #    customer's user questions are charged.
    MISSING_KNOWLEDGE = "missing_knowledge"
    # 4. Out of scope: setting up, repairs after improper use, faults caused by others.
    OUT_OF_SCOPE = "out_of_scope"
    # 5. Exclusions: only on a written order given beforehand; analysis stays free.
    EXCLUSION = "exclusion"
    # 6. After hours without entitlement (the waakdienst's chargeable items).
    AFTER_HOURS = "after_hours_without_entitlement"


@dataclass(frozen=True)
class Decision:
    chargeable: bool
    rule: Rule
    # A stable code for why (rendered through the catalogue), e.g. "referred", "analysis".
    reason: str


# --- rounding and pricing --------------------------------------------------------------------

_CENT = Decimal("0.01")


def round_up(minutes: int, unit: int) -> int:
    """Up to the next multiple of `unit` (the policy's rounding, in minutes): 20 -> 30 by 15.
    A counter-entry (negative minutes) rounds away from zero too, so it cancels exactly."""
    if unit <= 0:
        raise ValueError("the rounding unit must be positive")
    if minutes < 0:
        return -round_up(-minutes, unit)
    return -(-minutes // unit) * unit


class RateLike(Protocol):
    """An hourly rate from a date on (bot.policy.HourlyRate)."""

    @property
    def valid_from(self) -> date: ...

    @property
    def hourly(self) -> Decimal: ...


class NoRate(ValueError):
    """No rate of the kind held on that day (the policy's first rate starts later)."""

    def __init__(self, kind: str, day: date) -> None:
        super().__init__(f"no rate for {kind!r} on {day.isoformat()}")
        self.kind = kind
        self.day = day


def rate_on(rates: Sequence[RateLike], day: date) -> RateLike | None:
    """The rate that held on `day`: the latest one from that day or before."""
    held = [r for r in rates if r.valid_from <= day]
    return max(held, key=lambda r: r.valid_from) if held else None


@dataclass(frozen=True, slots=True)
class Work:
    """What a price depends on: the kind, the minutes, the (local) day the work was done, and
    whether it was outside office hours."""

    kind: str
    minutes: int
    day: date
    after_hours: bool = False


@dataclass(frozen=True, slots=True)
class Price:
    minutes: int
    rounded_minutes: int
    hourly: Decimal  # the rate that held on the day
    valid_from: date  # from when that rate held
    surcharge_percent: int  # 0 in office hours
    amount: Decimal  # euros, to the cent (half up)


def price(
    work: Work,
    rates: Mapping[str, Sequence[RateLike]],
    surcharge_percent: int,
    *,
    unit: int,
) -> Price:
    """The price of chargeable work: its minutes rounded up to `unit`, at the hourly rate of
    its kind that held on the day the work was done, plus the surcharge after hours.
    Raises NoRate when no rate of the kind held then."""
    rate = rate_on(rates.get(work.kind, ()), work.day)
    if rate is None:
        raise NoRate(work.kind, work.day)
    rounded = round_up(work.minutes, unit)
    surcharge = surcharge_percent if work.after_hours else 0
    amount = rate.hourly * rounded / 60 * (100 + surcharge) / 100
    return Price(
        minutes=work.minutes,
        rounded_minutes=rounded,
        hourly=rate.hourly,
        valid_from=rate.valid_from,
        surcharge_percent=surcharge,
        amount=amount.quantize(_CENT, rounding=ROUND_HALF_UP),
    )


def price_by_policy(billing: BillingPolicy, work: Work) -> Price:
    """`price` with the policy's rates, surcharge and rounding."""
    return price(work, billing.rates, billing.after_hours_surcharge, unit=billing.rounding_minutes)
