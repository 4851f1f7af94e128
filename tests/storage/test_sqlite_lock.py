"""The SQLite writer queue. Each WriterLock opens its own file descriptions, so two of them in
one test behave as two processes do (flock locks belong to the open file description)."""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from storage import sqlite_lock
from storage.db import make_engine
from storage.sqlite_lock import WriterLock


@pytest.fixture
def path(tmp_path: Path) -> str:
    return str(tmp_path / "balie.db.writer-lock")


def free(path: str) -> bool:
    """Whether nobody holds the lock file (checked from a file description of our own)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def eventually(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.001)


def test_two_processes_never_hold_the_lock_together(path: str) -> None:
    first, second = WriterLock(path), WriterLock(path)
    assert first.acquire()
    got = threading.Event()
    t = threading.Thread(target=lambda: second.acquire() and got.set())
    t.start()
    assert not got.wait(0.05)
    first.release()
    assert got.wait(10)
    t.join()
    assert not free(path)
    second.release()
    assert free(path)


def test_threads_of_a_fresh_lock_take_turns(path: str) -> None:
    # The first use opens the lock files; threads arriving together must share one opening.
    lock = WriterLock(path)
    inside: list[int] = []
    most = 0

    def work() -> None:
        nonlocal most
        for _ in range(20):
            assert lock.acquire()
            inside.append(1)
            most = max(most, len(inside))
            inside.pop()
            lock.release()

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
        assert not t.is_alive(), "a thread is stuck waiting for the lock"
    assert most == 1
    assert free(path) and free(path + "-wait")


def test_a_waiting_ack_goes_before_the_background_writer(
    path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A long cap: on a loaded machine the worker must not take its turn by running out of it.
    monkeypatch.setattr(sqlite_lock, "BACKGROUND_YIELD", 30.0)
    holder, ack, worker = WriterLock(path), WriterLock(path), WriterLock(path, background=True)
    order: list[str] = []

    def take(name: str, lock: WriterLock) -> None:
        assert lock.acquire()
        order.append(name)
        time.sleep(0.02)
        lock.release()

    assert holder.acquire()
    a = threading.Thread(target=take, args=("ack", ack))
    a.start()
    # The ack announces itself on the wait file before it waits for the lock.
    eventually(lambda: not free(path + "-wait"), "the ack did not announce itself")
    w = threading.Thread(target=take, args=("worker", worker))
    w.start()
    time.sleep(0.02)  # the worker is now deferring, or polling for the lock
    holder.release()
    a.join(10)
    w.join(10)
    assert order == ["ack", "worker"]
    assert free(path) and free(path + "-wait")


def test_the_background_writer_defers_for_a_bounded_time_only(path: str) -> None:
    # An ack that stays announced (a stream of them) slows the worker down, never stops it.
    fd = os.open(path + "-wait", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_SH)
    worker = WriterLock(path, background=True)
    got: list[float] = []

    def take() -> None:
        t0 = time.monotonic()
        assert worker.acquire()
        got.append(time.monotonic() - t0)
        worker.release()

    try:
        t = threading.Thread(target=take)
        t.start()
        t.join(10)
        assert not t.is_alive(), "the worker waited without end"
    finally:
        os.close(fd)
    # It did defer: the whole cap, as the ack never stopped waiting.
    assert got and got[0] >= sqlite_lock.BACKGROUND_YIELD * 0.9


def test_the_announcement_lasts_while_any_thread_of_the_process_waits_or_holds(
    path: str,
) -> None:
    ack = WriterLock(path)
    assert ack.acquire()
    holding, done = threading.Event(), threading.Event()

    def second_thread() -> None:
        assert ack.acquire()
        holding.set()
        done.wait(10)
        ack.release()

    t = threading.Thread(target=second_thread)
    t.start()
    eventually(lambda: ack._waiting._busy == 2, "the second thread did not queue")
    ack.release()
    assert holding.wait(10)
    assert not free(path + "-wait"), "the first thread's release dropped the announcement"
    done.set()
    t.join(10)
    assert free(path + "-wait")


@pytest.fixture
def engines(tmp_path: Path) -> Iterator[tuple[Engine, Engine, str]]:
    url = f"sqlite:///{tmp_path / 'balie.db'}"
    web, worker = make_engine(url), make_engine(url, background=True)
    with web.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER PRIMARY KEY)"))
    yield web, worker, str(tmp_path / "balie.db.writer-lock")
    web.dispose()
    worker.dispose()


def test_a_failed_transaction_releases_the_lock(engines: tuple[Engine, Engine, str]) -> None:
    web, worker, lock = engines
    with pytest.raises(Exception, match="UNIQUE"), web.begin() as conn:
        conn.execute(text("INSERT INTO t VALUES (1)"))
        assert not free(lock)
        conn.execute(text("INSERT INTO t VALUES (1)"))
    assert free(lock)
    with worker.begin() as conn:
        conn.execute(text("INSERT INTO t VALUES (2)"))
    assert free(lock) and free(lock + "-wait")
    with web.connect() as conn:
        assert conn.execute(text("SELECT x FROM t")).scalars().all() == [2]


def test_readers_take_no_write_lock(engines: tuple[Engine, Engine, str]) -> None:
    web, _worker, lock = engines
    with web.execution_options(readonly=True).connect() as conn, conn.begin():
        conn.execute(text("SELECT count(*) FROM t"))
        assert free(lock)


def test_an_in_memory_database_has_no_lock_file_and_still_works() -> None:
    engine = make_engine("sqlite://")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
        conn.execute(text("INSERT INTO t VALUES (1)"))
        assert conn.execute(text("SELECT x FROM t")).scalar_one() == 1
    engine.dispose()
