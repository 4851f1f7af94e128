"""Console mode: Balie at a prompt in the terminal, like Hubot's shell adapter.

You type the slash commands an agent types in Slack, as one of a few fixed personas, and see
Balie's replies, channel messages and e-mails as text. It is a transport, not a second
implementation: every line becomes the form body Slack would send, dispatched to the same Bolt
app (create_app) with the same handlers and services. Only the edges are replaced: the Web API
client renders instead of calling Slack, and e-mail is shown instead of sent.

It shows text as a person reads it in Slack: entities undone, mentions as names, emoji as
symbols, bold and italics as terminal styles on a terminal and plain words in a pipe, lines
wrapped between words to the terminal's width, and a card update as what changed.

The pieces: `workspace` (the fake workspace's ids), `personas` (who you can be), `screen` (the
output: its width, and whether it takes ANSI styles), `markup` (mrkdwn as terminal text, and
wrapping), `render` (Slack payloads as text), `changes` (an update as what changed), `client`
(the Web API client), `files` (uploads saved to a folder), `deliveries` (e-mail and
response_url), `lazy` (Bolt's lazy listeners), `session` (what a typed line does: slash
commands, and `:home` as the app_home_opened event) and `repl` (the prompt). Every word it
shows comes from the catalogue (`console.*` keys), in the policy's language.
"""

from bot.transports.console.client import ConsoleWebClient
from bot.transports.console.personas import (
    PERSONAS,
    Persona,
    console_policy,
    find_persona,
    slack_text,
)
from bot.transports.console.repl import run_console
from bot.transports.console.screen import Screen
from bot.transports.console.session import Console
from bot.transports.console.workspace import channel_id

__all__ = [
    "PERSONAS",
    "Console",
    "ConsoleWebClient",
    "Persona",
    "Screen",
    "channel_id",
    "console_policy",
    "find_persona",
    "run_console",
    "slack_text",
]
