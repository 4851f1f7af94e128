"""`/sla NUMBER` shows a ticket's clocks; `/sla` lists the caller's line's tickets at risk."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.blocks import sla_report
from bot.blocks import vocabulary as voc
from bot.blocks.replies import reply
from bot.domain.errors import InvalidInput
from bot.i18n import t
from bot.parsing import parse_fields, ticket_number
from bot.surface import Command
from bot.wiring import Services


def register(app: App, s: Services) -> None:
    reports = s.sla_reports

    @app.command(Command.SLA.value)
    def sla(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        user, lang = body["user_id"], context["lang"]
        parsed = parse_fields(body.get("text", ""), {"lijn": "line", "line": "line"})
        words = [w.lower() for w in parsed.words]
        if words[:1] in (["help"], ["hulp"]):
            ack(**reply(t(lang, "help.sla")))
            return
        if words and words[0] not in ("alle", "all"):
            view, statuses, calendar = reports.of(user, ticket_number(words[0]))
            ack(**sla_report.detail(view, statuses, calendar, s.policy, lang))
            return
        line = parsed.fields.get("line")
        if line is not None and line not in ("1", "2", "3"):
            raise InvalidInput.one("line", "field.choice_invalid", value=line)
        if line is not None:
            lines: frozenset[int] | None = frozenset({int(line)})
        elif words:  # alle / all
            lines = None
        else:
            lines = reports.lines_for(user) or None
        described = (
            ", ".join(voc.line_label(s.policy, n, lang) for n in sorted(lines))
            if lines
            else t(lang, "sla.all_lines")
        )
        ack(**sla_report.risks(reports.at_risk(user, lines), described, s.policy, lang))
