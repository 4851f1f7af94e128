"""Ack latency of `/ticket new` over HTTP, against a bare Bolt app that only acks.

    python -m bench.ack_bench [--requests N] [--quick] [--db sqlite,postgresql] [--rounds R]
                              [--workers W] [--threads T] [--clients 1,32]

Balie and the baseline (bench/bare_app.py: a Bolt app whose /ticket listener only calls ack())
run side by side under the same production server: bot.transports.http's gunicorn with gthread
workers, same workers and threads, bound to 127.0.0.1. Balie gets a fresh database (SQLite
file, or a fresh PostgreSQL schema), the customers of tests/data/customers.yml (imported with
`python -m bot import`, which also migrates), the default policy with the bench users as
agents, and a fake Slack and SMTP server (bench/fakes.py) for its outbox.

Clients are threads with one keep-alive connection each, sending signed
`/ticket new klant=ACME contact="Jan Jansen" ...` commands back to back (closed loop). Every
Balie answer must be a 200 that accepts the registration (the number follows through
response_url from the worker); anything else is counted and printed as a failure. After a
warm-up of both apps, each concurrency level sends a fixed number of requests to each app, in
interleaved rounds (--rounds): wait until Balie's outbox is empty, a bare phase, a Balie phase.
Interleaving makes a drift in the machine's speed during the run (a shared VM) fall on both apps
alike; the wait keeps Balie's worker, delivering the previous phase's backlog, out of both
measured phases (the worker does run during Balie's phase, registering what it accepts). The
table gives p50 and p99 over all rounds of the time from sending a request to reading its whole
answer, the ratio of Balie's p99 to the bare app's, and the throughput of both.

Target: a p99 ratio of 2 or less at 32 concurrent clients, on SQLite and on PostgreSQL. A missed
target is reported, not an error; the exit status is 1 only when requests failed.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.environment import (
    SIGNING_SECRET,
    base_env,
    database,
    import_customers,
    pg_base,
    write_policy,
)
from bench.load import PhaseResult, command_body, run_phase, summarize_failures
from bench.processes import HOST, ROOT, SLACK_PATH, Fakes, Server, server
from storage.db import unreachable

TARGET_RATIO = 2.0
TARGET_CLIENTS = 32
TEXT = 'new klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden'


def bench_user(client: int) -> str:
    return f"UBENCH{client:03d}"


# --- measuring -------------------------------------------------------------------------------


def _bare_check(status: int, body: bytes) -> str | None:
    return None if status == 200 else f"HTTP {status}: {body[:200]!r}"


def _balie_check(prefix: str) -> Any:
    # The ack accepts the registration; the worker registers it and replies with the number
    # through response_url (the bench waits for the outbox to empty between phases).
    accepted = ":hourglass_flowing_sand:"

    def check(status: int, body: bytes) -> str | None:
        if status != 200:
            return f"HTTP {status}: {body[:300]!r}"
        try:
            text = json.loads(body)["text"]
        except (ValueError, KeyError, TypeError):
            return f"not a reply: {body[:300]!r}"
        if accepted not in text:
            return f"not accepted for registration: {text[:300]!r}"
        return None

    return check


@dataclass
class Config:
    clients: list[int]
    requests: dict[int, int]
    warmup: int
    workers: int
    threads: int
    rounds: int


class Phases:
    """Timed phases against one server; each request has its own sequence number."""

    def __init__(self, srv: Server, check: Any, response_url: str, seq: Iterator[int]) -> None:
        self.srv, self.check, self.response_url, self.seq = srv, check, response_url, seq

    def _body(self, _n: int, client: int) -> bytes:
        s = next(self.seq)
        return command_body(
            "/ticket", f"{TEXT} Bench ticket {s}", bench_user(client), s, self.response_url
        )

    def run(self, clients: int, total: int) -> PhaseResult:
        return run_phase(
            host=HOST,
            port=self.srv.port,
            path=SLACK_PATH,
            signing_secret=SIGNING_SECRET,
            clients=clients,
            total=total,
            body_for=self._body,
            check=self.check,
        )


def measure(
    bare: Phases, balie: Phases, cfg: Config, settle: Callable[[str], None]
) -> tuple[dict[int, PhaseResult], dict[int, PhaseResult]]:
    """Warm-up, then per concurrency `cfg.rounds` rounds of: Balie's outbox emptied (settle),
    a bare phase, a Balie phase. Rounds interleave the two apps so that a machine whose speed
    drifts during the run (a shared VM) slows both alike; the bare phase never runs beside
    Balie's worker delivering a backlog. Returns the merged rounds of each app."""
    # Warm-up at the highest concurrency: every worker and thread has served a request (and
    # made its first Slack and database connections) before anything is timed.
    top = max(cfg.clients)
    results: tuple[dict[int, PhaseResult], dict[int, PhaseResult]] = (
        {0: bare.run(top, cfg.warmup)},
        {0: balie.run(top, cfg.warmup)},
    )
    for clients in cfg.clients:
        label = f"{clients} client{'s' if clients > 1 else ''}"
        total = cfg.requests[clients]
        per_round = [total // cfg.rounds + (r < total % cfg.rounds) for r in range(cfg.rounds)]
        for r, n in enumerate(per_round):
            settle("the warm-up" if clients == cfg.clients[0] and r == 0 else label)
            for phases, merged in zip((bare, balie), results, strict=True):
                got = phases.run(clients, n)
                if clients in merged:
                    merged[clients].merge(got)
                else:
                    merged[clients] = got
    settle(label)
    return results


@dataclass
class DbRun:
    kind: str
    bare: dict[int, PhaseResult] = field(default_factory=dict)
    balie: dict[int, PhaseResult] = field(default_factory=dict)
    skipped: str | None = None
    notes: list[str] = field(default_factory=list)

    def failures(self) -> list[tuple[str, int, list[str]]]:
        found = []
        for name, results in (("bare", self.bare), ("balie", self.balie)):
            for clients, r in results.items():
                if r.failures:
                    found.append((name, clients, r.failures))
        return found

    def ratio(self, clients: int) -> float:
        return self.balie[clients].percentile(99) / self.bare[clients].percentile(99)


def wait_outbox(srv: Server, timeout: float) -> tuple[int | None, float]:
    """Wait for Balie's outbox to empty; returns (rows still pending, seconds waited)."""
    t0 = time.monotonic()
    pending: int | None = None
    while True:
        with contextlib.suppress(OSError, http.client.HTTPException, ValueError, KeyError):
            status, body = srv.get("/healthz")
            if status == 200:
                pending = int(json.loads(body)["outbox_pending"])
        waited = time.monotonic() - t0
        if pending == 0 or waited >= timeout:
            return pending, waited
        time.sleep(0.25)


def run_db(kind: str, cfg: Config, fakes: Fakes, workdir: Path) -> DbRun:
    run = DbRun(kind)
    if kind == "postgresql":
        problem = unreachable(pg_base())
        if problem is not None:
            run.skipped = f"PostgreSQL not reachable at {pg_base()} ({problem})"
            return run
    policy = workdir / "policy.yml"
    write_policy(policy, [bench_user(i) for i in range(max(cfg.clients))])
    env = base_env(fakes, policy, cfg.workers, cfg.threads)
    seq = iter(range(1_000_000_000))
    with contextlib.ExitStack() as stack:
        print(f"[{kind}] starting the bare Bolt app ...", file=sys.stderr, flush=True)
        bare = stack.enter_context(
            server("bare", {**env, "DATABASE_URL": "sqlite:///unused.db"}, workdir)
        )
        url = stack.enter_context(database(kind, workdir))
        env["DATABASE_URL"] = url
        print(f"[{kind}] importing customers ...", file=sys.stderr, flush=True)
        import_customers(env, workdir)
        before = fakes.stats()
        print(f"[{kind}] starting Balie; measuring ...", file=sys.stderr, flush=True)
        balie = stack.enter_context(server("balie", env, workdir))
        backlog: dict[str, list[float]] = {}
        unfinished: list[str] = []

        def settle(phase: str) -> None:
            # Each phase starts with an empty outbox: deliveries left over from the
            # previous phase would otherwise slow it down (or the bare phase beside it).
            pending, waited = wait_outbox(balie, timeout=300)
            backlog.setdefault(phase, []).append(waited)
            if pending != 0:
                unfinished.append(f"{pending} rows still pending {waited:.0f}s after {phase}")

        run.bare, run.balie = measure(
            Phases(bare, _bare_check, fakes.response_url, seq),
            Phases(balie, _balie_check(_ticket_prefix()), fakes.response_url, seq),
            cfg,
            settle,
        )
    after = fakes.stats()
    tickets = sum(r.requests - len(r.failures) for r in run.balie.values())
    posts = after["slack"].get("chat.postMessage", 0) - before["slack"].get("chat.postMessage", 0)
    mails = after["mail"] - before["mail"]
    run.notes.append(
        f"{tickets:,} tickets registered; the outbox delivered {posts:,} chat.postMessage "
        f"and {mails:,} e-mails"
    )
    run.notes.append(
        "outbox emptied after each round, "
        + "; ".join(f"{max(w):.1f}s at most after {p}" for p, w in backlog.items())
    )
    run.notes.extend(f"NOT EMPTY: {u}" for u in unfinished)
    return run


def _ticket_prefix() -> str:
    from bot.policy import load_policy

    return load_policy().ticket_prefix


# --- output ----------------------------------------------------------------------------------


def _ms(seconds: float) -> str:
    ms = seconds * 1000
    return f"{ms:.2f} ms" if ms < 10 else f"{ms:.1f} ms" if ms < 100 else f"{ms:.0f} ms"


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(h.rjust(w) for h, w in zip(header, widths, strict=True))]
    lines += ["  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


def report(runs: list[DbRun], cfg: Config) -> bool:
    """Print the tables; returns whether the target was met on every database measured."""
    met_all = True
    verdicts = []
    for run in runs:
        print()
        if run.skipped:
            print(f"{run.kind}: skipped: {run.skipped}")
            verdicts.append(f"{run.kind}: skipped")
            continue
        print(
            f"{run.kind}: /ticket new ack latency over HTTP, gunicorn gthread "
            f"{cfg.workers} workers x {cfg.threads} threads"
        )
        header = [
            "clients",
            "requests",
            "bare p50",
            "bare p99",
            "balie p50",
            "balie p99",
            "p99 ratio",
            "bare req/s",
            "balie req/s",
        ]
        rows = []
        for clients in cfg.clients:
            bare, balie = run.bare[clients], run.balie[clients]
            rows.append(
                [
                    str(clients),
                    f"{balie.requests:,}",
                    _ms(bare.percentile(50)),
                    _ms(bare.percentile(99)),
                    _ms(balie.percentile(50)),
                    _ms(balie.percentile(99)),
                    f"{run.ratio(clients):.2f}x",
                    f"{bare.throughput:,.0f}",
                    f"{balie.throughput:,.0f}",
                ]
            )
        print(_table(header, rows))
        for note in run.notes:
            print(f"  {note}")
        for name, clients, failures in run.failures():
            label = "warm-up" if clients == 0 else f"{clients} clients"
            print(f"  FAILED: {name}, {label}: {len(failures)} request(s) failed:")
            for line in summarize_failures(failures):
                print(f"    {line}")
        if TARGET_CLIENTS in cfg.clients:
            ratio = run.ratio(TARGET_CLIENTS)
            ok = ratio <= TARGET_RATIO
            met_all &= ok
            verdicts.append(f"{run.kind} {ratio:.2f}x {'met' if ok else 'NOT met'}")
    if TARGET_CLIENTS in cfg.clients:
        measured = [r for r in runs if not r.skipped]
        print()
        print(
            f"target p99 ratio <= {TARGET_RATIO:g} at {TARGET_CLIENTS} clients: "
            f"{'met' if met_all and measured else 'NOT met'} ({'; '.join(verdicts)})"
        )
    return met_all


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.ack_bench",
        description="Ack latency of /ticket new over HTTP, Balie against a bare Bolt app.",
    )
    parser.add_argument(
        "--requests", type=int, default=3000, help="timed requests at the highest concurrency"
    )
    parser.add_argument(
        "--requests-single", type=int, default=None, help="timed requests at 1 client"
    )
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--quick", action="store_true", help="fewer requests: a smoke run")
    parser.add_argument("--clients", default="1,32", help="comma-separated concurrency levels")
    parser.add_argument(
        "--db", default="sqlite,postgresql", help="sqlite, postgresql or both (comma-separated)"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (both apps)")
    parser.add_argument("--threads", type=int, default=16, help="threads per worker (both apps)")
    parser.add_argument(
        "--rounds", type=int, default=5, help="bare/Balie rounds per concurrency (interleaved)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the work directory and logs")
    args = parser.parse_args(argv)

    root = str(ROOT)
    if root not in sys.path:
        sys.path.insert(0, root)

    clients = sorted({int(c) for c in args.clients.split(",") if c.strip()})
    kinds = [k.strip() for k in args.db.split(",") if k.strip()]
    unknown = set(kinds) - {"sqlite", "postgresql"}
    if unknown or not clients or min(clients) < 1:
        parser.error(f"bad --db or --clients: {args.db!r} {args.clients!r}")
    many = args.requests if not args.quick else min(args.requests, 600)
    single = args.requests_single or max(50, many // 10)
    requests = {c: (single if c == 1 else many) for c in clients}
    warmup = args.warmup if not args.quick else min(args.warmup, 64)
    rounds = max(1, args.rounds if not args.quick else min(args.rounds, 2))
    cfg = Config(clients, requests, warmup, args.workers, args.threads, rounds)

    print(
        f"ack bench: /ticket new over HTTP, Balie vs a bare Bolt app that only acks; "
        f"{', '.join(f'{requests[c]:,} requests at {c} client(s)' for c in clients)} "
        f"after {warmup} warm-up requests, in {rounds} interleaved rounds; {os.cpu_count()} CPUs"
    )
    workdir = Path(tempfile.mkdtemp(prefix="balie-bench-"))
    runs: list[DbRun] = []
    fakes: Fakes | None = None
    try:
        fakes = Fakes(workdir)
        for kind in kinds:
            runs.append(run_db(kind, cfg, fakes, workdir))
    finally:
        if fakes is not None:
            fakes.close()
        if args.keep:
            print(f"work directory kept: {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    report(runs, cfg)
    failed = any(r.failures() for r in runs)
    if failed:
        print("some requests FAILED: the figures above are not valid (exit status 1)")
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\ninterrupted; servers stopped", file=sys.stderr)
        sys.exit(130)
