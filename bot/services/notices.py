"""Short notices to one agent (errors on buttons, confirmations), through the outbox."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.services import effects
from storage import outbox


class Notices:
    def __init__(
        self, *, sessions: sessionmaker[Session], clock: Clock, after_commit: Callable[[], None]
    ) -> None:
        self.sessions = sessions
        self.clock = clock
        self._after_commit = after_commit

    def tell(
        self, *, user: str, text: str, channel: str | None = None, response_url: str | None = None
    ) -> None:
        """Prefer the interaction's response_url; else an ephemeral message in the channel;
        else a direct message."""
        with self.sessions.begin() as session:
            if response_url:
                effects.respond(
                    session=session, response_url=response_url, text=text, now=self.clock.now()
                )
            else:
                outbox.enqueue(
                    session=session,
                    kind=effects.EPHEMERAL,
                    payload={"channel": channel, "user": user, "text": text},
                    now=self.clock.now(),
                )
        self._after_commit()
