"""E-mails and response_url replies: in console mode they are shown, never sent.

A response_url is posted to over HTTP (slack_sdk's WebhookClient) in the other modes; the
console has none to post to, so it shows what would have gone there: a Respond's text, and
/rapport's summary (ReportReply), read and rendered as bot.summaries.report_delivery does."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from bot.i18n import t
from bot.outbox.dispatcher import Deliver
from bot.outbox.payloads import Respond
from bot.outbox.smtp import OutgoingMail
from bot.policy import Policy
from bot.summaries.blocks import summary_blocks, summary_text
from bot.summaries.figures import SummaryFigures
from bot.summaries.report_payloads import ReportReply
from bot.transports.console import render
from bot.transports.console.screen import Screen
from storage.models import OutboxItem


class ConsoleDeliveries:
    """Outbox deliveries that leave the process in other modes, shown on the screen instead."""

    def __init__(self, screen: Screen, sender: str, names: render.Names, lang: str = "nl") -> None:
        self.screen = screen
        self.sender = sender
        self.names = names
        self.lang = lang

    def mail(self, mail: OutgoingMail) -> None:
        self.screen.show(
            t(self.lang, "console.heading.mail"),
            render.email(
                sender=self.sender,
                to=mail.to,
                subject=mail.subject,
                body=mail.body,
                look=self.screen.look(self.names, self.lang),
            ),
        )

    def respond(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        text = Respond.of(item).text
        only_you = t(self.lang, "console.where.only_you")
        self.screen.show(
            t(self.lang, "console.heading.message", where=only_you),
            render.message(text, None, self.screen.look(self.names, self.lang)),
        )

    def report_reply(self, figures: SummaryFigures, policy: Policy) -> Deliver:
        """/rapport's summary, only for the one who asked (an ephemeral response_url reply)."""

        def deliver(sessions: sessionmaker[Session], item: OutboxItem) -> None:
            p = ReportReply.of(item)
            summary = figures.summary(kind=p.summary, period=p.period, scope=p.scope)
            text = summary_text(summary, policy, p.lang)
            blocks = summary_blocks(summary, policy, p.lang)
            only_you = t(self.lang, "console.where.only_you")
            self.screen.show(
                t(self.lang, "console.heading.message", where=only_you),
                render.message(text, blocks, self.screen.look(self.names, self.lang)),
            )

        return deliver
