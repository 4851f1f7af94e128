"""The fake Twilio answers as Twilio does: the twilio package's own client accepts its answers
and raises TwilioRestException with Twilio's codes on its errors; its keypress is signed as
twilio.request_validator checks it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import parse_qsl

import pytest
import requests
from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from tests.fakes.twilio_api import ACCOUNT_SID, AUTH_TOKEN, FROM, FakeTwilio, signature

TO = "+31612345678"
TWIML = (
    '<?xml version="1.0" encoding="UTF-8"?><Response>'
    '<Gather numDigits="1" action="https://balie.korton.example/twilio/keypress?page=7&amp;step=2"'
    ' method="POST"><Say language="nl-NL">Druk op 1</Say></Gather></Response>'
)


@pytest.fixture
def twilio() -> Iterator[FakeTwilio]:
    with FakeTwilio() as fake:
        yield fake


def _client(fake: FakeTwilio, sid: str = ACCOUNT_SID, token: str = AUTH_TOKEN) -> Client:
    client = Client(sid, token, http_client=TwilioHttpClient(timeout=5))
    client.api.base_url = fake.api_url
    return client


def _code(call: Any) -> tuple[int, int | None]:
    with pytest.raises(TwilioRestException) as caught:
        call()
    return caught.value.status, caught.value.code


def test_a_call_is_accepted_as_twilio_answers_it(twilio: FakeTwilio) -> None:
    call = _client(twilio).calls.create(to=TO, from_=FROM, twiml=TWIML)
    assert call.sid.startswith("CA") and len(call.sid) == 34
    assert call.status == "queued" and call.to == TO and call._from == FROM
    assert call.start_time is None and call.date_created is not None
    (placed,) = twilio.calls
    assert placed["sid"] == call.sid
    assert placed["params"] == {"To": TO, "From": FROM, "Twiml": TWIML}
    (request,) = twilio.requests
    assert request.status == 201 and request.path.endswith(f"/Accounts/{ACCOUNT_SID}/Calls.json")


def test_a_message_is_accepted_as_twilio_answers_it(twilio: FakeTwilio) -> None:
    message = _client(twilio).messages.create(to=TO, from_=FROM, body="Waakdienst: KOR-000007")
    assert message.sid.startswith("SM") and message.status == "queued"
    assert message.body == "Waakdienst: KOR-000007" and message.num_segments == "1"
    assert twilio.messages[0]["params"]["Body"] == "Waakdienst: KOR-000007"


def test_credentials_and_the_account_are_checked(twilio: FakeTwilio) -> None:
    assert _code(
        lambda: _client(twilio, token="wrong").calls.create(to=TO, from_=FROM, twiml=TWIML)
    ) == (401, 20003)
    other = "AC" + "f" * 32
    assert _code(
        lambda: _client(twilio, sid=other).calls.create(to=TO, from_=FROM, twiml=TWIML)
    ) == (401, 20003)
    # Our credentials, but another account's path.
    client = _client(twilio)
    assert _code(
        lambda: client.api.v2010.accounts(other).calls.create(to=TO, from_=FROM, twiml=TWIML)
    ) == (404, 20404)
    unsigned = requests.post(f"{twilio.api_url}/2010-04-01/Accounts/{ACCOUNT_SID}/Calls.json")
    assert unsigned.status_code == 401 and unsigned.json()["code"] == 20003
    assert twilio.calls == []


@pytest.mark.parametrize(
    ("to", "from_", "code"),
    [
        ("0612345678", FROM, 21211),
        ("+31 6 12345678", FROM, 21211),
        (TO, "Balie", 21212),
        (TO, "+3197000000000", 21210),
    ],
)
def test_numbers_are_checked_as_twilio_checks_them(
    twilio: FakeTwilio, to: str, from_: str, code: int
) -> None:
    client = _client(twilio)
    assert _code(lambda: client.calls.create(to=to, from_=from_, twiml=TWIML)) == (400, code)
    assert twilio.calls == []


def test_required_parameters(twilio: FakeTwilio) -> None:
    client = _client(twilio)
    assert _code(lambda: client.calls.create(to=TO, from_=FROM)) == (400, 21205)
    assert _code(lambda: client.calls.create(to=TO, from_=FROM, twiml="<Say>x")) == (400, 12100)
    assert _code(lambda: client.messages.create(to=TO, from_=FROM)) == (400, 21602)
    assert _code(lambda: client.messages.create(to=TO, from_=FROM, body="x" * 1601)) == (
        400,
        21617,
    )
    assert _code(lambda: client.messages.create(to=TO, from_="+3197000000000", body="x")) == (
        400,
        21606,
    )


def test_trial_unreachable_and_unsubscribed_numbers(twilio: FakeTwilio) -> None:
    client = _client(twilio)
    twilio.unreachable("+31600000000")
    assert _code(lambda: client.calls.create(to="+31600000000", from_=FROM, twiml=TWIML)) == (
        400,
        21214,
    )
    assert _code(lambda: client.messages.create(to="+31600000000", from_=FROM, body="x")) == (
        400,
        21614,
    )
    twilio.unsubscribed("+31611111111")
    assert _code(lambda: client.messages.create(to="+31611111111", from_=FROM, body="x")) == (
        400,
        21610,
    )
    twilio.trial(verified=(TO,))
    assert _code(lambda: client.calls.create(to="+31622222222", from_=FROM, twiml=TWIML)) == (
        400,
        21219,
    )
    assert client.calls.create(to=TO, from_=FROM, twiml=TWIML).status == "queued"


def test_injected_failures(twilio: FakeTwilio) -> None:
    client = _client(twilio)
    twilio.fail("Calls", 429)
    assert _code(lambda: client.calls.create(to=TO, from_=FROM, twiml=TWIML)) == (429, 20429)
    twilio.fail("Calls", 503)
    assert _code(lambda: client.calls.create(to=TO, from_=FROM, twiml=TWIML)) == (503, 20503)
    assert twilio.calls == []
    # A 500 after Twilio placed the call all the same.
    twilio.fail("Calls", 500, accepted=True)
    assert _code(lambda: client.calls.create(to=TO, from_=FROM, twiml=TWIML)) == (500, 20500)
    assert len(twilio.calls) == 1
    twilio.drop("Calls")
    with pytest.raises(requests.ConnectionError):
        client.calls.create(to=TO, from_=FROM, twiml=TWIML)
    assert len(twilio.calls) == 1
    # Failures are spent: the next call goes through.
    assert client.calls.create(to=TO, from_=FROM, twiml=TWIML).status == "queued"


def test_a_429_carries_retry_after_only_when_asked(twilio: FakeTwilio) -> None:
    url = f"{twilio.api_url}/2010-04-01/Accounts/{ACCOUNT_SID}/Calls.json"
    form = {"To": TO, "From": FROM, "Twiml": TWIML}
    twilio.fail("Calls", 429)
    plain = requests.post(url, data=form, auth=(ACCOUNT_SID, AUTH_TOKEN))
    assert plain.status_code == 429 and "Retry-After" not in plain.headers
    assert plain.json() == {
        "code": 20429,
        "message": "Too Many Requests",
        "more_info": "https://www.twilio.com/docs/errors/20429",
        "status": 429,
    }
    twilio.fail("Calls", 429, retry_after=30)
    told = requests.post(url, data=form, auth=(ACCOUNT_SID, AUTH_TOKEN))
    assert told.status_code == 429 and told.headers["Retry-After"] == "30"


def test_calls_are_listed_newest_first_with_twilios_filters(twilio: FakeTwilio) -> None:
    client = _client(twilio)
    first = client.calls.create(to=TO, from_=FROM, twiml=TWIML).sid
    second = client.calls.create(to=TO, from_=FROM, twiml=TWIML).sid
    client.calls.create(to="+31687654321", from_=FROM, twiml=TWIML)
    assert [c.sid for c in client.calls.list(to=TO)] == [second, first]
    assert len(client.calls.list(limit=2, page_size=2)) == 2
    assert len(client.calls.list(page_size=1)) == 3  # the client follows next_page_uri
    # A queued call has no start time yet, so a StartTime filter leaves it out, as in Twilio.
    today = datetime.now(UTC)
    assert client.calls.list(to=TO, start_time_after=today.replace(hour=0, minute=0)) == []
    twilio.answer(first)
    assert [c.sid for c in client.calls.list(to=TO, start_time_after=today.date())] == [first]
    assert client.calls(first).fetch().status == "in-progress"
    # The Call resource does not give back the TwiML it was made with.
    assert "twiml" not in twilio.requests[-1].body  # type: ignore[operator]


def test_messages_are_listed_with_their_body(twilio: FakeTwilio) -> None:
    client = _client(twilio)
    client.messages.create(to=TO, from_=FROM, body="een")
    client.messages.create(to=TO, from_=FROM, body="twee")
    assert [m.body for m in client.messages.list(to=TO, from_=FROM)] == ["twee", "een"]


def test_the_signature_is_the_one_twilio_validates() -> None:
    url = "https://balie.korton.example/twilio/keypress?page=7&step=2"
    params = {"CallSid": "CA" + "1" * 32, "Digits": "1", "From": FROM, "To": TO, "AccountSid": "x"}
    signed = signature(AUTH_TOKEN, url, params)
    validator = RequestValidator(AUTH_TOKEN)
    assert signed == validator.compute_signature(url, params)
    assert validator.validate(url, params, signed)
    assert not validator.validate(url, {**params, "Digits": "2"}, signed)
    assert not validator.validate(url.replace("step=2", "step=3"), params, signed)
    assert not RequestValidator("other").validate(url, params, signed)


class _Recorder(BaseHTTPRequestHandler):
    seen: ClassVar[list[tuple[str, dict[str, str], dict[str, str]]]] = []

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        self.seen.append(
            (self.path, dict(parse_qsl(body, keep_blank_values=True)), dict(self.headers.items()))
        )
        answer = b"<Response/>"
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)


def test_the_keypress_posts_twilios_parameters_signed_to_the_gather_action(
    twilio: FakeTwilio,
) -> None:
    sid = _client(twilio).calls.create(to=TO, from_=FROM, twiml=TWIML).sid
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        press = twilio.keypress(sid, "1", send_to=f"http://127.0.0.1:{server.server_port}")
    finally:
        server.shutdown()
        server.server_close()
    assert press.status == 200 and press.body == "<Response/>"
    ((path, params, headers),) = _Recorder.seen
    assert path == "/twilio/keypress?page=7&step=2"
    assert params["CallSid"] == sid and params["Digits"] == "1"
    assert params["AccountSid"] == ACCOUNT_SID and params["To"] == TO and params["From"] == FROM
    url = "https://balie.korton.example/twilio/keypress?page=7&step=2"
    assert RequestValidator(AUTH_TOKEN).validate(url, params, headers["X-Twilio-Signature"])
