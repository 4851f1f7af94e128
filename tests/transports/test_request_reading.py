"""What the WSGI app refuses before Bolt sees it: 400 or 401 with one log line, never a 500."""

from __future__ import annotations

import io
import json
import logging
import time
from typing import Any
from urllib.parse import urlencode

import pytest

from bot.transports.wsgi import SlackWsgi
from tests.conftest import AGENT, SIGNING_SECRET, Balie
from tests.fakes.signed import Response, block_actions_payload, sign

FORM = "application/x-www-form-urlencoded"


def _one_line(caplog: pytest.LogCaptureFixture) -> None:
    loud = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(loud) == 1, [r.getMessage() for r in loud]
    assert loud[0].levelno == logging.WARNING and not loud[0].exc_info
    assert "\n" not in loud[0].getMessage()


def test_a_body_that_is_not_utf8_is_refused_signed_or_not(
    balie: Balie, caplog: pytest.LogCaptureFixture
) -> None:
    body = b"command=%2Fticket&text=" + b"\xff\xfe\xc3(" + b"&user_id=" + AGENT.encode()
    for send in (
        lambda: balie.slack.post(body, FORM),
        lambda: balie.slack.raw(body, {"Content-Type": FORM}),
    ):
        caplog.clear()
        with caplog.at_level(logging.INFO):
            response = send()
        assert response.status == 400 and "<html" not in response.body.lower()
        _one_line(caplog)
        assert "not UTF-8" in caplog.records[-1].getMessage()


@pytest.mark.parametrize("timestamp", ["abc", "", "1e9", "12 34", "-5", "9" * 40])
def test_a_timestamp_that_is_not_a_number_is_refused(
    balie: Balie, caplog: pytest.LogCaptureFixture, timestamp: str
) -> None:
    body = urlencode({"command": "/ticket", "text": "help", "user_id": AGENT}).encode()
    headers = {
        "Content-Type": FORM,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": sign(SIGNING_SECRET, body, int(time.time()))["X-Slack-Signature"],
    }
    with caplog.at_level(logging.INFO):
        response = balie.slack.raw(body, headers)
    assert response.status == 401
    _one_line(caplog)


@pytest.mark.parametrize(
    "body",
    [
        b"payload=%7Bnot+json",
        b"payload=" + json.dumps([1, 2]).encode(),
        b"payload=" + json.dumps({"type": "block_actions", "enterprise": 5}).encode(),
    ],
    ids=["payload not JSON", "payload a list", "enterprise a number"],
)
def test_a_signed_body_bolt_cannot_parse_is_a_400(
    balie: Balie, caplog: pytest.LogCaptureFixture, body: bytes
) -> None:
    with caplog.at_level(logging.INFO):
        response = balie.slack.post(body, FORM)
    assert response.status == 400
    _one_line(caplog)


def _call(balie: Balie, environ: dict[str, Any]) -> tuple[str, bytes]:
    statuses: list[str] = []
    app = SlackWsgi(balie.app, balie.services)
    body = b"".join(app(environ, lambda status, _headers: statuses.append(status)))
    return statuses[0], body


@pytest.mark.parametrize("length", ["-1", "twelve"])
def test_a_content_length_that_is_not_a_length_is_refused(
    balie: Balie, caplog: pytest.LogCaptureFixture, length: str
) -> None:
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/slack/events",
        "CONTENT_TYPE": FORM,
        "CONTENT_LENGTH": length,
        "REMOTE_ADDR": "192.0.2.7",
        "wsgi.input": io.BytesIO(b"command=%2Fticket"),
    }
    with caplog.at_level(logging.INFO):
        status, _ = _call(balie, environ)
    assert status == "400 Bad Request"
    _one_line(caplog)
    assert "192.0.2.7" in caplog.records[-1].getMessage()


def test_a_good_request_still_gets_through(balie: Balie) -> None:
    response: Response = balie.command("help")
    assert response.status == 200 and "/ticket nieuw" in response.json()["text"]
    payload = block_actions_payload("ticket_take", value="KOR-000099", user_id=AGENT)
    assert (
        balie.slack.block_action(payload | {"response_url": balie.fake.response_url()}).status
        == 200
    )
