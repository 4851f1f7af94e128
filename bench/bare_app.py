"""The baseline of the ack bench: a bare Bolt app whose `/ticket` listener only acks.

It is built like Balie's app (process_before_response, request verification, a WebClient at the
same fake Slack) and served by the same WSGI adapter, SlackWsgi, under the same gunicorn
configuration (bot.transports.http). Only the health check differs: the bare app has no database,
so its /healthz answers without one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.settings import Settings
from bot.transports.wsgi import SlackWsgi, StartResponse


def create_bare_app(settings: Settings) -> App:
    client = WebClient(
        token=settings.slack_bot_token or "xoxb-bench",
        base_url=settings.slack_api_url,
        retry_handlers=[],
        timeout=10,
    )
    app = App(
        client=client,
        signing_secret=settings.slack_signing_secret or "bench",
        process_before_response=True,
        request_verification_enabled=True,
        # Like Balie (create_app): auth.test once at start-up, not on the first requests.
        token_verification_enabled=True,
    )

    @app.command("/ticket")
    def ack_only(ack: Ack) -> None:
        ack()

    return app


class BareWsgi(SlackWsgi):
    """SlackWsgi without services: the same Slack path, a health check without a database."""

    def __init__(self, app: App, path: str = "/slack/events") -> None:
        super().__init__(app, services=None, path=path)  # type: ignore[arg-type]

    def _health(self, start_response: StartResponse) -> Iterable[bytes]:
        body = json.dumps({"ok": True}).encode()
        start_response(
            "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
        )
        return [body]


def wsgi_app(settings: Settings) -> Any:
    return BareWsgi(create_bare_app(settings))
