"""Files Balie uploads to Slack, kept in a folder instead: the console's files_upload_v2.

In Slack a file is three calls: files.getUploadURLExternal names it and gives an upload URL,
the bytes go to that URL, and files.completeUploadExternal shares it (or, without a channel,
keeps it private, for an image block). Here the bytes are written to a folder (default
`balie-bestanden/` in the current directory), and files.list answers from what was saved in
this session, so an uncertain retry finds its upload as it would in Slack.

A name is never used twice for different contents: the second `x.csv` becomes `x-2.csv`. The
same contents under the same name (an export made again) is the file already there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from bot.i18n import t

DEFAULT_FOLDER = Path("balie-bestanden")

# Path separators and control characters never reach the file system; nor does a leading dot.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:]")


@dataclass
class Pending:
    """An upload between its first step and its last: named, and perhaps its bytes in."""

    id: str
    filename: str
    alt: str | None
    data: bytes | None = None


@dataclass
class Saved:
    id: str
    name: str
    title: str
    alt: str | None
    size: int
    path: Path
    created: int  # seconds since the epoch, as files.list's ts_from compares
    channels: list[str] = field(default_factory=list)

    def as_slack(self) -> dict[str, object]:
        """The file object Slack's answers carry, with what Balie reads (id, name)."""
        return {
            "id": self.id,
            "name": self.name,
            "title": self.title,
            "size": self.size,
            "created": self.created,
            "timestamp": self.created,
            "channels": [c for c in self.channels if not c.startswith("D")],
            "ims": [c for c in self.channels if c.startswith("D")],
            "is_public": False,
            **({"alt_txt": self.alt} if self.alt else {}),
        }


def safe_name(filename: str) -> str:
    """The file's own name, fit for any file system: no folders, no control characters."""
    name = _UNSAFE.sub("-", Path(filename.replace("\\", "/")).name).lstrip(". ")
    return name or "bestand"


class Shelf:
    """The folder the console saves files in, and what it saved this session."""

    def __init__(self, folder: Path = DEFAULT_FOLDER) -> None:
        self.folder = folder
        self.saved: list[Saved] = []

    def place(self, filename: str, data: bytes) -> Path:
        """Write the bytes under the name, or under `name-2.ext` if that name holds other
        contents; the same contents under the same name are not written twice."""
        self.folder.mkdir(parents=True, exist_ok=True)
        name = safe_name(filename)
        stem, dot, ext = name.rpartition(".")
        if not stem:
            stem, dot, ext = name, "", ""
        n = 1
        while True:
            path = self.folder / (name if n == 1 else f"{stem}-{n}{dot}{ext}")
            if not path.exists():
                path.write_bytes(data)
                return path
            if path.is_file() and path.read_bytes() == data:
                return path
            n += 1

    def keep(self, saved: Saved) -> None:
        self.saved.append(saved)

    def listed(self, *, channel: str | None, since: int | None, count: int) -> list[Saved]:
        """files.list: newest first, in a channel if one is asked, from a moment on."""
        found = [
            s
            for s in reversed(self.saved)
            if (channel is None or channel in s.channels) and (since is None or s.created >= since)
        ]
        return found[:count]


def size_text(size: int, lang: str) -> str:
    """A size as Slack shows one: bytes, then KB and MB (of 1024), one decimal."""
    if size < 1024:
        return t(lang, "console.file.bytes", n=size)
    if size < 1024 * 1024:
        return t(lang, "console.file.kb", n=_decimal(size / 1024, lang))
    return t(lang, "console.file.mb", n=_decimal(size / (1024 * 1024), lang))


def _decimal(value: float, lang: str) -> str:
    shown = f"{value:.1f}"
    return shown.replace(".", ",") if lang == "nl" else shown
