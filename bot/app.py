"""create_app: the one Bolt app every transport (HTTP, Socket Mode, console) drives."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware

from bot.settings import Settings
from bot.wiring import Services, build_services

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BalieApp:
    """The Bolt app and the services its listeners call, as every transport needs both."""

    app: App
    services: Services


def create_app(
    settings: Settings,
    *,
    services: Services | None = None,
    verify_requests: bool = True,
    **deps: Any,
) -> BalieApp:
    """Build the Bolt app; `services` (or `deps` for build_services) make it testable."""
    s = services or build_services(settings, **deps)
    app = App(
        client=s.client,
        signing_secret=settings.slack_signing_secret or "console-mode",
        # Listeners run before the HTTP response, so an ack can carry the result (a ticket
        # number, or an inline error). Anything slow goes to lazy listeners or the outbox.
        process_before_response=True,
        request_verification_enabled=verify_requests,
        # auth.test at start-up proves the token before the first request arrives.
        token_verification_enabled=settings.slack_bot_token is not None,
        logger=logging.getLogger("slack_bolt"),
    )

    app.middleware(_Language(s))
    from handlers import register_all

    register_all(app, s)
    return BalieApp(app, s)


class _Language(Middleware):
    """Puts the user's reply language in context["lang"] for every listener. A Middleware
    object, not a function: Bolt builds every injectable argument for each call of a function,
    on every request."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        s, context = self.services, req.context
        user = context.user_id or req.body.get("user_id")
        try:
            context["lang"] = s.preferences.lang_of(user) if user else s.policy.language
        except Exception:
            log.exception("could not read the language preference of %s", user)
            context["lang"] = s.policy.language
        return next()
