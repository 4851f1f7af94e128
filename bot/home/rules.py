"""The App Home's rules, pure: whose Home a change touches, the order of an agent's tickets,
the SLA countdowns, and when a published Home goes out of date by time alone."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.sla.rules import ClockKind, ClockState, ClockStatus

# A burst of changes (a ticket taken, reclassified and noted within a second or two) is one
# views.publish per user: the republish goes this long after the first change of the burst.
DEBOUNCE = timedelta(seconds=2)
# While a Home shows a clock that is counting, its countdowns are brought up to date this
# often; the thresholds themselves (75 %, 90 %, the breach) republish at once.
COUNTDOWN_REFRESH = timedelta(minutes=15)
# Homes are refreshed by time only for users who opened theirs this recently: Slack keeps
# showing the last view, but nobody who has not looked in a day needs it redrawn.
ACTIVE_FOR = timedelta(hours=12)
# What one Home lists (Slack allows 100 blocks in a view; each ticket is one block).
MINE_SHOWN = 20
RISKS_SHOWN = 20


@dataclass(frozen=True, slots=True)
class Viewer:
    """A Home as last published: the lines whose tickets at risk it lists, and whether it has
    the desk's totals (team leads and admins)."""

    user: str
    lines: frozenset[int]
    lead: bool


@dataclass(frozen=True, slots=True)
class Touched:
    """What one change to a ticket can alter on a Home.

    `people`: its assignee, and the previous one when it changed hands. `lines`: its line, and
    the previous one when it moved. `on_risk_lists`: whether it is (or was) on the lines'
    lists of tickets at risk: only then do the Homes of those lines change."""

    people: frozenset[str]
    lines: frozenset[int]
    on_risk_lists: bool


def who_sees(touched: Touched, viewers: Iterable[Viewer]) -> set[str]:
    """The users whose Home shows something this change altered: their own tickets, their
    lines' tickets at risk, or (team leads) the desk's totals, which every change can move."""
    return {
        v.user
        for v in viewers
        if v.lead or v.user in touched.people or (touched.on_risk_lists and v.lines & touched.lines)
    }


def lines_shown(
    *,
    lead: bool,
    own_lines: Collection[int],
    assigned_lines: Collection[int],
    every: Collection[int],
) -> frozenset[int]:
    """The lines whose tickets at risk a Home lists: a team lead's, the whole desk; an agent's,
    the lines of their Slack user group plus the lines of the tickets they hold (someone
    helping out on another line sees what burns there too). An agent in no line's group (the
    policy names none, as Korton's default does) works for the whole desk, and sees it all."""
    if lead or not own_lines:
        return frozenset(every)
    return frozenset(own_lines) | frozenset(assigned_lines)


@dataclass(frozen=True, slots=True)
class Countdown:
    """One clock as the Home shows it, as of the moment it was published."""

    kind: ClockKind
    state: ClockState
    deadline: datetime | None
    remaining: timedelta
    percent: int
    # Still counting (not met, not cancelled): only a live clock is urgent or at risk.
    live: bool

    @classmethod
    def of(cls, s: ClockStatus) -> Countdown:
        return cls(
            kind=s.kind,
            state=s.state,
            deadline=s.deadline,
            remaining=s.remaining,
            percent=int(s.fraction * 100),
            live=not s.stopped,
        )


def live(clocks: Iterable[Countdown]) -> list[Countdown]:
    return [c for c in clocks if c.live]


def next_deadline(clocks: Iterable[Countdown]) -> datetime | None:
    """The earliest deadline of a clock still counting; None when none has one (all met,
    or paused before the target was reached)."""
    return min((c.deadline for c in live(clocks) if c.deadline is not None), default=None)


def worst(clocks: Iterable[Countdown]) -> Countdown | None:
    """The live clock closest to (or furthest past) its target."""
    return max(
        live(clocks), key=lambda c: (c.state is ClockState.BREACHED, c.percent), default=None
    )


_FAR = datetime.max.replace(tzinfo=UTC)


def urgency(rank: int, clocks: Sequence[Countdown], number: str) -> tuple[int, int, datetime, str]:
    """An agent's own tickets, most urgent first: by priority (the policy's order), then a
    breached clock first, then the nearest SLA deadline, then the ticket number."""
    deadline = next_deadline(clocks)
    breached = any(c.state is ClockState.BREACHED for c in live(clocks))
    at = deadline if deadline is not None else _FAR
    return (rank, 0 if breached else 1, at, number)


def risk_order(clocks: Sequence[Countdown], number: str) -> tuple[int, timedelta, str]:
    """A line's tickets at risk: breached first, then by how little time is left."""
    w = worst(clocks)
    if w is None:
        return (2, timedelta.max, number)
    return (0 if w.state is ClockState.BREACHED else 1, w.remaining, number)


def stale_at(
    *, now: datetime, rota_changes: Iterable[datetime | None], counting: bool
) -> datetime | None:
    """When a Home published `now` is out of date by time alone: the waakdienst's next
    handover, or (while it shows a clock that counts) the next countdown refresh."""
    moments = [m for m in rota_changes if m is not None and m > now]
    if counting:
        moments.append(now + COUNTDOWN_REFRESH)
    return min(moments, default=None)
