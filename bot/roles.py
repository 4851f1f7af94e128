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

from bot.errors import Forbidden
from bot.events import Actor, ActorSource
from bot.policy import Policy

log = logging.getLogger(__name__)


class MembershipUnknown(Exception):
    """Slack could not be asked who is in a user group, and we never knew: not a refusal,
    a failure (the ack says "try again"; the outbox retries)."""


class Role(StrEnum):
    AGENT = "agents"
    TEAM_LEAD = "team_leads"
    ADMIN = "admins"


STAFF = frozenset(Role)
# Who leads the desk: /rapport, the rota's changes, the desk's totals on the Home tab.
LEADS = frozenset({Role.TEAM_LEAD, Role.ADMIN})


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
        self._refreshing: set[str] = set()
        self._lock = threading.Lock()

    def _members(self, group: str) -> frozenset[str]:
        """Cached members; an expired entry is served while a refresh runs in the background,
        so only the very first check of a group after start-up waits for Slack."""
        now = self._monotonic()
        with self._lock:
            hit = self._cache.get(group)
            stale = hit is not None and now - hit[0] >= self._ttl
            if stale and group not in self._refreshing:
                self._refreshing.add(group)
                threading.Thread(target=self._refresh, args=(group,), daemon=True).start()
        if hit is not None:
            return hit[1]
        return self._refresh(group)

    def _refresh(self, group: str) -> frozenset[str]:
        try:
            members = frozenset(self._fetch(group))
        except Exception:
            # Slack unreachable: keep the last known members rather than lock everyone out.
            log.warning(
                "could not refresh user group %s; using cached members", group, exc_info=True
            )
            with self._lock:
                self._refreshing.discard(group)
                hit = self._cache.get(group)
            if hit is None:
                # Never fetched: we cannot tell, and "nobody" would refuse every agent.
                raise MembershipUnknown(group) from None
            return hit[1]
        with self._lock:
            self._cache[group] = (self._monotonic(), members)
            self._refreshing.discard(group)
        return members

    def groups(self) -> set[str]:
        p = self._policy
        named = {g for role in Role for g in getattr(p.roles, role.value).usergroups}
        return named | {cfg.usergroup for cfg in p.routing.lines.values() if cfg.usergroup}

    def warm(self) -> None:
        """Fetch every group now (the scheduler calls this at start and every few minutes)."""
        for group in self.groups():
            self._refresh(group)

    def roles_of(self, user_id: str) -> frozenset[Role]:
        found = set()
        unknown: MembershipUnknown | None = None
        for role in Role:
            entry = getattr(self._policy.roles, role.value)
            if user_id in entry.users:
                found.add(role)
                continue
            for group in entry.usergroups:
                try:
                    if user_id in self._members(group):
                        found.add(role)
                        break
                except MembershipUnknown as exc:
                    unknown = exc
        if not found and unknown is not None:
            raise unknown
        return frozenset(found)

    def lines_of(self, user_id: str) -> frozenset[int]:
        """The resolver lines whose Slack user group has this user."""
        return frozenset(
            line
            for line, cfg in self._policy.routing.lines.items()
            if cfg.usergroup and user_id in self._members(cfg.usergroup)
        )

    def require_actor(self, actor: Actor, allowed: frozenset[Role]) -> None:
        """Roles are Slack's: a Slack user needs one of `allowed`; Balie itself (the SLA
        monitor, the waakdienst) acts on its own authority; a customer's e-mail holds none."""
        if actor.source is ActorSource.SYSTEM:
            return
        if actor.source is ActorSource.SLACK:
            self.require(actor.id, allowed)
            return
        raise Forbidden("error.forbidden", needed=[r.value for r in Role if r in allowed])

    def require(self, user_id: str, allowed: frozenset[Role]) -> frozenset[Role]:
        roles = self.roles_of(user_id)
        if not roles & allowed:
            raise Forbidden("error.forbidden", needed=[r.value for r in Role if r in allowed])
        return roles
