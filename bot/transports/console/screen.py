"""Where everything the console shows goes, and how wide and how styled it may be."""

from __future__ import annotations

import os
import shutil
import sys
import threading
from typing import TextIO

from bot.transports.console.markup import GLUE, INDENT, WIDTH, Look, Names, indent

# Narrower than this, a card's two columns no longer hold a word each.
MIN_WIDTH = 40


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _terminal_columns(stream: TextIO) -> int:
    if stream is sys.stdout or stream is sys.__stdout__:
        # shutil also honours COLUMNS, as people expect of a terminal program.
        return shutil.get_terminal_size((WIDTH, 24)).columns
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return WIDTH


class Screen:
    """The output stream; one lock, so nothing interleaves mid-message.

    On a terminal, text wraps to the terminal's width (asked again for every message, so a
    resized window is followed) and takes ANSI styles, unless NO_COLOR is set or TERM is
    `dumb`. In a pipe or a file it is plain and 100 columns wide, so a transcript reads the
    same everywhere.
    """

    def __init__(self, stream: TextIO, *, ansi: bool | None = None) -> None:
        self.stream = stream
        self.terminal = _is_terminal(stream)
        if ansi is None:
            dumb = os.environ.get("TERM") == "dumb" or "NO_COLOR" in os.environ
            ansi = self.terminal and not dumb
        self.ansi = ansi
        self._lock = threading.Lock()

    @property
    def width(self) -> int:
        """Columns for a message body (which is indented under its heading)."""
        columns = _terminal_columns(self.stream) if self.terminal else WIDTH
        return max(columns, MIN_WIDTH) - len(INDENT)

    def look(self, names: Names, lang: str) -> Look:
        return Look(names=names, width=self.width, lang=lang, ansi=self.ansi)

    def write(self, text: str) -> None:
        # Glue that kept a command example together has done its work by now.
        text = text.replace(GLUE, " ")
        with self._lock:
            self.stream.write(text)
            self.stream.flush()

    def say(self, text: str = "") -> None:
        self.write(text + "\n")

    def show(self, heading: str, body: str = "") -> None:
        """A heading like `[#balie-2e-lijn] Balie:` with the body indented below it."""
        if self.ansi:
            heading = Look(ansi=True).style("heading", heading)
        self.write(heading + "\n" + (indent(body) + "\n" if body else ""))
