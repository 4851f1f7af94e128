"""A Balie process for the multi-process SLA test: sweeps and delivers at a fixed 'now'.

Run as `python -m tests.sla.sla_worker` with DATABASE_URL, SLACK_API_URL, SMTP_URL,
BALIE_TEST_NOW (ISO time) and BALIE_TEST_GO (a file to wait for, so all workers start together).
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


def main() -> int:
    settings = load_settings(slack_bot_token="xoxb-worker", slack_signing_secret="s")
    services = build_services(
        settings,
        policy=test_policy(),
        clock=ManualClock(datetime.fromisoformat(os.environ["BALIE_TEST_NOW"])),
        run_migrations=False,
    )
    go = Path(os.environ["BALIE_TEST_GO"])
    deadline = time.monotonic() + 30
    while not go.exists():
        if time.monotonic() > deadline:
            return 2
        time.sleep(0.005)
    alerts = 0
    for _ in range(5):
        alerts += len(services.monitor.sweep().alerts)
        services.dispatcher.drain()
    services.close()
    print(alerts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
