"""The Web API client of console mode: Balie's calls to Slack, rendered on the screen."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from slack_sdk import WebClient
from slack_sdk.web.slack_response import SlackResponse

from bot.blocks.ids import CallbackId
from bot.clock import Clock
from bot.i18n import t
from bot.transports.console import changes, render
from bot.transports.console.screen import Screen
from bot.transports.console.workspace import (
    APP_ID,
    BOT_ID,
    BOT_USER_ID,
    CONSOLE_TOKEN,
    OFFLINE_URL,
    TEAM_ID,
    channel_id,
    dm_id,
)


def _decode(value: Any) -> Any:
    """Blocks and views arrive as JSON strings when a call was form-encoded."""
    if isinstance(value, str) and value[:1] in "[{":
        return json.loads(value)
    return value


class ConsoleWebClient(WebClient):
    """A WebClient that renders Balie's Web API calls on the screen instead of calling Slack.

    Answers look like Slack's (`ok`, a channel id, increasing `ts`, views with an id), so the
    code that reads them (the card's channel and ts, kept for updates and threads) runs as is.
    """

    def __init__(
        self,
        screen: Screen,
        *,
        users: Mapping[str, str],
        clock: Clock,
        channels: Iterable[str] = (),
        groups: Mapping[str, str] | None = None,
        lang: str = "nl",
    ) -> None:
        super().__init__(token=CONSOLE_TOKEN, base_url=OFFLINE_URL + "api/", retry_handlers=[])
        self.screen = screen
        self.clock = clock
        self.lang = lang
        self._channels: dict[str, str] = {}
        self.names = render.Names(
            users=dict(users), channels=self._channels, groups=dict(groups or {})
        )
        self._lock = threading.Lock()
        self._last_us = 0
        self._views = 0
        self._labels: dict[str, str] = {}  # message ts -> short label, for thread headings
        # message ts -> its parts as last shown, so an update can show what changed
        self._versions: dict[str, list[changes.Entry]] = {}
        self._dms: dict[str, str] = {}  # DM channel id -> user id
        for name in channels:
            self._register(name)
        self._methods: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
            "auth.test": self._auth_test,
            "chat.postMessage": self._post,
            "chat.update": self._update,
            "chat.postEphemeral": self._ephemeral,
            "views.open": self._views_open,
            "views.update": self._views_update,
            "usergroups.users.list": self._usergroup_members,
        }

    # Bolt deep-copies a request's context for its lazy listeners; the copy must still write
    # to this screen, so the client is shared rather than copied (it is thread-safe).
    def __copy__(self) -> ConsoleWebClient:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> ConsoleWebClient:
        return self

    def api_call(
        self,
        api_method: str,
        *,
        http_verb: str = "POST",
        files: dict[str, Any] | None = None,
        data: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        json: dict[str, Any] | None = None,
        headers: dict[str, Any] | None = None,
        auth: dict[str, Any] | None = None,
    ) -> SlackResponse:
        args: dict[str, Any] = {**(params or {}), **(data or {}), **(json or {})}
        method = self._methods.get(api_method)
        with self._lock:
            if method is None:
                self.screen.show(t(self.lang, "console.unknown_method", method=api_method))
                payload: dict[str, Any] = {"ok": False, "error": "unknown_method"}
            else:
                payload = method(args)
        response = SlackResponse(
            client=self,
            http_verb=http_verb,
            api_url=self.base_url + api_method,
            req_args={"json": args},
            data=payload,
            headers={},
            status_code=200,
        )
        # Raises SlackApiError for "ok": false, as the real client does; slack_sdk leaves
        # validate() unannotated.
        response.validate()  # type: ignore[no-untyped-call]
        return response

    # --- helpers -----------------------------------------------------------------------------

    def _register(self, name: str) -> str:
        cid = channel_id(name)
        self._channels[cid] = name.lstrip("#")
        return cid

    def _where(self, channel: str) -> tuple[str, str]:
        """(channel id, how to show it) for a channel name, channel id or user id."""
        if channel.startswith("#") or not re.fullmatch(r"[A-Z][A-Z0-9]{2,}", channel):
            cid = self._register(channel)
            return cid, self.names.channel(cid)
        if channel[0] in "UW":
            cid = dm_id(channel)
            self._dms[cid] = channel
            return cid, t(self.lang, "console.where.dm", user=self.names.user(channel))
        if channel in self._dms:
            return channel, t(
                self.lang, "console.where.dm", user=self.names.user(self._dms[channel])
            )
        return channel, self.names.channel(channel)

    def _ts(self) -> str:
        us = max(int(self.clock.now().timestamp() * 1_000_000), self._last_us + 1)
        self._last_us = us
        return f"{us // 1_000_000}.{us % 1_000_000:06d}"

    def look(self) -> render.Look:
        return self.screen.look(self.names, self.lang)

    def _label(self, text: str | None) -> str:
        """What a thread heading calls its parent: a card's fallback text starts with the
        ticket number and a ' · ', so that is all it shows."""
        first = render.mrkdwn(text or "", render.Look(names=self.names))
        first = first.split("\n", 1)[0].split(" · ", 1)[0]
        return first if len(first) <= 40 else first[:39] + "…"

    def _message(self, text: str | None, blocks: Any) -> str:
        return render.message(text, blocks, self.look())

    def _remember(self, ts: str, blocks: Any) -> list[changes.Entry]:
        parts = changes.entries(blocks, self.look()) if isinstance(blocks, list) else []
        self._versions[ts] = parts
        return parts

    # --- methods -----------------------------------------------------------------------------

    def _auth_test(self, args: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": "https://korton.slack.com/",
            "team": "Korton (console)",
            "user": "balie",
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def _usergroup_members(self, args: dict[str, Any]) -> dict[str, Any]:
        # The personas get their roles from the policy, not from user groups.
        return {"ok": True, "users": []}

    def _post(self, args: dict[str, Any]) -> dict[str, Any]:
        cid, where = self._where(str(args.get("channel", "")))
        text, blocks = args.get("text"), _decode(args.get("blocks"))
        ts, thread_ts = self._ts(), args.get("thread_ts")
        if thread_ts:
            label = self._labels.get(str(thread_ts), str(thread_ts))
            heading = t(self.lang, "console.heading.thread", where=where, label=label)
        else:
            self._labels[ts] = self._label(text)
            heading = t(self.lang, "console.heading.message", where=where)
        self._remember(ts, blocks)
        self.screen.show(heading, self._message(text, blocks))
        message = {"type": "message", "text": text, "user": BOT_USER_ID, "bot_id": BOT_ID}
        message |= {"ts": ts, **({"blocks": blocks} if blocks else {})}
        if thread_ts:
            message["thread_ts"] = thread_ts
        return {"ok": True, "channel": cid, "ts": ts, "message": message}

    def _update(self, args: dict[str, Any]) -> dict[str, Any]:
        cid, where = self._where(str(args.get("channel", "")))
        ts = str(args.get("ts", ""))
        text, blocks = args.get("text"), _decode(args.get("blocks"))
        label = self._labels[ts] = self._label(text)
        before = self._versions.get(ts)
        after = self._remember(ts, blocks)
        changed = changes.changes(before, after, self.look()) if before and after else None
        body = (
            self._message(text, blocks)
            if changed is None
            else changes.show(label, changed, self.look())
        )
        self.screen.show(t(self.lang, "console.heading.update", where=where), body)
        return {
            "ok": True,
            "channel": cid,
            "ts": ts,
            "text": text,
            "message": {"type": "message", "text": text, "user": BOT_USER_ID, "bot_id": BOT_ID},
        }

    def _ephemeral(self, args: dict[str, Any]) -> dict[str, Any]:
        _, where = self._where(str(args.get("channel", "")))
        user = self.names.user(str(args.get("user", "")))
        text, blocks = args.get("text"), _decode(args.get("blocks"))
        self.screen.show(
            t(self.lang, "console.heading.ephemeral", where=where, user=user),
            self._message(text, blocks),
        )
        return {"ok": True, "message_ts": self._ts()}

    def _show_view(self, heading: str, view: dict[str, Any]) -> None:
        # A modal cannot be filled in here, so it comes with the way to do the same by typing;
        # the confirmation shown after a registration has nothing to fill in.
        callback_id = view.get("callback_id")
        if callback_id == CallbackId.NEW_TICKET:
            hint: str | None = t(self.lang, "console.hint.new_ticket")
        elif callback_id == CallbackId.REGISTERED:
            hint = None
        else:
            hint = t(self.lang, "console.hint.other_view")
        look = self.look()
        body = render.view(view, look)
        if hint:
            shown = render.wrap(render.mrkdwn(hint, look), look.width, whole_examples=True)
            body += "\n\n" + "\n".join(shown)
        self.screen.show(heading, body)

    def _view_answer(self, view: dict[str, Any], view_id: str) -> dict[str, Any]:
        return {
            "ok": True,
            "view": {
                **view,
                "id": view_id,
                "team_id": TEAM_ID,
                "app_id": APP_ID,
                "bot_id": BOT_ID,
                "hash": self._ts(),
                "state": {"values": {}},
            },
        }

    def _views_open(self, args: dict[str, Any]) -> dict[str, Any]:
        view = dict(_decode(args.get("view")) or {})
        self._views += 1
        self._show_view(t(self.lang, "console.heading.view_open"), view)
        return self._view_answer(view, f"VCONSOLE{self._views:04d}")

    def _views_update(self, args: dict[str, Any]) -> dict[str, Any]:
        view = dict(_decode(args.get("view")) or {})
        self._show_view(t(self.lang, "console.heading.view_update"), view)
        return self._view_answer(view, str(args.get("view_id") or "VCONSOLE0000"))
