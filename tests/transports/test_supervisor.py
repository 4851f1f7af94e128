"""The supervisor tells the truth about how its worker ended, and forgives a worker that ran
well; the worker lowers its own priority."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.transports.worker import Supervisor, describe_exit

LOGGER = "bot.transports.worker"


def restarts(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if "restarting in" in r.getMessage()]


def wait_for(caplog: pytest.LogCaptureFixture, count: int, timeout: float = 15.0) -> list[str]:
    deadline = time.monotonic() + timeout
    while len(restarts(caplog)) < count:
        assert time.monotonic() < deadline, restarts(caplog)
        time.sleep(0.05)
    return restarts(caplog)


def supervise(argv: list[str], **kw: float) -> Supervisor:
    return Supervisor(argv=argv, first_delay=0.2, max_delay=5.0, poll=0.05, **kw)


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("import os, signal; os.kill(os.getpid(), signal.SIGKILL)", "was killed by SIGKILL"),
        ("raise SystemExit(3)", "exited with status 3"),
    ],
)
def test_it_logs_the_real_exit_status_or_signal(
    caplog: pytest.LogCaptureFixture, code: str, said: str
) -> None:
    supervisor = supervise([sys.executable, "-c", code])
    with caplog.at_level(logging.ERROR, logger=LOGGER):
        supervisor.start()
        try:
            first = wait_for(caplog, 1)[0]
        finally:
            supervisor.stop()
    assert said in first and "exited with 0" not in first, first


def test_describe_exit() -> None:
    assert describe_exit(0) == "exited with status 0"
    assert describe_exit(-15) == "was killed by SIGTERM"
    assert describe_exit(-200) == "was killed by signal 200"


def test_the_back_off_doubles_and_resets_after_a_good_run(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    # Runs 1, 2 and 4 fail at once; run 3 runs well (longer than healthy_after) first.
    runs = tmp_path / "runs"
    script = (
        "import pathlib, sys, time\n"
        f"p = pathlib.Path({str(runs)!r})\n"
        "n = len(p.read_text()) + 1 if p.exists() else 1\n"
        "p.write_text('x' * n)\n"
        "time.sleep(1.0 if n == 3 else 0)\n"
        "sys.exit(1)\n"
    )
    supervisor = supervise([sys.executable, "-c", script], healthy_after=0.8)
    with caplog.at_level(logging.ERROR, logger=LOGGER):
        supervisor.start()
        try:
            lines = wait_for(caplog, 4)
        finally:
            supervisor.stop()
    delays = [float(re.search(r"restarting in ([\d.]+)s", line)[1]) for line in lines[:4]]  # type: ignore[index]
    assert delays == [0.2, 0.4, 0.2, 0.4], lines


def test_stop_ends_the_worker_and_restarts_nothing(caplog: pytest.LogCaptureFixture) -> None:
    supervisor = supervise([sys.executable, "-c", "import time; time.sleep(60)"])
    with caplog.at_level(logging.ERROR, logger=LOGGER):
        supervisor.start()
        pid = supervisor.pid
        supervisor.stop()
    assert pid is not None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert restarts(caplog) == []


def test_the_worker_lowers_its_own_priority() -> None:
    code = (
        "import os\n"
        "from bot.transports.worker import lower_priority\n"
        "before = os.getpriority(os.PRIO_PROCESS, 0)\n"
        "lower_priority(3)\n"
        "print(before, os.getpriority(os.PRIO_PROCESS, 0))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout.split()
    before, after = int(out[0]), int(out[1])
    assert after == min(before + 3, 19)
