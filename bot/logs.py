"""Structured logs: one JSON line per event, so an operator can follow a ticket or an outbox row
through every process (web workers, the outbox worker, replicas) with one query.

Callers pass what the line is about as `extra`, with the keys below; anything else a line
carries (a stack trace, the process id) is added here. Console mode keeps plain text: its log
lines share the terminal with the conversation.
"""

from __future__ import annotations

import logging
import sys
from typing import Literal

from pythonjsonlogger.json import JsonFormatter

# The names of the `extra` keys that say what a line is about; use these, not ad-hoc names.
TICKET = "ticket"  # a ticket number, KOR-000123
OUTBOX = "outbox_id"  # an outbox row's id
KIND = "kind"  # an outbox row's kind

LogFormat = Literal["json", "text"]
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def formatter(fmt: LogFormat) -> logging.Formatter:
    if fmt == "text":
        return logging.Formatter(TEXT_FORMAT)
    return JsonFormatter(
        "%(asctime)s %(levelname)s %(name)s %(process)d %(message)s",
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
        datefmt="%Y-%m-%dT%H:%M:%S%z",
        json_ensure_ascii=False,
    )


def configure(*, level: str, fmt: LogFormat) -> None:
    """Replace the root handlers: one stream to stderr in the chosen format."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter(fmt))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
