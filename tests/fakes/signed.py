"""Send requests to Balie's HTTP endpoint the way Slack does: signed, and shaped like Slack's.

``sign()`` computes Slack's request signature; :class:`SlackClient` posts slash commands,
interactivity payloads and Events API envelopes to ``{base_url}/slack/events`` with
``urllib.request``. The ``*_payload`` helpers build realistic payloads (field names and
nesting as in Slack's reference), and the small ``*_state`` helpers build the entries of a
modal's ``view.state.values``.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import itertools
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

__all__ = [
    "Response",
    "SlackClient",
    "block_actions_payload",
    "block_suggestion_payload",
    "checkboxes_state",
    "datepicker_state",
    "event_envelope",
    "message_shortcut_payload",
    "option",
    "plain_text_input_state",
    "select_state",
    "shortcut_payload",
    "sign",
    "users_select_state",
    "view_closed_payload",
    "view_submission_payload",
]

TEAM_ID = "T0001"
TEAM_DOMAIN = "korton"
APP_ID = "ABALIE"
BOT_USER_ID = "UBALIE"
BOT_ID = "BBALIE"
# The deprecated verification token Slack still puts in payloads; Bolt ignores it.
VERIFICATION_TOKEN = "legacy-verification-token"

_seq = itertools.count(1)


def _next(prefix: str) -> str:
    return f"{prefix}{next(_seq):08d}"


def _trigger_id() -> str:
    return f"{int(time.time())}.{TEAM_ID[1:]}.{next(_seq):032x}"


def _action_ts() -> str:
    return f"{time.time():.6f}"


def sign(signing_secret: str, body: bytes, timestamp: int) -> dict[str, str]:
    """Slack's signature headers for ``body`` sent at ``timestamp`` (Unix seconds)."""
    base = b"v0:" + str(int(timestamp)).encode("ascii") + b":" + body
    digest = hmac.new(signing_secret.encode("utf-8"), base, hashlib.sha256).hexdigest()
    return {
        "X-Slack-Request-Timestamp": str(int(timestamp)),
        "X-Slack-Signature": f"v0={digest}",
    }


