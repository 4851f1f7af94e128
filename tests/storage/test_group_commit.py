from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text

from storage import outbox
from storage.db import make_sessionmaker
from storage.group_commit import BatchFailed, GroupCommit
from storage.models import OutboxItem
from tests.conftest import Database


class Recorder:
    """A write function that records its batches; `hold` keeps the first batch waiting, so the
    rows submitted meanwhile are known to queue behind it."""

    def __init__(self, fail: Callable[[Sequence[int]], bool] = lambda _b: False) -> None:
        self.batches: list[list[int]] = []
        self.hold = threading.Event()
        self.hold.set()
        self.entered = threading.Event()
        self.fail = fail

    def __call__(self, rows: Sequence[int]) -> None:
        self.entered.set()
        self.hold.wait(10)
        if self.fail(rows):
            raise RuntimeError(f"disk full at {list(rows)}")
        self.batches.append(list(rows))


class Submitters:
    """One thread per row, each calling submit; join() gives each row's error (or None)."""

    def __init__(self, gc: GroupCommit[int], rows: Sequence[int]) -> None:
        self.outcome: dict[int, BaseException | None] = {}
        self.threads = [threading.Thread(target=self._run, args=(gc, r)) for r in rows]
        for thread in self.threads:
            thread.start()

    def _run(self, gc: GroupCommit[int], row: int) -> None:
        try:
            gc.submit(row)
            self.outcome[row] = None
        except BaseException as exc:
            self.outcome[row] = exc

    def join(self) -> dict[int, BaseException | None]:
        for thread in self.threads:
            thread.join(10)
            assert not thread.is_alive(), "a submitter was left waiting"
        return self.outcome


def wait_queued(gc: GroupCommit[int], count: int) -> None:
    deadline = time.monotonic() + 10
    while len(gc._queue) < count:
        assert time.monotonic() < deadline, "rows did not queue"
        time.sleep(0.001)


def queued_behind_a_write(
    gc: GroupCommit[int], write: Recorder, rows: list[int]
) -> tuple[dict[int, BaseException | None], dict[int, BaseException | None]]:
    """Row 0 is being written while `rows` arrive, so they queue behind it; then the write
    finishes. Returns each side's outcome."""
    write.hold.clear()
    first = Submitters(gc, [0])
    assert write.entered.wait(10)
    rest = Submitters(gc, rows)
    wait_queued(gc, len(rows))
    write.hold.set()
    return first.join(), rest.join()


def test_a_row_alone_is_written_at_once_by_its_own_thread() -> None:
    write = Recorder()
    gc: GroupCommit[int] = GroupCommit(write)
    gc.submit(1)
    gc.submit(2)
    assert write.batches == [[1], [2]]


def test_rows_that_arrive_during_a_write_are_written_together_by_the_next_leader() -> None:
    write = Recorder()
    gc: GroupCommit[int] = GroupCommit(write)
    first, rest = queued_behind_a_write(gc, write, list(range(1, 21)))
    assert first == {0: None}
    assert rest == dict.fromkeys(range(1, 21))
    assert write.batches[0] == [0]
    assert sorted(write.batches[1]) == list(range(1, 21))
    assert len(write.batches) == 2


def test_a_batch_never_exceeds_max_batch() -> None:
    write = Recorder()
    gc: GroupCommit[int] = GroupCommit(write, max_batch=4)
    queued_behind_a_write(gc, write, list(range(1, 11)))
    assert [len(b) for b in write.batches] == [1, 4, 4, 2]
    assert sorted(r for b in write.batches for r in b) == list(range(11))


def test_a_failed_batch_fails_each_of_its_rows_and_the_next_batch_still_commits() -> None:
    write = Recorder(fail=lambda rows: 3 in rows)
    gc: GroupCommit[int] = GroupCommit(write, max_batch=5)
    _, outcome = queued_behind_a_write(gc, write, list(range(1, 11)))
    failed = sorted(r for r, exc in outcome.items() if exc is not None)
    committed = sorted(r for b in write.batches for r in b)
    # Rows 1..5 arrive in some order; the batch holding 3 fails as a whole, the others commit.
    assert 3 in failed and len(failed) == 5
    assert sorted(failed + committed) == list(range(11))
    for row in failed:
        exc = outcome[row]
        assert isinstance(exc, BatchFailed)
        assert isinstance(exc.__cause__, RuntimeError)
        assert "disk full" in str(exc)
    gc.submit(99)
    assert write.batches[-1] == [99]


def test_an_error_in_the_writer_when_alone_reaches_the_caller() -> None:
    gc: GroupCommit[int] = GroupCommit(Recorder(fail=lambda _rows: True))
    with pytest.raises(BatchFailed, match="disk full"):
        gc.submit(1)


