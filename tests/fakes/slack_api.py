"""A fake Slack Web API served over real HTTP, for tests.

Balie's ``WebClient`` is pointed at it with ``base_url=fake.api_url``; nothing in Balie is
patched. The fake records every request as a :class:`Call` and answers with realistic,
per-method default responses (shapes taken from the Slack API reference), which tests can
override or replace with injected failures.

What slack_sdk sends (worth knowing when asserting on ``Call.args``):

* Every Web API call is a ``POST`` to ``<base_url><method>`` (``http_verb="GET"`` is ignored by
  the urllib-based client), with ``Authorization: Bearer <token>``.
* Some methods send a JSON body (``chat.postMessage``, ``chat.update``, ``chat.postEphemeral``,
  ``views.*``): values keep their Python types (``True``, ints, nested blocks).
* Others send ``application/x-www-form-urlencoded`` (``auth.test``, ``conversations.*``,
  ``usergroups.users.list``): every value is a string, booleans become ``"1"``/``"0"``, and
  ``blocks``/``attachments``/``view`` arrive as JSON strings. The fake decodes those JSON
  strings back into Python objects, but leaves all other form values as strings.

The fake plays only the Web API methods Balie calls (bot.surface.WEB_API_SCOPES); any other
answers ``unknown_method`` unless a test sets a response for it. Messages keep their metadata
(``{"event_type": …, "event_payload": {…}}``), which ``conversations.history`` and
``conversations.replies`` return with ``include_all_metadata`` (tests/fakes/slack_history.py).
Their ``ts`` follow the fake's clock (real time unless :meth:`FakeSlack.set_clock`), unique
and increasing. Reading a channel needs the bot to be in it (:meth:`FakeSlack.set_channel`
with ``member=False`` to say it is not); reads are rate-limited as Slack's tiers are
(:data:`RATE_LIMITS`), answering 429 with ``Retry-After``.
* ``respond()`` in Bolt (and ``slack_sdk.webhook.WebhookClient``) POSTs JSON to the
  ``response_url``; those posts are recorded with method ``"response_url"``.

Like Slack, the fake refuses a message or view that breaks a Block Kit length limit (section
text over 3,000 characters, a header over 150, a button over 75, a modal title over 24, ...):
``invalid_blocks`` for ``chat.*``, ``invalid_arguments`` for ``views.*``, and ``msg_too_long``
for a message text over 40,000 characters.

While :meth:`FakeSlack.down` is in effect the fake reads each request and then closes the
connection without sending a status line: a network-level failure. urllib surfaces it as
``http.client.RemoteDisconnected`` (a ``ConnectionResetError``), which slack_sdk's default
``ConnectionErrorRetryHandler`` retries once before raising.
"""

from __future__ import annotations

import base64
import contextlib
import email.parser
import email.policy
import hashlib
import itertools
import json
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import SplitResult, parse_qs, urlsplit

from tests.fakes import slack_files as files
from tests.fakes import slack_history as history
from tests.fakes.slack_history import RATE_LIMITS, RateLimits

__all__ = ["RATE_LIMITS", "Call", "FakeSlack", "Headers", "iter_blocks_text"]

BOT_USER_ID = "UBALIE"
BOT_ID = "BBALIE"
APP_ID = "ABALIE"
TEAM_ID = "T0001"
TEAM_NAME = "Korton"
TEAM_DOMAIN = "korton"
TEAM_URL = "https://korton.slack.com/"

# Values that slack_sdk JSON-encodes into a string when it sends a form body.
_JSON_FIELDS = frozenset(
    {"blocks", "attachments", "view", "metadata", "unfurls", "user_auth_blocks", "options", "files"}
)
# A Slack object id: a type letter followed by upper-case letters and digits.
_ID_RE = re.compile(r"^[A-Z][A-Z0-9]{6,}$")
Response = dict[str, Any]
Responder = Callable[["Call"], Response]


class Headers(dict[str, str]):
    """Request headers with case-insensitive lookup (keys are stored in lower case)."""

    def __init__(self, items: Mapping[str, str] | None = None) -> None:
        super().__init__()
        for key, value in (items or {}).items():
            self[key] = value

    def __setitem__(self, key: str, value: str) -> None:
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)


