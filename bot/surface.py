"""Balie's surface in Slack: the commands it registers and the Web API methods it calls.

manifest.yml must match this exactly; tests/test_manifest.py holds the two together.
"""

from enum import StrEnum


class Command(StrEnum):
    TICKET = "/ticket"
    KLANT = "/klant"
    SLA = "/sla"
    WAAKDIENST = "/waakdienst"
    RAPPORT = "/rapport"
    # The monthly export for invoicing (bot.invoicing): team leads and admins.
    FACTURATIE = "/facturatie"


# Events Balie subscribes to (bot events).
EVENTS: frozenset[str] = frozenset(
    {
        # The App Home (bot.home): opening the Home tab publishes the agent's cockpit.
        "app_home_opened",
    }
)

# Global and message shortcuts (callback ids).
SHORTCUTS: frozenset[str] = frozenset()

# Every Web API method Balie calls, with the bot scopes it needs (one per kind of channel).
WEB_API_SCOPES: dict[str, tuple[str, ...]] = {
    "auth.test": (),
    "chat.postMessage": ("chat:write",),
    "chat.update": ("chat:write",),
    "chat.postEphemeral": ("chat:write",),
    # A DM an uncertain retry may have to look in (a /rapport CSV, the export, the billing and
    # waakdienst DMs) goes to the conversation opened (or found) by user id, the id it reads.
    "conversations.open": ("im:write",),
    "views.open": (),
    "views.update": (),
    "usergroups.users.list": ("usergroups:read",),
    # The waakdienst's user group always holds the on-call engineer: found by its handle,
    # made if missing (enabled if disabled), and its members set at every handover.
    "usergroups.list": ("usergroups:read",),
    "usergroups.create": ("usergroups:write",),
    "usergroups.enable": ("usergroups:write",),
    "usergroups.users.update": ("usergroups:write",),
    # Before posting again after a crash, Balie looks for its earlier post (by its metadata)
    # in a line channel or a card's thread: it resolves the channel's name to its id, joins a
    # public one it posted in without being a member, and reads its history.
    "conversations.list": ("channels:read", "groups:read"),
    "conversations.join": ("channels:join",),
    "conversations.history": ("channels:history", "groups:history", "im:history"),
    "conversations.replies": ("channels:history", "groups:history"),
    # The summaries' charts (bot.summaries.delivery): files_upload_v2 is three steps, the
    # bytes going to the URL the first step gives (no method, no scope); a retry of an
    # uncertain upload to a channel looks for its file by name first.
    "files.getUploadURLExternal": ("files:write",),
    "files.completeUploadExternal": ("files:write",),
    "files.list": ("files:read",),
    # The App Home (bot.home): every agent's cockpit in Balie's Home tab (no scope needed).
    "views.publish": (),
}

# Scopes beyond the methods: slash commands, and posting in public channels Balie has not
# been invited to (the line channels are set in the policy, not by invitation).
EXTRA_SCOPES: frozenset[str] = frozenset({"commands", "chat:write.public"})


def bot_scopes() -> set[str]:
    return {scope for scopes in WEB_API_SCOPES.values() for scope in scopes} | set(EXTRA_SCOPES)
