"""The ticket use cases' inputs, as the grammar and the modals hand them over."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from bot.inputs import Input
from bot.tickets.rules.lifecycle import OPEN, CloseReason

Level = Literal["high", "medium", "low"]
Via = Literal["phone", "email"]
ThirdParty = Literal["customer", "subcontractor"]


class NewTicket(Input):
    customer: str = Field(min_length=1, max_length=32)
    contact: str = Field(min_length=1, max_length=254)
    via: Via
    type: str = Field(min_length=1, max_length=32)
    impact: Level
    urgency: Level
    subject: str = Field(min_length=3, max_length=150)
    description: str = Field(default="", max_length=3000)
    missing: str | None = Field(default=None, max_length=1000)

    @field_validator("missing")
    @classmethod
    def _blank_is_none(cls, v: str | None) -> str | None:
        return v or None


# A ticket's work put back in scope; billable work's reclassification (rules 4 and 5).
IN_SCOPE = "in_scope"


class Reclassify(Input):
    type: str | None = None
    impact: Level | None = None
    urgency: Level | None = None
    # Billable work: IN_SCOPE, "out_of_scope:<kind>" or "exclusion:<kind>" (the policy's
    # kinds); None leaves the scope as it is.
    scope: str | None = Field(default=None, max_length=64)


class TicketRef(Input):
    """A subcommand about one ticket, with whatever text follows its number."""

    number: str = Field(min_length=1, max_length=32)
    text: str = Field(default="", max_length=20000)


class Closing(Input):
    number: str = Field(min_length=1, max_length=32)
    reason: CloseReason | None = None


class Assignment(Input):
    number: str = Field(min_length=1, max_length=32)
    user: str = Field(min_length=1, max_length=32)


class ThirdPartyWait(Input):
    number: str = Field(min_length=1, max_length=32)
    party: ThirdParty
    text: str = Field(default="", max_length=20000)


class Reclassification(Input):
    number: str = Field(min_length=1, max_length=32)
    changes: Reclassify


class TicketFilter(Input):
    """`/ticket lijst`: `status` is a status, "open" (the default) or "all"."""

    mine: bool = False
    line: int | None = None
    customer: str | None = Field(default=None, max_length=32)
    status: str = "open"

    @property
    def statuses(self) -> tuple[str, ...] | None:
        """The statuses to list; None for every status."""
        if self.status == "all":
            return None
        if self.status == "open":
            return tuple(sorted(OPEN))
        return (self.status,)
