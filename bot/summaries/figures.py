"""The figures of a summary, read from the database (stub: the figures helper fills it)."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.policy import Policy
from bot.summaries.model import Figures, Period, Scope, Summary, SummaryKind


class SummaryFigures:
    def __init__(self, *, readers: sessionmaker[Session], policy: Policy, clock: Clock) -> None:
        self.readers = readers
        self.policy = policy
        self.clock = clock

    def summary(self, *, kind: SummaryKind, period: Period, scope: Scope) -> Summary:
        """The period's figures and those of the period of the same length before it."""
        return Summary(kind, scope, period, Figures(), Figures())
