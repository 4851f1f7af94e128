"""A fair-ish queue for SQLite's single writer.

SQLite makes a writer that finds the database locked poll with sleeps that grow to 100 ms; with
many threads and processes writing, some wait hundreds of milliseconds while the lock is free
most of the time. Writers therefore queue here first: threads of one process on a lock, and
processes on one host on an exclusive flock of a file beside the database, which the kernel
releases if a process dies. SQLite's own busy timeout stays as the last line of defence.

Writers that answer Slack go first. A background writer (the worker process: outbox and SLA
monitor) runs transaction after transaction; releasing the lock and taking it again within
microseconds, it would win nearly every turn from a web worker whose ack is waiting to write
its intake. So a foreground process holds a shared flock on a second file (the lock file's
name plus `-wait`) while any of its threads waits for or holds the lock, and a background
writer first waits until it can take that file exclusively, i.e. until no ack is waiting. The
wait is capped (BACKGROUND_YIELD), so a stream of acks slows the worker down but never stops
it.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import threading
import time
from collections.abc import Iterator

log = logging.getLogger(__name__)

TIMEOUT = 30.0
# The longest a background writer defers to waiting acks before it takes its turn anyway.
BACKGROUND_YIELD = 0.2


def _open(path: str) -> int | None:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        log.warning("cannot open %s; SQLite writers queue per process only", path)
        return None


def _tries() -> Iterator[None]:
    """Try at once, then after short, capped pauses: a transaction lasts milliseconds."""
    pause = 0.0001
    while True:
        yield
        time.sleep(pause)
        pause = min(pause * 2, 0.001)


class WriterLock:
    def __init__(self, path: str | None, *, background: bool = False) -> None:
        self._thread_lock = threading.Lock()
        self._path = path
        self._fd: int | None = None
        self._wait_fd: int | None = None
        self.background = background
        # Foreground threads of this process waiting for or holding the lock; the process
        # announces itself on the wait file while this is above zero.
        self._waiting = 0
        self._announced = False
        self._count_lock = threading.Lock()

    def _files(self) -> tuple[int, int] | None:
        # Opened on first use, not at creation: an engine made before a fork must not share
        # its file descriptions (and so its flocks) with the children. Under the lock: two
        # threads opening at once would lock one description and unlock the other.
        with self._count_lock:
            if self._path is not None and self._fd is None:
                self._fd, self._wait_fd = _open(self._path), _open(self._path + "-wait")
                if self._fd is None or self._wait_fd is None:
                    for fd in (self._fd, self._wait_fd):
                        if fd is not None:
                            os.close(fd)
                    self._path = self._fd = self._wait_fd = None
            if self._fd is None or self._wait_fd is None:
                return None
            return self._fd, self._wait_fd

    def acquire(self) -> bool:
        """True when held; False after TIMEOUT (then SQLite's own locking decides)."""
        files = self._files()
        if files is not None and not self.background:
            self._announce(files[1], +1)
        if not self._thread_lock.acquire(timeout=TIMEOUT):
            return self._gave_up()
        if files is None:
            return True
        fd, wait_fd = files
        deadline = time.monotonic() + TIMEOUT
        if self.background:
            self._defer(wait_fd)
        for _ in _tries():
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
        if self._wait_fd is not None and not self.background:
            self._announce(self._wait_fd, -1)

    def close(self) -> None:
        with self._count_lock:
            for fd in (self._fd, self._wait_fd):
                if fd is not None:
                    with contextlib.suppress(OSError):
                        os.close(fd)
            self._fd = self._wait_fd = None
            self._path = None

    def _gave_up(self) -> bool:
        if self._wait_fd is not None and not self.background:
            self._announce(self._wait_fd, -1)
        log.warning("waited %.0f s for the SQLite write queue; going ahead", TIMEOUT)
        return False

    def _announce(self, wait_fd: int, delta: int) -> None:
        with self._count_lock:
            self._waiting += delta
            try:
                if self._waiting > 0 and not self._announced:
                    # Fails only in the instant a background writer looks (it takes the file
                    # exclusively and lets go at once); never block on it, a stopped worker
                    # must not stop the acks. Unannounced, this wait is merely not preferred.
                    for _ in range(3):
                        try:
                            fcntl.flock(wait_fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                            self._announced = True
                            break
                        except BlockingIOError:
                            time.sleep(0.0001)
                elif self._waiting == 0 and self._announced:
                    self._announced = False
                    fcntl.flock(wait_fd, fcntl.LOCK_UN)
            except OSError:
                log.warning("cannot announce a waiting SQLite writer", exc_info=True)

    def _defer(self, wait_fd: int) -> None:
        """Wait while some foreground process waits for the lock, for BACKGROUND_YIELD at most."""
        until = time.monotonic() + BACKGROUND_YIELD
        for _ in _tries():
            try:
                fcntl.flock(wait_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() > until:
                    return
                continue
            fcntl.flock(wait_fd, fcntl.LOCK_UN)
            return
