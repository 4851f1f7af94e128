"""Files and the App Home in the fake Slack: the three steps of ``files_upload_v2``,
``files.list`` and ``files.info``, and ``views.publish``.

Behaviour follows Slack's reference for these methods:

* ``files.getUploadURLExternal`` needs ``filename`` and a positive ``length`` (else
  ``invalid_arguments``); it answers a ``file_id`` and an ``upload_url`` on this fake, where the
  bytes are POSTed (recorded as the method ``"upload_url"``, answered ``OK - <length>``).
* ``files.completeUploadExternal`` takes ``files`` (a JSON list of ``{"id", "title"}``) and an
  optional ``channel_id``, ``initial_comment`` and ``thread_ts``. An id the fake did not hand out,
  or whose bytes never arrived, answers ``file_not_found``; completing a file twice answers
  ``file_not_found`` too (Slack's upload URLs are single-use). With ``channel_id`` the file is
  shared: a message with ``files`` appears in the channel (or thread), which
  ``conversations.history`` returns like any other.
* ``files.list`` returns the files the bot uploaded, newest first, filtered by ``channel`` and
  ``ts_from``; ``files.info`` one file with its bytes left out (tests read them with
  :func:`content`).
* ``conversations.open`` with ``users`` (one user id) opens, or finds, the DM with that user and
  answers its ``D…`` id: the same id every time, and the one a message posted to the user id
  lands in. Without ``users`` it answers ``users_list_not_supplied``; an id that is not a
  user's, ``user_not_found``. (Group DMs of several users are not played.)
* ``views.publish`` needs a ``user_id`` and a view of ``type: home`` (else
  ``invalid_arguments``); a ``hash`` that is not the current view's answers ``hash_conflict``.
  The last view published per user is kept (:func:`home_of`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.fakes.slack_api import FakeSlack

Response = dict[str, Any]


def upload_path(file_id: str) -> str:
    return f"/upload/v1/{file_id}"


def get_upload_url(fake: FakeSlack, args: dict[str, Any]) -> Response:
    filename = str(args.get("filename") or "")
    try:
        length = int(args.get("length") or 0)
    except ValueError:
        length = 0
    if not filename or length <= 0:
        return {"ok": False, "error": "invalid_arguments"}
    file_id = fake._next_id("F")
    fake._state.files[file_id] = {
        "id": file_id,
        "name": filename,
        "title": filename,
        "alt_txt": args.get("alt_txt") or "",
        "size": length,
        "user": "UBALIE",
        "channels": [],
        "created": int(fake._clock()),
        "_state": "pending",
    }
    return {"ok": True, "upload_url": fake.base_url + upload_path(file_id), "file_id": file_id}


def receive_upload(fake: FakeSlack, file_id: str, body: bytes) -> tuple[int, str]:
    """The POST of a file's bytes to its upload URL: (status, body)."""
    file = fake._state.files.get(file_id)
    if file is None or file["_state"] != "pending":
        return 404, "not found"
    fake._state.uploads[file_id] = body
    file["_state"] = "uploaded"
    file["size"] = len(body)
    return 200, f"OK - {len(body)}"


def complete_upload(fake: FakeSlack, args: dict[str, Any]) -> Response:
    wanted = args.get("files")
    if not isinstance(wanted, list) or not wanted:
        return {"ok": False, "error": "invalid_arguments"}
    found = []
    for item in wanted:
        file = fake._state.files.get(str(item.get("id"))) if isinstance(item, dict) else None
        if file is None or file["_state"] != "uploaded":
            return {"ok": False, "error": "file_not_found"}
        found.append((item, file))
    channel = args.get("channel_id")
    channel_id = fake._resolve_channel(channel) if channel else None
    if channel_id is not None and channel_id in fake._state.private & fake._state.outside:
        return {"ok": False, "error": "not_in_channel"}
    shared = []
    for item, file in found:
        file["_state"] = "complete"
        if item.get("title"):
            file["title"] = str(item["title"])
        if channel_id is not None:
            file["channels"] = [channel_id]
        shared.append(public(file))
    if channel_id is not None:
        ts = fake._next_ts()
        message = fake._message(
            {"text": args.get("initial_comment") or "", "thread_ts": args.get("thread_ts")}, ts
        )
        message["files"] = shared
        message["upload"] = True
        fake._state.messages[(channel_id, ts)] = message
        for file in shared:
            fake._state.files[file["id"]]["shares_ts"] = ts
    return {"ok": True, "files": shared}


