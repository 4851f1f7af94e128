"""E-mails and response_url replies: in console mode they are shown, never sent."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from bot.i18n import t
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

    def mail(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = item.payload
        self.screen.show(
            t(self.lang, "console.heading.mail"),
            render.email(
                sender=self.sender,
                to=str(p.get("to", "")),
                subject=str(p.get("subject", "")),
                body=str(p.get("body", "")),
                look=self.screen.look(self.names, self.lang),
            ),
        )

    def respond(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        text = str(item.payload.get("text", ""))
        only_you = t(self.lang, "console.where.only_you")
        self.screen.show(
            t(self.lang, "console.heading.message", where=only_you),
            render.message(text, None, self.screen.look(self.names, self.lang)),
        )
