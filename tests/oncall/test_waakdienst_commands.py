"""`/waakdienst accepteer|ack|escaleer|roep-op NUMMER` as real slash commands, signed as Slack
sends them, against the real rota and the fake Twilio."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import ChargeableItem
from tests.conftest import AGENT
from tests.oncall.chain_support import (
    BACKUP,
    PHONES,
    PRIMARY,
    SILVER_P1,
    Night,
    night,
)

__all__ = ["night"]


def test_accepteer_stops_every_further_page(night: Night) -> None:
    number = night.ticket()
    night.run()
    assert len(night.pages_to(PRIMARY)) == 1 and len(night.calls()) == 1
    night.at(2026, 11, 24, 22, 3)
    answer = night.waak(f"accepteer {number}", user=PRIMARY)
    assert answer == f"Je hebt {number} geaccepteerd: verdere oproepen zijn gestopt."
    sent = night.notifications()
    night.walk(*((2026, 11, 24, 22, m) for m in (5, 10, 15, 20, 25)))
    assert night.notifications() == sent
    chain = night.chain()
    assert (chain.acknowledged_by, chain.acknowledged_via) == (PRIMARY, "command")


def test_the_english_alias_ack_acknowledges_too(night: Night) -> None:
    number = night.ticket()
    night.run()
    night.at(2026, 11, 24, 22, 6)
    night.run()  # page 2 went out
    assert len(night.pages_to(PRIMARY)) == 2
    assert "geaccepteerd" in night.waak(f"ack {number}", user=PRIMARY)
    night.walk((2026, 11, 24, 22, 11), (2026, 11, 24, 22, 16), (2026, 11, 24, 22, 21))
    assert len(night.pages_to(PRIMARY)) == 2 and not night.pages_to(BACKUP)
    assert len(night.calls()) == 2
    assert night.chain().acknowledged_via == "command"


def test_escaleer_moves_on_at_once(night: Night) -> None:
    number = night.ticket()
    night.run()
    night.at(2026, 11, 24, 22, 1)
    answer = night.waak(f"escaleer {number}", user=PRIMARY)
    assert answer == f"{number} gaat nu naar de achterwacht."
    night.run()
    # The achterwacht at 22:01, not at 22:15: the DM, the call and the text. Not page 2 of 3
    # to the primary who asked for help.
    assert len(night.pages_to(PRIMARY)) == 1 and len(night.pages_to(BACKUP)) == 1
    assert [c["to"] for c in night.calls()] == [PHONES[PRIMARY], PHONES[BACKUP]]
    assert [m["to"] for m in night.texts()] == [PHONES[PRIMARY], PHONES[BACKUP]]
    assert night.waak(f"escaleer {number}", user=BACKUP) == f"{number} gaat nu naar de teamleiders."
    night.run()
    assert len(night.leads_pages()) == 1
    # The team leads have it: further is nowhere, and nobody is paged again.
    sent = night.notifications()
    assert night.waak(f"escaleer {number}", user=BACKUP) == (
        f"{number} ligt al bij de teamleiders; verder escaleren kan niet."
    )
    night.run()
    assert night.notifications() == sent


def test_someone_who_was_not_paged_and_is_no_staff_cannot_acknowledge(night: Night) -> None:
    number = night.ticket()
    night.run()
    night.waak(f"accepteer {number}", user="UOUTSIDER")
    night.at(2026, 11, 24, 22, 5)
    night.run()
    assert len(night.pages_to(PRIMARY)) == 2 and night.chain().acknowledged_by is None


def test_roep_op_pages_a_silver_p1_at_night_and_records_a_chargeable_item(night: Night) -> None:
    number = night.ticket("Ovens koud", text=SILVER_P1)
    night.run()
    assert night.chains() == 0 and night.notifications() == 0  # silver is not paged
    answer = night.waak(f"roep-op {number}", user=AGENT)
    assert answer == (
        f"De waakdienst wordt opgeroepen voor *{number}*. "
        "Bakkerij Brood &amp; Co heeft er geen recht op: dit wordt doorbelast."
    )
    night.run()
    assert len(night.pages_to(PRIMARY, number)) == 1
    assert [c["to"] for c in night.calls()] == [PHONES[PRIMARY]]
    # Paged by hand for a customer without the waakdienst: a charged manual page.
    assert night.chain().reason == "manual_charged"
    with night.s.sessions() as session:
        items = session.execute(select(ChargeableItem).order_by(ChargeableItem.id)).scalars()
        found = [(i.reason, i.actor, i.rule) for i in items]
    assert ("paged_anyway", AGENT, "after_hours_without_entitlement") in found
