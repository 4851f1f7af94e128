"""Bolt's lazy listeners, run by the console itself rather than on a thread pool."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from slack_bolt import BoltRequest
from slack_bolt.lazy_listener import LazyListenerRunner


class DeferredLazyListenerRunner(LazyListenerRunner):
    """Holds Bolt's lazy listeners until the console runs them, after showing the ack.

    Bolt's own adapters for FaaS platforms swap this runner the same way. Running them on the
    console's thread, in order, makes the output deterministic: no waiting for a thread pool.
    """

    def __init__(self, logger: logging.Logger) -> None:
        self.logger = logger
        self._pending: list[tuple[Callable[..., None], BoltRequest]] = []
        self._lock = threading.Lock()

    def start(self, function: Callable[..., None], request: BoltRequest) -> None:
        with self._lock:
            self._pending.append((function, request))

    def run_pending(self) -> int:
        ran = 0
        while True:
            with self._lock:
                if not self._pending:
                    return ran
                function, request = self._pending.pop(0)
            self.run(function, request)
            ran += 1
