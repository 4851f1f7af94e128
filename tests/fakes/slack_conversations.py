"""``conversations.open`` in the fake Slack: the direct message with one user.

As Slack's reference says: ``users`` (one id, or several comma-separated for a group DM; here
one) answers ``{"channel": {"id": "D…"}}``, the same id every time for the same user, and the
id that a chat.postMessage to the user's id posts in. No ``users`` answers ``users_list_not_supplied``;
more than one, ``not_supported`` (the fake has no group DMs).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.fakes.slack_api import FakeSlack

Response = dict[str, Any]


def conversations_open(fake: FakeSlack, args: dict[str, Any]) -> Response:
    users = [u for u in str(args.get("users") or "").split(",") if u.strip()]
    if not users:
        return {"ok": False, "error": "users_list_not_supplied"}
    if len(users) > 1:
        return {"ok": False, "error": "not_supported"}
    user = users[0].strip()
    from tests.fakes.slack_api import _stable_id

    with fake._cond:
        # A short test id ("ULEAD1") is not shaped like a Slack id: name its DM here, so that
        # a later post to the user lands in the same D… conversation.
        if user not in fake._state.channel_ids:
            dm = _stable_id("D", user)
            fake._state.channel_ids[user] = dm
            fake._state.channel_names[dm] = user
    channel_id = fake._resolve_channel(user)
    return {"ok": True, "channel": {"id": channel_id, "is_im": True, "user": user}}


BUILDERS: dict[str, Callable[[FakeSlack, dict[str, Any]], Response]] = {
    "conversations.open": conversations_open,
}
