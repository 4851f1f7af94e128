"""Group commit: rows from many request threads, written by one transaction per batch.

Each `/ticket nieuw` ack durably writes one intake row before it answers. Written one by one,
sixteen threads of a web worker each wait for their own pool checkout, round trip and commit
(on SQLite: for the one write lock, in turn). Here the first thread to arrive writes, as the
batch's leader, every row that is waiting at that moment; the threads that arrive while it
writes queue up and are written together by the next leader. Under load a batch holds most of
the waiting rows, so the number of commits follows the number of busy moments, not of acks;
alone, a row is written at once, as before.

`submit` returns only once its row is committed, so an ack never promises what is not stored.
If a batch fails, every thread of that batch gets the error (the rows are all or nothing).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

Row = TypeVar("Row")


class BatchFailed(Exception):
    """The batch holding this row could not be written; the cause is chained."""


class _Slot(Generic[Row]):
    __slots__ = ("done", "error", "lead", "row", "wake")

    def __init__(self, row: Row) -> None:
        self.row = row
        self.wake = threading.Event()
        self.done = False
        self.lead = False
        self.error: BaseException | None = None


class GroupCommit(Generic[Row]):
    # A batch is at most the threads of one process (16 by default); the cap keeps a multi-row
    # INSERT below the oldest SQLite limit of 999 parameters.
    def __init__(self, write: Callable[[Sequence[Row]], None], max_batch: int = 64) -> None:
        self._write = write
        self._max = max_batch
        self._mutex = threading.Lock()
        self._queue: list[_Slot[Row]] = []
        self._writing = False

    def submit(self, row: Row) -> None:
        """Write `row`, together with whatever other rows are waiting; returns once committed."""
        slot = _Slot(row)
        with self._mutex:
            self._queue.append(slot)
            if not self._writing:
                self._writing = slot.lead = True
        while not slot.done:
            if slot.lead:
                self._lead(slot)
            else:
                slot.wake.wait()
                slot.wake.clear()
        if slot.error is not None:
            # A fresh exception per thread: the cause is shared, its traceback is not rewritten.
            raise BatchFailed(str(slot.error)) from slot.error

    def _lead(self, me: _Slot[Row]) -> None:
        with self._mutex:
            batch, self._queue = self._queue[: self._max], self._queue[self._max :]
        error: BaseException | None = None
        try:
            self._write([s.row for s in batch])
        except BaseException as exc:  # handed to every waiter; none is left hanging
            error = exc
        with self._mutex:
            # The next leader is the oldest waiting row; without one, the next arrival leads.
            successor = self._queue[0] if self._queue else None
            if successor is None:
                self._writing = False
            else:
                successor.lead = True
        me.lead = False
        for s in batch:
            s.error, s.done = error, True
            if s is not me:
                s.wake.set()
        if successor is not None:
            successor.wake.set()
