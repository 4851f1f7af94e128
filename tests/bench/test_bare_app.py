"""The ack bench's baseline must answer like Slack expects, or the bench measures errors."""

from __future__ import annotations

from typing import Any

from bench.bare_app import wsgi_app
from tests.conftest import make_settings
from tests.fakes.signed import command_environ
from tests.fakes.slack_api import FakeSlack

SECRET = "bare-test-secret"


def bare(fake_slack: FakeSlack) -> Any:
    settings = make_settings(
        slack_bot_token="xoxb-bare", slack_signing_secret=SECRET, slack_api_url=fake_slack.api_url
    )
    return wsgi_app(settings)


def test_the_bare_app_acks_a_signed_command(fake_slack: FakeSlack) -> None:
    app = bare(fake_slack)
    statuses: list[str] = []
    body = app(
        command_environ(SECRET, "/ticket", "new klant=ACME"),
        lambda status, _headers: statuses.append(status),
    )
    assert statuses == ["200 OK"] and b"".join(body) == b""


def test_a_wrong_signature_is_refused(fake_slack: FakeSlack) -> None:
    app = bare(fake_slack)
    statuses: list[str] = []
    app(command_environ("other", "/ticket", "x"), lambda status, _h: statuses.append(status))
    assert statuses == ["401 Unauthorized"]
