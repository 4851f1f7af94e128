"""The WSGI application: Slack's requests to Bolt, and a health check for load balancers."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt import App, BoltRequest
from sqlalchemy import text

from bot.wiring import Services
from storage import outbox

log = logging.getLogger(__name__)

# Slack's payloads are a few KB; a request far larger is not from Slack.
MAX_BODY = 1 << 20

StartResponse = Callable[..., Any]


def _headers(environ: dict[str, Any]) -> dict[str, str | Sequence[str]]:
    headers: dict[str, str | Sequence[str]] = {
        k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")
    }
    if environ.get("CONTENT_TYPE"):
        headers["content-type"] = environ["CONTENT_TYPE"]
    return headers


class SlackWsgi:
    def __init__(
        self,
        app: App,
        services: Services,
        path: str = "/slack/events",
    ) -> None:
        self.app = app
        self.services = services
        self.path = path

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method, path = environ.get("REQUEST_METHOD", "GET"), environ.get("PATH_INFO", "/")
        if method == "POST" and path == self.path:
            return self._slack(environ, start_response)
        if method == "GET" and path == "/healthz":
            return self._health(start_response)
        return _send(start_response, 404, b"Not Found", "text/plain; charset=utf-8")

    def _slack(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > MAX_BODY:
            return _send(start_response, 413, b"Payload Too Large", "text/plain")
        body = environ["wsgi.input"].read(length).decode("utf-8") if length else ""
        query = dict(parse_qsl(environ.get("QUERY_STRING", "")))
        request = BoltRequest(body=body, query=query, headers=_headers(environ))
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
            return _send(start_response, 503, body, "application/json")
        body = json.dumps({"ok": True, "outbox_pending": pending}).encode()
        return _send(start_response, 200, body, "application/json")


_REASONS = {
    200: "OK",
    401: "Unauthorized",
    404: "Not Found",
    413: "Payload Too Large",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


def _send(
    start_response: StartResponse, status: int, body: bytes, content_type: str
) -> Iterable[bytes]:
    start_response(
        f"{status} {_REASONS.get(status, 'OK')}",
        [("Content-Type", content_type), ("Content-Length", str(len(body)))],
    )
    return [body]
