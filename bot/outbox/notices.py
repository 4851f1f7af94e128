"""Short notices to one agent (errors on buttons, confirmations), through the outbox."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.outbox.payloads import Ephemeral, Payload, Respond, enqueue


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
        notice: Payload = (
            Respond(response_url=response_url, text=text)
            if response_url
            else Ephemeral(user=user, text=text, channel=channel)
        )
        with self.sessions.begin() as session:
            enqueue(session=session, payload=notice, now=self.clock.now())
        self._after_commit()
