"""The outbox payload of a scheduled summary, rendered at delivery by bot.summaries.delivery:
the figures are read then, so the post says what the database says when it goes out."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from bot.outbox.payloads import Payload
from bot.summaries.model import Period, Scope, SummaryKind


class SummaryPost(Payload):
    """One summary for one channel: its kind, its scope (a line, or the whole desk) and its
    period [start, end) in UTC, as claimed in summary_claims; and the period its figures are
    compared with, the one the summary before it covered (bot.summaries.schedule
    Schedule.previous; None in rows queued before it was kept: the kind's rule then)."""

    kind: ClassVar[str] = "summary_post"
    summary: SummaryKind
    channel: str
    line: int | None = None
    start: datetime
    end: datetime
    before_start: datetime | None = None
    before_end: datetime | None = None

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)

    @property
    def compared_with(self) -> Period | None:
        if self.before_start is None or self.before_end is None:
            return None
        return Period(self.before_start, self.before_end)

    @property
    def scope(self) -> Scope:
        return Scope(line=self.line)


def scope_key(scope: Scope) -> str:
    """The scope as the claims store it: "desk", "line:2" or "customer:ACME"."""
    if scope.customer is not None:
        return f"customer:{scope.customer}"
    return "desk" if scope.line is None else f"line:{scope.line}"


PAYLOADS: tuple[type[Payload], ...] = (SummaryPost,)
