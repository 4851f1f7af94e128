"""Socket Mode: Slack pushes requests over a websocket; no public URL needed."""

from __future__ import annotations

import logging

from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.app import create_app
from bot.settings import Settings

log = logging.getLogger(__name__)


def serve(settings: Settings) -> None:
    balie = create_app(settings)
    app, services = balie.app, balie.services
    services.background.start()
    log.info("Balie connects to Slack in Socket Mode")
    try:
        # slack_bolt leaves start() unannotated.
        SocketModeHandler(app, settings.slack_app_token).start()  # type: ignore[no-untyped-call]
    finally:
        services.close()
