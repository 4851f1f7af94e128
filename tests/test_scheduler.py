"""Background work stops promptly: a job still queued when Balie stops does not run."""

from __future__ import annotations

import threading
import time
from functools import partial

from bot.scheduler import Background
from tests.conftest import Balie


def test_jobs_queued_behind_running_ones_are_skipped_at_shutdown(balie: Balie) -> None:
    # The executor has four threads: four jobs that block keep a fifth waiting in its queue,
    # as after a slow start when every job falls due at once.
    background = Background(dispatcher=balie.services.dispatcher, clock=balie.clock)
    release = threading.Event()
    started: list[str] = []
    ran: list[str] = []
    lock = threading.Lock()

    def blocker(name: str) -> None:
        with lock:
            started.append(name)
        release.wait(10)
        ran.append(name)

    for n in range(4):
        background.add_periodic(f"block{n}", partial(blocker, f"block{n}"), seconds=3600)
    background.add_periodic("queued", lambda: ran.append("queued"), seconds=3600)
    background.start()
    # Background's own purge job may run first; it is quick, and then all four block.
    deadline = time.monotonic() + 10
    while len(started) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(started) == 4

    stopper = threading.Thread(target=background.shutdown)
    stopper.start()
    # Shutdown sets its stop flag first, then stops the outbox's loop: once that loop is gone,
    # the flag is set, and the queued job is still waiting behind the four.
    deadline = time.monotonic() + 10
    while background.running and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not background.running
    release.set()
    stopper.join(15)
    assert not stopper.is_alive()
    # What was running finished; what was still queued did not start.
    assert "queued" not in ran
    assert set(ran) == set(started)
