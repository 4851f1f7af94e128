"""The outbox payload of a scheduled summary, rendered at delivery by bot.summaries.delivery:
the figures are read then, so the post says what the database says when it goes out."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from bot.outbox.payloads import Payload
from bot.summaries.model import Period, Scope, SummaryKind


class SummaryPost(Payload):
    """One summary for one channel: its kind, its scope (a line, or the whole desk) and its
    period [start, end) in UTC, as claimed in summary_claims."""

    kind: ClassVar[str] = "summary_post"
    summary: SummaryKind
    channel: str
    line: int | None = None
    start: datetime
    end: datetime

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)

    @property
    def scope(self) -> Scope:
        return Scope(line=self.line)


def scope_key(scope: Scope) -> str:
    """The scope as the claims store it: "desk", "line:2" or "customer:ACME"."""
    if scope.customer is not None:
        return f"customer:{scope.customer}"
    return "desk" if scope.line is None else f"line:{scope.line}"


PAYLOADS: tuple[type[Payload], ...] = (SummaryPost,)
