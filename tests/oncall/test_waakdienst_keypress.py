"""The keypress on a page's call, end to end: the fake Twilio places the call Balie asked for,
then posts the Gather's callback, signed as Twilio signs it, to Balie's HTTP server
(POST {PUBLIC_URL}/twilio/keypress?page=..&round=..&step=..), which the chain engine acknowledges."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

from tests.oncall.chain_support import BACKUP, PHONES, PRIMARY, PUBLIC, Night, night

__all__ = ["night"]


def test_pressing_1_acknowledges_via_the_phone_and_nothing_more_is_sent(night: Night) -> None:
    night.ticket()
    night.run()
    night.at(2026, 11, 24, 22, 5)
    night.run()  # page 2: the engineer answers this call
    (_, second) = night.calls(PHONES[PRIMARY])
    gather = ET.fromstring(second["params"]["Twiml"]).find(".//Gather")
    assert gather is not None
    action = urlsplit(str(gather.get("action")))
    assert f"{action.scheme}://{action.netloc}" == PUBLIC and action.path == "/twilio/keypress"
    # The round is in the signed URL too, so a late 1 on an earlier round's call cannot pass
    # for an acknowledgement of a later round.
    assert parse_qs(action.query) == {
        "page": [str(night.chain().id)],
        "round": ["1"],
        "step": ["1"],
    }

    night.at(2026, 11, 24, 22, 7)
    press = night.keypress(PHONES[PRIMARY])
    assert press.status == 200
    assert "Je hebt de melding geaccepteerd" in (ET.fromstring(press.body).findtext("Say") or "")
    chain = night.chain()
    assert (chain.acknowledged_by, chain.acknowledged_via) == (PRIMARY, "phone")
    night.run()
    sent = night.notifications()
    night.walk(*((2026, 11, 24, 22, m) for m in (10, 15, 20, 25, 30)))
    assert night.notifications() == sent
    assert len(night.pages_to(PRIMARY)) == 2 and not night.pages_to(BACKUP)
    assert any("heeft de oproep geaccepteerd (aan de telefoon)" in t for t in night.thread())


def test_twilio_repeating_the_keypress_is_taken_calmly(night: Night) -> None:
    night.ticket()
    night.run()
    assert night.keypress(PHONES[PRIMARY]).status == 200
    assert night.keypress(PHONES[PRIMARY]).status == 200
    night.run()
    acks = [t for t in night.thread() if "heeft de oproep geaccepteerd" in t]
    assert len(acks) == 1


def test_another_key_asks_again_and_acknowledges_nothing(night: Night) -> None:
    night.ticket()
    night.run()
    press = night.keypress(PHONES[PRIMARY], digits="2")
    assert press.status == 200 and ET.fromstring(press.body).find("Gather") is not None
    assert night.chain().acknowledged_by is None
    night.at(2026, 11, 24, 22, 5)
    night.run()
    assert len(night.pages_to(PRIMARY)) == 2


def test_a_bad_signature_is_refused_with_403_and_changes_nothing(night: Night) -> None:
    night.ticket()
    night.run()
    forged = night.keypress(PHONES[PRIMARY], token="not-our-auth-token")
    assert forged.status == 403
    assert night.keypress(PHONES[PRIMARY], forged="bm90IGEgc2lnbmF0dXJl").status == 403
    chain = night.chain()
    assert (chain.state, chain.acknowledged_by) == ("paging", None)
    night.at(2026, 11, 24, 22, 5)
    night.run()
    assert len(night.pages_to(PRIMARY)) == 2 and len(night.calls(PHONES[PRIMARY])) == 2
