"""Review #9, bugs 3 and 11: the keypress names its round in the signed URL; a keypress that
acknowledges nothing is told so on the phone; the pager's log lines name the ticket."""

from __future__ import annotations

import html
import logging
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from bot.blocks.ids import ActionId
from storage.models import PageChain
from tests.fakes.twilio_api import Keypress
from tests.oncall.chain_support import PHONES, PRIMARY, Night, night

__all__ = ["night"]


def chain_of(n: Night) -> PageChain:
    with n.s.sessions() as session:
        found = session.execute(select(PageChain).order_by(PageChain.id.desc())).scalars().first()
        assert found is not None
        return found


def action_of(call: dict[str, Any]) -> str:
    """The keypress URL of a call the fake Twilio placed: its Gather's action."""
    gather = ET.fromstring(call["params"]["Twiml"]).find(".//Gather")
    assert gather is not None
    return html.unescape(gather.attrib["action"])


def said(press: Keypress) -> str:
    """What Balie's answer to a keypress says to the caller (its TwiML's Say)."""
    assert press.status == 200, press.body
    say = ET.fromstring(press.body).find("Say")
    assert say is not None
    return say.text or ""


def test_the_call_names_its_round_and_a_late_1_on_an_earlier_round_acknowledges_nothing(
    night: Night,
) -> None:
    number = night.ticket()
    night.request(number)
    night.run()
    (first_call,) = night.calls()
    query = parse_qs(urlsplit(action_of(first_call)).query)
    assert (query["round"], query["step"]) == (["1"], ["0"])
    # Acknowledged, the reminder unanswered: round 2 pages from the first step again.
    night.press(ActionId.PAGE_ACK, number, PRIMARY)
    night.at(2026, 11, 24, 22, 30)
    night.run()
    night.at(2026, 11, 24, 22, 35)
    night.run()
    assert chain_of(night).round == 2 and len(night.calls()) == 2
    second_call = night.calls()[-1]
    query = parse_qs(urlsplit(action_of(second_call)).query)
    assert (query["round"], query["step"]) == (["2"], ["0"])
    # A late 1 on round 1's call, signed as Twilio signs it: nothing is acknowledged, and the
    # caller hears so.
    late = night.twilio.keypress(first_call["sid"], send_to=night.balie.url)
    assert "al afgehandeld" in said(late)
    assert chain_of(night).state == "paging"
    # The 1 on round 2's call acknowledges round 2.
    assert "geaccepteerd" in said(
        night.twilio.keypress(second_call["sid"], send_to=night.balie.url)
    )
    assert chain_of(night).state == "acknowledged"


def test_a_keypress_for_a_page_that_is_over_is_told_so(night: Night) -> None:
    number = night.ticket()
    night.request(number)
    night.run()
    night.balie.command(f"los-op {number} Stroom hersteld", user="UAGENT1")
    assert "al afgehandeld" in said(night.keypress(PHONES[PRIMARY], number=number))
    assert chain_of(night).acknowledged_by is None


def test_a_keypress_that_is_recorded_thanks_the_caller(night: Night) -> None:
    number = night.ticket()
    night.request(number)
    night.run()
    assert "geaccepteerd" in said(night.keypress(PHONES[PRIMARY], number=number))
    assert (chain_of(night).acknowledged_by, chain_of(night).acknowledged_via) == (
        PRIMARY,
        "phone",
    )


def test_the_pagers_log_lines_name_the_ticket(
    night: Night, caplog: pytest.LogCaptureFixture
) -> None:
    number = night.ticket()
    night.request(number)
    night.run()
    with caplog.at_level(logging.INFO, logger="bot.oncall.pager"):
        assert night.s.pager.keypress(chain_of(night).id, 0, "+31612345001", round=1)
    lines = [r for r in caplog.records if r.name == "bot.oncall.pager"]
    assert lines and all(getattr(r, "ticket", None) == number for r in lines)