@dataclass
class Call:
    """One HTTP request the fake received.

    ``method`` is the Web API method (``"chat.postMessage"``) or ``"response_url"``.
    ``failed`` is True when the fake answered with an injected failure (HTTP error, ``ok:
    false`` error, ``down()``) or any other ``ok: false``; ``status`` is the HTTP status sent,
    0 when the connection was dropped.
    """

    method: str
    args: dict[str, Any]
    headers: Headers
    at: float
    failed: bool = False
    status: int = 200
    response: Response | None = None

    @property
    def token(self) -> str | None:
        """The bearer token of the request (or a ``token`` form field), if any."""
        auth = self.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            return str(auth[7:].strip())
        token = self.args.get("token")
        return token if isinstance(token, str) else None


@dataclass
class _Failure:
    status: int = 200
    error: str | None = None
    retry_after: int | None = None


@dataclass
class _State:
    calls: list[Call] = field(default_factory=list)
    failures: dict[str, deque[_Failure]] = field(default_factory=dict)
    responses: dict[str, Response | Responder] = field(default_factory=dict)
    usergroups: dict[str, list[str]] = field(default_factory=dict)
    # id -> {"handle": …, "name": …}: groups usergroups.list shows (set_usergroup's ids too).
    usergroup_info: dict[str, dict[str, Any]] = field(default_factory=dict)
    channel_ids: dict[str, str] = field(default_factory=dict)  # name -> id
    channel_names: dict[str, str] = field(default_factory=dict)  # id -> name
    messages: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    views: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Files (tests/fakes/slack_files.py): id -> file, id -> its bytes; user -> Home view.
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    uploads: dict[str, bytes] = field(default_factory=dict)
    homes: dict[str, dict[str, Any]] = field(default_factory=dict)
    private: set[str] = field(default_factory=set)  # channel ids of private channels
    outside: set[str] = field(default_factory=set)  # channel ids the bot is not a member of
    latency: dict[str, float] = field(default_factory=dict)  # method -> seconds
    down: bool = False
    token: str | None = None


def _stable_id(prefix: str, name: str) -> str:
    digest = hashlib.sha1(name.encode("utf-8")).digest()
    return prefix + base64.b32encode(digest).decode("ascii")[:10]


