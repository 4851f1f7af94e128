"""The rota as pure rules: rotations expanded in Europe/Amsterdam wall time, overrides on top.

A rotation is an ordered list of engineers who take turns. Its first shift starts at the
handover time on the first handover weekday on or after its anchor date; every next shift
starts `every_days` later *on the calendar*, at the same wall-clock time. So a handover at
08:30 stays at 08:30 across both DST switches, and the shift that spans a switch is one
period in wall time (in UTC it is an hour shorter in March, an hour longer in October).

Overrides win over the rotation everywhere: a take-over gives someone a stretch of time; a
swap is two take-overs (A takes B's shift, B takes A's). Where overrides overlap, the later one
(higher id) wins. Nothing here reads the clock: every function takes its moments.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from itertools import pairwise
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# A search for someone's next shift looks this many turns of the rotation ahead at most.
_SEARCH_TURNS = 3


class Which(StrEnum):
    PRIMARY = "primary"
    BACKUP = "backup"


class OverrideKind(StrEnum):
    TAKE_OVER = "take_over"
    SWAP = "swap"


@dataclass(frozen=True, slots=True)
class Rotation:
    members: tuple[str, ...]
    anchor: date
    handover: time = time(8, 30)
    weekday: int = 0  # Monday
    every_days: int = 7

    def __post_init__(self) -> None:
        if self.every_days < 1:
            raise ValueError("a rotation's period is at least one day")
        if not 0 <= self.weekday <= 6:
            raise ValueError("weekday is 0 (Monday) to 6 (Sunday)")

    @property
    def first_day(self) -> date:
        """The day the first shift starts: the first handover weekday on or after the anchor."""
        return self.anchor + timedelta(days=(self.weekday - self.anchor.weekday()) % 7)

    def start_of(self, k: int) -> datetime:
        """The start of shift k (0 is the first), in UTC, from the wall-clock handover."""
        day = self.first_day + timedelta(days=k * self.every_days)
        return datetime.combine(day, self.handover, tzinfo=AMSTERDAM).astimezone(UTC)

    @property
    def starts_at(self) -> datetime:
        return self.start_of(0)

    def index_at(self, at: datetime) -> int:
        """The shift running at `at`; negative before the rotation starts."""
        local = at.astimezone(AMSTERDAM)
        k = (local.date() - self.first_day).days // self.every_days
        if self.start_of(k) > at:
            k -= 1
        elif self.start_of(k + 1) <= at:
            k += 1
        return k

    def member(self, k: int) -> str | None:
        if k < 0 or not self.members:
            return None
        return self.members[k % len(self.members)]


@dataclass(frozen=True, slots=True)
class Override:
    id: int
    which: Which
    user: str
    start: datetime
    end: datetime
    kind: OverrideKind = OverrideKind.TAKE_OVER
    replaces: str | None = None


@dataclass(frozen=True, slots=True)
class Shift:
    """One turn of a rotation as scheduled, overrides not applied."""

    which: Which
    index: int
    user: str | None
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class Turn:
    """Who has it for a stretch, overrides applied. `scheduled` is who the rotation says;
    `override` the id of the override that gives it to `user` instead (None: the rotation)."""

    which: Which
    user: str | None
    start: datetime
    end: datetime
    scheduled: str | None
    override: int | None = None
    kind: OverrideKind | None = None

    @property
    def duration(self) -> timedelta:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Gap:
    """A stretch in which a rotation has nobody. `start` None: since ever (before the
    rotation began and before any override); `end` None: with no end (an empty rotation).
    The bounds are the gap's own, not a window's, so a gap keeps its key from day to day."""

    start: datetime | None
    end: datetime | None
    which: Which = Which.PRIMARY

    @property
    def key(self) -> str:
        # The primary's keys are as they were before the backup's gaps were told too.
        rotation = "" if self.which is Which.PRIMARY else f"{self.which.value}:"
        return f"gap:{rotation}{_iso(self.start, 'begin')}-{_iso(self.end, 'end')}"

    def overlaps(self, start: datetime, end: datetime) -> bool:
        return (self.start is None or self.start < end) and (self.end is None or self.end > start)


def _iso(at: datetime | None, none: str) -> str:
    return none if at is None else at.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


def shifts(rotation: Rotation, which: Which, start: datetime, end: datetime) -> list[Shift]:
    """The scheduled shifts that overlap [start, end), each whole (not cut to the window)."""
    if end <= start:
        return []
    out: list[Shift] = []
    k = max(rotation.index_at(start), 0)
    while (begin := rotation.start_of(k)) < end:
        out.append(Shift(which, k, rotation.member(k), begin, rotation.start_of(k + 1)))
        k += 1
    return out


@dataclass(frozen=True, slots=True)
class Schedule:
    """The rotations and the live overrides: everything needed to say who has it when."""

    primary: Rotation | None = None
    backup: Rotation | None = None
    overrides: tuple[Override, ...] = field(default=())

    def rotation(self, which: Which) -> Rotation | None:
        return self.primary if which is Which.PRIMARY else self.backup

    def shifts(self, which: Which, start: datetime, end: datetime) -> list[Shift]:
        rotation = self.rotation(which)
        return [] if rotation is None else shifts(rotation, which, start, end)

    def turns(self, which: Which, start: datetime, end: datetime) -> list[Turn]:
        """Who has it over [start, end), overrides applied, cut to the window; stretches
        with nobody are turns with user None."""
        if end <= start:
            return []
        rotation = self.rotation(which)
        scheduled = self.shifts(which, start, end)
        mine = sorted((o for o in self.overrides if o.which is which), key=lambda o: o.id)
        cuts = {start, end}
        cuts.update(s.start for s in scheduled)
        cuts.update(t for o in mine for t in (o.start, o.end))
        points = sorted(t for t in cuts if start <= t <= end)
        pieces: list[Turn] = []
        for a, b in pairwise(points):
            planned = rotation.member(rotation.index_at(a)) if rotation else None
            won = next((o for o in reversed(mine) if o.start <= a and o.end >= b), None)
            if won is None:
                piece = Turn(which, planned, a, b, planned)
            else:
                piece = Turn(which, won.user, a, b, planned, won.id, won.kind)
            pieces.append(piece)
        return _merged(pieces, rotation)

    def at(self, which: Which, at: datetime) -> Turn | None:
        """The turn running at `at`, whole (from its own start to its own end)."""
        return _whole(self, which, at)

    def next_after(self, which: Which, turn: Turn, horizon: timedelta) -> Turn | None:
        """The first turn after `turn` with someone in it, within `horizon`."""
        return next(
            (t for t in self.turns(which, turn.end, turn.end + horizon) if t.user is not None),
            None,
        )

    def gaps(self, start: datetime, end: datetime) -> list[Gap]:
        """The rotations' gaps that overlap [start, end), with their own bounds: the
        primary's first, then the backup's (the chain then goes from the primary straight to
        the team leads). A team without a backup rotation has chosen so: no gap there."""
        kept = [w for w in Which if w is Which.PRIMARY or self.rotation(w) is not None]
        return [
            g
            for which in kept
            for g in all_gaps(self.rotation(which), self.overrides, which)
            if g.overlaps(start, end)
        ]


def _merged(pieces: Sequence[Turn], rotation: Rotation | None) -> list[Turn]:
    """Adjacent pieces of one turn (same person, same override, same scheduled shift) as one.
    An override across a handover is one turn: its engineer keeps it, nobody hands over; it
    names whom it replaced first."""
    out: list[Turn] = []
    for p in pieces:
        if out and _same_turn(out[-1], p, rotation):
            first = out[-1]
            out[-1] = Turn(p.which, p.user, first.start, p.end, first.scheduled, p.override, p.kind)
        else:
            out.append(p)
    return out


def _same_turn(a: Turn, b: Turn, rotation: Rotation | None) -> bool:
    if (a.user, a.override) != (b.user, b.override):
        return False
    if a.override is not None or rotation is None:
        return True
    # Two shifts in a row of one engineer (a rotation of one) are still two turns: a handover.
    return rotation.index_at(a.start) == rotation.index_at(b.start)


def _whole(schedule: Schedule, which: Which, at: datetime) -> Turn | None:
    """The turn at `at`, widened to its real bounds by looking one period either side."""
    rotation = schedule.rotation(which)
    period = timedelta(days=rotation.every_days if rotation else 7)
    span = [o for o in schedule.overrides if o.which is which and o.start <= at < o.end]
    reach = max([period, *((o.end - o.start) for o in span)]) + timedelta(days=1)
    around = schedule.turns(which, at - reach, at + reach)
    return next((t for t in around if t.start <= at < t.end), None)


def all_gaps(
    rotation: Rotation | None, overrides: Iterable[Override], which: Which = Which.PRIMARY
) -> list[Gap]:
    """Where a rotation has nobody: before it starts (always, for an empty or missing
    rotation), except where an override of that rotation gives it to someone."""
    covered_from = rotation.starts_at if rotation is not None and rotation.members else None
    spans = sorted((o.start, o.end) for o in overrides if o.which is which and o.end > o.start)
    gaps: list[Gap] = []
    cursor: datetime | None = None  # None: since ever
    for s, e in spans:
        if covered_from is not None and s >= covered_from:
            break
        if cursor is None or s > cursor:
            # s is before the rotation starts (or there is none): the gap ends where it begins.
            gaps.append(Gap(cursor, s, which))
        cursor = e if cursor is None else max(cursor, e)
    if covered_from is None:
        gaps.append(Gap(cursor, None, which))
    elif cursor is None or cursor < covered_from:
        gaps.append(Gap(cursor, covered_from, which))
    return gaps


def handovers(turns: Iterable[Turn]) -> list[Turn]:
    """The turns that begin with someone taking over from someone else (or from nobody)."""
    out: list[Turn] = []
    previous: Turn | None = None
    for t in turns:
        if t.user is not None and (previous is None or previous.user != t.user):
            out.append(t)
        previous = t
    return out


def latest_handover(rotation_day: int, handover: time, now: datetime) -> date:
    """The day of the most recent handover (weekday `rotation_day`, at `handover`) at or
    before `now`: where a rotation set up now starts, so its first member has it now."""
    local = now.astimezone(AMSTERDAM)
    day = local.date() - timedelta(days=(local.weekday() - rotation_day) % 7)
    if datetime.combine(day, handover, tzinfo=AMSTERDAM) > local:
        day -= timedelta(days=7)
    return day


def next_turn_of(schedule: Schedule, which: Which, user: str, after: datetime) -> Turn | None:
    """`user`'s first turn, overrides applied, that is running at or starts after `after`,
    whole: the shift they really have, not the one scheduled."""
    rotation = schedule.rotation(which)
    period = rotation.every_days * max(len(rotation.members), 1) if rotation else 7
    horizon = timedelta(days=period * _SEARCH_TURNS)
    found = next((t for t in schedule.turns(which, after, after + horizon) if t.user == user), None)
    # Turns are cut to the window they were asked for; the swap takes the turn whole.
    return None if found is None else schedule.at(which, found.start)


def swap(
    schedule: Schedule, which: Which, a: str, b: str, after: datetime
) -> tuple[tuple[str, Turn], tuple[str, Turn]] | None:
    """A swap as two take-overs: (who takes, whose turn). B takes A's next turn, A takes
    B's next turn (both from `after`, overrides applied: a shift someone else has taken over
    is not theirs to swap); None when one of them has no turn coming."""
    ta, tb = next_turn_of(schedule, which, a, after), next_turn_of(schedule, which, b, after)
    if ta is None or tb is None:
        return None
    return (b, ta), (a, tb)
