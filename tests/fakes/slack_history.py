"""Reading channels in the fake Slack: conversations.history, .replies, .list and .join, with
Slack's cursor pagination, membership rules and per-method rate limits.

Behaviour follows Slack's reference for these methods:

* ``channel`` must be a conversation id; a name (``#support``) or an unknown id answers
  ``channel_not_found``. A bot reads only conversations it is a member of, else
  ``not_in_channel``; ``conversations.join`` makes it a member of a public channel (a private
  one answers ``method_not_supported_for_channel_type``).
* ``conversations.history`` returns top-level messages newest first; ``conversations.replies``
  returns the thread's parent first, then its replies oldest first (``thread_not_found`` for a
  ts that is no message of the channel). ``oldest`` and ``latest`` bound the range, exclusive
  unless ``inclusive``; ``limit`` defaults to 100 (history: at most 999, replies and list: at
  most 1000). When more remain, ``has_more`` is true and ``response_metadata.next_cursor``
  names the next page; a cursor the fake did not give answers ``invalid_cursor``.
* Message ``metadata`` is only returned with ``include_all_metadata``.
* Rate limits are per method per minute (Tier 2: 20, Tier 3: 50); a call past the limit gets
  HTTP 429 with ``Retry-After`` in seconds, as Slack answers.
"""

from __future__ import annotations

import base64
import math
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.fakes.slack_api import FakeSlack

Response = dict[str, Any]

# Calls per minute (Slack's Tier 2 and Tier 3; internal apps keep these for history/replies).
RATE_LIMITS: dict[str, int] = {
    "conversations.history": 50,
    "conversations.replies": 50,
    "conversations.list": 20,
    "conversations.join": 50,
}
_WINDOW = 60.0


class RateLimits:
    """A sliding one-minute window per method."""

    def __init__(self, per_minute: Mapping[str, int]) -> None:
        self.per_minute = dict(per_minute)
        self._calls: dict[str, deque[float]] = {}

    def admit(self, method: str, now: float) -> int | None:
        """None if the call may go ahead; otherwise the seconds to wait (Retry-After)."""
        limit = self.per_minute.get(method)
        if limit is None:
            return None
        calls = self._calls.setdefault(method, deque())
        while calls and calls[0] <= now - _WINDOW:
            calls.popleft()
        if len(calls) >= limit:
            return max(1, math.ceil(calls[0] + _WINDOW - now))
        calls.append(now)
        return None


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


def in_channel(fake: FakeSlack, channel_id: str) -> list[dict[str, Any]]:
    """Every message of a channel, oldest first."""
    found = [m for (ch, _), m in fake._state.messages.items() if ch == channel_id]
    return sorted(found, key=lambda m: float(m["ts"]))


def _exists(fake: FakeSlack, channel_id: str) -> bool:
    return channel_id in fake._state.channel_names or any(
        ch == channel_id for ch, _ in fake._state.messages
    )


def _readable(fake: FakeSlack, args: dict[str, Any]) -> tuple[str, Response | None]:
    channel = str(args.get("channel") or "")
    if not channel:
        return channel, {"ok": False, "error": "channel_not_found"}
    if not _exists(fake, channel):
        return channel, {"ok": False, "error": "channel_not_found"}
    if channel in fake._state.outside:
        return channel, {"ok": False, "error": "not_in_channel"}
    return channel, None


def _bound(value: Any) -> float | None:
    if value in (None, ""):
        return None
    return float(value)


def _cursor(value: str) -> str:
    return base64.b64encode(f"next_ts:{value}".encode()).decode("ascii")


def _uncursor(cursor: str) -> str | None:
    try:
        text = base64.b64decode(cursor.encode("ascii"), validate=True).decode("ascii")
    except (ValueError, UnicodeError):
        return None
    key, _, value = text.partition(":")
    return value if key == "next_ts" and value else None


def _page(
    items: list[dict[str, Any]],
    args: dict[str, Any],
    *,
    key: Callable[[dict[str, Any]], str],
    limit_max: int,
) -> tuple[list[dict[str, Any]], str | None] | Response:
    """One page of `items` (already in answer order) from the cursor on."""
    try:
        limit = int(args.get("limit") or 100)
    except ValueError:
        return {"ok": False, "error": "invalid_limit"}
    limit = max(1, min(limit, limit_max))
    cursor = str(args.get("cursor") or "")
    if cursor:
        start = _uncursor(cursor)
        keys = [key(item) for item in items]
        if start is None or start not in keys:
            return {"ok": False, "error": "invalid_cursor"}
        items = items[keys.index(start) :]
    page, rest = items[:limit], items[limit:]
    return page, (key(rest[0]) if rest else None)


def _in_range(messages: Iterable[dict[str, Any]], args: dict[str, Any]) -> list[dict[str, Any]]:
    oldest, latest = _bound(args.get("oldest")), _bound(args.get("latest"))
    inclusive = _truthy(args.get("inclusive"))
    out = []
    for m in messages:
        ts = float(m["ts"])
        if oldest is not None and (ts < oldest or (ts == oldest and not inclusive)):
            continue
        if latest is not None and (ts > latest or (ts == latest and not inclusive)):
            continue
        out.append(m)
    return out


