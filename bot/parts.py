"""What the composition root (bot.wiring) hands every capability's assembly: the core's pieces.

One bundle rather than nine keyword arguments each, so a new piece of the core reaches every
slice without touching each `build`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.policy import Policy
from bot.roles import RoleResolver
from bot.settings import Settings


@dataclass(frozen=True)
class Parts:
    settings: Settings
    policy: Policy
    clock: Clock
    client: WebClient
    sessions: sessionmaker[Session]
    readers: sessionmaker[Session]
    roles: RoleResolver
    # The reply language of a Slack user (their preference, else the policy's).
    lang_of: Callable[[str], str]
    # Wakes the outbox after a commit.
    kick: Callable[[], None]
