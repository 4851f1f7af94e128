"""The rota's outbox payloads: what to tell whom, rendered at delivery."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

from bot.outbox.payloads import Payload


class RotaHandover(Payload):
    """A handover: a DM to the engineer who has it now (`where` = "dm"), or the line in the
    team leads' channel ("leads"): who has it from when to when."""

    kind: ClassVar[str] = "rota_handover"
    which: Literal["primary", "backup"]
    user: str
    start: datetime
    end: datetime | None
    where: Literal["dm", "leads"]


class RotaUserGroup(Payload):
    """Set the waakdienst's user group to whoever is on call when this is delivered, so a late
    retry never puts back an engineer whose turn has ended."""

    kind: ClassVar[str] = "rota_usergroup"


class RotaGaps(Payload):
    """Gaps in the rotations, told once each in the team leads' channel: `gaps` the
    primary's, `backup` the achterwacht's (empty in rows made before it was told)."""

    kind: ClassVar[str] = "rota_gaps"
    gaps: tuple[tuple[datetime | None, datetime | None], ...]
    backup: tuple[tuple[datetime | None, datetime | None], ...] = ()


ROTA_KINDS: dict[str, type[Payload]] = {
    cls.kind: cls for cls in (RotaHandover, RotaUserGroup, RotaGaps)
}
