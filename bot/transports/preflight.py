"""Checks before start-up: can Balie reach its database and Slack? (And: does a page ring?)

Each turns a failure into a settings problem that names the variable to fix, so a database or
Slack that is down or refuses Balie reads as one clear line and exit code 2, not as a stack
trace or gunicorn's "Worker failed to boot".
"""

from __future__ import annotations

import logging
import socket
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import make_url

from bot.oncall.phone import announce
from bot.settings import Problem, Settings
from storage.db import probe

# Each kind of unreachable database, with what to tell the operator.
_DATABASE_KEYS = {
    "refused": "settings.database_refused",
    "host": "settings.database_host",
    "auth": "settings.database_auth",
    "database": "settings.database_missing",
    "file": "settings.database_file",
    "timeout": "settings.database_timeout",
    "other": "settings.database_other",
}
DATABASE_TIMEOUT = 5

# auth.test's answers that mean the token itself is no good.
_TOKEN_REFUSED = frozenset(
    {
        "invalid_auth",
        "not_authed",
        "account_inactive",
        "token_revoked",
        "token_expired",
        "not_allowed_token_type",
    }
)
SLACK_TIMEOUT = 10
# slack_sdk logs a failed request at ERROR; the settings error says it better, once.
_SLACK_LOG = logging.getLogger(__name__ + ".slack_sdk")
_SLACK_LOG.propagate = False
_SLACK_LOG.addHandler(logging.NullHandler())


def _shown(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url.split("@")[-1]


def database(settings: Settings) -> list[Problem]:
    problem = probe(settings.database_url, timeout=DATABASE_TIMEOUT)
    if problem is None:
        return []
    params = {
        "url": _shown(settings.database_url),
        "seconds": DATABASE_TIMEOUT,
        "detail": problem.detail,
    }
    return [Problem("DATABASE_URL", _DATABASE_KEYS[problem.kind], params)]


def slack(settings: Settings) -> list[Problem]:
    """auth.test with the bot token, as Bolt does at start, but before anything forks."""
    url = settings.slack_api_url
    client = WebClient(
        token=settings.slack_bot_token,
        base_url=url,
        timeout=SLACK_TIMEOUT,
        retry_handlers=[],
        logger=_SLACK_LOG,
    )
    try:
        client.auth_test()
        return []
    except SlackApiError as exc:
        error = str(exc.response.get("error") or "")
        if error in _TOKEN_REFUSED:
            return [Problem("SLACK_BOT_TOKEN", "settings.slack_token_refused", {"error": error})]
        status = exc.response.status_code
        if status != 200 or error.startswith("Received a response in a non-JSON format"):
            return [
                Problem(
                    "SLACK_API_URL", "settings.slack_bad_answer", {"url": url, "status": status}
                )
            ]
        return [Problem("SLACK_BOT_TOKEN", "settings.slack_error", {"error": error})]
    except URLError as exc:
        return [_unreachable(url, exc.reason)]
    except OSError as exc:  # a timeout while reading the answer
        return [_unreachable(url, exc)]


def phone(settings: Settings) -> None:
    """Whether a page also rings: said once at start, after the checks that can stop it."""
    announce(settings)


def _unreachable(url: str, reason: object) -> Problem:
    if isinstance(reason, ConnectionRefusedError):
        return Problem("SLACK_API_URL", "settings.slack_refused", {"url": url})
    if isinstance(reason, socket.gaierror):
        return Problem("SLACK_API_URL", "settings.slack_host", {"url": url})
    if isinstance(reason, TimeoutError):
        params = {"url": url, "seconds": SLACK_TIMEOUT}
        return Problem("SLACK_API_URL", "settings.slack_timeout", params)
    return Problem("SLACK_API_URL", "settings.slack_other", {"url": url, "detail": str(reason)})
