from __future__ import annotations

import threading

from storage import counters
from storage.db import make_sessionmaker
from tests.conftest import Database


def test_numbers_are_unique_and_gap_free_under_concurrency(database: Database) -> None:
    sessions = make_sessionmaker(database.engine)
    got: list[int] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(25):
            with sessions.begin() as session:
                value = counters.next_value(session=session, name="ticket")
            with lock:
                got.append(value)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(got) == list(range(1, 201))


def test_a_rolled_back_transaction_gives_its_number_back(database: Database) -> None:
    sessions = make_sessionmaker(database.engine)
    with sessions.begin() as session:
        assert counters.next_value(session=session, name="ticket") == 1
    session = sessions()
    session.begin()
    assert counters.next_value(session=session, name="ticket") == 2
    session.rollback()
    session.close()
    with sessions.begin() as session:
        assert counters.next_value(session=session, name="ticket") == 2
