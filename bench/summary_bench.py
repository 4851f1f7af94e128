"""One daily and one monthly summary over a big desk: the time must follow the period's tickets,
not the history.

`python -m bench.summary_bench [--quick] [--db sqlite|postgresql|both]` fills a fresh database
(bulk inserts) with a year's tickets at about 700 a day, closed, plus 10,000 open ones,
waakdienst pages and SLA warnings, and times bot.summaries.figures.SummaryFigures.summary for
the day summary of Tuesday 1 December 2026 and the month summary of November (median of three
runs after a warm-up). Then it adds nine times as much older history, 1,000,000 closed tickets
in all, and times the same two summaries again: the ratio against the first measurement (a
tenth of the history, in the same run) shows whether history slows the period. Targets, with
the full history: the day <= 1 s, the month <= 5 s, on SQLite and on PostgreSQL (from
BALIE_BENCH_POSTGRES, else BALIE_TEST_POSTGRES, else 127.0.0.1; skipped with a note when not
reachable). Exit status 0: every target met; 2: a target missed.

`--quick` builds 20,000 closed and 500 open tickets (2,000 in the first measurement): a smoke
test of the whole run (tests/bench/test_summary_bench.py), its times mean nothing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, insert, text

from bench.environment import database, pg_base
from bot.clock import ManualClock
from bot.policy import load_policy
from bot.summaries.figures import SummaryFigures
from bot.summaries.model import Period, Scope, Summary, SummaryKind
from storage import migrate
from storage.db import make_engine, make_sessionmaker, unreachable
from storage.models import (
    Contact,
    Customer,
    PageAck,
    PageChain,
    PageStep,
    SlaAnnouncement,
    Ticket,
    TicketEvent,
)
from tests.conftest import amsterdam

NOW = amsterdam(2026, 12, 1, 17, 30)  # Tuesday, the end of the office day
DAY = Period(amsterdam(2026, 11, 30, 17, 30), NOW)
MONTH = Period(amsterdam(2026, 11, 1), amsterdam(2026, 12, 1))
TARGETS = {SummaryKind.DAY: 1.0, SummaryKind.MONTH: 5.0}
PERIODS = {SummaryKind.DAY: DAY, SummaryKind.MONTH: MONTH}
CUSTOMERS = 500
BATCH = 20_000
PRIORITIES = ("P1", "P2", "P3", "P4")
TIERS = ("gold", "silver", "bronze")
OPEN_STATUSES = ("new", "in_progress", "waiting_customer", "waiting_info")


@dataclass(frozen=True)
class Size:
    closed: int
    open: int
    # Closed tickets registered per day: 1,000,000 at 700 a day is about four years, and the
    # most recent tenth (143 days) holds both months the monthly summary reads.
    per_day: int


FULL = Size(closed=1_000_000, open=10_000, per_day=700)
QUICK = Size(closed=20_000, open=500, per_day=25)


class Desk:
    """Generates the tickets and what hangs off them, in bulk, with stable ids."""

    def __init__(self, engine: Engine, seed: int = 10) -> None:
        self.engine = engine
        self.rng = random.Random(seed)
        self.next_id = 1
        self.next_chain = 1

    def customers(self) -> None:
        at = NOW - timedelta(days=2000)
        self._insert(
            Customer.__table__,  # type: ignore[arg-type]
            [
                {
                    "id": i,
                    "code": f"K{i:04d}",
                    "name": f"Klant {i}",
                    "sla_tier": TIERS[i % 3],
                    "contract_date": date(2019, 1, 1),
                    "account_manager": "Petra",
                    "created_at": at,
                    "updated_at": at,
                }
                for i in range(1, CUSTOMERS + 1)
            ],
        )
        self._insert(
            Contact.__table__,  # type: ignore[arg-type]
            [
                {
                    "id": i,
                    "customer_id": i,
                    "name": f"Contact {i}",
                    "email": f"c{i}@klant.example",
                    "phone": "",
                    "role": "main",
                }
                for i in range(1, CUSTOMERS + 1)
            ],
        )

    def closed(self, count: int, newest: datetime, days: float) -> None:
        """`count` closed tickets registered in the `days` before `newest`."""
        for start in range(0, count, BATCH):
            n = min(BATCH, count - start)
            created = [newest - timedelta(days=self.rng.random() * days) for _ in range(n)]
            self._tickets([self._closed(c) for c in created])

    def open(self, count: int) -> None:
        # Mostly recent, a tail of old ones (the backlog's age buckets).
        created = [NOW - timedelta(days=self.rng.expovariate(1 / 6)) for _ in range(count)]
        self._tickets([self._open(c) for c in created])

    # --- rows ------------------------------------------------------------------------------

    def _base(self, created: datetime) -> dict[str, Any]:
        i = self.next_id
        self.next_id += 1
        customer = self.rng.randint(1, CUSTOMERS)
        priority = self.rng.choice(PRIORITIES)
        responded = created + timedelta(minutes=self.rng.uniform(5, 240))
        late = self.rng.random() < 0.07
        return {
            "id": i,
            "number": f"KOR-{i:07d}",
            "customer_id": customer,
            "contact_id": customer,
            "via": "phone",
            "subject": f"Melding {i}",
            "description": "",
            "type": self.rng.choice(("incident", "request", "question")),
            "impact": "medium",
            "urgency": "medium",
            "priority": priority,
            "line": 2 if priority in ("P1", "P2") else 1,
            "created_by": "UAGENT",
            "created_at": created,
            "updated_at": created,
            "responded_at": responded,
            "response_due_at": created + timedelta(hours=1),
            "response_state": "breached" if late else "met",
            "response_breached_at": created + (responded - created) / 2 if late else None,
            "response_seconds": int((responded - created).total_seconds()),
            "reopen_count": 0,
        }

    def _closed(self, created: datetime) -> dict[str, Any]:
        row = self._base(created)
        took = timedelta(hours=self.rng.uniform(1, 120))
        if created + took >= NOW:
            took = (NOW - created) * self.rng.random()
        done = created + took
        row["responded_at"] = min(row["responded_at"], done)
        cancelled = self.rng.random() < 0.05
        late = self.rng.random() < 0.05
        closed = done + timedelta(days=2)
        row.update(
            status="closed" if cancelled or closed < NOW else "resolved",
            done_at=done,
            resolved_at=None if cancelled else done,
            closed_at=done if cancelled else (closed if closed < NOW else None),
            resolution_due_at=created + timedelta(days=1),
            resolution_state="cancelled" if cancelled else ("breached" if late else "met"),
            resolution_breached_at=created + took / 2 if late and not cancelled else None,
            resolution_seconds=None if cancelled else int(took.total_seconds()),
        )
        if not cancelled and self.rng.random() < 0.02:
            row.update(reopen_count=1, reopened_at=created + took / 2)
        return row

    def _open(self, created: datetime) -> dict[str, Any]:
        row = self._base(created)
        waiting = self.rng.random() < 0.3
        row.update(
            status=self.rng.choice(OPEN_STATUSES[2:] if waiting else OPEN_STATUSES[:2]),
            resolution_due_at=created + timedelta(days=2),
            resolution_state="paused" if waiting else "running",
            resolution_breached_at=None,
        )
        if self.rng.random() < 0.5:  # not answered yet
            row.update(
                responded_at=None,
                response_seconds=None,
                response_state="breached" if created < NOW - timedelta(hours=1) else "running",
                response_breached_at=created + timedelta(hours=1)
                if created < NOW - timedelta(hours=1)
                else None,
            )
        if row["resolution_state"] == "running" and row["resolution_due_at"] < NOW:
            row.update(resolution_state="breached", resolution_breached_at=row["resolution_due_at"])
        return row

    def _tickets(self, rows: list[dict[str, Any]]) -> None:
        self._insert(Ticket.__table__, rows)  # type: ignore[arg-type]
        events, warnings, chains, steps, acks = [], [], [], [], []
        for row in rows:
            created: datetime = row["created_at"]
            if row["reopen_count"]:
                # The trail a reopened ticket's summary reads back: resolved, reopened, resolved.
                first = created + (row["reopened_at"] - created) / 2
                for at, old, new in (
                    (first, "in_progress", "resolved"),
                    (row["reopened_at"], "resolved", "in_progress"),
                    (row["done_at"], "in_progress", "resolved"),
                ):
                    events.append(
                        {
                            "ticket_id": row["id"],
                            "at": at,
                            "actor": "UAGENT",
                            "kind": "resolve" if new == "resolved" else "reopen",
                            "changes": {"status": [old, new]},
                        }
                    )
            if self.rng.random() < 0.1:
                warnings.append(
                    {
                        "ticket_id": row["id"],
                        "clock": "response",
                        "threshold": 75,
                        "announced_at": created + timedelta(minutes=45),
                    }
                )
            if self.rng.random() < 0.01:
                chain = self.next_chain
                self.next_chain += 1
                engineer = f"UENG{chain % 7}"
                chains.append(
                    {
                        "id": chain,
                        "ticket_id": row["id"],
                        "reason": "registered",
                        "started_at": created,
                        "snapshot": {},
                        "state": "ended",
                        "round": 1,
                        "step": 1,
                        "reminders": 0,
                        "acknowledged_by": engineer,
                        "acknowledged_at": created + timedelta(minutes=4),
                        "acknowledged_via": "button",
                        "ended_at": created + timedelta(hours=1),
                        "ended_why": "resolved",
                    }
                )
                steps.append(
                    {
                        "chain_id": chain,
                        "round": 1,
                        "step": 0,
                        "kind": "primary",
                        "target": engineer,
                        "claimed_at": created,
                    }
                )
                acks.append(
                    {
                        "chain_id": chain,
                        "round": 1,
                        "at": created + timedelta(minutes=4),
                        "actor": engineer,
                        "via": "button",
                    }
                )
        for model, batch in (
            (TicketEvent, events),
            (SlaAnnouncement, warnings),
            (PageChain, chains),
            (PageStep, steps),
            (PageAck, acks),
        ):
            self._insert(model.__table__, batch)  # type: ignore[arg-type]

    def _insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        # Every row of a table has the same keys: the columns left out take their defaults.
        columns = {key for row in rows for key in row}
        filled = [{key: row.get(key) for key in columns} for row in rows]
        with self.engine.begin() as conn:
            conn.execute(insert(table), filled)

    def analyze(self) -> None:
        with self.engine.begin() as conn:
            conn.execute(text("ANALYZE"))


def timed(figures: SummaryFigures, kind: SummaryKind, runs: int = 3) -> tuple[float, Summary]:
    """The median of `runs` summaries after one warm-up (caches, the planner's statistics)."""
    summary = figures.summary(kind=kind, period=PERIODS[kind], scope=Scope())
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        summary = figures.summary(kind=kind, period=PERIODS[kind], scope=Scope())
        times.append(time.perf_counter() - t0)
    return statistics.median(times), summary


def measure(engine: Engine) -> dict[SummaryKind, tuple[float, Summary]]:
    policy = load_policy()
    figures = SummaryFigures(
        readers=make_sessionmaker(engine, readonly=True), policy=policy, clock=ManualClock(NOW)
    )
    return {kind: timed(figures, kind) for kind in PERIODS}


def run(kind: str, url: str, size: Size) -> bool:
    engine = make_engine(url)
    try:
        migrate.upgrade(engine)
        desk = Desk(engine)
        t0 = time.perf_counter()
        desk.customers()
        # A tenth of the history first (the most recent days), then nine tenths older.
        days = size.closed / size.per_day
        recent = size.closed // 10
        desk.closed(recent, NOW, days / 10)
        desk.open(size.open)
        desk.analyze()
        took = time.perf_counter() - t0
        print(f"{kind}: {recent:,} closed + {size.open:,} open built in {took:.0f} s", flush=True)
        tenth = measure(engine)
        t0 = time.perf_counter()
        desk.closed(size.closed - recent, NOW - timedelta(days=days / 10), days * 9 / 10)
        desk.analyze()
        took = time.perf_counter() - t0
        print(f"{kind}: {size.closed - recent:,} older closed added in {took:.0f} s", flush=True)
        full = measure(engine)
    finally:
        engine.dispose()
    met = True
    print(
        f"{'database':<11} {'summary':<8} {'history':<8} {'closed':>10} {'open':>7} "
        f"{'new':>6} {'resolved':>8} {'seconds':>8}"
    )
    for summary_kind, target in TARGETS.items():
        for label, closed, (took, summary) in (
            ("1/10", recent, tenth[summary_kind]),
            ("full", size.closed, full[summary_kind]),
        ):
            print(
                f"{kind:<11} {summary_kind.value:<8} {label:<8} {closed:>10,} {size.open:>7,} "
                f"{summary.current.new:>6,} {summary.current.resolved:>8,} {took:>8.3f}"
            )
        took = full[summary_kind][0]
        ok = took <= target
        ratio = took / tenth[summary_kind][0]
        same = full[summary_kind][1].current == tenth[summary_kind][1].current
        print(
            f"{kind}: {summary_kind.value}: {took:.3f} s with {size.closed:,} closed, target "
            f"<= {target:.0f} s: {'met' if ok else 'NOT met'}; 10x the history, the same "
            f"period: x{ratio:.2f} against a tenth of it; same figures: "
            f"{'yes' if same else 'NO'}",
            flush=True,
        )
        met &= ok and same
    return met


def databases(choice: str) -> Iterator[str]:
    if choice in ("sqlite", "both"):
        yield "sqlite"
    if choice in ("postgresql", "both"):
        problem = unreachable(pg_base())
        if problem is None:
            yield "postgresql"
        else:
            print(f"PostgreSQL skipped: not reachable at {pg_base()} ({problem})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.summary_bench")
    parser.add_argument("--quick", action="store_true", help="a small run (a smoke test)")
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args(argv)
    size = QUICK if args.quick else FULL
    met = True
    with tempfile.TemporaryDirectory() as tmpdir:
        for kind in databases(args.db):
            with database(kind, Path(tmpdir)) as url:
                met &= run(kind, url, size)
    return 0 if met else 2


if __name__ == "__main__":
    raise SystemExit(main())
