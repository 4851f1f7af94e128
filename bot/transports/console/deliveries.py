"""E-mails and response_url replies: in console mode they are shown, never sent."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from bot.i18n import t
from bot.outbox.payloads import Respond
from bot.outbox.smtp import OutgoingMail
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
