"""`/sla NUMBER` shows a ticket's clocks; `/sla` lists the caller's line's tickets at risk."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.blocks.replies import reply
from bot.i18n import t
from bot.sla.blocks import report as sla_report
from bot.sla.grammar import sla_query
from bot.surface import Command
from bot.tickets.blocks import vocabulary as voc
from bot.wiring import Services


def register(app: App, s: Services) -> None:
    reports = s.sla_reports

    @app.command(Command.SLA.value)
    def sla(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        user, lang = body["user_id"], context["lang"]
        q = sla_query(body.get("text", ""), s.policy, lang)
        if q.help:
            ack(**reply(t(lang, "help.sla")))
            return
        if q.number:
            view, statuses, calendar = reports.of(user, q.number)
            ack(**sla_report.detail(view, statuses, calendar, s.policy, lang))
            return
        lines: frozenset[int] | None
        if q.line is not None:
            lines = frozenset({q.line})
        elif q.all_lines:
            lines = None
        else:
            lines = reports.lines_for(user) or None
        described = (
            ", ".join(voc.line_label(s.policy, n, lang) for n in sorted(lines))
            if lines
            else t(lang, "sla.all_lines")
        )
        ack(**sla_report.risks(reports.at_risk(user, lines), described, s.policy, lang))