def _maybe_json(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


class FakeSlack:
    """A threaded HTTP server playing Slack's Web API (and ``response_url`` endpoints).

    Use as a context manager or call :meth:`start` / :meth:`stop`::

        with FakeSlack() as slack:
            client = WebClient(token="xoxb-test", base_url=slack.api_url)
            client.chat_postMessage(channel="#support", text="hoi")
            (call,) = slack.calls_to("chat.postMessage")
    """

    def __init__(
        self, *, host: str = "127.0.0.1", port: int = 0, clock: Callable[[], float] | None = None
    ) -> None:
        self._host = host
        self._clock = clock or time.time
        self._last_ts = 0
        self._limits = RateLimits(RATE_LIMITS)
        self._port = port
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._cond = threading.Condition()
        self._state = _State()
        self._ids = itertools.count(1)

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> FakeSlack:
        if self._server is not None:
            return self
        server = ThreadingHTTPServer((self._host, self._port), _handler_for(self))
        server.daemon_threads = True
        self._server = server
        self._port = server.server_address[1]
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # ------------------------------------------------------------------ addresses

    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://{self._host}:{self._port}"

    @property
    def api_url(self) -> str:
        """Pass as ``WebClient(base_url=...)``; ends with a slash like slack_sdk's default."""
        return f"{self.base_url}/api/"

    def response_url(self, name: str = "x") -> str:
        """A ``response_url`` on this server; posts to it are recorded as ``"response_url"``."""
        return f"{self.base_url}/response/{name}"

    # ------------------------------------------------------------------ queries

    @property
    def calls(self) -> list[Call]:
        with self._cond:
            return list(self._state.calls)

    def calls_to(self, method: str) -> list[Call]:
        with self._cond:
            return [c for c in self._state.calls if c.method == method]

    def methods(self) -> list[str]:
        """The methods called so far, in order."""
        with self._cond:
            return [c.method for c in self._state.calls]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Wait until ``method`` was called at least ``count`` times; return those calls."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [c for c in self._state.calls if c.method == method]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = [c.method for c in self._state.calls]
                    raise AssertionError(
                        f"expected {count} call(s) to {method} within {timeout}s, "
                        f"got {len(found)}; calls seen: {seen}"
                    )
                self._cond.wait(remaining)

    def opened_dms(self) -> dict[str, str]:
        """The D… id that conversations.open answered, per user (read from the recorded
        calls, so it opens nothing): where a DM that Balie opened went."""
        with self._cond:
            return {
                str(c.args["users"]): str(c.response["channel"]["id"])
                for c in self._state.calls
                if c.method == "conversations.open" and not c.failed and c.response
            }

    def clear(self) -> None:
        """Forget recorded calls (configuration, failures and stored messages are kept)."""
        with self._cond:
            self._state.calls.clear()

    def reset(self) -> None:
        """Forget everything: calls, overrides, failures, users, groups, messages, down."""
        with self._cond:
            self._state = _State()
            self._limits = RateLimits(RATE_LIMITS)

    def message(self, channel: str, ts: str) -> dict[str, Any] | None:
        """The current state of a message posted through the fake (after updates/deletes)."""
        with self._cond:
            msg = self._state.messages.get((self._resolve_channel(channel), ts))
            return dict(msg) if msg is not None else None

    def channel_id(self, name_or_id: str) -> str:
        """The fake id a channel name resolves to ("#support" and "support" are the same)."""
        with self._cond:
            return self._resolve_channel(name_or_id)

    # ------------------------------------------------------------------ configuration

    def set_response(self, method: str, response: Response | Responder) -> None:
        """Answer ``method`` with this dict (or ``response(call) -> dict``) instead."""
        with self._cond:
            self._state.responses[method] = response

    def reset_response(self, method: str) -> None:
        with self._cond:
            self._state.responses.pop(method, None)

    def set_usergroup(self, group_id: str, users: list[str], handle: str | None = None) -> None:
        with self._cond:
            self._state.usergroups[group_id] = list(users)
            info = self._state.usergroup_info.setdefault(
                group_id, {"handle": group_id.lower(), "name": group_id}
            )
            if handle is not None:
                info.update(handle=handle, name=handle)

    def disable_usergroup(self, group_id: str) -> None:
        """Disable the group as an admin does in Slack's settings (usergroups.disable): it
        keeps its handle and members, but usergroups.list hides it without include_disabled
        and a mention of it reaches nobody until usergroups.enable."""
        with self._cond:
            self._state.usergroup_info[group_id]["date_delete"] = int(self._clock())

    def usergroup_enabled(self, group_id: str) -> bool:
        with self._cond:
            return not self._state.usergroup_info[group_id].get("date_delete")

    def usergroup_by_handle(self, handle: str) -> tuple[str, list[str]] | None:
        """The id and members of the group with this handle, if there is one."""
        with self._cond:
            for group_id, info in self._state.usergroup_info.items():
                if info["handle"] == handle:
                    return group_id, list(self._state.usergroups.get(group_id, []))
        return None

    def set_channel(
        self, name: str, channel_id: str, *, private: bool = False, member: bool = True
    ) -> None:
        """Pin the id a channel name resolves to; whether it is private and the bot is in it."""
        name = name.lstrip("#")
        with self._cond:
            self._state.channel_ids[name] = channel_id
            self._state.channel_names[channel_id] = name
            (self._state.private.add if private else self._state.private.discard)(channel_id)
            (self._state.outside.discard if member else self._state.outside.add)(channel_id)

    def set_clock(self, clock: Callable[[], float]) -> None:
        """Slack's clock (Unix seconds) for the ``ts`` of new messages, e.g. a test's clock."""
        with self._cond:
            self._clock = clock

    def slow(self, method: str, seconds: float) -> None:
        """Answer ``method`` only ``seconds`` after doing what it asked (0 to stop): a caller
        that dies meanwhile never learns that its message was posted."""
        with self._cond:
            self._state.latency[method] = seconds

    def messages_in(self, channel: str) -> list[dict[str, Any]]:
        """Every message in a channel (top level and replies), oldest first."""
        with self._cond:
            return [dict(m) for m in history.in_channel(self, self._resolve_channel(channel))]

    def require_token(self, token: str | None) -> None:
        """Demand this bearer token: missing -> ``not_authed``, other -> ``invalid_auth``."""
        with self._cond:
            self._state.token = token

    # ------------------------------------------------------------------ failures

    def fail(
        self, method: str, status: int = 429, retry_after: int | None = 1, times: int = 1
    ) -> None:
        """Answer the next ``times`` calls to ``method`` with an HTTP error status.

        429 answers carry ``Retry-After`` and ``{"ok": false, "error": "ratelimited"}``.
        """
        failure = _Failure(status=status, retry_after=retry_after if status == 429 else None)
        with self._cond:
            self._state.failures.setdefault(method, deque()).extend([failure] * times)

    def error(self, method: str, error: str, times: int = 1) -> None:
        """Answer the next ``times`` calls to ``method`` with HTTP 200 ``{"ok": false, ...}``."""
        with self._cond:
            queue = self._state.failures.setdefault(method, deque())
            queue.extend([_Failure(error=error)] * times)

    def down(self) -> None:
        """Drop every connection without an answer (network failure) until :meth:`up`."""
        with self._cond:
            self._state.down = True

    def up(self) -> None:
        with self._cond:
            self._state.down = False

    # ------------------------------------------------------------------ request handling

    def _handle(
        self, method: str, args: dict[str, Any], headers: Headers
    ) -> tuple[int, dict[str, str], bytes] | None:
        """Record the request and build (status, headers, body); None = drop connection."""
        call = Call(method=method, args=args, headers=headers, at=time.time())
        with self._cond:
            latency = self._state.latency.get(method, 0.0)
            try:
                if self._state.down:
                    call.failed, call.status = True, 0
                    return None
                status, extra, body = self._answer(call)
                call.status = status
                if isinstance(body, dict):
                    call.response = body
                    call.failed = status != 200 or body.get("ok") is False
                    payload = json.dumps(body).encode("utf-8")
                    extra.setdefault("Content-Type", "application/json; charset=utf-8")
                else:
                    call.failed = status != 200
                    payload = body.encode("utf-8")
                    extra.setdefault("Content-Type", "text/plain; charset=utf-8")
            finally:
                self._state.calls.append(call)
                self._cond.notify_all()
        if latency:
            time.sleep(latency)
        return status, extra, payload

    def _answer(self, call: Call) -> tuple[int, dict[str, str], Response | str]:
        queue = self._state.failures.get(call.method)
        if queue:
            failure = queue.popleft()
            if failure.error is not None:
                return 200, {}, {"ok": False, "error": failure.error}
            if failure.status == 429:
                retry_after = 1 if failure.retry_after is None else failure.retry_after
                headers = {"Retry-After": str(retry_after)}
                return 429, headers, {"ok": False, "error": "ratelimited"}
            return failure.status, {}, f"{failure.status} fake Slack failure"
        if call.method in ("response_url", "upload_url"):
            # Neither is a Web API method: no token, no rate limit.
            return self._endpoint(call)
        wait = self._limits.admit(call.method, time.monotonic())
        if wait is not None:
            return 429, {"Retry-After": str(wait)}, {"ok": False, "error": "ratelimited"}
        if self._state.token is not None:
            if not call.token:
                return 200, {}, {"ok": False, "error": "not_authed"}
            if call.token != self._state.token:
                return 200, {}, {"ok": False, "error": "invalid_auth"}
        refused = _refusal(call.method, call.args)
        if refused is not None:
            return 200, {}, refused
        override = self._state.responses.get(call.method)
        if override is not None:
            return 200, {}, override(call) if callable(override) else dict(override)
        builder = _DEFAULTS.get(call.method)
        if builder is None:
            return 200, {}, {"ok": False, "error": "unknown_method"}
        return 200, {}, builder(self, call.args)

    def _endpoint(self, call: Call) -> tuple[int, dict[str, str], str]:
        if call.method == "upload_url":
            status, text = files.receive_upload(self, call.args["_file_id"], call.args["_bytes"])
            return status, {}, text
        return 200, {}, "ok"

    # ------------------------------------------------------------------ default answers
    # (called with self._cond held)

    def _next_ts(self) -> str:
        # Slack's ts is its clock in microseconds, unique per channel (here: per fake).
        micros = max(int(self._clock() * 1_000_000), self._last_ts + 1)
        self._last_ts = micros
        return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"

    def _next_id(self, prefix: str) -> str:
        return f"{prefix}FAKE{next(self._ids):06d}"

    def _resolve_channel(self, channel: Any) -> str:
        name = str(channel or "").lstrip("#")
        if name in self._state.channel_ids:
            return self._state.channel_ids[name]
        if _ID_RE.match(name):
            if name[0] in "UW":  # posting to a user id goes to the DM with that user
                return self._resolve_channel(_stable_id("D", name))
            return name
        channel_id = _stable_id("C", name)
        self._state.channel_ids[name] = channel_id
        self._state.channel_names[channel_id] = name
        return channel_id

    def _message(self, args: dict[str, Any], ts: str) -> dict[str, Any]:
        message: dict[str, Any] = {
            "type": "message",
            "subtype": "bot_message",
            "text": args.get("text", ""),
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "app_id": APP_ID,
            "team": TEAM_ID,
            "ts": ts,
        }
        for key in ("blocks", "attachments", "metadata"):
            if args.get(key) is not None:
                message[key] = args[key]
        if args.get("thread_ts"):
            message["thread_ts"] = str(args["thread_ts"])
        return message

    def _view(self, args: dict[str, Any], view_id: str | None = None) -> dict[str, Any]:
        submitted = args.get("view")
        if not isinstance(submitted, dict):
            submitted = {}
        view_id = view_id or self._next_id("V")
        previous = self._state.views.get(view_id, {})
        view = {
            "id": view_id,
            "team_id": TEAM_ID,
            "type": submitted.get("type", "modal"),
            "blocks": [],
            "private_metadata": "",
            "callback_id": "",
            "external_id": "",
            "state": {"values": {}},
            "clear_on_close": False,
            "notify_on_close": False,
            "root_view_id": previous.get("root_view_id", view_id),
            "previous_view_id": None,
            "app_id": APP_ID,
            "app_installed_team_id": TEAM_ID,
            "bot_id": BOT_ID,
            **submitted,
            "hash": f"{int(time.time())}.{next(self._ids):08d}",
        }
        self._state.views[view_id] = view
        return view


# ---------------------------------------------------------------------- Block Kit limits
# Slack refuses a message or view that breaks a Block Kit limit (docs.slack.dev, Block Kit
# reference); the fake checks the length limits that text from users can reach.

_MESSAGE_METHODS = frozenset({"chat.postMessage", "chat.update", "chat.postEphemeral"})
_VIEW_METHODS = frozenset({"views.open", "views.update", "views.publish"})
MAX_MESSAGE_TEXT = 40_000
_BLOCK_TEXT = {"section": 3000, "header": 150}
_ELEMENT_TEXT = {"button": 75}


def _too_long(node: Any, limit: int, pointer: str, problems: list[str]) -> None:
    """`node` is a text object (or a plain string): at most `limit` characters."""
    text = node.get("text") if isinstance(node, dict) else node
    if isinstance(text, str) and len(text) > limit:
        problems.append(f"must be less than {limit + 1} characters [json-pointer:{pointer}]")


def _check_options(element: dict[str, Any], pointer: str, problems: list[str]) -> None:
    for i, option in enumerate(element.get("options") or []):
        if isinstance(option, dict):
            _too_long(option.get("text"), 75, f"{pointer}/options/{i}/text/text", problems)
            _too_long(option.get("value"), 150, f"{pointer}/options/{i}/value", problems)


def _check_element(element: Any, pointer: str, problems: list[str]) -> None:
    if not isinstance(element, dict):
        return
    limit = _ELEMENT_TEXT.get(str(element.get("type")))
    if limit is not None:
        _too_long(element.get("text"), limit, f"{pointer}/text/text", problems)
    if element.get("type") == "button":
        _too_long(element.get("value"), 2000, f"{pointer}/value", problems)
    _too_long(element.get("placeholder"), 150, f"{pointer}/placeholder/text", problems)
    _check_options(element, pointer, problems)


def _check_blocks(blocks: Any, most: int, problems: list[str], root: str = "/blocks") -> None:
    if not isinstance(blocks, list):
        return
    if len(blocks) > most:
        problems.append(f"must contain at most {most} items [json-pointer:{root}]")
    for i, block in enumerate(blocks):
        if not isinstance(block, dict):
            continue
        at, kind = f"{root}/{i}", str(block.get("type"))
        if kind in _BLOCK_TEXT:
            _too_long(block.get("text"), _BLOCK_TEXT[kind], f"{at}/text/text", problems)
        fields = block.get("fields") or []
        if len(fields) > 10:
            problems.append(f"must contain at most 10 items [json-pointer:{at}/fields]")
        for j, item in enumerate(fields):
            _too_long(item, 2000, f"{at}/fields/{j}/text", problems)
        _check_elements(kind, block.get("elements") or [], at, problems)
        if kind == "input":
            _too_long(block.get("label"), 2000, f"{at}/label/text", problems)
            _too_long(block.get("hint"), 2000, f"{at}/hint/text", problems)
        for key in ("accessory", "element"):
            _check_element(block.get(key), f"{at}/{key}", problems)


def _check_elements(kind: str, elements: Any, at: str, problems: list[str]) -> None:
    """A context or actions block's elements."""
    most = {"context": 10, "actions": 25}.get(kind)
    if most is not None and len(elements) > most:
        problems.append(f"must contain at most {most} items [json-pointer:{at}/elements]")
    for j, element in enumerate(elements):
        if kind == "context":
            _too_long(element, 3000, f"{at}/elements/{j}/text", problems)
        else:
            _check_element(element, f"{at}/elements/{j}", problems)


def _refusal(method: str, args: dict[str, Any]) -> Response | None:
    """Slack's answer to a message or view it can never accept, or None."""
    problems: list[str] = []
    if method in _MESSAGE_METHODS:
        text = args.get("text")
        if isinstance(text, str) and len(text) > MAX_MESSAGE_TEXT:
            return {"ok": False, "error": "msg_too_long"}
        _check_blocks(args.get("blocks"), 50, problems)
        error = "invalid_blocks"
    elif method in _VIEW_METHODS and isinstance(args.get("view"), dict):
        view = args["view"]
        for key in ("title", "submit", "close"):
            _too_long(view.get(key), 24, f"/view/{key}/text", problems)
        _too_long(view.get("private_metadata"), 3000, "/view/private_metadata", problems)
        _check_blocks(view.get("blocks"), 100, problems, root="/view/blocks")
        error = "invalid_arguments"
    if not problems:
        return None
    return {
        "ok": False,
        "error": error,
        "errors": problems,
        "response_metadata": {"messages": [f"[ERROR] {p}" for p in problems]},
    }


# ---------------------------------------------------------------------- per-method defaults


def _auth_test(fake: FakeSlack, args: dict[str, Any]) -> Response:
    return {
        "ok": True,
        "url": TEAM_URL,
        "team": TEAM_NAME,
        "user": "balie",
        "team_id": TEAM_ID,
        "user_id": BOT_USER_ID,
        "bot_id": BOT_ID,
        "is_enterprise_install": False,
    }


def _metadata_error(args: dict[str, Any]) -> Response | None:
    metadata = args.get("metadata")
    if metadata is None:
        return None
    if not (
        isinstance(metadata, dict)
        and isinstance(metadata.get("event_type"), str)
        and isinstance(metadata.get("event_payload"), dict)
    ):
        return {"ok": False, "error": "invalid_metadata_format"}
    return None


def _post_message(fake: FakeSlack, args: dict[str, Any]) -> Response:
    channel = fake._resolve_channel(args.get("channel"))
    if channel in fake._state.private and channel in fake._state.outside:
        # chat:write.public reaches public channels only.
        return {"ok": False, "error": "not_in_channel"}
    problem = _metadata_error(args)
    if problem is not None:
        return problem
    fake._state.channel_names.setdefault(channel, channel.lower())
    ts = fake._next_ts()
    message = fake._message(args, ts)
    fake._state.messages[(channel, ts)] = message
    return {"ok": True, "channel": channel, "ts": ts, "message": message}


def _update(fake: FakeSlack, args: dict[str, Any]) -> Response:
    channel = fake._resolve_channel(args.get("channel"))
    ts = str(args.get("ts", ""))
    problem = _metadata_error(args)
    if problem is not None:
        return problem
    message = fake._message(args, ts)
    old = fake._state.messages.get((channel, ts))
    if old is not None:
        # An update without metadata leaves the message's metadata as it was.
        for key in ("thread_ts", "metadata"):
            if old.get(key) is not None and key not in message:
                message[key] = old[key]
    message["edited"] = {"user": BOT_USER_ID, "ts": fake._next_ts()}
    fake._state.messages[(channel, ts)] = message
    return {
        "ok": True,
        "channel": channel,
        "ts": ts,
        "text": args.get("text", ""),
        "message": {k: v for k, v in message.items() if k != "edited"},
    }


def _post_ephemeral(fake: FakeSlack, args: dict[str, Any]) -> Response:
    return {"ok": True, "message_ts": fake._next_ts()}


def _views_open(fake: FakeSlack, args: dict[str, Any]) -> Response:
    return {"ok": True, "view": fake._view(args)}


def _views_update(fake: FakeSlack, args: dict[str, Any]) -> Response:
    view_id = args.get("view_id")
    if not view_id and args.get("external_id"):
        for known in fake._state.views.values():
            if known.get("external_id") == args["external_id"]:
                view_id = known["id"]
                break
    return {"ok": True, "view": fake._view(args, view_id=str(view_id) if view_id else None)}


def _usergroup_users(fake: FakeSlack, args: dict[str, Any]) -> Response:
    return {"ok": True, "users": list(fake._state.usergroups.get(str(args.get("usergroup")), []))}


def _usergroup(fake: FakeSlack, group_id: str) -> dict[str, Any]:
    info = fake._state.usergroup_info[group_id]
    users = list(fake._state.usergroups.get(group_id, []))
    return {
        "id": group_id,
        "team_id": TEAM_ID,
        "is_usergroup": True,
        "name": info["name"],
        "handle": info["handle"],
        "date_delete": info.get("date_delete", 0),
        "users": users,
        "user_count": len(users),
    }


def _usergroups_list(fake: FakeSlack, args: dict[str, Any]) -> Response:
    # Like Slack, members only with include_users.
    with_users = str(args.get("include_users", "")).lower() in ("1", "true")
    with_disabled = str(args.get("include_disabled", "")).lower() in ("1", "true")
    groups = []
    for group_id in fake._state.usergroup_info:
        group = _usergroup(fake, group_id)
        if group["date_delete"] and not with_disabled:
            continue
        if not with_users:
            group.pop("users")
        groups.append(group)
    return {"ok": True, "usergroups": groups}


_HANDLE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")


def _usergroups_create(fake: FakeSlack, args: dict[str, Any]) -> Response:
    name = str(args.get("name") or "")
    handle = str(args.get("handle") or name.lower())
    if not name:
        return {"ok": False, "error": "invalid_arguments"}
    if not _HANDLE.match(handle):
        return {"ok": False, "error": "invalid_handle"}
    for info in fake._state.usergroup_info.values():
        if info["name"] == name:
            return {"ok": False, "error": "name_already_exists"}
        if info["handle"] == handle:
            return {"ok": False, "error": "handle_already_exists"}
    group_id = fake._next_id("S")
    fake._state.usergroup_info[group_id] = {"handle": handle, "name": name}
    fake._state.usergroups[group_id] = []
    return {"ok": True, "usergroup": _usergroup(fake, group_id)}


def _usergroups_users_update(fake: FakeSlack, args: dict[str, Any]) -> Response:
    group_id = str(args.get("usergroup") or "")
    if group_id not in fake._state.usergroup_info:
        return {"ok": False, "error": "no_such_subteam"}
    users = [u for u in str(args.get("users") or "").split(",") if u]
    # Slack keeps at least one member (disable a group to empty it) and only real user ids.
    if not users or any(not re.match(r"^[UW][A-Z0-9]{2,}$", u) for u in users):
        return {"ok": False, "error": "invalid_users"}
    fake._state.usergroups[group_id] = users
    return {"ok": True, "usergroup": _usergroup(fake, group_id)}


def _usergroups_enable(fake: FakeSlack, args: dict[str, Any]) -> Response:
    group_id = str(args.get("usergroup") or "")
    if not group_id:
        return {"ok": False, "error": "missing_argument"}
    if group_id not in fake._state.usergroup_info:
        return {"ok": False, "error": "no_such_subteam"}
    # Enabling an enabled group changes nothing, and Slack answers ok.
    fake._state.usergroup_info[group_id]["date_delete"] = 0
    return {"ok": True, "usergroup": _usergroup(fake, group_id)}


_DEFAULTS: dict[str, Callable[[FakeSlack, dict[str, Any]], Response]] = {
    "auth.test": _auth_test,
    "chat.postMessage": _post_message,
    "chat.update": _update,
    "chat.postEphemeral": _post_ephemeral,
    "views.open": _views_open,
    "views.update": _views_update,
    "usergroups.users.list": _usergroup_users,
    "usergroups.list": _usergroups_list,
    "usergroups.create": _usergroups_create,
    "usergroups.enable": _usergroups_enable,
    "usergroups.users.update": _usergroups_users_update,
    **history.BUILDERS,
    **files.BUILDERS,
}


# ---------------------------------------------------------------------- HTTP plumbing


def _parse_body(content_type: str, body: bytes) -> dict[str, Any]:
    ctype = content_type.split(";")[0].strip().lower()
    if not body:
        return {}
    if ctype == "application/json":
        parsed = json.loads(body.decode("utf-8"))
        return dict(parsed) if isinstance(parsed, dict) else {"_json": parsed}
    if ctype == "multipart/form-data":
        raw = b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
        msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
        out: dict[str, Any] = {}
        for part in msg.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            data = payload if isinstance(payload, bytes) else b""
            out[str(name)] = data if part.get_filename() else data.decode("utf-8")
        return out
    return _parse_form(body.decode("utf-8"))


def _parse_form(text: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, values in parse_qs(text, keep_blank_values=True).items():
        out[key] = values[0] if len(values) == 1 else values
    return out


def _method_of(path: str) -> str | None:
    """The Web API method a request calls; a post to a response_url counts as one too."""
    if path.startswith("/api/"):
        return path[len("/api/") :]
    if path.startswith("/response/"):
        return "response_url"
    return None


def _arguments(url: SplitResult, method: str, content_type: str, body: bytes) -> dict[str, Any]:
    """A request's arguments from its query and body, as Slack reads them."""
    try:
        args = _parse_form(url.query)
        args.update(_parse_body(content_type, body))
    except ValueError:
        args = {"_raw": body.decode("utf-8", "replace")}
    for key in _JSON_FIELDS & args.keys():
        args[key] = _maybe_json(args[key])
    if method == "response_url":
        args["_name"] = url.path[len("/response/") :]
    return args


def _handler_for(fake: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "FakeSlack/1.0"

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output quiet

        def do_GET(self) -> None:
            self._serve()

        def do_POST(self) -> None:
            self._serve()

        def _serve(self) -> None:
            url = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            if url.path.startswith("/upload/v1/"):
                # files_upload_v2's second step: the raw bytes, to the URL step one gave.
                args = {"_file_id": url.path.rsplit("/", 1)[-1], "_bytes": body}
                upload = fake._handle("upload_url", args, Headers(dict(self.headers.items())))
                if upload is not None:
                    self._send(*upload)
                return
            method = _method_of(url.path)
            if method is None:
                self._send(404, {"Content-Type": "text/plain"}, b"not found")
                return
            args = _arguments(url, method, self.headers.get("Content-Type", ""), body)
            answer = fake._handle(method, args, Headers(dict(self.headers.items())))
            if answer is None:
                self.close_connection = True
                with contextlib.suppress(OSError):
                    self.connection.shutdown(socket.SHUT_RDWR)
                return
            self._send(*answer)

        def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
            try:
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                # The caller gave up or died before the answer came; Slack shrugs too.
                self.close_connection = True

    return Handler


def iter_blocks_text(blocks: list[dict[str, Any]] | None) -> Iterator[str]:
    """Yield every ``text`` string found in a block list (handy for assertions)."""

    def walk(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                yield node["text"]
            for value in node.values():
                if isinstance(value, dict | list):
                    yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    yield from walk(blocks or [])
