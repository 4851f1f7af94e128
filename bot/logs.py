"""Structured logs: one JSON line per event, so an operator can follow a ticket or an outbox row
through every process (web workers, the outbox worker, replicas) with one query.

Callers pass what the line is about as `extra`, with the keys below; anything else a line
carries (a stack trace, the process id) is added here. Console mode keeps plain text: its log
lines share the terminal with the conversation.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal

from pythonjsonlogger.json import JsonFormatter

# The names of the `extra` keys that say what a line is about; use these, not ad-hoc names.
TICKET = "ticket"  # a ticket number, KOR-000123
OUTBOX = "outbox_id"  # an outbox row's id
KIND = "kind"  # an outbox row's kind

# What the current piece of work is about (an outbox row's delivery, say): every line logged
# meanwhile, by Balie or by a library, carries it without each call having to pass it.
_about: ContextVar[dict[str, object]] = ContextVar("balie_log_about", default={})  # noqa: B039


@contextmanager
def about(**fields: object) -> Iterator[None]:
    """Lines logged inside the block carry these fields (unless a line sets its own)."""
    token = _about.set({**_about.get(), **fields})
    try:
        yield
    finally:
        _about.reset(token)


def note(**fields: object) -> None:
    """Add what was learned along the way (the ticket number, once its row is read) to the
    current `about` block, until it ends. Outside one it does nothing: a delivery called
    directly must not leave its ticket on every later line of its thread."""
    current = _about.get()
    if current:
        _about.set({**current, **fields})


class _About(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        for key, value in _about.get().items():
            if not hasattr(record, key):
                setattr(record, key, value)
        return True


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
    handler.addFilter(_About())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # APScheduler says at INFO that it runs each job and that the job ran: two lines per job
    # per tick, which bury Balie's own. Its warnings (a run missed) and errors still show.
    scheduler_level = logging.NOTSET if level == "DEBUG" else logging.WARNING
    logging.getLogger("apscheduler").setLevel(scheduler_level)
