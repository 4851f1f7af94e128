"""The Web API client of console mode: Balie's calls to Slack, rendered on the screen."""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from ssl import SSLContext
from typing import Any

from slack_sdk import WebClient
from slack_sdk.web.file_upload_v2_result import FileUploadV2Result
from slack_sdk.web.slack_response import SlackResponse

from bot.blocks.ids import CallbackId
from bot.clock import Clock
from bot.i18n import t
from bot.transports.console import changes, render
from bot.transports.console.files import DEFAULT_FOLDER, Pending, Saved, Shelf, size_text
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
    Uploaded files are saved in `files` (a folder) and shown as a line saying where. A
    published Home is kept, and shown only to whom asked for it (`watch_home`): in Slack
    nobody sees a Home change until they look at the tab.
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
        files: Path = DEFAULT_FOLDER,
    ) -> None:
        super().__init__(token=CONSOLE_TOKEN, base_url=OFFLINE_URL + "api/", retry_handlers=[])
        self.screen = screen
        self.clock = clock
        self.lang = lang
        self._channels: dict[str, str] = {}
        self._file_paths: dict[str, str] = {}  # file id -> where it was saved, as shown
        self.names = render.Names(
            users=dict(users),
            channels=self._channels,
            groups=dict(groups or {}),
            files=self._file_paths,
        )
        self.shelf = Shelf(files)
        self._pending: dict[str, Pending] = {}  # upload URL -> the upload it is for
        self._uploads = 0
        self._homes: dict[str, dict[str, Any]] = {}  # user id -> their Home as last published
        self._watching: set[str] = set()  # users waiting to see their Home
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
            "views.publish": self._views_publish,
            "usergroups.users.list": self._usergroup_members,
            "conversations.open": self._conversations_open,
            "files.getUploadURLExternal": self._upload_url,
            "files.completeUploadExternal": self._complete_upload,
            "files.list": self._files_list,
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

    # --- the App Home ------------------------------------------------------------------------

    def watch_home(self, user: str) -> None:
        """Show `user`'s Home when it is next published (they opened the tab)."""
        with self._lock:
            self._watching.add(user)

    def waiting_for_home(self, user: str) -> bool:
        with self._lock:
            return user in self._watching

    def home_of(self, user: str) -> dict[str, Any] | None:
        with self._lock:
            return self._homes.get(user)

    def _views_publish(self, args: dict[str, Any]) -> dict[str, Any]:
        user = str(args.get("user_id", ""))
        view = dict(_decode(args.get("view")) or {})
        self._homes[user] = view
        if user in self._watching:
            self._watching.discard(user)
            look = self.look()
            body = render.view(view, look)
            if any(b.get("type") == "actions" for b in view.get("blocks") or []):
                hint = render.mrkdwn(t(self.lang, "console.hint.home"), look)
                body += "\n\n" + "\n".join(render.wrap(hint, look.width, whole_examples=True))
            heading = t(self.lang, "console.heading.home", user=self.names.user(user))
            self.screen.show(heading, body)
        return self._view_answer(view, "VHOME" + dm_id(user)[1:])

    # --- direct messages ---------------------------------------------------------------------

    def _conversations_open(self, args: dict[str, Any]) -> dict[str, Any]:
        users = [u for u in str(args.get("users") or "").split(",") if u]
        if len(users) != 1:
            # Balie opens DMs with one user; a group DM is not something the console shows.
            return {"ok": False, "error": "users_list_not_supplied" if not users else "mpim"}
        cid, _ = self._where(users[0])
        return {"ok": True, "channel": {"id": cid, "is_im": True, "user": users[0]}}

    # --- files (files_upload_v2) -------------------------------------------------------------

    def _upload_url(self, args: dict[str, Any]) -> dict[str, Any]:
        self._uploads += 1
        file_id = f"FCONSOLE{self._uploads:04d}"
        url = f"{OFFLINE_URL}upload/{file_id}"
        alt = args.get("alt_txt")
        self._pending[url] = Pending(
            id=file_id, filename=str(args.get("filename") or ""), alt=str(alt) if alt else None
        )
        return {"ok": True, "upload_url": url, "file_id": file_id}

    def _upload_file(
        self,
        *,
        url: str,
        data: bytes,
        logger: logging.Logger,
        timeout: int,
        proxy: str | None,
        ssl: SSLContext | None,
    ) -> FileUploadV2Result:
        """files_upload_v2's second step, the bytes to the upload URL: kept until the upload
        is completed (in Slack too, a file nobody completes is never seen)."""
        with self._lock:
            pending = self._pending.get(url)
            if pending is None:
                return FileUploadV2Result(status=404, body="unknown upload URL")
            pending.data = data
        return FileUploadV2Result(status=200, body="OK - " + str(len(data)))

    def _complete_upload(self, args: dict[str, Any]) -> dict[str, Any]:
        wanted = _decode(args.get("files")) or []
        by_id = {p.id: p for p in self._pending.values()}
        if not wanted or any(by_id.get(str(f.get("id"))) is None for f in wanted):
            return {"ok": False, "error": "file_not_found"}
        channel = args.get("channel_id") or str(args.get("channels") or "").split(",")[0]
        cid, where = self._where(str(channel)) if channel else (None, None)
        created = int(self.clock.now().timestamp())
        saved: list[Saved] = []
        for f in wanted:
            pending = by_id[str(f["id"])]
            data = pending.data or b""
            path = self.shelf.place(pending.filename, data)
            item = Saved(
                id=pending.id,
                name=pending.filename,
                title=str(f.get("title") or pending.filename),
                alt=pending.alt,
                size=len(data),
                path=path,
                created=created,
                channels=[cid] if cid else [],
            )
            self.shelf.keep(item)
            self._file_paths[item.id] = str(path)
            self._pending = {u: p for u, p in self._pending.items() if p.id != item.id}
            saved.append(item)
        self._show_files(saved, where, args.get("thread_ts"), args.get("initial_comment"))
        return {"ok": True, "files": [item.as_slack() for item in saved]}

    def _show_files(
        self, saved: list[Saved], where: str | None, thread_ts: Any, comment: Any
    ) -> None:
        if where is None:
            # Private: Slack shows it nowhere until a message's image block does.
            heading = t(self.lang, "console.heading.file_private")
        elif thread_ts:
            label = self._labels.get(str(thread_ts), str(thread_ts))
            heading = t(self.lang, "console.heading.file_thread", where=where, label=label)
        else:
            heading = t(self.lang, "console.heading.file", where=where)
        look = self.look()
        lines = [self._message(str(comment), None), ""] if comment else []
        for item in saved:
            size = size_text(item.size, self.lang)
            line = t(self.lang, "console.file.saved", name=item.name, size=size, path=item.path)
            lines += render.wrap(render.clean(line), look.width)
            if where is None:
                continue  # its message follows, with the picture's alt text and path
            if item.title != item.name:
                title = t(self.lang, "console.file.title", title=item.title)
                lines += render.wrap(render.clean(title), look.width)
            if item.alt:
                alt = t(self.lang, "console.file.alt", alt=item.alt)
                lines += render.wrap(render.clean(alt), look.width)
        self.screen.show(heading, "\n".join(lines))

    def _files_list(self, args: dict[str, Any]) -> dict[str, Any]:
        channel = args.get("channel")
        since = args.get("ts_from")
        count = int(args.get("count") or 100)
        found = self.shelf.listed(
            channel=self._where(str(channel))[0] if channel else None,
            since=int(since) if since is not None else None,
            count=count,
        )
        files = [item.as_slack() for item in found]
        paging = {"count": count, "total": len(files), "page": 1, "pages": 1}
        return {"ok": True, "files": files, "paging": paging}
