"""Shared by the invoicing tests: tickets registered through Balie, time entries written
straight into the ledger (recording them is the ledger's subject, not the export's), and the
files read back."""

from __future__ import annotations

import csv
import io
import time
from datetime import datetime
from decimal import Decimal
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import select

from bot.invoicing.export import Invoicer
from bot.policy import HourlyRate, Policy
from storage.models import InvoiceClosure, OutboxItem, Ticket, TimeEntry
from tests.conftest import Balie, amsterdam

ACME = 'klant=ACME contact="Jan Jansen" via=telefoon type=question impact=laag urgentie=laag'
BAKKER = 'klant=BAKKER contact="Bert Bakker" via=telefoon type=question impact=laag urgentie=laag'

HEADER_NL = [
    "Klant",
    "Klantnaam",
    "Ticket",
    "Datum",
    "Soort werk",
    "Omschrijving",
    "Minuten",
    "Afgerond (min)",
    "Uurtarief (EUR)",
    "Toeslag (%)",
    "Bedrag (EUR)",
    "Regel",
    "Reden",
    "Opdracht",
    "Voorwaarden",
    "Boeking",
    "Werkmaand",
]


def ticket_ids(balie: Balie) -> dict[str, tuple[int, int]]:
    """number -> (ticket id, customer id)."""
    with balie.services.sessions() as s:
        return {
            n: (i, c) for n, i, c in s.execute(select(Ticket.number, Ticket.id, Ticket.customer_id))
        }


def entry(
    balie: Balie,
    number: str,
    minutes: int,
    worked_at: datetime,
    *,
    kind: str = "support",
    chargeable: bool = True,
    rule: str = "out_of_scope",
    reason: str = "scope:inrichting",
    after_hours: bool = False,
    description: str = "",
    cancels: int | None = None,
    recorded_at: datetime | None = None,
) -> int:
    """A time entry in the ledger, as the ledger records it."""
    ticket_id, customer_id = ticket_ids(balie)[number]
    with balie.services.sessions.begin() as s:
        row = TimeEntry(
            ticket_id=ticket_id,
            customer_id=customer_id,
            minutes=minutes,
            kind=kind,
            description=description,
            actor_source="slack",
            actor="UAGENT1",
            worked_at=worked_at,
            created_at=recorded_at or worked_at,
            chargeable=chargeable,
            rule=rule,
            reason=reason,
            after_hours=after_hours,
            cancels_id=cancels,
        )
        s.add(row)
        s.flush()
        return row.id


def months_of(balie: Balie) -> dict[int, str | None]:
    with balie.services.sessions() as s:
        return {i: m for i, m in s.execute(select(TimeEntry.id, TimeEntry.invoice_month))}


def closures(balie: Balie) -> set[tuple[str, str]]:
    with balie.services.sessions() as s:
        return {(m, sc) for m, sc in s.execute(select(InvoiceClosure.month, InvoiceClosure.scope))}


def wait_for_outbox(balie: Balie, kind: str, count: int = 1, timeout: float = 15.0) -> None:
    """The lazy listener closes the month after the ack: wait for its outbox row."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with balie.services.sessions() as s:
            rows = s.execute(select(OutboxItem.id).where(OutboxItem.kind == kind)).all()
        if len(rows) >= count:
            return
        time.sleep(0.05)
    raise AssertionError(f"no {kind} row in the outbox after {timeout}s")


def responses(balie: Balie, count: int = 1, timeout: float = 15.0) -> list[str]:
    """The texts posted to the command's response_url, once the lazy listener and the outbox
    have posted `count` of them."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        balie.drain()
        found = [str(c.args["text"]) for c in balie.fake.calls_to("response_url")]
        if len(found) >= count:
            return found
        time.sleep(0.05)
    raise AssertionError(f"fewer than {count} response_url posts after {timeout}s")


def rate_change_policy(base: Policy) -> Policy:
    """The support rate goes from 96.00 to 100.00 on 16 November 2026."""
    billing = base.billing
    rates = dict(billing.rates)
    rates["support"] = [
        *rates["support"],
        HourlyRate.model_validate({"from": "2026-11-16", "hourly": "100.00"}),
    ]
    return base.model_copy(update={"billing": billing.model_copy(update={"rates": rates})})


def invoicer(balie: Balie, policy: Policy) -> Invoicer:
    s = balie.services
    return Invoicer(
        sessions=s.sessions, readers=s.readers, policy=policy, clock=balie.clock, roles=s.roles
    )


def csv_rows(data: bytes, delimiter: str = ";") -> list[list[str]]:
    assert data.startswith("\ufeff".encode()), "the CSV starts with a byte-order mark"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))


def sheets(data: bytes) -> dict[str, list[list[Any]]]:
    wb = load_workbook(io.BytesIO(data))
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


def november(balie: Balie) -> dict[str, int]:
    """The month every export test starts from: two tickets, five entries in November 2026
    (one of them free) and one in December."""
    balie.clock.set(amsterdam(2026, 11, 2, 9, 0))
    acme = balie.register(f"{ACME} Printer doet het niet")
    bakker = balie.register(f"{BAKKER} Rooster aanpassen")
    ids = {
        "setup": entry(
            balie, acme, 20, amsterdam(2026, 11, 3, 10, 0), description="Printer inrichten"
        ),
        "referred": entry(
            balie,
            acme,
            45,
            amsterdam(2026, 11, 20, 14, 0),
            rule="manual_referral",
            reason="referred",
            description="Nog een vraag",
        ),
        "night": entry(
            balie,
            acme,
            50,
            amsterdam(2026, 11, 21, 22, 0),
            kind="repair",
            after_hours=True,
            rule="after_hours_without_entitlement",
            reason="after_hours_work",
            description="Storing 's avonds",
        ),
        "analysis": entry(
            balie,
            acme,
            30,
            amsterdam(2026, 11, 5, 11, 0),
            kind="analysis",
            chargeable=False,
            rule="exclusion",
            reason="analysis",
        ),
        "change": entry(
            balie,
            bakker,
            61,
            amsterdam(2026, 11, 10, 9, 0),
            kind="change",
            rule="exclusion",
            reason="scope:wijziging",
            description="Rooster aanpassen",
        ),
        "december": entry(
            balie,
            bakker,
            15,
            amsterdam(2026, 12, 1, 9, 0),
            kind="change",
            rule="exclusion",
            reason="scope:wijziging",
            description="Nog een wijziging",
        ),
    }
    balie.clock.set(amsterdam(2026, 12, 1, 10, 0))
    return ids


def decimal_cells(row: list[Any]) -> list[Any]:
    return [Decimal(str(v)) if isinstance(v, float) else v for v in row]