def command_environ(
    signing_secret: str, command: str, text: str, user_id: str = "U1"
) -> dict[str, Any]:
    """A WSGI environ for a signed slash command, for calling a WSGI app without a server."""
    body = urlencode({"command": command, "text": text, "user_id": user_id}).encode()
    headers = sign(signing_secret, body, int(time.time()))
    return {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/slack/events",
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        **{"HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items()},
    }


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: str

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass
class SlackClient:
    """Posts signed requests to ``{base_url}{path}`` like Slack's servers do.

    ``clock`` supplies the signing timestamp; pass ``timestamp=`` to a call to send a stale
    or future one. Non-2xx answers are returned as a :class:`Response`, not raised.
    """

    base_url: str
    signing_secret: str
    clock: Callable[[], float] = time.time
    path: str = "/slack/events"
    timeout: float = 10.0
    team_id: str = TEAM_ID
    sent: list[tuple[bytes, dict[str, str]]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.base_url.rstrip("/") + self.path

    # ------------------------------------------------------------------ transport

    def raw(self, body: bytes, headers: Mapping[str, str]) -> Response:
        """POST ``body`` with exactly these headers (no signing): for bad/stale signatures."""
        self.sent.append((body, dict(headers)))
        request = urllib.request.Request(self.url, data=body, headers=dict(headers), method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as resp:
                return Response(resp.status, dict(resp.headers.items()), resp.read().decode())
        except urllib.error.HTTPError as err:
            text = err.read().decode("utf-8", "replace")
            return Response(err.code, dict(err.headers.items()), text)

    def post(
        self,
        body: bytes,
        content_type: str,
        *,
        timestamp: int | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        """Sign ``body`` (with ``timestamp`` or the clock) and POST it."""
        ts = int(self.clock()) if timestamp is None else int(timestamp)
        all_headers = {"Content-Type": content_type, "User-Agent": "Slackbot 1.0"}
        all_headers.update(sign(self.signing_secret, body, ts))
        all_headers.update(headers or {})
        return self.raw(body, all_headers)

    def form(self, fields: Mapping[str, str], *, timestamp: int | None = None) -> Response:
        body = urlencode(fields).encode("utf-8")
        return self.post(body, "application/x-www-form-urlencoded", timestamp=timestamp)

    def interactive(self, payload: Mapping[str, Any], *, timestamp: int | None = None) -> Response:
        """Any interactivity payload, sent as ``payload=<json>`` form data like Slack does."""
        return self.form({"payload": json.dumps(payload)}, timestamp=timestamp)

    # ------------------------------------------------------------------ slash commands

    def command(
        self,
        command: str = "/ticket",
        text: str = "",
        *,
        user_id: str = "U1",
        user_name: str | None = None,
        channel_id: str = "C1",
        channel_name: str = "support",
        response_url: str = "https://hooks.slack.com/commands/T0001/1/x",
        trigger_id: str | None = None,
        team_id: str | None = None,
        timestamp: int | None = None,
        extra: Mapping[str, str] | None = None,
    ) -> Response:
        fields = {
            "token": VERIFICATION_TOKEN,
            "team_id": team_id or self.team_id,
            "team_domain": TEAM_DOMAIN,
            "channel_id": channel_id,
            "channel_name": channel_name,
            "user_id": user_id,
            "user_name": user_name or user_id.lower(),
            "command": command,
            "text": text,
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": trigger_id or _trigger_id(),
        }
        fields.update(extra or {})
        return self.form(fields, timestamp=timestamp)

    # ------------------------------------------------------------------ interactivity

    def block_action(self, payload: Mapping[str, Any], *, timestamp: int | None = None) -> Response:
        return self.interactive(payload, timestamp=timestamp)

    def view_submission(
        self, payload: Mapping[str, Any], *, timestamp: int | None = None
    ) -> Response:
        return self.interactive(payload, timestamp=timestamp)

    def view_closed(self, payload: Mapping[str, Any], *, timestamp: int | None = None) -> Response:
        return self.interactive(payload, timestamp=timestamp)

    def block_suggestion(
        self, payload: Mapping[str, Any], *, timestamp: int | None = None
    ) -> Response:
        return self.interactive(payload, timestamp=timestamp)

    def shortcut(self, payload: Mapping[str, Any], *, timestamp: int | None = None) -> Response:
        return self.interactive(payload, timestamp=timestamp)

    # ------------------------------------------------------------------ Events API

    def event(
        self,
        event: Mapping[str, Any],
        *,
        timestamp: int | None = None,
        event_id: str | None = None,
        retry_num: int | None = None,
        retry_reason: str = "http_timeout",
    ) -> Response:
        """Send ``event`` inside an ``event_callback`` envelope (JSON, as Slack does).

        ``retry_num`` adds ``X-Slack-Retry-Num``/``X-Slack-Retry-Reason`` like a redelivery.
        """
        envelope = event_envelope(event, team_id=self.team_id, event_id=event_id)
        headers: dict[str, str] = {}
        if retry_num is not None:
            headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": retry_reason}
        body = json.dumps(envelope).encode("utf-8")
        return self.post(body, "application/json", timestamp=timestamp, headers=headers)

    def url_verification(self, challenge: str, *, timestamp: int | None = None) -> Response:
        body = json.dumps(
            {"token": VERIFICATION_TOKEN, "challenge": challenge, "type": "url_verification"}
        ).encode("utf-8")
        return self.post(body, "application/json", timestamp=timestamp)


# ---------------------------------------------------------------------- payload builders


def _user(user_id: str, team_id: str) -> dict[str, Any]:
    name = user_id.lower()
    return {"id": user_id, "username": name, "name": name, "team_id": team_id}


def _team(team_id: str) -> dict[str, Any]:
    return {"id": team_id, "domain": TEAM_DOMAIN}


def event_envelope(
    event: Mapping[str, Any], *, team_id: str = TEAM_ID, event_id: str | None = None
) -> dict[str, Any]:
    event = dict(event)
    event.setdefault("event_ts", f"{time.time():.6f}")
    return {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "context_team_id": team_id,
        "context_enterprise_id": None,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or _next("Ev"),
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team_id,
                "user_id": BOT_USER_ID,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": f"4-{_next('ctx')}",
    }


def option(value: str, text: str | None = None) -> dict[str, Any]:
    """A select/checkbox option object as Slack sends it back."""
    return {"text": {"type": "plain_text", "text": text or value, "emoji": True}, "value": value}


def plain_text_input_state(value: str | None) -> dict[str, Any]:
    """State of a ``plain_text_input`` (``value`` is None when left empty)."""
    return {"type": "plain_text_input", "value": value}


def select_state(
    value: str | None, text: str | None = None, *, type: str = "static_select"
) -> dict[str, Any]:
    """State of a ``static_select``/``external_select``/``radio_buttons``."""
    return {"type": type, "selected_option": option(value, text) if value is not None else None}


def users_select_state(user_id: str | None) -> dict[str, Any]:
    return {"type": "users_select", "selected_user": user_id}


def datepicker_state(date: str | None) -> dict[str, Any]:
    """State of a ``datepicker``; ``date`` is "YYYY-MM-DD"."""
    return {"type": "datepicker", "selected_date": date}


def checkboxes_state(values: list[str], *, type: str = "checkboxes") -> dict[str, Any]:
    """State of ``checkboxes`` or ``multi_static_select`` (``type=``)."""
    return {"type": type, "selected_options": [option(v) for v in values]}


def _view(
    *,
    callback_id: str,
    private_metadata: str,
    values: Mapping[str, Mapping[str, Any]],
    view_id: str | None,
    team_id: str,
    blocks: list[dict[str, Any]] | None,
    title: str,
    external_id: str,
    view_type: str = "modal",
) -> dict[str, Any]:
    view_id = view_id or _next("V")
    return {
        "id": view_id,
        "team_id": team_id,
        "type": view_type,
        "blocks": blocks or [],
        "private_metadata": private_metadata,
        "callback_id": callback_id,
        "state": {"values": {k: dict(v) for k, v in values.items()}},
        "hash": f"{int(time.time())}.{next(_seq):08d}",
        "title": {"type": "plain_text", "text": title, "emoji": True},
        "clear_on_close": False,
        "notify_on_close": False,
        "close": {"type": "plain_text", "text": "Annuleren", "emoji": True},
        "submit": {"type": "plain_text", "text": "Versturen", "emoji": True},
        "previous_view_id": None,
        "root_view_id": view_id,
        "app_id": APP_ID,
        "external_id": external_id,
        "app_installed_team_id": team_id,
        "bot_id": BOT_ID,
    }


def view_submission_payload(
    callback_id: str,
    values: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    private_metadata: str = "",
    user_id: str = "U1",
    team_id: str = TEAM_ID,
    view_id: str | None = None,
    blocks: list[dict[str, Any]] | None = None,
    title: str = "Balie",
    external_id: str = "",
    response_urls: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A ``view_submission``; ``values`` is ``view.state.values``: {block_id: {action_id: state}}.

    Build the states with the ``*_state`` helpers, e.g.
    ``{"subject": {"subject_input": plain_text_input_state("Printer stuk")}}``.
    """
    return {
        "type": "view_submission",
        "team": _team(team_id),
        "user": _user(user_id, team_id),
        "api_app_id": APP_ID,
        "token": VERIFICATION_TOKEN,
        "trigger_id": _trigger_id(),
        "view": _view(
            callback_id=callback_id,
            private_metadata=private_metadata,
            values=values or {},
            view_id=view_id,
            team_id=team_id,
            blocks=blocks,
            title=title,
            external_id=external_id,
        ),
        "response_urls": response_urls or [],
        "is_enterprise_install": False,
        "enterprise": None,
    }


def view_closed_payload(
    callback_id: str,
    *,
    private_metadata: str = "",
    user_id: str = "U1",
    team_id: str = TEAM_ID,
    view_id: str | None = None,
) -> dict[str, Any]:
    return {
        "type": "view_closed",
        "team": _team(team_id),
        "user": _user(user_id, team_id),
        "api_app_id": APP_ID,
        "token": VERIFICATION_TOKEN,
        "view": _view(
            callback_id=callback_id,
            private_metadata=private_metadata,
            values={},
            view_id=view_id,
            team_id=team_id,
            blocks=None,
            title="Balie",
            external_id="",
        ),
        "is_cleared": False,
        "is_enterprise_install": False,
        "enterprise": None,
    }


def block_actions_payload(
    action_id: str,
    *,
    value: str | None = None,
    selected_option: Mapping[str, Any] | None = None,
    action_type: str | None = None,
    block_id: str = "actions",
    user_id: str = "U1",
    team_id: str = TEAM_ID,
    channel_id: str = "C1",
    channel_name: str = "support",
    message_ts: str = "1700000000.000100",
    message: Mapping[str, Any] | None = None,
    response_url: str = "https://hooks.slack.com/actions/T0001/1/x",
    view: Mapping[str, Any] | None = None,
    state_values: Mapping[str, Mapping[str, Any]] | None = None,
    action: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A ``block_actions`` payload for one action.

    By default the action comes from a button (``value=``) in a bot message in
    ``channel_id``. Pass ``selected_option=option("x")`` for a select (type defaults to
    ``static_select``), ``action={...}`` to add/override raw action fields, and ``view=`` (e.g.
    ``view_submission_payload(...)["view"]``) for an action inside a modal or the home tab:
    then there is no channel/message/response_url, as with Slack.
    """
    if action_type is None:
        action_type = "static_select" if selected_option is not None else "button"
    act: dict[str, Any] = {
        "action_id": action_id,
        "block_id": block_id,
        "type": action_type,
        "action_ts": _action_ts(),
    }
    if action_type == "button":
        act["text"] = {"type": "plain_text", "text": action_id, "emoji": True}
        act["value"] = value if value is not None else ""
    elif value is not None:
        act["value"] = value
    if selected_option is not None:
        act["selected_option"] = dict(selected_option)
    act.update(action or {})

    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": _user(user_id, team_id),
        "api_app_id": APP_ID,
        "token": VERIFICATION_TOKEN,
        "trigger_id": _trigger_id(),
        "team": _team(team_id),
        "enterprise": None,
        "is_enterprise_install": False,
        "state": {"values": {k: dict(v) for k, v in (state_values or {}).items()}},
        "actions": [act],
    }
    if view is not None:
        payload["container"] = {"type": "view", "view_id": view.get("id", _next("V"))}
        payload["view"] = dict(view)
        return payload
    msg: dict[str, Any] = {
        "type": "message",
        "subtype": "bot_message",
        "text": "",
        "user": BOT_USER_ID,
        "bot_id": BOT_ID,
        "app_id": APP_ID,
        "team": team_id,
        "ts": message_ts,
        "blocks": [],
    }
    msg.update(message or {})
    payload["container"] = {
        "type": "message",
        "message_ts": message_ts,
        "channel_id": channel_id,
        "is_ephemeral": False,
    }
    if msg.get("thread_ts"):
        payload["container"]["thread_ts"] = msg["thread_ts"]
    payload["channel"] = {"id": channel_id, "name": channel_name}
    payload["message"] = msg
    payload["response_url"] = response_url
    return payload


def block_suggestion_payload(
    action_id: str,
    value: str,
    *,
    block_id: str = "suggest",
    user_id: str = "U1",
    team_id: str = TEAM_ID,
    view: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A ``block_suggestion`` (options request of an ``external_select``) typed ``value``."""
    view_obj = dict(view) if view is not None else None
    if view_obj is None:
        view_obj = _view(
            callback_id="",
            private_metadata="",
            values={},
            view_id=None,
            team_id=team_id,
            blocks=None,
            title="Balie",
            external_id="",
        )
    return {
        "type": "block_suggestion",
        "user": _user(user_id, team_id),
        "container": {"type": "view", "view_id": view_obj["id"]},
        "api_app_id": APP_ID,
        "token": VERIFICATION_TOKEN,
        "action_id": action_id,
        "block_id": block_id,
        "value": value,
        "team": _team(team_id),
        "enterprise": None,
        "is_enterprise_install": False,
        "view": view_obj,
    }


def shortcut_payload(
    callback_id: str, *, user_id: str = "U1", team_id: str = TEAM_ID
) -> dict[str, Any]:
    """A global shortcut (``type: shortcut``)."""
    return {
        "type": "shortcut",
        "token": VERIFICATION_TOKEN,
        "action_ts": _action_ts(),
        "team": _team(team_id),
        "user": _user(user_id, team_id),
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": callback_id,
        "trigger_id": _trigger_id(),
    }


def message_shortcut_payload(
    callback_id: str,
    *,
    user_id: str = "U1",
    team_id: str = TEAM_ID,
    channel_id: str = "C1",
    channel_name: str = "support",
    message: Mapping[str, Any] | None = None,
    message_ts: str = "1700000000.000100",
    response_url: str = "https://hooks.slack.com/app/T0001/1/x",
) -> dict[str, Any]:
    """A message shortcut (``type: message_action``) on a user's message."""
    msg: dict[str, Any] = {
        "type": "message",
        "user": "U2",
        "text": "",
        "ts": message_ts,
        "team": team_id,
    }
    msg.update(message or {})
    return {
        "type": "message_action",
        "token": VERIFICATION_TOKEN,
        "action_ts": _action_ts(),
        "team": _team(team_id),
        "user": _user(user_id, team_id),
        "channel": {"id": channel_id, "name": channel_name},
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": callback_id,
        "trigger_id": _trigger_id(),
        "response_url": response_url,
        "message_ts": msg["ts"],
        "message": msg,
    }
