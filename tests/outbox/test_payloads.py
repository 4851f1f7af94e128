"""The outbox contract: every kind has one payload type and one delivery."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from sqlalchemy import select

from bot.outbox.payloads import KINDS, CardSync, CustomerMail
from storage.models import OutboxItem
from tests.conftest import Balie

INCIDENT = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden'


def test_every_kind_has_a_delivery(balie: Balie) -> None:
    assert set(KINDS) <= set(balie.services.dispatcher.handlers)


def test_rows_are_written_from_and_read_back_as_their_payload_type(balie: Balie) -> None:
    balie.register(f"{INCIDENT} Storing")
    with balie.services.sessions() as s:
        rows = s.execute(select(OutboxItem).order_by(OutboxItem.id)).scalars().all()
    assert [r.kind for r in rows] == ["card", "thread", "mail"]
    assert CardSync.of(rows[0]) == CardSync(ticket_id=1)
    mail = CustomerMail.of(rows[2])
    assert (mail.template, mail.ticket_id) == ("registered", 1)
    with pytest.raises(TypeError):
        CardSync.of(rows[2])


def test_a_payload_takes_no_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        CardSync.model_validate({"ticket_id": 1, "blocks": []})
