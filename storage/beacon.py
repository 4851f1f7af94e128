"""A host-local "busy" flag between processes, so background work can let interactive work go
first.

Any number of foreground processes raise the beacon while they are busy: each holds a shared
flock on one file while a counter of its busy threads is above zero. A background process calls
`wait_until_quiet` before a piece of work: it waits until it can take the file exclusively,
i.e. until no foreground process is busy, but never longer than the cap it is given, so a
stream of foreground work slows the background down without ever stopping it. The kernel drops
a dead process's flock, so a crashed web worker cannot hold the background back.

Raising never blocks and never fails loudly: a beacon that cannot be raised merely means the
foreground is not preferred for a moment.
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


def pauses(longest: float) -> Iterator[None]:
    """Yield at once, then after pauses that double from 0.1 ms up to `longest`."""
    pause = 0.0001
    while True:
        yield
        time.sleep(pause)
        pause = min(pause * 2, longest)


class LazyFile:
    """A file for flocks, opened on first use, not at creation: an object made before a fork
    must not share its file description (and so its flocks) with the children. Opening is
    under a lock: two threads opening at once would lock one description and unlock the other.
    A file that cannot be opened is given up, with one warning saying what that costs."""

    def __init__(self, path: str | None, *, without_it: str) -> None:
        self.name = path
        self._path = path
        self._fd: int | None = None
        self._without_it = without_it
        self._lock = threading.Lock()

    def fd(self) -> int | None:
        with self._lock:
            if self._path is not None and self._fd is None:
                try:
                    self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
                except OSError:
                    log.warning("cannot open %s; %s", self._path, self._without_it)
                    self._path = None
            return self._fd

    @property
    def opened(self) -> int | None:
        """The descriptor if the file is open now; never opens it."""
        return self._fd

    def close(self) -> None:
        with self._lock:
            if self._fd is not None:
                with contextlib.suppress(OSError):
                    os.close(self._fd)
            self._fd = None
            self._path = None


class Beacon:
    def __init__(self, path: str | None) -> None:
        self._file = LazyFile(path, without_it="background work is not held back")
        self._busy = 0
        self._raised = False
        self._lock = threading.Lock()

    def enter(self) -> None:
        """One more busy thread in this process; raises the beacon for the first."""
        with self._lock:
            self._busy += 1
            fd = self._file.fd()
            if fd is None or self._raised:
                return
            # Fails only in the instant a background process looks (it takes the file
            # exclusively and lets go at once): try a few times, never wait for it.
            for _ in range(3):
                try:
                    fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                    self._raised = True
                    return
                except BlockingIOError:
                    time.sleep(0.0001)
                except OSError:
                    log.warning(
                        "cannot raise the beacon %s; not using it", self._file.name, exc_info=True
                    )
                    self._disable()
                    return

    def leave(self) -> None:
        """One busy thread fewer; lowers the beacon after the last."""
        with self._lock:
            self._busy -= 1
            fd = self._file.opened
            if self._busy == 0 and self._raised and fd is not None:
                self._raised = False
                with contextlib.suppress(OSError):
                    fcntl.flock(fd, fcntl.LOCK_UN)

    @contextlib.contextmanager
    def busy(self) -> Iterator[None]:
        self.enter()
        try:
            yield
        finally:
            self.leave()

    def wait_until_quiet(self, cap: float, *, longest_pause: float = 0.001) -> bool:
        """Wait while any foreground process is busy, `cap` seconds at most. True when quiet."""
        with self._lock:
            if self._busy:
                # Raised by this very process: an exclusive flock would take over its own
                # shared one and the unlock below would drop it.
                return False
            fd = self._file.fd()
        if fd is None:
            return True
        until = time.monotonic() + cap
        for _ in pauses(longest_pause):
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() >= until:
                    return False
                continue
            except OSError:
                return True
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_UN)
            return True
        raise AssertionError("unreachable")

    def close(self) -> None:
        with self._lock:
            self._disable()

    def _disable(self) -> None:
        # Called under _lock.
        self._file.close()
        self._raised = False
