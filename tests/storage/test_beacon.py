"""The beacon between foreground and background processes. Each Beacon opens its own file
description, so two of them in one test behave as two processes do."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from storage.beacon import Beacon


@pytest.fixture
def path(tmp_path: Path) -> str:
    return str(tmp_path / "acks")


def test_a_quiet_beacon_does_not_hold_the_background_back(path: str) -> None:
    t0 = time.monotonic()
    assert Beacon(path).wait_until_quiet(5.0)
    assert time.monotonic() - t0 < 4.0


def test_the_background_waits_for_the_cap_while_the_foreground_stays_busy(path: str) -> None:
    web, worker = Beacon(path), Beacon(path)
    with web.busy():
        t0 = time.monotonic()
        assert not worker.wait_until_quiet(0.1)
        assert time.monotonic() - t0 >= 0.09


def test_the_background_goes_as_soon_as_the_foreground_is_done(path: str) -> None:
    web, worker = Beacon(path), Beacon(path)
    web.enter()
    threading.Timer(0.05, web.leave).start()
    t0 = time.monotonic()
    assert worker.wait_until_quiet(30.0)
    assert time.monotonic() - t0 < 20.0


def test_the_beacon_stays_up_until_the_last_busy_thread_leaves(path: str) -> None:
    web, worker = Beacon(path), Beacon(path)
    web.enter()
    web.enter()
    web.leave()
    assert not worker.wait_until_quiet(0.01)
    web.leave()
    assert worker.wait_until_quiet(0.01)


def test_a_dead_foreground_process_does_not_hold_the_background_back(path: str) -> None:
    code = (
        "import sys; from storage.beacon import Beacon; b = Beacon(sys.argv[1]); b.enter(); "
        "print('up', flush=True); sys.stdin.read()"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, path], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline() == b"up\n"
        worker = Beacon(path)
        assert not worker.wait_until_quiet(0.01)
        proc.kill()
        proc.wait(10)
        assert worker.wait_until_quiet(0.01)
    finally:
        if proc.poll() is None:
            proc.kill()


def test_a_process_that_raised_the_beacon_does_not_wait_on_it_nor_drop_it(path: str) -> None:
    web, worker = Beacon(path), Beacon(path)
    web.enter()
    assert not web.wait_until_quiet(0.0)
    assert not worker.wait_until_quiet(0.0), "the beacon was dropped"
    web.leave()
    assert worker.wait_until_quiet(0.0)


def test_a_beacon_that_cannot_open_its_file_holds_nothing_back(tmp_path: Path) -> None:
    missing = str(tmp_path / "no-such-dir" / "acks")
    web, worker = Beacon(missing), Beacon(missing)
    with web.busy():  # does not fail the request it wraps
        assert worker.wait_until_quiet(0.01)
