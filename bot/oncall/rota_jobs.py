"""The rota's periodic sweep: handover notices and the user group at each handover, and the
daily gap report.

Each notice is claimed in the database (storage.rota.claim, insert-or-ignore) in the same
transaction that enqueues its outbox rows, so it goes out exactly once across restarts and
replicas; a sweep that finds everything claimed writes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.oncall.rota import load_schedule
from bot.oncall.rota_payloads import RotaGaps, RotaHandover, RotaUserGroup
from bot.oncall.rules.rota import AMSTERDAM, Gap, Schedule, Turn, Which
from bot.outbox.payloads import Payload, enqueue_many
from bot.policy import Policy
from storage import rota as store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RotaSweep:
    handovers: tuple[Turn, ...]  # the handovers announced by this sweep (primary first)
    gaps: tuple[Gap, ...]  # the gaps reported by this sweep

    @property
    def handover(self) -> Turn | None:
        """The primary's handover announced by this sweep, if any."""
        return next((t for t in self.handovers if t.which is Which.PRIMARY), None)


def handover_key(turn: Turn) -> str:
    start = turn.start.astimezone(UTC).isoformat()
    return f"handover:{turn.which.value}:{start}:{turn.user}"


def report_key(now: datetime) -> str:
    return f"gap_report:{now.astimezone(AMSTERDAM).date().isoformat()}"


class RotaJobs:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        policy: Policy,
        clock: Clock,
        readers: sessionmaker[Session] | None = None,
        after_commit: Callable[[], None] = lambda: None,
    ) -> None:
        self.sessions = sessions
        self.readers = readers or sessions
        self.policy = policy
        self.clock = clock
        self._after_commit = after_commit

    def _report_due(self, now: datetime) -> bool:
        return now.astimezone(AMSTERDAM).time() >= self.policy.waakdienst.gap_report_at

    def _window(self, now: datetime) -> tuple[datetime, datetime]:
        return now, now + timedelta(days=self.policy.waakdienst.gap_days)

    def _todo(self, session: Session, now: datetime) -> tuple[Schedule, tuple[Turn, ...], bool]:
        """The schedule, the handovers not yet told (of both rotations) and whether the
        day's gap report is due and not yet made."""
        start, end = self._window(now)
        schedule = load_schedule(session, start, end)
        running = [schedule.at(which, now) for which in Which]
        turns = [t for t in running if t is not None and t.user is not None]
        due = self._report_due(now)
        keys = {handover_key(t) for t in turns} | ({report_key(now)} if due else set())
        done = store.claimed(session=session, keys=keys)
        todo = tuple(t for t in turns if handover_key(t) not in done)
        return schedule, todo, due and report_key(now) not in done

    def sweep(self) -> RotaSweep:
        now = self.clock.now()
        # A read first: nearly every sweep finds nothing new, and then takes no write lock.
        with self.readers() as session:
            _, handovers, report = self._todo(session, now)
        if not handovers and not report:
            return RotaSweep((), ())
        with self.sessions.begin() as session:
            schedule, handovers, report = self._todo(session, now)
            won = store.claim(session=session, keys={handover_key(t) for t in handovers}, now=now)
            handovers = tuple(t for t in handovers if handover_key(t) in won)
            rows = [row for t in handovers for row in _handover_rows(t)]
            gaps: tuple[Gap, ...] = ()
            if report and store.claim(session=session, keys={report_key(now)}, now=now):
                gaps = self._new_gaps(session, schedule, now)
                if gaps:
                    rows.append((_gaps_payload(gaps), None))
            enqueue_many(session=session, rows=rows, now=now)
        if rows:
            self._after_commit()
        return RotaSweep(handovers, gaps)

    def _new_gaps(self, session: Session, schedule: Schedule, now: datetime) -> tuple[Gap, ...]:
        gaps = schedule.gaps(*self._window(now))
        won = store.claim(session=session, keys={g.key for g in gaps}, now=now)
        if gaps:
            log.info("rota: %d gap(s) in the next days, %d new", len(gaps), len(won))
        return tuple(g for g in gaps if g.key in won)


def _handover_rows(turn: Turn) -> list[tuple[Payload, str | None]]:
    """The DM to whoever has it now and the leads' line, for either rotation; the user
    group holds the primary only (it is who @waakdienst reaches)."""
    assert turn.user is not None
    fields = {"which": turn.which.value, "user": turn.user, "start": turn.start, "end": turn.end}
    rows: list[tuple[Payload, str | None]] = [
        (RotaHandover.model_validate({**fields, "where": "dm"}), None),
        (RotaHandover.model_validate({**fields, "where": "leads"}), None),
    ]
    if turn.which is Which.PRIMARY:
        rows.append((RotaUserGroup(), "rota:usergroup"))
    return rows


def _gaps_payload(gaps: tuple[Gap, ...]) -> RotaGaps:
    def spans(which: Which) -> tuple[tuple[datetime | None, datetime | None], ...]:
        return tuple((g.start, g.end) for g in gaps if g.which is which)

    return RotaGaps(gaps=spans(Which.PRIMARY), backup=spans(Which.BACKUP))
