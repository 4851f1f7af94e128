"""Where everything the console shows goes."""

from __future__ import annotations

import threading
from typing import TextIO

from bot.transports.console import render


class Screen:
    """The output stream; one lock, so nothing interleaves mid-message."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._lock = threading.Lock()

    def write(self, text: str) -> None:
        with self._lock:
            self.stream.write(text)
            self.stream.flush()

    def say(self, text: str = "") -> None:
        self.write(text + "\n")

    def show(self, heading: str, body: str = "") -> None:
        """A heading like `[#balie-2e-lijn] Balie:` with the body indented below it."""
        self.write(heading + "\n" + (render.indent(body) + "\n" if body else ""))
