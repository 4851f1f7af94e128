"""Who the chain pages: the seam between the rota and the chain engine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Targets:
    """Who has the waakdienst at a moment, overrides applied: the primary rotation's engineer
    and the backup rotation's (None where nobody is on the rota then)."""

    primary: str | None
    backup: str | None


class OnCall(Protocol):
    def targets(self, at: datetime) -> Targets:
        """Who is on call at `at` (an aware datetime), overrides winning over rotations."""
        ...

    def phone(self, user: str) -> str | None:
        """The engineer's phone number in E.164 (+31612345678), if the rota has one."""
        ...
