"""The outbox payloads of /rapport: the summary as an ephemeral reply, and its ticket rows as a
CSV file in the requester's DM. The period is fixed when asked, the figures read at delivery."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

from bot.outbox.payloads import Payload
from bot.summaries.model import Period, Scope, SummaryKind


class _Report(Payload):
    user: str
    lang: Literal["nl", "en"]
    summary: SummaryKind
    line: int | None = None
    customer: str | None = None
    start: datetime
    end: datetime

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)

    @property
    def scope(self) -> Scope:
        return Scope(line=self.line, customer=self.customer)


class ReportReply(_Report):
    """The summary, only for the one who asked, through the command's response_url."""

    kind: ClassVar[str] = "report_reply"
    response_url: str


class ReportCsv(_Report):
    """The period's tickets as a CSV file, uploaded to the requester's DM."""

    kind: ClassVar[str] = "report_csv"


PAYLOADS: tuple[type[Payload], ...] = (ReportReply, ReportCsv)
