"""Who may do what, from the policy's users and Slack user groups.

User-group membership is fetched from Slack and cached for a few minutes: a role check sits on
the ack path of every command, and Slack's usergroups.users.list is rate-limited (tier 2).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from enum import StrEnum

from bot.domain.errors import Forbidden
from bot.policy import Policy

log = logging.getLogger(__name__)


class Role(StrEnum):
    AGENT = "agents"
    TEAM_LEAD = "team_leads"
    ADMIN = "admins"


STAFF = frozenset(Role)


class RoleResolver:
    def __init__(
        self,
        policy: Policy,
        fetch_usergroup: Callable[[str], list[str]],
        ttl_seconds: float = 300.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._policy = policy
        self._fetch = fetch_usergroup
        self._ttl = ttl_seconds
        self._monotonic = monotonic
        self._cache: dict[str, tuple[float, frozenset[str]]] = {}
        self._lock = threading.Lock()

    def _members(self, group: str) -> frozenset[str]:
        now = self._monotonic()
        with self._lock:
            hit = self._cache.get(group)
        if hit and now - hit[0] < self._ttl:
            return hit[1]
        try:
            members = frozenset(self._fetch(group))
        except Exception:
            # Slack unreachable: keep the last known members rather than lock everyone out,
            # and say so in the log.
            log.warning(
                "could not refresh user group %s; using cached members", group, exc_info=True
            )
            return hit[1] if hit else frozenset()
        with self._lock:
            self._cache[group] = (now, members)
        return members

    def roles_of(self, user_id: str) -> frozenset[Role]:
        found = set()
        for role in Role:
            entry = getattr(self._policy.roles, role.value)
            if user_id in entry.users or any(user_id in self._members(g) for g in entry.usergroups):
                found.add(role)
        return frozenset(found)

    def lines_of(self, user_id: str) -> frozenset[int]:
        """The resolver lines whose Slack user group has this user."""
        return frozenset(
            line
            for line, cfg in self._policy.routing.lines.items()
            if cfg.usergroup and user_id in self._members(cfg.usergroup)
        )

    def require(self, user_id: str, allowed: frozenset[Role]) -> frozenset[Role]:
        roles = self.roles_of(user_id)
        if not roles & allowed:
            raise Forbidden("error.forbidden", needed=[r.value for r in Role if r in allowed])
        return roles
