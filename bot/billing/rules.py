"""Which work is charged, by the service description's rules; and at what price. Pure: no
Slack, no database (the ledger helper fills `decide` and `price`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
