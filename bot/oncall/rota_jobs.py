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
    handover: Turn | None  # the handover announced by this sweep
    gaps: tuple[Gap, ...]  # the gaps reported by this sweep


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

    def _todo(self, session: Session, now: datetime) -> tuple[Schedule, Turn | None, bool]:
        start, end = self._window(now)
        schedule = load_schedule(session, start, end)
        turn = schedule.at(Which.PRIMARY, now)
        if turn is not None and turn.user is None:
            turn = None
        due = self._report_due(now)
        keys = {handover_key(t) for t in (turn,) if t is not None} | (
            {report_key(now)} if due else set()
        )
        done = store.claimed(session=session, keys=keys)
        handover = turn if turn is not None and handover_key(turn) not in done else None
        return schedule, handover, due and report_key(now) not in done

    def sweep(self) -> RotaSweep:
        now = self.clock.now()
        # A read first: nearly every sweep finds nothing new, and then takes no write lock.
        with self.readers() as session:
            _, handover, report = self._todo(session, now)
        if handover is None and not report:
            return RotaSweep(None, ())
        with self.sessions.begin() as session:
            schedule, handover, report = self._todo(session, now)
            rows: list[tuple[Payload, str | None]] = []
            if handover is not None and store.claim(
                session=session, keys={handover_key(handover)}, now=now
            ):
                rows += _handover_rows(handover)
            else:
                handover = None
            gaps: tuple[Gap, ...] = ()
            if report and store.claim(session=session, keys={report_key(now)}, now=now):
                gaps = self._new_gaps(session, schedule, now)
                if gaps:
                    rows.append((RotaGaps(gaps=tuple((g.start, g.end) for g in gaps)), None))
            enqueue_many(session=session, rows=rows, now=now)
        if rows:
            self._after_commit()
        return RotaSweep(handover, gaps)

    def _new_gaps(self, session: Session, schedule: Schedule, now: datetime) -> tuple[Gap, ...]:
        gaps = schedule.gaps(*self._window(now))
        won = store.claim(session=session, keys={g.key for g in gaps}, now=now)
        if gaps:
            log.info("rota: %d gap(s) in the next days, %d new", len(gaps), len(won))
        return tuple(g for g in gaps if g.key in won)


def _handover_rows(turn: Turn) -> list[tuple[Payload, str | None]]:
    assert turn.user is not None
    fields = {"which": turn.which.value, "user": turn.user, "start": turn.start, "end": turn.end}
    return [
        (RotaHandover.model_validate({**fields, "where": "dm"}), None),
        (RotaHandover.model_validate({**fields, "where": "leads"}), None),
        (RotaUserGroup(), "rota:usergroup"),
    ]
