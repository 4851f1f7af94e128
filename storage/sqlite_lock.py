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

import fcntl
import logging
import threading
import time

from storage.beacon import Beacon, LazyFile, pauses

log = logging.getLogger(__name__)

TIMEOUT = 30.0
# The longest a background writer defers to waiting acks before it takes its turn anyway.
BACKGROUND_YIELD = 0.2


class WriterLock:
    def __init__(self, path: str | None, *, background: bool = False) -> None:
        self._thread_lock = threading.Lock()
        self._file = LazyFile(path, without_it="SQLite writers queue per process only")
        self.background = background
        # Raised while foreground threads of this process wait for or hold the lock.
        self._waiting = Beacon(None if path is None else path + "-wait")

    def acquire(self) -> bool:
        """True when held; False after TIMEOUT (then SQLite's own locking decides)."""
        fd = self._file.fd()
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
                log.warning("cannot lock %s", self._file.name, exc_info=True)
                self._thread_lock.release()
                return self._gave_up()
        raise AssertionError("unreachable")

    def release(self) -> None:
        fd = self._file.opened
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
        self._thread_lock.release()
        if fd is not None and not self.background:
            self._waiting.leave()

    def close(self) -> None:
        self._file.close()
        self._waiting.close()

    def _gave_up(self) -> bool:
        if self._file.opened is not None and not self.background:
            self._waiting.leave()
        log.warning("waited %.0f s for the SQLite write queue; going ahead", TIMEOUT)
        return False
