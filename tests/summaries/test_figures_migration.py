"""Migration 0010 fills in the moments the summaries read for tickets that exist already, from
their status and audit trail, on both databases."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine, select, text

from storage import migrate
from storage.db import make_engine
from storage.models import JSON, Ticket, UtcDateTime
from tests.conftest import PG_BASE, amsterdam

T0 = amsterdam(2026, 12, 1, 9, 0)


def h(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


@pytest.fixture(params=["sqlite", "postgresql"])
def at_0009(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database migrated to 0009, the revision before the summaries'."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
        migrate.upgrade(engine, "0009")
        yield engine
        engine.dispose()
        return
    request.getfixturevalue("pg_url")  # skips, as every PostgreSQL test, when unreachable
    schema = f"balie_m10_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = make_engine(PG_BASE, pool_size=1, max_overflow=0)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(f"{PG_BASE}?options=-csearch_path%3D{schema}")
    migrate.upgrade(engine, "0009")
    yield engine
    engine.dispose()
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


# The tables as they were at 0009: only the columns written here.
TICKETS = sa.table(
    "tickets",
    *(sa.column(c) for c in ("id", "number", "customer_id", "contact_id", "via", "subject")),
    *(sa.column(c) for c in ("description", "type", "impact", "urgency", "priority", "line")),
    *(sa.column(c) for c in ("status", "created_by", "response_state", "resolution_state")),
    sa.column("created_at", UtcDateTime()),
    sa.column("updated_at", UtcDateTime()),
    sa.column("response_due_at", UtcDateTime()),
    sa.column("resolution_due_at", UtcDateTime()),
)
EVENTS = sa.table(
    "ticket_events",
    sa.column("ticket_id"),
    sa.column("at", UtcDateTime()),
    sa.column("actor"),
    sa.column("kind"),
    sa.column("changes", JSON()),
    sa.column("text"),
)


def ticket(i: int, status: str, **kw: Any) -> dict[str, Any]:
    return {
        "id": i,
        "number": f"KOR-{i:06d}",
        "customer_id": 1,
        "contact_id": 1,
        "via": "phone",
        "subject": "s",
        "description": "",
        "type": "question",
        "impact": "low",
        "urgency": "low",
        "priority": "P4",
        "line": 1,
        "status": status,
        "created_by": "UAGENT1",
        "created_at": T0,
        "updated_at": T0,
        "response_state": "running",
        "resolution_state": "running",
        "response_due_at": h(9),
        "resolution_due_at": h(90),
        **kw,
    }


def event(ticket_id: int, at: datetime, kind: str, old: str, new: str) -> dict[str, Any]:
    return {
        "ticket_id": ticket_id,
        "at": at,
        "actor": "UAGENT1",
        "kind": kind,
        "changes": {"status": [old, new]},
        "text": "",
    }


def test_existing_tickets_get_their_moments_from_the_trail(at_0009: Engine) -> None:
    with at_0009.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO customers (id, code, name, sla_tier, contract_date, account_manager,"
                " created_at, updated_at) VALUES (1, 'ACME', 'Acme', 'gold', '2019-04-01', 'P',"
                " :t, :t)"
            ),
            {"t": T0},
        )
        conn.execute(
            text(
                "INSERT INTO contacts (id, customer_id, name, email, phone, role)"
                " VALUES (1, 1, 'Jan', 'jan@acme.example', '', 'main')"
            )
        )
        conn.execute(
            sa.insert(TICKETS),
            [
                ticket(1, "resolved", resolution_state="met"),
                ticket(2, "closed", resolution_state="met"),
                ticket(3, "closed", response_state="cancelled", resolution_state="cancelled"),
                ticket(4, "in_progress", response_state="breached"),
                ticket(5, "new"),
            ],
        )
        conn.execute(
            sa.insert(EVENTS),
            [
                event(1, h(1), "resolve", "new", "resolved"),
                # Resolved, reopened, resolved again, then closed.
                event(2, h(1), "resolve", "in_progress", "resolved"),
                event(2, h(2), "reopen", "resolved", "in_progress"),
                event(2, h(3), "resolve", "in_progress", "resolved"),
                event(2, h(4), "close", "resolved", "closed"),
                # Closed without a resolve (a duplicate).
                event(3, h(1), "close", "new", "closed"),
                # Resolved, then reopened: open again, its response breached.
                event(4, h(1), "resolve", "in_progress", "resolved"),
                event(4, h(2), "reopen", "resolved", "in_progress"),
            ],
        )
    migrate.upgrade(at_0009)
    with at_0009.connect() as conn:
        found = {
            row.id: row
            for row in conn.execute(
                select(
                    Ticket.id,
                    Ticket.done_at,
                    Ticket.resolved_at,
                    Ticket.closed_at,
                    Ticket.reopened_at,
                    Ticket.reopen_count,
                    Ticket.response_breached_at,
                    Ticket.resolution_breached_at,
                    Ticket.response_seconds,
                )
            )
        }

    def moments(i: int) -> tuple[Any, ...]:
        r = found[i]
        return (r.done_at, r.resolved_at, r.closed_at, r.reopened_at, r.reopen_count)

    assert moments(1) == (h(1), h(1), None, None, 0)
    assert moments(2) == (h(3), h(3), h(4), h(2), 1)  # the resolve after the reopen
    assert moments(3) == (h(1), None, h(1), None, 0)  # cancelled: done, never resolved
    assert moments(4) == (None, None, None, h(2), 1)  # open again
    assert moments(5) == (None, None, None, None, 0)
    assert found[4].response_breached_at == h(9)  # its stored deadline
    assert all(r.resolution_breached_at is None for r in found.values())
    # What the clocks counted is not in the trail: unknown, left out of the medians.
    assert all(r.response_seconds is None for r in found.values())
