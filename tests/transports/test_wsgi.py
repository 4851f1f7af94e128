"""The WSGI app raises the acks beacon while it answers Slack, and only then."""

from __future__ import annotations

from pathlib import Path

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.transports.wsgi import SlackWsgi
from storage.beacon import Beacon
from tests.fakes.signed import command_environ
from tests.fakes.slack_api import FakeSlack

SECRET = "wsgi-test-secret"


def test_the_beacon_is_up_while_a_request_is_answered_and_down_after(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    path = str(tmp_path / "acks")
    worker = Beacon(path)  # the worker process's view of it
    quiet_during: list[bool] = []
    app = App(signing_secret=SECRET, client=WebClient("xoxb-test", base_url=fake_slack.api_url))

    @app.command("/ticket")
    def answer(ack: Ack) -> None:
        quiet_during.append(worker.wait_until_quiet(0.0))
        ack("ok")

    wsgi = SlackWsgi(app, services=None, acks=Beacon(path))  # type: ignore[arg-type]
    statuses: list[str] = []
    body = wsgi(
        command_environ(SECRET, "/ticket", "help"),
        lambda status, _headers: statuses.append(status),
    )
    assert statuses == ["200 OK"] and b"ok" in b"".join(body)
    assert quiet_during == [False]
    assert worker.wait_until_quiet(0.0)
