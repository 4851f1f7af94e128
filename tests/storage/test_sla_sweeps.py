"""The SLA monitor's last caught-up sweep: one shared high-water mark for every replica."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from storage import sla
from storage.db import make_sessionmaker
from tests.conftest import Database

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def test_no_sweep_recorded_on_a_new_database(database: Database) -> None:
    sessions = make_sessionmaker(database.engine)
    with sessions() as session:
        assert sla.last_sweep(session=session) is None


def test_the_latest_sweep_of_any_replica_counts(database: Database) -> None:
    sessions = make_sessionmaker(database.engine)
    with sessions.begin() as session:
        sla.record_sweep(session=session, at=T0 + timedelta(seconds=30, microseconds=7))
    # A replica whose sweep began earlier commits later: it does not set the time back.
    with sessions.begin() as session:
        sla.record_sweep(session=session, at=T0)
    with sessions() as session:
        assert sla.last_sweep(session=session) == T0 + timedelta(seconds=30, microseconds=7)


def test_a_rolled_back_sweep_records_nothing(database: Database) -> None:
    sessions = make_sessionmaker(database.engine)
    session = sessions()
    session.begin()
    sla.record_sweep(session=session, at=T0)
    session.rollback()
    session.close()
    with sessions() as session:
        assert sla.last_sweep(session=session) is None


def test_replicas_recording_at_once_keep_the_latest(database: Database) -> None:
    sessions = make_sessionmaker(database.engine)
    moments = [T0 + timedelta(seconds=s) for s in range(40)]
    errors: list[BaseException] = []

    def replica(mine: list[datetime]) -> None:
        try:
            for at in mine:
                with sessions.begin() as session:
                    sla.record_sweep(session=session, at=at)
        except BaseException as exc:  # reported below, in the test's own thread
            errors.append(exc)

    threads = [threading.Thread(target=replica, args=(moments[i::4],)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with sessions() as session:
        assert sla.last_sweep(session=session) == moments[-1]
