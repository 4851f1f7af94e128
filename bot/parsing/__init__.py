"""Parsing what agents type after a slash command: `/ticket new klant=ACME ... onderwerp`.

Pure functions: text in, the models of bot.services.inputs out, and one InvalidInput naming
every problem (with the valid choices and, for a near miss, a suggestion) for anything else.
"""

from __future__ import annotations

from bot.parsing.customer import contact_fields, customer_fields
from bot.parsing.sla import sla_query
from bot.parsing.text import Key, Keys, Parsed, Problems, parse_fields, tokenize, unescape_slack
from bot.parsing.ticket import (
    SUBCOMMANDS,
    TICKET_KEYS,
    assignment,
    close_reason,
    closing,
    describe_filter,
    language,
    new_ticket,
    reclassification,
    split_subcommand,
    third_party_wait,
    ticket_filter,
    ticket_number,
    ticket_ref,
    user_mention,
)

__all__ = [
    "SUBCOMMANDS",
    "TICKET_KEYS",
    "Key",
    "Keys",
    "Parsed",
    "Problems",
    "assignment",
    "close_reason",
    "closing",
    "contact_fields",
    "customer_fields",
    "describe_filter",
    "language",
    "new_ticket",
    "parse_fields",
    "reclassification",
    "sla_query",
    "split_subcommand",
    "third_party_wait",
    "ticket_filter",
    "ticket_number",
    "ticket_ref",
    "tokenize",
    "unescape_slack",
    "user_mention",
]
