"""/rapport: a summary on demand, and its ticket rows as CSV (team leads and admins).

The ack says what is coming; the summary itself follows through the outbox (the figures of a
month may take longer than Slack waits for an ack)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.blocks.replies import reply
from bot.blocks.text import tr
from bot.i18n import t
from bot.summaries import wording
from bot.summaries.grammar import report_query
from bot.surface import Command
from bot.wiring import Services


def register(app: App, s: Services) -> None:
    reports = s.summaries.reports

    @app.command(Command.RAPPORT.value)
    def rapport(ack: Ack, body: dict[str, Any], context: dict[str, Any]) -> None:
        user, lang = body["user_id"], context["lang"]
        query = report_query(body.get("text", ""), s.policy, lang)
        if query.help:
            ack(**reply(t(lang, "report.help")))
            return
        asked = reports.request(
            user=user, query=query, lang=lang, response_url=body.get("response_url", "")
        )
        title = wording.title_of(asked.kind, asked.scope, asked.period, s.policy, lang)
        if asked.csv:
            ack(**reply(tr(lang, "report.csv_queued", title=title)))
        else:
            ack(**reply(tr(lang, "report.queued", title=title)))
