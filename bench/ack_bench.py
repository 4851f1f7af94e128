"""The ack of `/ticket nieuw` under an open-loop load, against a bare Bolt app that only acks.

    python -m bench.ack_bench [--quick] [--seconds S] [--rates 20,100] [--db sqlite,postgresql]
                              [--workers W] [--threads T] [--keep]

Balie and the baseline (bench/bare_app.py: a Bolt app whose /ticket listener only calls ack())
run side by side under the same production server: bot.transports.http's gunicorn with gthread
workers, Balie's defaults for workers and threads unless --workers/--threads say otherwise,
bound to 127.0.0.1. Balie gets a fresh database (SQLite file, or a fresh PostgreSQL schema), the
customers of tests/data/customers.yml (imported with `python -m bot import`, which also
migrates), the default policy with the bench users as agents, its embedded outbox worker, and a
fake Slack and SMTP server (bench/fakes.py) that record what the outbox delivers.

Per database: a short warm-up of both apps, then for each rate (20 and 100 per second, 30 s
each; 5 s with --quick) a bare phase and then a Balie phase at that rate, sent open loop
(bench/open_loop.py: on a fixed schedule, latency from each request's scheduled moment). After
each Balie phase the bench waits until Balie's outbox is empty and every ticket of the phase
has its card in the fake Slack and its e-mail in the SMTP server, and counts how often each
arrived. Every Balie answer must be a 200 that registers the ticket (its number in the answer)
or accepts it for registration; anything else is a failed request.

Targets, each printed as met or not met: at 100 per second Balie's p99 ack is at most 300 ms
on each database; at 20 per second every card and e-mail of the phase is delivered exactly
once within 10 s of the phase's end. How long the 100-per-second backlog takes to drain (from
the phase's last answer until the outbox is empty and every card and e-mail is there) is
reported. Exit status: 0, or 2 when a target is missed, or 1 when the run is invalid (failed
requests, a ticket without its card or e-mail or with two).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import itertools
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from bench.ack_report import Config, Delivery, Drain, RatePair, Run, report
from bench.environment import (
    SIGNING_SECRET,
    base_env,
    database,
    import_customers,
    pg_base,
    write_policy,
)
from bench.fakes import subject
from bench.open_loop import Check, PhaseResult, command_body, prepare, run_open_loop
from bench.processes import HOST, ROOT, SLACK_PATH, Fakes, Server, server
from storage.db import unreachable

TEXT = (
    'nieuw klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden'
)
USERS = 32
RATES = (20.0, 100.0)
SECONDS, QUICK_SECONDS = 30.0, 5.0


def bench_user(seq: int) -> str:
    return f"UBENCH{seq % USERS:03d}"


# --- answers ---------------------------------------------------------------------------------


def bare_check(status: int, body: bytes) -> str | None:
    return None if status == 200 else f"HTTP {status}: {body[:200]!r}"


def balie_check(prefix: str) -> Check:
    """A 200 whose reply carries the registered ticket's number."""
    number = re.compile(re.escape(prefix) + r"\d+")

    def check(status: int, body: bytes) -> str | None:
        if status != 200:
            return f"HTTP {status}: {body[:300]!r}"
        try:
            reply = json.loads(body)
        except ValueError:
            return f"not a reply: {body[:300]!r}"
        text = reply.get("text", "") if isinstance(reply, dict) else ""
        if number.search(str(text)):
            return None
        return f"not registered: {body[:300]!r}"

    return check


# --- phases ----------------------------------------------------------------------------------


def phase(
    srv: Server, check: Check, rate: float, seconds: float, seqs: Iterator[int], url: str
) -> PhaseResult:
    """`rate` requests per second for `seconds` against `srv`, each with its own number."""
    requests = []
    for _ in range(round(rate * seconds)):
        seq = next(seqs)
        body = command_body("/ticket", f"{TEXT} {subject(seq)}", bench_user(seq), seq, url)
        requests.append(prepare(SIGNING_SECRET, seq, body))
    return run_open_loop(
        host=HOST, port=srv.port, path=SLACK_PATH, requests=requests, rate=rate, check=check
    )


def outbox_pending(srv: Server) -> int | None:
    with contextlib.suppress(OSError, http.client.HTTPException, ValueError, KeyError, TypeError):
        status, body = srv.get("/healthz")
        if status == 200:
            return int(json.loads(body)["outbox_pending"])
    return None


def wait_drain(balie: Server, fakes: Fakes, result: PhaseResult, timeout: float) -> Drain:
    """Wait until Balie's outbox is empty and each ticket of `result` has its card and e-mail
    (or `timeout`); then count what arrived and when, relative to the phase's end."""
    tickets = set(result.seqs)
    everything = [o.seq for o in result.outcomes] or [0]
    first, last = min(everything), max(everything)
    deadline = time.monotonic() + timeout
    drained: float | None = None
    while True:
        pending = outbox_pending(balie)
        # Asking the fakes costs them CPU beside Balie's worker: only once the outbox says it
        # is empty (or cannot say), and then only now and then.
        if pending in (0, None):
            got = fakes.deliveries(first, last)
            # Without a pending count (a /healthz that does not give one), what arrived decides.
            if all(s in got.cards and s in got.mails for s in tickets):
                drained = time.time() - result.end_wall
                break
        if time.monotonic() >= deadline:
            break
        time.sleep(0.25 if pending else 0.5)
    got = fakes.deliveries(first, last)
    return Drain(
        tickets=len(tickets),
        cards=Delivery.of(tickets, got.cards, result.end_wall),
        mails=Delivery.of(tickets, got.mails, result.end_wall),
        drained=drained,
        pending=pending,
    )


