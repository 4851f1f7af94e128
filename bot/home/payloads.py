"""The App Home's outbox payload: publish one user's Home, rendered at delivery."""

from __future__ import annotations

from typing import ClassVar

from bot.outbox.payloads import Payload


class HomePublish(Payload):
    """Publish `user`'s Home as the database is when it is delivered (views.publish). One is
    pending per user at a time (storage.home.claim_pending): a burst of changes is one."""

    kind: ClassVar[str] = "home_publish"
    user: str


def home_key(user: str) -> str:
    """A user's publishes go out one after the other: an older view never overwrites a newer."""
    return f"home:{user}"


PAYLOADS: tuple[type[Payload], ...] = (HomePublish,)
