"""`/sla`, parsed."""

from __future__ import annotations

from bot.inputs import Input


class SlaQuery(Input):
    """`/sla`: help, one ticket's clocks, or the tickets at risk on some lines."""

    help: bool = False
    number: str | None = None
    all_lines: bool = False
    line: int | None = None
