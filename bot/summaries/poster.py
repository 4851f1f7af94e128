"""The scheduled summaries, as a periodic sweep (every 30 s): claim, then enqueue.

Each sweep asks the schedule (bot.summaries.schedule) which summary is due for each kind and
target (a channel with a scope: a line's channel its line, the team leads' channel the whole
desk), claims it in summary_claims by (kind, channel, scope, period end) and, in the same
transaction, enqueues the outbox row that posts it. A claim made by another replica, or before
a restart, is not made again: the summary is posted once. The figures and the chart are made at
delivery (bot.summaries.delivery), so a slow chart never holds a transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.outbox.payloads import Payload, enqueue_many
from bot.policy import Policy, SummaryPosts
from bot.summaries.model import Scope, SummaryKind
from bot.summaries.payloads import SummaryPost, scope_key
from bot.summaries.schedule import Schedule, when_of
from storage import summary_claims as store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Target:
    channel: str
    scope: Scope


def targets_of(policy: Policy, posts: SummaryPosts) -> list[Target]:
    """Where a kind of summary goes, in the policy's order, each channel and scope once."""
    found: list[Target] = []
    for entry in posts.to:
        if entry == "lines":
            found += [
                Target(policy.line(n).channel, Scope(line=n)) for n in sorted(policy.routing.lines)
            ]
        elif entry == "team_leads":
            found.append(Target(policy.channels.team_leads, Scope()))
        else:
            found.append(Target(entry, Scope()))
    return list(dict.fromkeys(found))


class SummaryPoster:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        readers: sessionmaker[Session],
        policy: Policy,
        clock: Clock,
        after_commit: Callable[[], None] = lambda: None,
    ) -> None:
        self.sessions = sessions
        self.readers = readers
        self.policy = policy
        self.clock = clock
        self.schedule = Schedule(policy.calendar, ZoneInfo(policy.office_hours.timezone))
        self._after_commit = after_commit
        config = policy.summaries
        self.kinds: dict[SummaryKind, SummaryPosts] = {
            kind: posts
            for kind, posts in (
                (SummaryKind.DAY, config.day),
                (SummaryKind.MORNING, config.morning),
                (SummaryKind.WEEK, config.week),
                (SummaryKind.MONTH, config.month),
            )
            if posts.enabled and posts.to
        }

    def sweep(self) -> list[SummaryPost]:
        """Claim and enqueue what is due now; returns the summaries this process claimed."""
        now = self.clock.now()
        due: list[SummaryPost] = []
        with self.readers() as session:
            # Nearly every sweep finds nothing due: it looks without the write lock.
            for kind, posts in self.kinds.items():
                when = when_of(posts)
                slot = self.schedule.latest(kind, when, now)
                if slot is None:
                    continue
                last = store.last_ends(session=session, kind=kind.value)
                for target in targets_of(self.policy, posts):
                    last_end = last.get((target.channel, scope_key(target.scope)))
                    if not self.schedule.due(slot, now, last_end=last_end):
                        continue
                    period = self.schedule.period(slot, when, last_end=last_end)
                    before = self.schedule.previous(kind, when, period)
                    due.append(
                        SummaryPost(
                            summary=kind,
                            channel=target.channel,
                            line=target.scope.line,
                            start=period.start,
                            end=period.end,
                            before_start=before.start,
                            before_end=before.end,
                        )
                    )
        if not due:
            return []
        claimed: list[SummaryPost] = []
        with self.sessions.begin() as session:
            for post in due:
                if store.claim(
                    session=session,
                    kind=post.summary.value,
                    channel=post.channel,
                    scope=scope_key(post.scope),
                    start=post.start,
                    end=post.end,
                    now=now,
                ):
                    claimed.append(post)
            # One channel's summaries go out in the order they were claimed.
            rows: list[tuple[Payload, str | None]] = [
                (post, f"summary:{post.channel}") for post in claimed
            ]
            enqueue_many(session=session, rows=rows, now=now)
        if claimed:
            log.info(
                "claimed %d summaries: %s",
                len(claimed),
                ", ".join(
                    f"{p.summary.value} {p.channel} until {p.end:%Y-%m-%d %H:%M}" for p in claimed
                ),
            )
            self._after_commit()
        return claimed
