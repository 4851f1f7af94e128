"""Which work is charged, by the service description's rules; and at what price. Pure: no
Slack, no database, no policy (rates come in as anything shaped like one, RateLike; the
policy's own pricing is bot.billing.pricing)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Protocol


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


# --- which rule charges an entry -------------------------------------------------------------


class ScopeClass(StrEnum):
    """How a ticket is classified against the service (storage.billing_facts.scope_of)."""

    OUT_OF_SCOPE = "out_of_scope"  # rule 4
    EXCLUSION = "exclusion"  # rule 5


@dataclass(frozen=True, slots=True)
class Scope:
    cls: ScopeClass
    kind: str  # the policy's out_of_scope or exclusions code, e.g. "inrichting"

    @classmethod
    def parse(cls, value: str | None) -> Scope | None:
        """'out_of_scope:inrichting' / 'exclusion:verplaatsing' as the facts store it; None
        (and anything else) is in scope."""
        if not value:
            return None
        head, _, kind = value.partition(":")
        try:
            return cls(ScopeClass(head), kind)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the six rules look at, for one entry of time."""

    kind: str
    free_kind: bool  # the policy marks the kind free (analysis)
    scope: Scope | None
    order_id: int | None  # the written order registered for the ticket (rule 5)
    after_hours: bool  # the work was done while the desk was closed
    entitled_after_hours: bool  # the customer's SLA includes the waakdienst
    user_question: bool  # the ticket's type is a user question (rule 3)
    referral_id: int | None  # the referral on the ticket or the one it is linked to (rule 2)
    questions_charged_since: datetime | None  # rule 3, from storage.billing_facts
    worked_at: datetime


@dataclass(frozen=True, slots=True)
class Refused:
    """Time that may not be recorded: an exclusion without a written order (rule 5)."""

    rule: Rule
    reason: str


# Reason codes (stored with the entry, rendered by bot.billing.wording). Rules 4 and 5 store
# the scope's kind as "scope:<kind>", so the export can name it from the policy.
IN_SERVICE = "in_service"  # reporting and questions in office hours (rule 1)
ENTITLED = "entitled"  # after hours for a customer whose SLA includes the waakdienst
ANALYSIS = "analysis"  # the duty to find in which domain a fault lies: free
REFERRED = "referred"  # more support after a referral to a manual (rule 2)
NO_TRAINING = "no_training"  # a training declined or not taken in time (rule 3)
NOT_ENTITLED = "not_entitled"  # after hours without the waakdienst (rule 6)
NO_ORDER = "no_order"  # an exclusion without a written order: refused (rule 5)
SCOPE_PREFIX = "scope:"


def decide(f: Facts) -> Decision | Refused:
    """The rule that decides an entry, in this order:

    - Free kinds (analysis) stay free, whatever the ticket: Korton owes the analysis.
    - An exclusion (5) needs a written order given beforehand; with one it is charged.
    - Out-of-scope work (4) is charged.
    - After hours without entitlement (6) is charged.
    - More support after a referral to a manual (2) is charged: on the referred ticket, or
      on a question linked to it.
    - A user question once the customer's questions are charged (3) is charged.
    - Anything else is reporting and questions within the service (1): free.

    The scope goes first because it says what the work *is*; every charged rule carries the
    after-hours surcharge through the entry's own after_hours flag (see `price`)."""
    scope = f.scope
    if f.free_kind:
        rule = {
            None: Rule.REPORTING_FREE,
            ScopeClass.OUT_OF_SCOPE: Rule.OUT_OF_SCOPE,
            ScopeClass.EXCLUSION: Rule.EXCLUSION,
        }[scope.cls if scope else None]
        return Decision(False, rule, ANALYSIS)
    if scope is not None and scope.cls is ScopeClass.EXCLUSION:
        if f.order_id is None:
            return Refused(Rule.EXCLUSION, NO_ORDER)
        return Decision(True, Rule.EXCLUSION, SCOPE_PREFIX + scope.kind)
    if scope is not None:
        return Decision(True, Rule.OUT_OF_SCOPE, SCOPE_PREFIX + scope.kind)
    if f.after_hours and not f.entitled_after_hours:
        return Decision(True, Rule.AFTER_HOURS, NOT_ENTITLED)
    if f.referral_id is not None:
        return Decision(True, Rule.MANUAL_REFERRAL, REFERRED)
    since = f.questions_charged_since
    if f.user_question and since is not None and since <= f.worked_at:
        return Decision(True, Rule.MISSING_KNOWLEDGE, NO_TRAINING)
    return Decision(False, Rule.REPORTING_FREE, ENTITLED if f.after_hours else IN_SERVICE)
