"""The facts billable work is decided on: referrals, training notices, written orders and a
ticket's scope (stubs: the billing-facts helper fills them, with migration 0014).

bot.billing's ledger reads only these four functions, so the two halves meet here.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session


def referral_for(*, session: Session, ticket_id: int) -> int | None:
    """The referral (rule 2) on this ticket, or on the ticket it was linked to: its id."""
    return None


def questions_charged_since(
    *, session: Session, customer_id: int, now: datetime
) -> datetime | None:
    """From when the customer's user questions are charged (rule 3: a training declined, or
    still not taken after the policy's period), or None while they are not."""
    return None


def order_for(*, session: Session, ticket_id: int) -> int | None:
    """The written order (rule 5) registered for this ticket: its id."""
    return None


def scope_of(*, session: Session, ticket_id: int) -> str | None:
    """The ticket's scope: None for in scope, else "out_of_scope:<kind>" (rule 4) or
    "exclusion:<kind>" (rule 5), the kinds from the policy."""
    return None
