"""A Balie process for the multi-process export test: closes the same months as the other
workers, at the same moments, in step with them.

Run as `python -m tests.invoicing.invoicing_worker` with DATABASE_URL, SLACK_API_URL,
BALIE_TEST_TIMES (ISO times, comma-separated), BALIE_TEST_MONTHS (the month closed at each
moment, comma-separated), BALIE_TEST_SYNC (a directory the workers meet in before each
moment), BALIE_TEST_WORKERS (how many meet) and BALIE_TEST_OUT (a directory for the files).
Writes each month's CSV as `<month>-<pid>.csv` there and prints one line per month: the month
and whether this process closed it ("newly") or got the export closed before ("before").
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

from bot.clock import ManualClock
from bot.events import Actor
from bot.invoicing.rules import Month
from bot.settings import load_settings
from bot.wiring import build_services
from tests.conftest import test_policy
from tests.oncall.chain_worker import meet


def main() -> int:
    settings = load_settings(slack_bot_token="xoxb-worker", slack_signing_secret="s")
    times = [datetime.fromisoformat(t) for t in os.environ["BALIE_TEST_TIMES"].split(",")]
    months = [Month.parse(m) for m in os.environ["BALIE_TEST_MONTHS"].split(",")]
    clock = ManualClock(times[0])
    services = build_services(settings, policy=test_policy(), clock=clock, run_migrations=False)
    sync, workers = Path(os.environ["BALIE_TEST_SYNC"]), int(os.environ["BALIE_TEST_WORKERS"])
    out = Path(os.environ["BALIE_TEST_OUT"])
    said = []
    for moment, (at, month) in enumerate(zip(times, months, strict=True)):
        assert month is not None
        if not meet(sync, moment, workers):
            return 2
        clock.set(at)
        closed = services.invoicing.invoicer.close(Actor.system("worker"), month)
        (out / f"{month}-{os.getpid()}.csv").write_bytes(closed.files.csv)
        said.append(f"{month} {'newly' if closed.newly else 'before'}")
    services.close()
    print("\n".join(said))
    return 0


if __name__ == "__main__":
    sys.exit(main())
