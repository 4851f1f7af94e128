"""The ticket rows of a summary as a CSV file (the csv module), for a spreadsheet.

Dutch: `;` between fields, as Excel with Dutch settings expects (the comma is the decimal
sign there); English: `,`. UTF-8 with a byte order mark, so Excel shows "Café" as it is.
Moments in Europe/Amsterdam ("2026-12-01 10:15"); counted time in whole minutes (business
minutes for office-hour targets, clock minutes for 24x7). A text that starts like a formula
(=, +, -, @) is quoted with a ' so no spreadsheet runs what a customer typed (bot.cells).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime

from bot.cells import text_cell
from bot.clock import AMSTERDAM
from bot.directory.words import tier_label
from bot.i18n import t, word
from bot.i18n.report import COLUMN_KEYS
from bot.i18n.sla import STATE_KEYS
from bot.policy import Policy
from bot.summaries.model import TicketRow
from bot.tickets.blocks import vocabulary as voc


def _at(moment: datetime | None) -> str:
    return moment.astimezone(AMSTERDAM).strftime("%Y-%m-%d %H:%M") if moment else ""


def _minutes(value: int | None) -> str:
    return "" if value is None else str(value)


def _row(r: TicketRow, policy: Policy, lang: str) -> list[str]:
    return [
        r.number,
        r.customer,
        text_cell(r.customer_name),
        tier_label(r.tier, lang),
        voc.type_label(policy, r.type, lang),
        r.priority,
        voc.line_label(policy, r.line, lang) if r.line in policy.routing.lines else str(r.line),
        voc.status_label(r.status, lang),
        text_cell(r.subject),
        r.assignee or "",
        _at(r.created_at),
        _at(r.responded_at),
        _at(r.resolved_at),
        _at(r.closed_at),
        str(r.reopen_count),
        word(lang, STATE_KEYS, r.response_state),
        _at(r.response_due_at),
        _at(r.response_breached_at),
        _minutes(r.response_minutes),
        word(lang, STATE_KEYS, r.resolution_state),
        _at(r.resolution_due_at),
        _at(r.resolution_breached_at),
        _minutes(r.resolution_minutes),
    ]


def to_csv(rows: Sequence[TicketRow], policy: Policy, lang: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "nl" else ",", lineterminator="\r\n")
    writer.writerow([t(lang, key) for key in COLUMN_KEYS])
    for r in rows:
        writer.writerow(_row(r, policy, lang))
    return ("\ufeff" + out.getvalue()).encode("utf-8")
