"""Publishing a Home: the outbox delivery of HomePublish, rendered from the database as it is
when it goes out."""

from __future__ import annotations

from collections.abc import Callable

from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot.home import blocks
from bot.home.cockpit import Cockpits
from bot.home.payloads import HomePublish
from bot.outbox.dispatcher import Deliver, Retry
from bot.outbox.slack_call import call
from bot.policy import Policy
from bot.roles import MembershipUnknown
from storage import home as store
from storage.models import OutboxItem


class HomeDelivery:
    def __init__(
        self,
        *,
        client: WebClient,
        cockpits: Cockpits,
        policy: Policy,
        lang_of: Callable[[str], str],
    ) -> None:
        self.client = client
        self.cockpits = cockpits
        self.policy = policy
        self.lang_of = lang_of
        # A countdown carries a warning sign from the first threshold the desk warns at.
        self.warn_from = min(policy.sla_warn_at, default=100)

    def handlers(self) -> dict[str, Deliver]:
        return {HomePublish.kind: self.publish}

    def publish(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        user = HomePublish.of(item).user
        # First let go of the pending claim, then read: a change committed after this asks for
        # a publish of its own, and one committed before it is in what is read below.
        with sessions.begin() as session:
            store.release_pending(session=session, user_id=user)
        try:
            cockpit = self.cockpits.of(user)
        except MembershipUnknown as exc:
            # Slack's user groups could not be read, and never were: who is a lead is unknown.
            raise Retry(f"user group {exc} unknown") from None
        view = blocks.home(cockpit, self.policy, self.lang_of(user), warn_from=self.warn_from)
        call(self.client.views_publish, user_id=user, view=view)
        with sessions.begin() as session:
            store.published(
                session=session,
                user_id=user,
                lines=cockpit.lines,
                lead=cockpit.lead,
                at=cockpit.at,
                stale_at=cockpit.stale_at,
            )
