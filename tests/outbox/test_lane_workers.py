"""A lane whose rows are delivered side by side (the pages' lane): each row still goes out
once, and rows with the same ordering key still go out one after the other, in order."""

from __future__ import annotations

import threading
import time

from sqlalchemy.orm import Session, sessionmaker

from bot.outbox.dispatcher import Dispatcher
from storage import outbox
from storage.models import OutboxItem
from tests.conftest import Balie


def test_rows_delivered_side_by_side_go_out_once_and_in_order_per_key(balie: Balie) -> None:
    with balie.services.sessions.begin() as s:
        for n in range(24):
            outbox.enqueue(
                session=s,
                kind="probe",
                payload={"key": n % 3, "n": n},
                now=balie.clock.now(),
                ordering_key=f"chain:{n % 3}",
            )
    delivered: list[tuple[int, int]] = []
    busy, most = 0, 0
    lock = threading.Lock()

    def deliver(_sessions: sessionmaker[Session], item: OutboxItem) -> None:
        nonlocal busy, most
        with lock:
            busy += 1
            most = max(most, busy)
        time.sleep(0.02)  # long enough for the other workers to start theirs
        with lock:
            busy -= 1
            delivered.append((item.payload["key"], item.payload["n"]))

    lane = Dispatcher(
        sessions=balie.services.sessions,
        clock=balie.clock,
        handlers={"probe": deliver},
        kinds=["probe"],
        workers=4,
    )
    try:
        assert lane.drain() == 24
    finally:
        lane.close()
    assert sorted(n for _, n in delivered) == list(range(24))
    for key in range(3):
        assert [n for k, n in delivered if k == key] == list(range(key, 24, 3))
    # Three keys: three rows at most in a round, and they did overlap.
    assert most == 3