def _shown(message: dict[str, Any], args: dict[str, Any], replies: int = 0) -> dict[str, Any]:
    shown = {k: v for k, v in message.items() if k != "metadata"}
    if "metadata" in message and _truthy(args.get("include_all_metadata")):
        shown["metadata"] = message["metadata"]
    if replies:
        shown["thread_ts"], shown["reply_count"] = message["ts"], replies
    return shown


def _answer(
    kind: str, page: list[dict[str, Any]], next_key: str | None, extra: Response | None = None
) -> Response:
    answer: Response = {"ok": True, kind: page, **(extra or {})}
    answer["has_more"] = next_key is not None
    if next_key is not None:
        answer["response_metadata"] = {"next_cursor": _cursor(next_key)}
    return answer


def conversations_history(fake: FakeSlack, args: dict[str, Any]) -> Response:
    channel, error = _readable(fake, args)
    if error is not None:
        return error
    try:
        chosen = _in_range(in_channel(fake, channel), args)
    except ValueError:
        return {"ok": False, "error": "invalid_arguments"}
    threads: dict[str, int] = {}
    for m in chosen:
        parent = m.get("thread_ts")
        if parent and parent != m["ts"]:
            threads[parent] = threads.get(parent, 0) + 1
    top = [m for m in reversed(chosen) if m.get("thread_ts") in (None, m["ts"])]
    paged = _page(top, args, key=lambda m: str(m["ts"]), limit_max=999)
    if isinstance(paged, dict):
        return paged
    page, next_key = paged
    shown = [_shown(m, args, threads.get(m["ts"], 0)) for m in page]
    return _answer("messages", shown, next_key, {"pin_count": 0})


def conversations_replies(fake: FakeSlack, args: dict[str, Any]) -> Response:
    channel, error = _readable(fake, args)
    if error is not None:
        return error
    ts = str(args.get("ts") or "")
    parent = fake._state.messages.get((channel, ts))
    if parent is None or parent.get("thread_ts") not in (None, ts):
        return {"ok": False, "error": "thread_not_found"}
    replies = [m for m in in_channel(fake, channel) if m.get("thread_ts") == ts and m is not parent]
    try:
        chosen = [parent, *_in_range(replies, args)]
    except ValueError:
        return {"ok": False, "error": "invalid_arguments"}
    paged = _page(chosen, args, key=lambda m: str(m["ts"]), limit_max=1000)
    if isinstance(paged, dict):
        return paged
    page, next_key = paged
    shown = [_shown(m, args, len(replies) if m is parent else 0) for m in page]
    return _answer("messages", shown, next_key)


def _channel(fake: FakeSlack, channel_id: str) -> dict[str, Any]:
    private = channel_id in fake._state.private
    return {
        "id": channel_id,
        "name": fake._state.channel_names.get(channel_id, channel_id.lower()),
        "is_channel": not private,
        "is_group": private,
        "is_im": False,
        "is_private": private,
        "is_archived": False,
        "is_member": channel_id not in fake._state.outside,
        "created": 1_600_000_000,
        "context_team_id": "T0001",
    }


def conversations_list(fake: FakeSlack, args: dict[str, Any]) -> Response:
    types = set(str(args.get("types") or "public_channel").split(","))
    if not types <= {"public_channel", "private_channel", "im", "mpim"}:
        return {"ok": False, "error": "invalid_types"}
    chosen = []
    for channel_id in sorted(fake._state.channel_names):
        if channel_id[0] not in "CG":
            continue
        private = channel_id in fake._state.private
        if private and channel_id in fake._state.outside:
            continue  # a private channel is visible to its members only
        if ("private_channel" if private else "public_channel") in types:
            chosen.append(_channel(fake, channel_id))
    paged = _page(chosen, args, key=lambda c: str(c["id"]), limit_max=1000)
    if isinstance(paged, dict):
        return paged
    page, next_key = paged
    answer = _answer("channels", page, next_key)
    answer.pop("has_more")  # conversations.list says so through the cursor alone
    answer.setdefault("response_metadata", {"next_cursor": ""})
    return answer


def conversations_join(fake: FakeSlack, args: dict[str, Any]) -> Response:
    channel = str(args.get("channel") or "")
    if not _exists(fake, channel):
        return {"ok": False, "error": "channel_not_found"}
    if channel in fake._state.private:
        return {"ok": False, "error": "method_not_supported_for_channel_type"}
    already = channel not in fake._state.outside
    fake._state.outside.discard(channel)
    answer: Response = {"ok": True, "channel": _channel(fake, channel)}
    if already:
        answer["warning"] = "already_in_channel"
        answer["response_metadata"] = {"warnings": ["already_in_channel"]}
    return answer


BUILDERS: dict[str, Callable[[FakeSlack, dict[str, Any]], Response]] = {
    "conversations.history": conversations_history,
    "conversations.replies": conversations_replies,
    "conversations.list": conversations_list,
    "conversations.join": conversations_join,
}
