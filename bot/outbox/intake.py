"""The intake: registrations from `/ticket new`, done after the ack by the outbox worker.

The registration, its reply and marking this row done commit together, so a crash anywhere
means a retry that registers once. A refusal (unknown contact, an end user, ...) is a reply,
not a failure: it is not retried.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from bot.blocks.replies import error_text, registered
from bot.clock import Clock
from bot.domain.errors import DomainError
from bot.i18n import t
from bot.policy import Policy
from bot.services import effects
from bot.services.desk import Desk
from bot.services.inputs import NewTicket
from bot.services.views import TicketView
from storage import outbox
from storage.models import OutboxItem


class Intake:
    def __init__(self, *, desk: Desk, policy: Policy, clock: Clock) -> None:
        self.desk = desk
        self.policy = policy
        self.clock = clock

    def deliver(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = item.payload
        lang, url = p["lang"], p.get("response_url")

        def claim(session: Session) -> None:
            if not outbox.finish(session=session, item_id=item.id, now=self.clock.now()):
                raise _AlreadyDone

        def reply(session: Session, text: str) -> None:
            if url:
                effects.respond(session=session, response_url=url, text=text, now=self.clock.now())

        def confirm(session: Session, view: TicketView) -> None:
            reply(session, registered(view, self.policy, lang))

        try:
            self.desk.register(
                p["actor"], NewTicket.model_validate(p["data"]), first=claim, also=confirm
            )
        except _AlreadyDone:
            return
        except DomainError as err:
            with sessions.begin() as session:
                if outbox.finish(session=session, item_id=item.id, now=self.clock.now()):
                    reply(session, error_text(err, lang))
        except Exception:
            if item.attempts + 1 < GIVE_UP_AFTER:
                raise  # retried with back-off by the dispatcher
            # Something keeps failing: tell the agent rather than keep them waiting for ever.
            with sessions.begin() as session:
                if outbox.finish(session=session, item_id=item.id, now=self.clock.now()):
                    reply(session, t(lang, "error.generic"))
            raise


class _AlreadyDone(Exception):
    """Another process registered this intake already."""


# Unexpected failures (the database gone, a bug) are retried this many times before the agent
# is told that it did not work.
GIVE_UP_AFTER = 8
