"""Reading what agents type after a slash command: the tokenizer, the keys and value sets with
their suggestions, and the collector that names every problem at once. Each capability's
grammar (bot.tickets.grammar, bot.sla.grammar, bot.directory.grammar) is built from these.
"""

from __future__ import annotations

from bot.parsing.text import Key, Keys, Parsed, Problems, parse_fields, tokenize, unescape_slack

__all__ = ["Key", "Keys", "Parsed", "Problems", "parse_fields", "tokenize", "unescape_slack"]
