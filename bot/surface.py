"""Balie's surface in Slack: the commands it registers and the Web API methods it calls.

manifest.yml must match this exactly; tests/test_manifest.py holds the two together.
"""

from enum import StrEnum


class Command(StrEnum):
    TICKET = "/ticket"
    KLANT = "/klant"
    SLA = "/sla"


# Events Balie subscribes to (bot events).
EVENTS: frozenset[str] = frozenset()

# Global and message shortcuts (callback ids).
SHORTCUTS: frozenset[str] = frozenset()

# Every Web API method Balie calls, with the bot scope it needs.
WEB_API_SCOPES: dict[str, str | None] = {
    "auth.test": None,
    "chat.postMessage": "chat:write",
    "chat.update": "chat:write",
    "chat.postEphemeral": "chat:write",
    "views.open": None,
    "views.update": None,
    "usergroups.users.list": "usergroups:read",
}

# Scopes beyond the methods: slash commands, and posting in public channels Balie has not
# been invited to (the line channels are set in the policy, not by invitation).
EXTRA_SCOPES: frozenset[str] = frozenset({"commands", "chat:write.public"})


def bot_scopes() -> set[str]:
    return {s for s in WEB_API_SCOPES.values() if s} | set(EXTRA_SCOPES)
