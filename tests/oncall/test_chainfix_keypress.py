"""Review #9, bugs 3 and 11: the keypress names its round in the signed URL; a keypress that
acknowledges nothing is told so on the phone; the pager's log lines name the ticket."""

from __future__ import annotations

import io
import logging
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from sqlalchemy import select

from bot.blocks.ids import ActionId
from bot.settings import load_settings
from bot.transports.keypress import KeypressEndpoint, keypress_endpoint
from storage.models import PageChain
from tests.fakes.twilio_api import ACCOUNT_SID, AUTH_TOKEN, FROM, signature
from tests.oncall.chain_support import PRIMARY, Night, night

__all__ = ["night"]
PUBLIC = "https://balie.korton.example"


def chain_of(n: Night) -> PageChain:
    with n.s.sessions() as session:
        found = session.execute(select(PageChain).order_by(PageChain.id.desc())).scalars().first()
        assert found is not None
        return found


def endpoint(n: Night) -> KeypressEndpoint:
    settings = load_settings(
        twilio_account_sid=ACCOUNT_SID,
        twilio_auth_token=AUTH_TOKEN,
        twilio_from=FROM,
        twilio_api_url="http://127.0.0.1:9",
        public_url=PUBLIC,
    )
    found = keypress_endpoint(settings, lang="nl", on_keypress=n.s.pager.keypress)
    assert found is not None
    return found


def press(app: KeypressEndpoint, action: str) -> str:
    """POST Digits=1 to the call's keypress URL, signed as Twilio signs it; the TwiML's Say."""
    params = {"CallSid": "CA" + "0" * 32, "Digits": "1", "To": "+31612345001", "From": FROM}
    body = urlencode(params).encode()
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/twilio/keypress",
        "QUERY_STRING": urlsplit(action).query,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "HTTP_X_TWILIO_SIGNATURE": signature(AUTH_TOKEN, action, params),
    }
    status: list[str] = []
    answer = b"".join(app(environ, lambda s, h: status.append(s)))
    assert status == ["200 OK"]
    say = ET.fromstring(answer).find("Say")
    assert say is not None
    return say.text or ""


def action_of(call: dict[str, str]) -> str:
    gather = ET.fromstring(call["twiml"]).find("Gather")
    assert gather is not None
    # The night's Balie has no PUBLIC_URL: the action is the path and its query.
    return (
        PUBLIC
        + urlsplit(gather.attrib["action"]).path
        + "?"
        + urlsplit(gather.attrib["action"]).query
    )


def test_the_call_names_its_round_and_a_late_1_on_an_earlier_round_acknowledges_nothing(
    night: Night,
) -> None:
    number = night.ticket()
    night.request(number)
    night.run()
    first_call = night.phone.calls[0]
    query = parse_qs(urlsplit(action_of(first_call)).query)
    assert (query["round"], query["step"]) == (["1"], ["0"])
    # Acknowledged, the reminder unanswered: round 2 pages from the first step again.
    night.press(ActionId.PAGE_ACK, number, PRIMARY)
    night.at(2026, 11, 24, 22, 30)
    night.run()
    night.at(2026, 11, 24, 22, 35)
    night.run()
    assert chain_of(night).round == 2 and len(night.phone.calls) == 2
    chain = chain_of(night)
    assert not night.s.pager.keypress(chain.id, 0, "+31612345001", round=1)
    assert chain_of(night).state == "paging"
    assert night.s.pager.keypress(chain.id, 0, "+31612345001", round=2)
    assert chain_of(night).state == "acknowledged"


def test_a_keypress_for_a_page_that_is_over_is_told_so(night: Night) -> None:
    app = endpoint(night)
    number = night.ticket()
    night.request(number)
    night.run()
    action = action_of(night.phone.calls[0])
    night.balie.command(f"los-op {number} Stroom hersteld", user="UAGENT1")
    assert "al afgehandeld" in press(app, action)
    assert chain_of(night).acknowledged_by is None


def test_a_keypress_that_is_recorded_thanks_the_caller(night: Night) -> None:
    app = endpoint(night)
    number = night.ticket()
    night.request(number)
    night.run()
    assert "geaccepteerd" in press(app, action_of(night.phone.calls[0]))
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
