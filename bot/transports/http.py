"""HTTP mode: gunicorn (threads per worker) serving the WSGI app, not Bolt's dev server."""

from __future__ import annotations

import gc
import logging
import threading
from typing import Any

from gunicorn.app.base import BaseApplication

from bot.app import create_app
from bot.settings import Settings, SettingsError
from bot.transports import preflight
from bot.transports.keypress import keypress_endpoint
from bot.transports.worker import Supervisor
from bot.transports.wsgi import SlackWsgi
from bot.wiring import Services
from storage import migrate
from storage.db import make_engine

log = logging.getLogger(__name__)


class _Gunicorn(BaseApplication):
    def __init__(self, settings: Settings, extra: dict[str, Any] | None = None) -> None:
        self.settings = settings
        self.extra = extra or {}
        super().__init__()

    def load_config(self) -> None:
        options = {
            "bind": self.settings.bind,
            "workers": self.settings.http_workers,
            "threads": self.settings.http_threads,
            "worker_class": "gthread",
            "timeout": 30,
            "graceful_timeout": 20,
            "keepalive": 75,
            "accesslog": None,
            **self.extra,
        }
        for key, value in options.items():
            self.cfg.set(key, value)

    def load(self) -> SlackWsgi:
        # Runs in each web worker process. Web workers only answer Slack; the outbox and the
        # SLA monitor run in the separate worker process (bot.transports.worker).
        balie = create_app(self.settings, run_migrations=False)
        # Each web worker keeps its own user-group cache: fill it now, off the request path,
        # so the first role check does not wait for Slack.
        threading.Thread(target=_warm, args=(balie.services,), daemon=True).start()
        # Everything built so far lives as long as the worker: keep it out of the garbage
        # collector's full passes, which would otherwise pause requests now and then.
        gc.freeze()
        # A keypress of 1 on the phone acknowledges the page (the chain engine's own entry).
        services = balie.services
        keypress = keypress_endpoint(
            self.settings, lang=services.policy.language, on_keypress=services.pager.keypress
        )
        return SlackWsgi(balie.app, balie.services, keypress=keypress)


def _warm(services: Services) -> None:
    try:
        services.roles.warm()
    except Exception:
        log.warning("could not fetch the user groups at start; they are fetched when needed")


def serve(settings: Settings, **extra: Any) -> None:
    """Run gunicorn; raises SettingsError, before anything forks, when Slack refuses Balie."""
    # Each web worker's Bolt app checks the token too, but after the fork, where a failure
    # reads as gunicorn's "Worker failed to boot".
    problems = preflight.slack(settings)
    if problems:
        raise SettingsError(problems)
    # Said here, once: the web workers and the worker process each build their own phone.
    preflight.phone(settings)
    # Migrate once, before the workers fork, so they never race each other's DDL.
    engine = make_engine(settings.database_url)
    migrate.upgrade(engine)
    engine.dispose()
    log.info("Balie listens on %s (HTTP mode)", settings.bind)
    supervisor = Supervisor() if settings.embedded_worker else None
    if supervisor is not None:
        supervisor.start()
    try:
        _Gunicorn(settings, extra).run()
    finally:
        if supervisor is not None:
            supervisor.stop()