def files_list(fake: FakeSlack, args: dict[str, Any]) -> Response:
    channel = args.get("channel")
    channel_id = fake._resolve_channel(channel) if channel else None
    ts_from = float(args.get("ts_from") or 0)
    files = [
        public(f)
        for f in fake._state.files.values()
        if f["_state"] == "complete"
        and (channel_id is None or channel_id in f["channels"])
        and f["created"] >= ts_from
    ]
    files.sort(key=lambda f: f["created"], reverse=True)
    count = int(args.get("count") or 100)
    return {
        "ok": True,
        "files": files[:count],
        "paging": {"count": count, "total": len(files), "page": 1, "pages": 1},
    }


def files_info(fake: FakeSlack, args: dict[str, Any]) -> Response:
    file = fake._state.files.get(str(args.get("file")))
    if file is None or file["_state"] != "complete":
        return {"ok": False, "error": "file_not_found"}
    return {"ok": True, "file": public(file)}


def public(file: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in file.items() if not k.startswith("_")}


def content(fake: FakeSlack, file_id: str) -> bytes:
    """The bytes uploaded for a file."""
    with fake._cond:
        return fake._state.uploads[file_id]


def shared_files(fake: FakeSlack) -> list[dict[str, Any]]:
    """Every completed upload, oldest first, with its bytes under ``"content"``."""
    with fake._cond:
        return [
            {**public(f), "content": fake._state.uploads.get(f["id"], b"")}
            for f in fake._state.files.values()
            if f["_state"] == "complete"
        ]


def conversations_open(fake: FakeSlack, args: dict[str, Any]) -> Response:
    users = [u.strip() for u in str(args.get("users") or "").split(",") if u.strip()]
    if not users:
        return {"ok": False, "error": "users_list_not_supplied"}
    if len(users) > 1 or not re.match(r"^[UW][A-Z0-9]{2,}$", users[0]):
        return {"ok": False, "error": "user_not_found"}
    user = users[0]
    if user not in fake._state.channel_ids and not fake._resolve_channel(user).startswith("D"):
        # A short test id ("ULEAD1") is not shaped like a Slack id: name its DM here, so a
        # later post to the user lands in the same D… conversation, as in Slack.
        from tests.fakes.slack_api import _stable_id

        dm = _stable_id("D", user)
        fake._state.channel_ids[user] = dm
        fake._state.channel_names[dm] = user
    channel_id = fake._resolve_channel(user)
    fake._state.channel_names.setdefault(channel_id, channel_id.lower())
    return {"ok": True, "no_op": False, "already_open": False, "channel": {"id": channel_id}}


def views_publish(fake: FakeSlack, args: dict[str, Any]) -> Response:
    user = str(args.get("user_id") or "")
    view = args.get("view")
    if not user or not isinstance(view, dict) or view.get("type") != "home":
        return {"ok": False, "error": "invalid_arguments"}
    current = fake._state.homes.get(user)
    wanted_hash = args.get("hash")
    if wanted_hash and current is not None and current["hash"] != wanted_hash:
        return {"ok": False, "error": "hash_conflict"}
    published = fake._view({"view": view}, view_id=current["id"] if current else None)
    fake._state.homes[user] = published
    return {"ok": True, "view": published}


def home_of(fake: FakeSlack, user: str) -> dict[str, Any] | None:
    """The Home tab last published for a user."""
    with fake._cond:
        return fake._state.homes.get(user)


BUILDERS: dict[str, Callable[[FakeSlack, dict[str, Any]], Response]] = {
    "files.getUploadURLExternal": get_upload_url,
    "files.completeUploadExternal": complete_upload,
    "files.list": files_list,
    "files.info": files_info,
    "views.publish": views_publish,
    "conversations.open": conversations_open,
}
