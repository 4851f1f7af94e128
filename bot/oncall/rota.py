"""The rota as a service: who has the waakdienst when (the chain engine's `OnCall`), the
overview `/waakdienst` shows, and the changes team leads and admins make.

Every answer reads the rotations and the live overrides from the database and leaves the rest
to the pure rules (bot.oncall.rules.rota), so an override wins wherever anyone asks: the
pager, the overview, the handover notices and the user group.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.errors import InvalidInput
from bot.oncall.rota_inputs import PhoneChange, RotationChange, SwapRequest, TakeOver
from bot.oncall.rules.rota import (
    Gap,
    Override,
    OverrideKind,
    Rotation,
    Schedule,
    Turn,
    Which,
    latest_handover,
    swap,
)
from bot.oncall.targets import Targets
from bot.policy import Policy
from bot.roles import LEADS, RoleResolver
from storage import rota as store
from storage.models import RotaOverride, RotaRotation

# Overrides that ended this long before a question are no longer read: no turn is longer.
_LOOKBACK = timedelta(days=120)
# Who is next is looked for this far ahead.
_NEXT_HORIZON = timedelta(days=120)


@dataclass(frozen=True, slots=True)
class Overview:
    """What `/waakdienst` shows: now, next, and the coming weeks per rotation."""

    at: datetime
    until: datetime
    now: dict[Which, Turn | None]
    next: dict[Which, Turn | None]
    coming: dict[Which, list[Turn]]
    rotations: dict[Which, Rotation | None]
    gaps: list[Gap]


def rotation_of(row: RotaRotation) -> Rotation:
    hours, minutes = (int(x) for x in row.handover_time.split(":"))
    return Rotation(
        members=tuple(row.members),
        anchor=row.anchor,
        handover=time(hours, minutes),
        weekday=row.handover_weekday,
        every_days=row.period_days,
    )


def override_of(row: RotaOverride) -> Override:
    return Override(
        id=row.id,
        which=Which(row.rotation),
        user=row.user_id,
        start=row.starts_at,
        end=row.ends_at,
        kind=OverrideKind(row.kind),
        replaces=row.replaces,
    )


def load_schedule(session: Session, start: datetime, end: datetime | None = None) -> Schedule:
    """The rotations and the overrides that can matter for [start, end)."""
    by_name = {row.name: rotation_of(row) for row in store.rotations(session=session)}
    rows = store.live_overrides(
        session=session,
        after=start - _LOOKBACK,
        before=None if end is None else end + _LOOKBACK,
    )
    return Schedule(
        primary=by_name.get(Which.PRIMARY.value),
        backup=by_name.get(Which.BACKUP.value),
        overrides=tuple(override_of(r) for r in rows),
    )


class Rota:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        policy: Policy,
        clock: Clock,
        roles: RoleResolver,
        readers: sessionmaker[Session] | None = None,
        after_commit: Callable[[], None] = lambda: None,
    ) -> None:
        self.sessions = sessions
        self.readers = readers or sessions
        self.policy = policy
        self.clock = clock
        self.roles = roles
        self._after_commit = after_commit

    # --- OnCall ---------------------------------------------------------------------------

    def targets(self, at: datetime) -> Targets:
        schedule = self.schedule(at)
        primary, backup = schedule.at(Which.PRIMARY, at), schedule.at(Which.BACKUP, at)
        return Targets(
            primary=primary.user if primary else None, backup=backup.user if backup else None
        )

    def phone(self, user: str) -> str | None:
        with self.readers() as session:
            row = store.engineer(session=session, user_id=user)
            return row.phone if row is not None and row.phone else None

    # --- queries --------------------------------------------------------------------------

    def schedule(self, start: datetime, end: datetime | None = None) -> Schedule:
        with self.readers() as session:
            return load_schedule(session, start, end)

    def turn_at(self, which: Which, at: datetime) -> Turn | None:
        """The whole turn running at `at` (overrides applied), or None with nobody on it."""
        turn = self.schedule(at).at(which, at)
        return turn if turn is not None and turn.user is not None else None

    def turns(self, which: Which, start: datetime, end: datetime) -> list[Turn]:
        return self.schedule(start, end).turns(which, start, end)

    def gaps(self, start: datetime, end: datetime) -> list[Gap]:
        return self.schedule(start, end).gaps(start, end)

    def overview(self, weeks: int = 4, at: datetime | None = None) -> Overview:
        at = at or self.clock.now()
        until = at + timedelta(weeks=weeks)
        s = self.schedule(at, until + _NEXT_HORIZON)
        now: dict[Which, Turn | None] = {}
        upcoming: dict[Which, Turn | None] = {}
        for which in Which:
            current = s.at(which, at)
            now[which] = current if current is not None and current.user is not None else None
            upcoming[which] = (
                None if current is None else s.next_after(which, current, _NEXT_HORIZON)
            )
        return Overview(
            at=at,
            until=until,
            now=now,
            next=upcoming,
            coming={w: s.turns(w, at, until) for w in Which},
            rotations={w: s.rotation(w) for w in Which},
            gaps=s.gaps(at, until),
        )

    # --- changes (team leads and admins) --------------------------------------------------

    def set_rotation(self, actor: str, change: RotationChange) -> Rotation:
        self.roles.require(actor, LEADS)
        defaults = self.policy.waakdienst.rotation
        weekday, at = change.handover or defaults.handover
        every = change.every_days or defaults.every.days
        now = self.clock.now()
        anchor = change.anchor or latest_handover(weekday, at, now)
        with self.sessions.begin() as session:
            for user in change.members:
                if store.engineer(session=session, user_id=user) is None:
                    store.save_engineer(session=session, user_id=user, now=now)
            row = store.save_rotation(
                session=session,
                name=change.which.value,
                members=change.members,
                period_days=every,
                handover_weekday=weekday,
                handover_time=at.strftime("%H:%M"),
                anchor=anchor,
                actor=actor,
                now=now,
            )
            rotation = rotation_of(row)
        self._after_commit()
        return rotation

    def take_over(self, actor: str, request: TakeOver) -> Override:
        self.roles.require(actor, LEADS)
        now = self.clock.now()
        start = request.start or now
        with self.sessions.begin() as session:
            schedule = load_schedule(session, start)
            end = request.end or _shift_end(schedule, request.which, start)
            _check_span(start, end, now)
            planned = schedule.shifts(request.which, start, start + timedelta(seconds=1))
            row = store.add_override(
                session=session,
                rotation=request.which.value,
                user_id=request.user,
                starts_at=start,
                ends_at=end,
                kind=OverrideKind.TAKE_OVER.value,
                replaces=planned[0].user if planned else None,
                created_by=actor,
                now=now,
            )
            made = override_of(row)
        self._after_commit()
        return made

    def swap(self, actor: str, request: SwapRequest) -> tuple[Override, Override]:
        """B takes A's next shift and A takes B's, as two overrides in one transaction."""
        self.roles.require(actor, LEADS)
        if request.a == request.b:
            raise InvalidInput.one("user", "rota.swap_same", user=request.a)
        now = self.clock.now()
        after = request.after or now
        with self.sessions.begin() as session:
            schedule = load_schedule(session, after)
            plan = swap(schedule, request.which, request.a, request.b, after)
            if plan is None:
                raise _no_shift(schedule, request)
            made = []
            for taker, turn in plan:
                row = store.add_override(
                    session=session,
                    rotation=request.which.value,
                    user_id=taker,
                    starts_at=max(turn.start, now),
                    ends_at=turn.end,
                    kind=OverrideKind.SWAP.value,
                    replaces=turn.user,
                    created_by=actor,
                    now=now,
                )
                made.append(override_of(row))
        self._after_commit()
        return made[0], made[1]

    def set_phone(self, actor: str, change: PhoneChange) -> None:
        self.roles.require(actor, LEADS)
        with self.sessions.begin() as session:
            store.save_engineer(
                session=session, user_id=change.user, phone=change.phone, now=self.clock.now()
            )


def _shift_end(schedule: Schedule, which: Which, start: datetime) -> datetime:
    """Without an end, a take-over runs to the end of the turn it starts in (overrides
    applied, so it never runs over someone else's take-over). A stretch with nobody in it
    has no end to run to: then the end must be said."""
    turn = schedule.at(which, start)
    if turn is None or turn.user is None:
        raise InvalidInput.one("until", "rota.until_required")
    return turn.end


def _check_span(start: datetime, end: datetime, now: datetime) -> None:
    if end <= start:
        raise InvalidInput.one("until", "rota.until_before_from")
    if end <= now:
        raise InvalidInput.one("until", "rota.until_past")


def _no_shift(schedule: Schedule, request: SwapRequest) -> InvalidInput:
    rotation = schedule.rotation(request.which)
    members = rotation.members if rotation else ()
    problems = {
        f"user_{i}": ("rota.swap_no_shift", {"user": user})
        for i, user in enumerate((request.a, request.b))
        if user not in members
    }
    return InvalidInput(problems or {"user": ("rota.swap_no_shift_soon", {})})