def run_db(kind: str, cfg: Config, fakes: Fakes, workdir: Path, seqs: Iterator[int]) -> Run:
    run = Run(kind)
    if kind == "postgresql":
        problem = unreachable(pg_base())
        if problem is not None:
            run.skipped = f"PostgreSQL not reachable at {pg_base()} ({problem})"
            return run
    policy = workdir / "policy.yml"
    prefix = write_policy(policy, [bench_user(i) for i in range(USERS)])
    env = base_env(fakes, policy, cfg.workers, cfg.threads)
    url = fakes.response_url
    with contextlib.ExitStack() as stack:
        print(f"[{kind}] starting the bare Bolt app ...", file=sys.stderr, flush=True)
        bare = stack.enter_context(
            server("bare", {**env, "DATABASE_URL": "sqlite:///unused.db"}, workdir)
        )
        env["DATABASE_URL"] = stack.enter_context(database(kind, workdir))
        print(f"[{kind}] importing customers ...", file=sys.stderr, flush=True)
        import_customers(env, workdir)
        print(f"[{kind}] starting Balie ...", file=sys.stderr, flush=True)
        balie = stack.enter_context(server("balie", env, workdir))
        checks = (bare_check, balie_check(prefix))
        # Warm-up: every web thread has served a request and made its database and Slack
        # connections, and the worker has delivered once, before anything is timed.
        for srv, check in zip((bare, balie), checks, strict=True):
            warm = phase(srv, check, min(cfg.rates), cfg.warmup, seqs, url)
            run.warmup_failures.extend(warm.failures)
        wait_drain(balie, fakes, warm, cfg.drain_timeout)
        for rate in cfg.rates:
            print(f"[{kind}] {rate:g}/s: bare, Balie, drain ...", file=sys.stderr, flush=True)
            bare_result = phase(bare, checks[0], rate, cfg.seconds, seqs, url)
            balie_result = phase(balie, checks[1], rate, cfg.seconds, seqs, url)
            drain = wait_drain(balie, fakes, balie_result, cfg.drain_timeout)
            run.pairs.append(RatePair(rate, bare_result, balie_result, drain))
    return run


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.ack_bench",
        description="The ack of /ticket nieuw under an open-loop load, against a bare Bolt app.",
    )
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_SECONDS:g} s per rate")
    parser.add_argument("--seconds", type=float, default=None, help="seconds per rate")
    parser.add_argument("--rates", default=",".join(f"{r:g}" for r in RATES))
    parser.add_argument(
        "--db", default="sqlite,postgresql", help="sqlite, postgresql or both (comma-separated)"
    )
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (both apps)")
    parser.add_argument("--threads", type=int, default=None, help="threads per worker")
    parser.add_argument("--keep", action="store_true", help="keep the work directory and logs")
    args = parser.parse_args(argv)

    root = str(ROOT)
    if root not in sys.path:
        sys.path.insert(0, root)
    from bot.settings import Settings

    kinds = [k.strip() for k in args.db.split(",") if k.strip()]
    try:
        rates = sorted({float(r) for r in args.rates.split(",") if r.strip()})
    except ValueError:
        rates = []
    if set(kinds) - {"sqlite", "postgresql"} or not kinds or not rates or min(rates) <= 0:
        parser.error(f"bad --db or --rates: {args.db!r} {args.rates!r}")
    seconds = args.seconds or (QUICK_SECONDS if args.quick else SECONDS)
    defaults = Settings.model_fields
    cfg = Config(
        rates=rates,
        seconds=seconds,
        warmup=1.0 if args.quick else 3.0,
        workers=args.workers or int(defaults["http_workers"].default),
        threads=args.threads or int(defaults["http_threads"].default),
        drain_timeout=120.0 if args.quick else 600.0,
    )
    print(
        f"ack bench: /ticket nieuw over HTTP, open loop at "
        f"{', '.join(f'{r:g}' for r in rates)} per second for {seconds:g} s each, Balie vs a "
        f"bare Bolt app that only acks; {os.cpu_count()} CPUs, load average {_load()}",
        flush=True,
    )
    workdir = Path(tempfile.mkdtemp(prefix="balie-bench-"))
    runs: list[Run] = []
    fakes: Fakes | None = None
    seqs = itertools.count(1)
    try:
        fakes = Fakes(workdir)
        for kind in kinds:
            runs.append(run_db(kind, cfg, fakes, workdir, seqs))
    finally:
        if fakes is not None:
            fakes.close()
        if args.keep:
            print(f"work directory kept: {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    status = report(runs, cfg)
    # On a shared host the other load decides much of the outbox's pace (its worker runs at a
    # lower priority), so the figures come with it.
    print(f"load average at the end: {_load()}")
    return status


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\ninterrupted; servers stopped", file=sys.stderr)
        sys.exit(130)
