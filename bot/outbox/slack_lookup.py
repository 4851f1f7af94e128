"""Finding a message that an earlier attempt at an outbox row posted, by its metadata.

Each post carries `{"event_type": …, "event_payload": {"outbox_id": row id, …}}`. A retry of an
uncertain row reads the channel's history (or the thread's replies) from a little before the
row was made and adopts the message it finds. conversations.history and .replies take a
channel id, not a name, and read only channels the bot is in: names are resolved through
conversations.list (and every post's answer), and a public channel the bot posted in through
chat:write.public without being a member is joined first.

When Balie cannot look (say the app lacks a scope), it says so in the log and posts: a card
shown twice is better than a card never shown.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from slack_sdk import WebClient

from bot.outbox.dispatcher import Permanent
from bot.outbox.slack_call import SlackError, call
from storage.models import OutboxItem

log = logging.getLogger(__name__)

CARD_EVENT = "balie_card"
THREAD_EVENT = "balie_thread"
POST_EVENT = "balie_post"

# Read from this long before the row was made: Slack's clock and ours may differ a little.
CLOCK_SKEW = timedelta(minutes=10)
# Pages of 200 messages; a desk channel holds far fewer since the row was made.
PAGES = 10
# Channels and private channels Balie may post in (ids start with C or G).
_CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{8,}$")
# A direct message's conversation id.
_DM_ID = re.compile(r"^D[A-Z0-9]{8,}$")


def metadata(event_type: str, item: OutboxItem, ticket: str | None) -> dict[str, Any]:
    payload: dict[str, Any] = {"outbox_id": item.id}
    if ticket:
        payload["ticket"] = ticket
    return {"event_type": event_type, "event_payload": payload}


class Lookup:
    def __init__(self, client: WebClient) -> None:
        self.client = client
        self._ids: dict[str, str] = {}
        self._lock = threading.Lock()

    def learn(self, channel: str, channel_id: str) -> None:
        """Remember the id Slack gave for a channel name (every post's answer says it)."""
        if not _CHANNEL_ID.match(channel):
            with self._lock:
                self._ids[channel.lstrip("#")] = channel_id

    def earlier(
        self, *, item: OutboxItem, event_type: str, channel: str, thread_ts: str | None = None
    ) -> dict[str, str] | None:
        """The channel and ts of the message an earlier attempt at `item` posted, if any.

        Slack's rate limits and outages raise Retry: the row then waits, still uncertain."""
        try:
            channel_id = self._id_of(channel)
            if channel_id is None:
                return None  # no such channel, or not one Balie can read: nothing was posted
            oldest = f"{(item.created_at - CLOCK_SKEW).timestamp():.6f}"
            try:
                found = self._find(channel_id, thread_ts, oldest, item.id, event_type)
            except SlackError as exc:
                if exc.error != "not_in_channel":
                    raise
                call(self.client.conversations_join, channel=channel_id)
                found = self._find(channel_id, thread_ts, oldest, item.id, event_type)
        except Permanent as exc:
            log.warning(
                "outbox %s: cannot check %s for an earlier post (%s); posting, which may "
                "show it twice",
                item.id,
                channel,
                exc,
            )
            return None
        if found is not None:
            log.info("outbox %s: an earlier attempt posted it (ts %s); adopting it", item.id, found)
            return {"channel": channel_id, "ts": found}
        return None

    def _find(
        self, channel_id: str, thread_ts: str | None, oldest: str, item_id: int, event_type: str
    ) -> str | None:
        kwargs: dict[str, Any] = {
            "channel": channel_id,
            "oldest": oldest,
            "include_all_metadata": True,
            "limit": 200,
        }
        method: Callable[..., Any] = self.client.conversations_history
        if thread_ts:
            method, kwargs["ts"] = self.client.conversations_replies, thread_ts
        for _ in range(PAGES):
            answer = call(method, **kwargs)
            for message in answer.get("messages") or []:
                meta = message.get("metadata") or {}
                payload = meta.get("event_payload") or {}
                if meta.get("event_type") == event_type and payload.get("outbox_id") == item_id:
                    return str(message["ts"])
            cursor = (answer.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return None
            kwargs["cursor"] = cursor
        raise Permanent(f"more than {PAGES * 200} messages since the row was made")

    def channel_id(self, channel: str) -> str | None:
        """The id of a channel given by name or id; None for a DM by user id."""
        return self._id_of(channel)

    def _id_of(self, channel: str) -> str | None:
        if _CHANNEL_ID.match(channel):
            return channel
        if _DM_ID.match(channel):
            return channel  # a DM Balie opened (conversations.open): read with im:history
        if not channel.startswith("#") and channel[:1] in "UW":
            return None  # a user id: the DM's own id is needed to read it
        name = channel.lstrip("#")
        with self._lock:
            known = self._ids.get(name)
        if known is not None:
            return known
        kwargs: dict[str, Any] = {
            "types": "public_channel,private_channel",
            "exclude_archived": True,
            "limit": 200,
        }
        for _ in range(PAGES * 5):
            answer = call(self.client.conversations_list, **kwargs)
            with self._lock:
                for found in answer.get("channels") or []:
                    self._ids[str(found["name"])] = str(found["id"])
                known = self._ids.get(name)
            cursor = (answer.get("response_metadata") or {}).get("next_cursor")
            if known is not None or not cursor:
                return known
            kwargs["cursor"] = cursor
        return None
