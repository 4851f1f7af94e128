"""The Twilio phone against the fake Twilio: calls and texts, and each failure as the outbox
reads it (Retry, uncertain or not, with Twilio's Retry-After; Permanent)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta

import pytest

from bot.clock import ManualClock
from bot.oncall.phone import Phone, TwilioPhone, announce, build_phone, look_back_for
from bot.oncall.twiml import keypress_url, page_twiml
from bot.outbox.dispatcher import GiveUp, Permanent, Retry
from bot.settings import load_settings
from tests.conftest import amsterdam
from tests.fakes.twilio_api import ACCOUNT_SID, AUTH_TOKEN, FROM, FakeTwilio

TO = "+31612345678"
PUBLIC = "https://balie.korton.example"


@pytest.fixture
def clock() -> ManualClock:
    # A Saturday night: the waakdienst is on.
    return ManualClock(amsterdam(2026, 11, 28, 2, 30))


@pytest.fixture
def twilio(clock: ManualClock) -> Iterator[FakeTwilio]:
    with FakeTwilio(clock=clock.now) as fake:
        yield fake


def _phone(twilio: FakeTwilio, clock: ManualClock, **settings: str) -> Phone:
    values = {
        "twilio_account_sid": ACCOUNT_SID,
        "twilio_auth_token": AUTH_TOKEN,
        "twilio_from": FROM,
        "twilio_api_url": twilio.api_url,
        "public_url": PUBLIC,
    }
    phone = build_phone(load_settings(**(values | settings)), clock=clock)
    assert isinstance(phone, TwilioPhone)
    return phone


def _twiml(page_id: int = 7, step: int = 1) -> str:
    url = keypress_url(PUBLIC, page_id=page_id, round=1, step=step)
    return page_twiml(lang="nl", say="Ticket K O R 7.", keypress_url=url)


def test_a_call_rings_with_the_twiml_and_returns_its_sid(
    twilio: FakeTwilio, clock: ManualClock
) -> None:
    sid = _phone(twilio, clock).call(to=TO, twiml=_twiml(), reference="41")
    (call,) = twilio.calls
    assert sid == call["sid"] and sid.startswith("CA")
    assert call["params"] == {"To": TO, "From": FROM, "Twiml": _twiml()}


def test_a_text_is_sent_from_our_number(twilio: FakeTwilio, clock: ManualClock) -> None:
    sid = _phone(twilio, clock).text(to=TO, body="Waakdienst: KOR-000007", reference="42")
    (message,) = twilio.messages
    assert sid == message["sid"] and sid.startswith("SM")
    assert message["params"] == {"To": TO, "From": FROM, "Body": "Waakdienst: KOR-000007"}


@pytest.mark.parametrize(("retry_after", "after"), [(None, None), (30, timedelta(seconds=30))])
def test_a_429_is_a_retry_after_what_twilio_said(
    twilio: FakeTwilio, clock: ManualClock, retry_after: int | None, after: timedelta | None
) -> None:
    twilio.fail("Calls", 429, retry_after=retry_after)
    with pytest.raises(Retry) as caught:
        _phone(twilio, clock).call(to=TO, twiml=_twiml(), reference="41")
    assert caught.value.after == after
    # Twilio never processes a request it answers with 429.
    assert not caught.value.uncertain
    assert twilio.calls == []


@pytest.mark.parametrize("status", [500, 503])
def test_a_5xx_is_an_uncertain_retry(twilio: FakeTwilio, clock: ManualClock, status: int) -> None:
    twilio.fail("Messages", status)
    with pytest.raises(Retry) as caught:
        _phone(twilio, clock).text(to=TO, body="x", reference="42")
    assert caught.value.uncertain and caught.value.after is None
    assert str(status) in str(caught.value)


def test_a_dropped_connection_is_an_uncertain_retry(twilio: FakeTwilio, clock: ManualClock) -> None:
    twilio.drop("Calls", accepted=True)
    with pytest.raises(Retry) as caught:
        _phone(twilio, clock).call(to=TO, twiml=_twiml(), reference="41")
    assert caught.value.uncertain
    assert len(twilio.calls) == 1  # it did ring


def test_twilio_unreachable_is_a_retry_that_sent_nothing(clock: ManualClock) -> None:
    with FakeTwilio(clock=clock.now) as gone:
        phone = _phone(gone, clock)
    with pytest.raises(Retry) as caught:
        phone.call(to=TO, twiml=_twiml(), reference="41")
    assert not caught.value.uncertain


@pytest.mark.parametrize(("to", "code"), [("0612345678", "21211"), ("+31600000000", "21214")])
def test_an_invalid_or_unreachable_number_is_permanent(
    twilio: FakeTwilio, clock: ManualClock, to: str, code: str
) -> None:
    twilio.unreachable("+31600000000")
    with pytest.raises(Permanent) as caught:
        _phone(twilio, clock).call(to=to, twiml=_twiml(), reference="41")
    assert code in str(caught.value)
    # No retry can make the number valid: the row is given up on at once.
    assert isinstance(caught.value, GiveUp)
    with pytest.raises(Permanent) as texted:
        _phone(twilio, clock).text(to="+31600000000", body="x", reference="42")
    assert "21614" in str(texted.value) and isinstance(texted.value, GiveUp)


def test_refused_credentials_are_permanent(twilio: FakeTwilio, clock: ManualClock) -> None:
    phone = _phone(twilio, clock, twilio_auth_token="0" * 32)
    with pytest.raises(Permanent) as caught:
        phone.call(to=TO, twiml=_twiml(), reference="41")
    assert "20003" in str(caught.value) and "401" in str(caught.value)
    assert not isinstance(caught.value, GiveUp)  # an operator may be fixing them: retried


def test_an_uncertain_retry_adopts_the_call_already_placed(
    twilio: FakeTwilio, clock: ManualClock
) -> None:
    phone = _phone(twilio, clock)
    twilio.fail("Calls", 500, accepted=True)
    with pytest.raises(Retry) as caught:
        phone.call(to=TO, twiml=_twiml(), reference="41")
    assert caught.value.uncertain
    clock.advance(timedelta(seconds=20))
    sid = phone.call(to=TO, twiml=_twiml(), reference="41", uncertain=True)
    (call,) = twilio.calls
    assert sid == call["sid"]


def test_an_uncertain_retry_calls_when_nothing_was_placed(
    twilio: FakeTwilio, clock: ManualClock
) -> None:
    phone = _phone(twilio, clock)
    twilio.fail("Calls", 503)
    with pytest.raises(Retry):
        phone.call(to=TO, twiml=_twiml(), reference="41")
    sid = phone.call(to=TO, twiml=_twiml(), reference="41", uncertain=True)
    assert [c["sid"] for c in twilio.calls] == [sid]


def test_an_uncertain_retry_does_not_take_an_earlier_step_for_its_own(
    twilio: FakeTwilio, clock: ManualClock
) -> None:
    phone = _phone(twilio, clock)
    first = phone.call(to=TO, twiml=_twiml(step=1), reference="41")
    # The chain's next page, five minutes on, went out uncertain.
    clock.advance(timedelta(minutes=5))
    second = phone.call(to=TO, twiml=_twiml(step=2), reference="57", uncertain=True)
    assert second != first and len(twilio.calls) == 2
    # Someone else's call in the window is not ours either.
    phone.call(to="+31687654321", twiml=_twiml(page_id=8), reference="58")
    third = phone.call(to=TO, twiml=_twiml(step=2), reference="57", uncertain=True)
    assert third == second


def test_an_uncertain_text_is_matched_on_its_body(twilio: FakeTwilio, clock: ManualClock) -> None:
    phone = _phone(twilio, clock)
    twilio.fail("Messages", 500, accepted=True)
    with pytest.raises(Retry):
        phone.text(to=TO, body="KOR-000007", reference="42")
    assert (
        phone.text(to=TO, body="KOR-000007", reference="42", uncertain=True)
        == (twilio.messages[0]["sid"])
    )
    other = phone.text(to=TO, body="KOR-000008", reference="43", uncertain=True)
    assert len(twilio.messages) == 2 and other == twilio.messages[1]["sid"]


def test_a_look_for_an_earlier_call_that_gets_no_answer_stays_uncertain(
    twilio: FakeTwilio, clock: ManualClock
) -> None:
    phone = _phone(twilio, clock)
    twilio.down()
    with pytest.raises(Retry) as caught:
        phone.call(to=TO, twiml=_twiml(), reference="41", uncertain=True)
    assert caught.value.uncertain
    twilio.up()
    assert twilio.calls == []


def test_without_phone_settings_there_is_no_phone_and_start_up_says_so(
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = load_settings()
    assert build_phone(settings) is None
    with caplog.at_level(logging.INFO, logger="bot.oncall.phone"):
        announce(settings)
    assert [r.getMessage() for r in caplog.records] == [
        "no phone settings: paging is by Slack only"
    ]


def test_the_look_back_stays_inside_the_wait_between_pages() -> None:
    assert look_back_for(timedelta(minutes=5)) == timedelta(minutes=4)
    assert look_back_for(timedelta(minutes=2)) == timedelta(seconds=96)
    assert look_back_for(timedelta(minutes=30)) == timedelta(minutes=4)
