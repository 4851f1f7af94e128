"""A fair-ish queue for SQLite's single writer.

SQLite makes a writer that finds the database locked poll with sleeps that grow to 100 ms; with
many threads and processes writing, some wait hundreds of milliseconds while the lock is free
most of the time. Writers therefore queue here first: threads of one process on a lock, and
processes on one host on an exclusive flock of a file beside the database, which the kernel
releases if a process dies. SQLite's own busy timeout stays as the last line of defence.

Writers that answer Slack go first. A background writer (the worker process: outbox and SLA
monitor) runs transaction after transaction; releasing the lock and taking it again within
microseconds, it would win nearly every turn from a web worker whose ack is waiting to write
its intake. So a foreground process raises a beacon (storage.beacon: a shared flock on the
lock file's name plus `-wait`) while any of its threads waits for or holds the lock, and a
background writer first waits until the beacon is down, i.e. until no ack is waiting. The wait
is capped (BACKGROUND_YIELD), so a stream of acks slows the worker down but never stops it.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import threading
import time

from storage.beacon import Beacon, pauses

log = logging.getLogger(__name__)

TIMEOUT = 30.0
# The longest a background writer defers to waiting acks before it takes its turn anyway.
BACKGROUND_YIELD = 0.2


class WriterLock:
    def __init__(self, path: str | None, *, background: bool = False) -> None:
        self._thread_lock = threading.Lock()
        self._path = path
        self._fd: int | None = None
        self._open_lock = threading.Lock()
        self.background = background
        # Raised while foreground threads of this process wait for or hold the lock.
        self._waiting = Beacon(None if path is None else path + "-wait")

    def _file(self) -> int | None:
        # Opened on first use, not at creation: an engine made before a fork must not share
        # its file descriptions (and so its flocks) with the children. Under a lock: two
        # threads opening at once would lock one description and unlock the other.
        with self._open_lock:
            if self._path is not None and self._fd is None:
                try:
                    self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
                except OSError:
                    log.warning("cannot open %s; SQLite writers queue per process only", self._path)
                    self._path = None
            return self._fd

    def acquire(self) -> bool:
        """True when held; False after TIMEOUT (then SQLite's own locking decides)."""
        fd = self._file()
        if fd is not None and not self.background:
            self._waiting.enter()
        if not self._thread_lock.acquire(timeout=TIMEOUT):
            return self._gave_up()
        if fd is None:
            return True
        deadline = time.monotonic() + TIMEOUT
        if self.background:
            try:
                self._waiting.wait_until_quiet(BACKGROUND_YIELD)
            except BaseException:
                self._thread_lock.release()
                raise
        for _ in pauses(0.001):
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                if time.monotonic() > deadline:
                    self._thread_lock.release()
                    return self._gave_up()
            except OSError:
                # Never keep the thread lock on a failure: SQLite's own locking takes over.
                log.warning("cannot lock %s", self._path, exc_info=True)
                self._thread_lock.release()
                return self._gave_up()
        raise AssertionError("unreachable")

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        self._thread_lock.release()
        if self._fd is not None and not self.background:
            self._waiting.leave()

    def close(self) -> None:
        with self._open_lock:
            if self._fd is not None:
                with contextlib.suppress(OSError):
                    os.close(self._fd)
            self._fd = None
            self._path = None
        self._waiting.close()

    def _gave_up(self) -> bool:
        if self._fd is not None and not self.background:
            self._waiting.leave()
        log.warning("waited %.0f s for the SQLite write queue; going ahead", TIMEOUT)
        return False
