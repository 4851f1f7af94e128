"""The Slack workspace the console pretends to be: fixed ids, a token, and ids for channels."""

from __future__ import annotations

import hashlib

CONSOLE_TOKEN = "xoxb-console"
TEAM_ID = "TCONSOLE"
APP_ID = "ACONSOLE"
BOT_USER_ID = "UBALIE"
BOT_ID = "BBALIE"
# The channel the console's commands are "typed" in.
CONSOLE_CHANNEL = "console"
# `.invalid` never resolves (RFC 2606): nothing in console mode can reach the network.
OFFLINE_URL = "http://console.invalid/"


def channel_id(name: str) -> str:
    """A stable fake id for a channel name, as Slack answers a post to `#name` with an id."""
    return "C" + hashlib.sha1(name.lstrip("#").encode()).hexdigest()[:10].upper()


def dm_id(user_id: str) -> str:
    return "D" + hashlib.sha1(user_id.encode()).hexdigest()[:10].upper()