def test_the_row_writer_commits_every_row_of_a_group_commit(database: Database) -> None:
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    writer = outbox.RowWriter(database.engine)
    gc: GroupCommit[outbox.PreparedRow] = GroupCommit(writer)
    threads = [
        threading.Thread(
            target=gc.submit,
            args=(
                outbox.PreparedRow.of(
                    {"kind": "intake", "payload": {"n": n}, "ordering_key": None, "created_at": now}
                ),
            ),
        )
        for n in range(40)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    writer.close()
    with make_sessionmaker(database.engine)() as session:
        items = session.scalars(select(OutboxItem)).all()
    assert sorted(i.payload["n"] for i in items) == list(range(40))
    assert {i.next_attempt_at for i in items} == {now}
    assert all(i.attempts == 0 and not i.failed and i.done_at is None for i in items)
    # Stored as the ORM stores times, so the outbox finds them due (on SQLite a text compare).
    with make_sessionmaker(database.engine)() as session:
        due = outbox.claimable(session=session, now=now, limit=100)
        early = outbox.claimable(session=session, now=now - timedelta(microseconds=1), limit=100)
    assert len(due) == 40
    assert early == []


def intake_row(n: int, **changes: Any) -> outbox.PreparedRow:
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    row = {"kind": "intake", "payload": {"n": n}, "ordering_key": None, "created_at": now}
    return outbox.PreparedRow.of({**row, **changes})


def stored(database: Database) -> list[int]:
    with make_sessionmaker(database.engine)() as session:
        return sorted(i.payload["n"] for i in session.scalars(select(OutboxItem)))


def test_the_row_writer_replaces_a_dead_connection_and_writes_the_batch(
    database: Database,
) -> None:
    if database.kind != "postgresql":
        pytest.skip("a server that drops the connection is a PostgreSQL matter")
    # ping_after=0: every batch checks its connection first (by default, one idle for 1 s).
    writer = outbox.RowWriter(database.engine, ping_after=0)
    writer([intake_row(1)])
    assert writer._conn is not None
    pid = writer._conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
    # The server ends the writer's session (a restart, a failover, an idle timeout).
    with database.engine.connect() as admin:
        ended = admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar()
    assert ended is True
    writer([intake_row(2), intake_row(3)])
    assert stored(database) == [1, 2, 3]
    writer.close()


def test_a_batch_the_database_refuses_is_not_written_at_all(database: Database) -> None:
    writer = outbox.RowWriter(database.engine)
    # NOT NULL: a row PreparedRow.of would refuse, built by hand to reach the database.
    good = intake_row(2)
    bad = outbox.PreparedRow(
        None,  # type: ignore[arg-type]
        good.payload,
        None,
        good.at,
        good.record.replace('"kind":"intake"', '"kind":null'),
    )
    with pytest.raises(Exception, match=r"(?i)null"):
        writer([intake_row(1), bad, intake_row(3)])
    writer([intake_row(4)])
    assert stored(database) == [4]
    writer.close()


def test_a_row_that_cannot_be_stored_fails_in_its_own_thread_before_it_joins_a_batch() -> None:
    naive = datetime(2026, 11, 24, 9, 0)
    with pytest.raises(ValueError, match="aware"):
        intake_row(1, created_at=naive)
    with pytest.raises(TypeError, match="not JSON serializable"):
        intake_row(1, payload={"when": naive})
    with pytest.raises(TypeError, match="JSON object"):
        intake_row(1, payload=None)
    with pytest.raises(ValueError, match="JSON compliant"):
        intake_row(1, payload={"n": float("nan")})
    with pytest.raises(ValueError, match="NUL"):
        intake_row(1, payload={"n": 1, "subject": "a\x00b"})
    with pytest.raises(TypeError, match="text"):
        intake_row(1, kind=None)
    # The letters \u0000 typed as text are not a NUL.
    assert "u0000" in intake_row(1, payload={"n": 1, "subject": "\\u0000"}).payload


def test_the_row_writer_stores_awkward_text_and_times_exactly(database: Database) -> None:
    # The PostgreSQL batch travels as one JSON text: quotes, backslashes, newlines and
    # non-ASCII must come back as typed, and a time in another zone as the same instant.
    amsterdam = datetime(2026, 3, 29, 3, 0, 0, 123456, tzinfo=ZoneInfo("Europe/Amsterdam"))
    subject = 'Printer "3e" zegt <!channel> \\\\srv\\p\nnaïef 🙂 \u2028'
    key = 'ticket:KOR-"1"\\'
    writer = outbox.RowWriter(database.engine)
    writer(
        [
            intake_row(
                1, payload={"n": 1, "subject": subject}, ordering_key=key, created_at=amsterdam
            ),
            intake_row(2),
        ]
    )
    writer.close()
    with make_sessionmaker(database.engine)() as session:
        first, second = session.scalars(select(OutboxItem).order_by(OutboxItem.id)).all()
    assert first.payload == {"n": 1, "subject": subject}
    assert first.ordering_key == key and second.ordering_key is None
    assert first.created_at == amsterdam == first.next_attempt_at
