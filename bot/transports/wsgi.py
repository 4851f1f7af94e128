"""The WSGI application: Slack's requests to Bolt, Twilio's keypresses of a page (when the phone
is configured), and a health check for load balancers."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt import App, BoltRequest
from sqlalchemy import text

from bot.oncall.twiml import KEYPRESS_PATH
from bot.wiring import Services
from storage import outbox

log = logging.getLogger(__name__)

# Slack's payloads are a few KB; a request far larger is not from Slack.
MAX_BODY = 1 << 20

# PEP 3333's environ and start_response, as loosely as the servers that call us type them.
Environ = MutableMapping[str, Any]
StartResponse = Callable[[str, list[tuple[str, str]]], object]
WsgiApp = Callable[[Environ, StartResponse], Iterable[bytes]]


def _headers(environ: Mapping[str, Any]) -> dict[str, str | Sequence[str]]:
    headers: dict[str, str | Sequence[str]] = {
        k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")
    }
    if environ.get("CONTENT_TYPE"):
        headers["content-type"] = environ["CONTENT_TYPE"]
    return headers


# Slack sends Unix seconds; anything else can never carry a valid signature.
_TIMESTAMP = re.compile(r"[0-9]{1,12}")


def refuse(environ: Mapping[str, Any], status: int, why: str) -> int:
    # One line, no stack trace: anyone can send these, signed or not.
    log.warning("refused a request from %s (%s): %s", environ.get("REMOTE_ADDR"), status, why)
    return status


def _read(environ: Mapping[str, Any]) -> BoltRequest | int:
    """The request for Bolt, or the HTTP status that refuses it."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return refuse(environ, 400, "Content-Length is not a number")
    if length < 0:
        return refuse(environ, 400, "Content-Length is negative")
    if length > MAX_BODY:
        return refuse(environ, 413, f"body of {length} bytes")
    raw = environ["wsgi.input"].read(length) if length else b""
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError:
        return refuse(environ, 400, "body is not UTF-8")
    timestamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP")
    if timestamp is not None and not _TIMESTAMP.fullmatch(timestamp):
        return refuse(environ, 401, "X-Slack-Request-Timestamp is not a number")
    query = dict(parse_qsl(environ.get("QUERY_STRING", "")))
    try:
        return BoltRequest(body=body, query=query, headers=_headers(environ))
    except Exception as exc:  # Bolt parses the body here: invalid JSON, a list for an object
        return refuse(environ, 400, f"body cannot be parsed ({type(exc).__name__})")


class SlackWsgi:
    def __init__(
        self,
        app: App,
        services: Services,
        path: str = "/slack/events",
        *,
        keypress: WsgiApp | None = None,
    ) -> None:
        self.app = app
        self.services = services
        self.path = path
        # bot.transports.keypress, or None without phone settings (its path is then a 404).
        self.keypress = keypress

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        method, path = environ.get("REQUEST_METHOD", "GET"), environ.get("PATH_INFO", "/")
        if method == "POST" and path == self.path:
            return self._slack(environ, start_response)
        if method == "POST" and path == KEYPRESS_PATH and self.keypress is not None:
            return self.keypress(environ, start_response)
        if method == "GET" and path == "/healthz":
            return self._health(start_response)
        if method == "GET" and path == "/metrics":
            return self._metrics(start_response)
        return send(start_response, 404, b"Not Found", "text/plain; charset=utf-8")

    def _slack(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        request = _read(environ)
        if isinstance(request, int):
            reason = _REASONS[request].encode()
            return send(start_response, request, reason, "text/plain; charset=utf-8")
        response = self.app.dispatch(request)
        headers = [(k, v) for k, values in response.headers.items() for v in values]
        payload = response.body.encode("utf-8")
        start_response(
            f"{response.status} {_REASONS.get(response.status, 'OK')}",
            [*headers, ("Content-Length", str(len(payload)))],
        )
        return [payload]

    def _health(self, start_response: StartResponse) -> Iterable[bytes]:
        try:
            with self.services.readers() as session:
                session.execute(text("SELECT 1"))
                pending = outbox.pending_count(session=session)
        except Exception as exc:
            log.exception("health check failed")
            body = json.dumps({"ok": False, "error": type(exc).__name__}).encode()
            return send(start_response, 503, body, "application/json")
        body = json.dumps({"ok": True, "outbox_pending": pending}).encode()
        return send(start_response, 200, body, "application/json")

    def _metrics(self, start_response: StartResponse) -> Iterable[bytes]:
        try:
            body, content_type = self.services.metrics.render()
        except Exception:
            log.exception("metrics could not be read")
            return send(start_response, 503, b"metrics unavailable\n", "text/plain; charset=utf-8")
        return send(start_response, 200, body, content_type)


_REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    413: "Payload Too Large",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


def send(
    start_response: StartResponse, status: int, body: bytes, content_type: str
) -> Iterable[bytes]:
    start_response(
        f"{status} {_REASONS.get(status, 'OK')}",
        [("Content-Type", content_type), ("Content-Length", str(len(body)))],
    )
    return [body]
