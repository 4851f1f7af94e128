"""The keypress of a page's call, through Balie's real WSGI app over HTTP: the fake Twilio
places the call and sends the keypress signed as Twilio signs it."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlencode
from wsgiref.simple_server import make_server

import pytest

from bot.oncall.phone import build_phone
from bot.oncall.twiml import keypress_url, page_twiml
from bot.settings import Settings, load_settings
from bot.transports.keypress import keypress_endpoint
from bot.transports.wsgi import SlackWsgi
from tests.conftest import SIGNING_SECRET, Balie, _QuietHandler, _ThreadingServer
from tests.fakes.signed import SlackClient
from tests.fakes.twilio_api import ACCOUNT_SID, AUTH_TOKEN, FROM, FakeTwilio, signature

TO = "+31612345678"
PUBLIC = "https://balie.korton.example"
PAGE, ROUND, STEP = 12, 1, 3


@dataclass
class Keypresses:
    url: str
    twilio: FakeTwilio
    sid: str
    pressed: list[tuple[int, int, int, str]] = field(default_factory=list)


def _settings(twilio: FakeTwilio) -> Settings:
    return load_settings(
        twilio_account_sid=ACCOUNT_SID,
        twilio_auth_token=AUTH_TOKEN,
        twilio_from=FROM,
        twilio_api_url=twilio.api_url,
        public_url=PUBLIC,
    )


def _serve(balie: Balie, keypress: object) -> tuple[str, _ThreadingServer]:
    app = SlackWsgi(balie.app, balie.services, keypress=keypress)  # type: ignore[arg-type]
    server = make_server(
        "127.0.0.1", 0, app, server_class=_ThreadingServer, handler_class=_QuietHandler
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


@pytest.fixture
def keypresses(balie: Balie) -> Iterator[Keypresses]:
    with FakeTwilio() as twilio:
        settings = _settings(twilio)
        pressed: list[tuple[int, int, int, str]] = []

        def on_keypress(page_id: int, step: int, caller: str, *, round: int) -> bool:
            pressed.append((page_id, round, step, caller))
            return True

        endpoint = keypress_endpoint(settings, lang="nl", on_keypress=on_keypress)
        url, server = _serve(balie, endpoint)
        phone = build_phone(settings)
        assert phone is not None
        twiml = page_twiml(
            lang="nl",
            say="Ticket K O R 1 2.",
            keypress_url=keypress_url(PUBLIC, page_id=PAGE, round=ROUND, step=STEP),
        )
        sid = phone.call(to=TO, twiml=twiml, reference="41")
        yield Keypresses(url=url, twilio=twilio, sid=sid, pressed=pressed)
        server.shutdown()
        server.server_close()


def _post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def test_a_signed_1_acknowledges_once_and_thanks_the_caller(keypresses: Keypresses) -> None:
    press = keypresses.twilio.keypress(keypresses.sid, "1", send_to=keypresses.url)
    assert press.status == 200
    assert keypresses.pressed == [(PAGE, ROUND, STEP, TO)]
    answer = ET.fromstring(press.body)
    assert "geaccepteerd" in (answer.find("Say").text or "")  # type: ignore[union-attr]
    assert answer.find("Hangup") is not None


def test_a_bad_signature_is_refused_and_acknowledges_nothing(keypresses: Keypresses) -> None:
    forged = keypresses.twilio.keypress(keypresses.sid, "1", send_to=keypresses.url, token="x")
    assert forged.status == 403
    assert (
        keypresses.twilio.keypress(
            keypresses.sid, "1", send_to=keypresses.url, forged="bm90IGEgc2lnbmF0dXJl"
        ).status
        == 403
    )
    assert keypresses.pressed == []


def test_a_keypress_without_a_signature_is_refused(keypresses: Keypresses) -> None:
    body = urlencode({"CallSid": keypresses.sid, "Digits": "1", "To": TO}).encode()
    status, _ = _post(
        f"{keypresses.url}/twilio/keypress?page={PAGE}&round={ROUND}&step={STEP}",
        body,
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 403 and keypresses.pressed == []


def test_a_signature_for_another_step_is_refused(keypresses: Keypresses) -> None:
    params = {"CallSid": keypresses.sid, "Digits": "1", "To": TO, "From": FROM}
    url = f"{PUBLIC}/twilio/keypress?page={PAGE}&round={ROUND}&step={STEP}"
    signed = signature(AUTH_TOKEN, url, params)
    status, _ = _post(
        f"{keypresses.url}/twilio/keypress?page={PAGE}&round={ROUND}&step={STEP + 1}",
        urlencode(params).encode(),
        {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signed},
    )
    assert status == 403 and keypresses.pressed == []


@pytest.mark.parametrize("digits", ["2", ""])
def test_another_key_asks_again_and_acknowledges_nothing(
    keypresses: Keypresses, digits: str
) -> None:
    press = keypresses.twilio.keypress(keypresses.sid, digits, send_to=keypresses.url)
    assert press.status == 200 and keypresses.pressed == []
    gather = ET.fromstring(press.body).find("Gather")
    assert gather is not None
    assert gather.attrib["action"] == keypress_url(PUBLIC, page_id=PAGE, round=ROUND, step=STEP)


def test_a_keypress_that_cannot_be_recorded_sends_the_caller_to_slack(balie: Balie) -> None:
    def broken(page_id: int, step: int, caller: str, *, round: int) -> bool:
        raise RuntimeError("database down")

    with FakeTwilio() as twilio:
        settings = _settings(twilio)
        url, server = _serve(balie, keypress_endpoint(settings, lang="nl", on_keypress=broken))
        try:
            phone = build_phone(settings)
            assert phone is not None
            twiml = page_twiml(
                lang="nl", say="x", keypress_url=keypress_url(PUBLIC, page_id=1, round=1, step=1)
            )
            press = twilio.keypress(phone.call(to=TO, twiml=twiml, reference="1"), send_to=url)
        finally:
            server.shutdown()
            server.server_close()
    assert press.status == 200 and "Slack" in press.body


def test_slack_is_still_answered_beside_the_keypress(keypresses: Keypresses) -> None:
    slack = SlackClient(keypresses.url, SIGNING_SECRET)
    assert slack.command("/ticket", "help", user_id="UAGENT1").status == 200


def _unused(page_id: int, step: int, caller: str, *, round: int) -> bool:
    raise AssertionError("no keypress without phone settings")


def test_without_phone_settings_the_keypress_path_is_not_there(balie: Balie) -> None:
    assert keypress_endpoint(load_settings(), lang="nl", on_keypress=_unused) is None
    url, server = _serve(balie, None)
    try:
        status, _ = _post(f"{url}/twilio/keypress?page=1&step=1", b"Digits=1", {})
    finally:
        server.shutdown()
        server.server_close()
    assert status == 404


def test_another_path_or_method_is_a_404(keypresses: Keypresses) -> None:
    assert _post(f"{keypresses.url}/twilio/keypresses?page=1&step=1", b"", {})[0] == 404
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(f"{keypresses.url}/twilio/keypress?page=1&step=1", timeout=10)
    assert caught.value.code == 404
