"""The outbox payloads of entitlement and the desk's handovers, rendered at delivery by
bot.oncall.entitlement_delivery."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from bot.outbox.payloads import Payload


class NotEntitledNotice(Payload):
    """Tell whoever works a ticket after hours that its customer is not entitled to the
    waakdienst and that the work is charged; with the "Toch oproepen" button. A direct
    message, in their language."""

    kind: ClassVar[str] = "entitlement_notice"
    ticket_id: int
    user: str


class DeskHandoverPost(Payload):
    """The end of office hours: the open tickets the waakdienst takes over, in one message to
    the team leads."""

    kind: ClassVar[str] = "desk_handover"
    at: datetime
    ticket_ids: tuple[int, ...]


class DeskHandbackPost(Payload):
    """Back in office hours: what the waakdienst did with a line's tickets since `since`."""

    kind: ClassVar[str] = "desk_handback"
    line: int
    since: datetime
    until: datetime
    ticket_ids: tuple[int, ...]


PAYLOADS: tuple[type[Payload], ...] = (NotEntitledNotice, DeskHandoverPost, DeskHandbackPost)
