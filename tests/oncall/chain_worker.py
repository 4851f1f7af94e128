"""A Balie process for the multi-process chain test: sweeps and delivers pages at a series of
fixed moments, in step with the other workers.

Run as `python -m tests.oncall.chain_worker` with DATABASE_URL, SLACK_API_URL, SMTP_URL, the
phone settings (TWILIO_* and PUBLIC_URL, pointing at the test's fake Twilio), BALIE_TEST_TIMES
(ISO times, comma-separated), BALIE_TEST_SYNC (a directory the workers meet in before each
moment) and BALIE_TEST_WORKERS (how many meet). The rota is the one in the database.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime
from pathlib import Path

from bot.clock import ManualClock
from bot.settings import load_settings
from bot.wiring import build_services
from tests.conftest import test_policy


def meet(sync: Path, moment: int, workers: int) -> bool:
    (sync / f"{moment}-{os.getpid()}").touch()
    deadline = time.monotonic() + 60
    while len(list(sync.glob(f"{moment}-*"))) < workers:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


def main() -> int:
    settings = load_settings(slack_bot_token="xoxb-worker", slack_signing_secret="s")
    times = [datetime.fromisoformat(t) for t in os.environ["BALIE_TEST_TIMES"].split(",")]
    clock = ManualClock(times[0])
    services = build_services(settings, policy=test_policy(), clock=clock, run_migrations=False)
    assert services.phone is not None, "the phone settings are in the environment"
    sync, workers = Path(os.environ["BALIE_TEST_SYNC"]), int(os.environ["BALIE_TEST_WORKERS"])
    sent = 0
    for moment, at in enumerate(times):
        if not meet(sync, moment, workers):
            return 2
        clock.set(at)
        for _ in range(4):
            sent += services.pager.sweep().sent
            services.page_dispatcher.drain()
    services.close()
    print(sent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
