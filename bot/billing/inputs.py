"""What an agent asks of the ledger, as parsed from /ticket tijd or the time modal: plain
values the service takes, so the service never imports a grammar."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RecordTime:
    number: str
    minutes: int
    description: str = ""
    kind: str | None = None  # None: the policy's default kind


@dataclass(frozen=True, slots=True)
class CorrectTime:
    number: str
    entry_id: int
    minutes: int  # 0: the old entry is only cancelled
    description: str = ""
    kind: str | None = None  # None: the old entry's kind


@dataclass(frozen=True, slots=True)
class ShowTime:
    number: str
