"""Three Balie processes on one PostgreSQL database close the same months at the same moment:
one closure per month, the other two get the same file, and every chargeable entry is in
exactly one exported file, once ("its items are marked invoiced, so they are never exported
twice")."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest
from sqlalchemy import func, select

from storage.models import InvoiceLine
from tests import replicas
from tests.conftest import Balie, amsterdam
from tests.invoicing.helpers import ACME, BAKKER, closures, csv_rows, entry, months_of

# November is closed on 1 December, December on 4 January.
MOMENTS = [amsterdam(2026, 12, 1, 10, 0), amsterdam(2027, 1, 4, 9, 0)]
MONTHS = ["2026-11", "2026-12"]


@pytest.mark.postgres_only
def test_three_processes_close_each_month_once(balie: Balie, tmp_path: Path) -> None:
    if balie.database.kind != "postgresql":
        pytest.skip("several processes on one database is the PostgreSQL deployment")
    balie.clock.set(amsterdam(2026, 11, 2, 9, 0))
    tickets = [balie.register(f"{ACME} Printer"), balie.register(f"{BAKKER} Rooster")]
    # 120 entries over both months, one in five free; each its own description.
    chargeable: set[str] = set()
    for i in range(120):
        day = amsterdam(2026, 11 + i % 2, 1 + i % 28, 10, 0)
        free = i % 5 == 0
        entry(balie, tickets[i % 2], 10 + i % 50, day, description=f"werk {i}", chargeable=not free)
        if not free:
            chargeable.add(f"werk {i}")
    sync, out = tmp_path / "sync", tmp_path / "out"
    sync.mkdir()
    out.mkdir()
    env = {
        "DATABASE_URL": balie.database.url,
        "SLACK_API_URL": balie.fake.api_url,
        "SMTP_URL": balie.smtp.url,
        "BALIE_TEST_TIMES": ",".join(m.isoformat() for m in MOMENTS),
        "BALIE_TEST_MONTHS": ",".join(MONTHS),
        "BALIE_TEST_SYNC": str(sync),
        "BALIE_TEST_WORKERS": "3",
        "BALIE_TEST_OUT": str(out),
    }
    printed = replicas.outputs(replicas.start("tests.invoicing.invoicing_worker", env), 240)
    said = [line.split() for o in printed for line in o.splitlines()]
    # Each month closed by exactly one process; the other two got its export.
    newly = collections.Counter(month for month, how in said if how == "newly")
    assert len(said) == 6 and newly == {"2026-11": 1, "2026-12": 1}, said
    assert closures(balie) == {("2026-11", "all"), ("2026-12", "all")}
    # The three files of a month are one file.
    files = {m: {p.read_bytes() for p in out.glob(f"{m}-*.csv")} for m in MONTHS}
    assert [len(files[m]) for m in MONTHS] == [1, 1]
    assert len(list(out.glob("*.csv"))) == 6
    # Every chargeable entry in exactly one month's file, once; the free ones in none.
    exported = collections.Counter(
        row[5] for m in MONTHS for data in files[m] for row in csv_rows(data)[1:]
    )
    assert set(exported) == chargeable and set(exported.values()) == {1}
    in_november = {r[5] for r in csv_rows(next(iter(files["2026-11"])))[1:]}
    assert in_november == {f"werk {i}" for i in range(0, 120, 2) if i % 5}
    # The ledger agrees: each entry marked with the month it was worked in, one line each.
    assert collections.Counter(months_of(balie).values()) == {"2026-11": 60, "2026-12": 60}
    with balie.services.sessions() as s:
        per_entry = s.execute(
            select(InvoiceLine.entry_id, func.count()).group_by(InvoiceLine.entry_id)
        ).all()
    assert len(per_entry) == len(chargeable) and {n for _e, n in per_entry} == {1}
