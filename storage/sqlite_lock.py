"""A fair-ish queue for SQLite's single writer.

SQLite makes a writer that finds the database locked poll with sleeps that grow to 100 ms; with
many threads and processes writing, some wait hundreds of milliseconds while the lock is free
most of the time. Writers therefore queue here first: threads of one process on a lock, and
processes on one host on an exclusive flock of a file beside the database, which the kernel
releases if a process dies. SQLite's own busy timeout stays as the last line of defence.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
import time

log = logging.getLogger(__name__)

TIMEOUT = 30.0


class WriterLock:
    def __init__(self, path: str | None) -> None:
        self._thread_lock = threading.Lock()
        self._path = path
        self._fd: int | None = None

    def _file(self) -> int | None:
        if self._path is not None and self._fd is None:
            try:
                self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError:
                log.warning("cannot open %s; SQLite writers queue per process only", self._path)
                self._path = None
        return self._fd

    def acquire(self) -> bool:
        """True when held; False after TIMEOUT (then SQLite's own locking decides)."""
        if not self._thread_lock.acquire(timeout=TIMEOUT):
            log.warning("waited %.0f s for the SQLite write queue; going ahead", TIMEOUT)
            return False
        fd = self._file()
        if fd is None:
            return True
        deadline = time.monotonic() + TIMEOUT
        pause = 0.0001
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                if time.monotonic() > deadline:
                    self._thread_lock.release()
                    log.warning("waited %.0f s for the SQLite write queue; going ahead", TIMEOUT)
                    return False
                # Short, capped pauses: another process's transaction lasts milliseconds.
                time.sleep(pause)
                pause = min(pause * 2, 0.001)

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        self._thread_lock.release()
