"""`/rapport`, parsed."""

from __future__ import annotations

from typing import Literal

from bot.inputs import Input


class ReportQuery(Input):
    """`/rapport`: which period (this one so far, or the last complete one), which scope, and
    whether the ticket rows come as a CSV file."""

    help: bool = False
    period: Literal["day", "week", "month"] = "day"
    previous: bool = False
    line: int | None = None
    customer: str | None = None
    csv: bool = False
