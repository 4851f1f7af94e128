"""A Balie process for the multi-process summaries test: sweeps and delivers the scheduled
summaries at a series of fixed moments, in step with the other workers.

Run as `python -m tests.summaries.summary_worker` with DATABASE_URL, SLACK_API_URL, SMTP_URL,
BALIE_TEST_TIMES (ISO times, comma-separated), BALIE_TEST_SYNC (a directory the workers meet
in before each moment) and BALIE_TEST_WORKERS (how many meet). Prints how many summaries this
process claimed.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

from bot.clock import ManualClock
from bot.settings import load_settings
from bot.wiring import build_services
from tests.conftest import test_policy
from tests.oncall.chain_worker import meet


def main() -> int:
    settings = load_settings(slack_bot_token="xoxb-worker", slack_signing_secret="s")
    times = [datetime.fromisoformat(t) for t in os.environ["BALIE_TEST_TIMES"].split(",")]
    clock = ManualClock(times[0])
    services = build_services(settings, policy=test_policy(), clock=clock, run_migrations=False)
    sync, workers = Path(os.environ["BALIE_TEST_SYNC"]), int(os.environ["BALIE_TEST_WORKERS"])
    claimed = 0
    for moment, at in enumerate(times):
        if not meet(sync, moment, workers):
            return 2
        clock.set(at)
        for _ in range(3):
            claimed += len(services.summaries.poster.sweep())
            services.dispatcher.drain()
    services.close()
    print(claimed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
