"""What one `/ticket nieuw` costs inside the process: CPU, SQL statements, ORM flushes.

    python -m bench.ack_profile [-n 300] [--db sqlite,postgresql] [--profile] [--drain]

The open-loop bench (bench.ack_bench) measures latency, which on a shared machine is mostly
noise; this one measures what latency is made of. Per database it builds Balie as the tests do
(bot.wiring.build_services, the fake Slack of tests/fakes, a fresh database with the customers
of tests/data/customers.yml), then sends N signed `/ticket nieuw` commands through the WSGI app
in this process, one after the other, and prints per registration: CPU time (process_time),
wall time, SQL statements (a before_cursor_execute counter on the engine) and ORM flushes,
and each kind of statement. `--profile` adds the functions that cost most (cProfile); `--drain`
then delivers the outbox those registrations left and prints what the worker spends per row,
and how long its write transactions hold the database (on SQLite, the one write lock). The fake
Slack and SMTP server run in a process of their own; on a local PostgreSQL, the CPU its server
processes spend for us is counted too.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import dataclasses
import io
import itertools
import os
import pstats
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from bench.environment import SIGNING_SECRET, database
from bench.open_loop import command_body, prepare
from bench.processes import ROOT, Fakes

TEXT = (
    'nieuw klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden'
)
USERS = [f"UPROF{i:03d}" for i in range(8)]
CUSTOMERS = ROOT / "tests" / "data" / "customers.yml"
_WORD = re.compile(r"\s+")


@dataclass
class Counts:
    """Statements and flushes seen since the last reset, and how long write transactions ran."""

    statements: Counter[str] = field(default_factory=Counter)
    flushes: int = 0
    writes: list[float] = field(default_factory=list)  # seconds per write transaction
    counter: list[float] = field(default_factory=list)  # seconds the counter row stays locked
    backends: set[int] = field(default_factory=set)  # PostgreSQL server processes we use

    def reset(self) -> None:
        self.statements.clear()
        self.flushes = 0
        self.writes.clear()
        self.counter.clear()


def _kind(statement: str) -> str:
    """`INSERT tickets`, `UPDATE counters`, `SELECT customers`...: enough to tell them apart."""
    words = _WORD.split(statement.strip())
    verb = words[0].upper()
    target = ""
    for i, w in enumerate(words[:-1]):
        if w.upper() in ("INTO", "UPDATE", "FROM") and (verb != "SELECT" or w.upper() == "FROM"):
            target = words[i + 1]
            break
    if verb == "UPDATE":
        target = words[1]
    return f"{verb} {target}".strip()


def instrument(engine: Engine, counts: Counts) -> None:
    @event.listens_for(engine, "before_cursor_execute")
    def _count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        counts.statements[_kind(statement)] += 1

    @event.listens_for(engine, "after_cursor_execute")
    def _taken(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        # From the moment the UPDATE has the row (not while it waits for it) to the commit.
        if statement.lstrip().upper().startswith("UPDATE COUNTERS"):
            conn.info["balie_counter_taken"] = time.perf_counter()

    if engine.dialect.name == "postgresql":

        @event.listens_for(engine, "checkout")
        def _backend(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
            counts.backends.add(dbapi_conn.info.backend_pid)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        if not conn.get_execution_options().get("readonly"):
            conn.info["balie_write_began"] = time.perf_counter()

    def _end(conn: Any) -> None:
        taken = conn.info.pop("balie_counter_taken", None)
        if taken is not None:
            counts.counter.append(time.perf_counter() - taken)
        began = conn.info.pop("balie_write_began", None)
        if began is not None:
            counts.writes.append(time.perf_counter() - began)

    event.listen(engine, "commit", _end)
    event.listen(engine, "rollback", _end)

    @event.listens_for(Session, "after_flush")
    def _flushed(_session: Any, _context: Any) -> None:
        counts.flushes += 1


def server_cpu(pids: set[int]) -> float:
    """CPU seconds the PostgreSQL backends serving us have used (a local server only)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


@dataclass(frozen=True)
class Figures:
    n: int
    cpu: float
    wall: float
    statements: Counter[str]
    flushes: int
    writes: list[float]
    server: float = 0.0
    counter: list[float] = field(default_factory=list)

    def per(self) -> str:
        n = self.n
        total = sum(self.statements.values())
        return (
            f"{self.cpu / n * 1000:6.2f} ms CPU, {self.wall / n * 1000:6.2f} ms wall, "
            f"{total / n:5.2f} statements, {self.flushes / n:4.2f} flushes per item"
            + (f", {self.server / n * 1000:5.2f} ms server CPU" if self.server else "")
        )

    def kinds(self) -> str:
        return ", ".join(f"{k} {v / self.n:g}" for k, v in sorted(self.statements.items()))

    def write_hold(self) -> str:
        if not self.writes:
            return "no write transactions"
        text = (
            f"{len(self.writes) / self.n:.2f} write transactions per item, {_spread(self.writes)}"
        )
        if self.counter:
            text += f"; counter row locked {_spread(self.counter)}"
        return text


def _spread(seconds: Sequence[float]) -> str:
    ordered = sorted(seconds)
    p50 = ordered[len(ordered) // 2]
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {p50 * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms"


def measure(counts: Counts, n: int, run: Any, profile: bool) -> tuple[Figures, str]:
    counts.reset()
    profiler = cProfile.Profile() if profile else None
    server0 = server_cpu(counts.backends)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    if profiler:
        profiler.enable()
    run()
    if profiler:
        profiler.disable()
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    server = server_cpu(counts.backends) - server0
    figures = Figures(
        n,
        cpu,
        wall,
        Counter(counts.statements),
        counts.flushes,
        list(counts.writes),
        server,
        list(counts.counter),
    )
    text = ""
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(45)
        text = out.getvalue()
    return figures, text


def environ(body: bytes, headers: dict[str, str]) -> dict[str, Any]:
    return {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/slack/events",
        "CONTENT_TYPE": headers["Content-Type"],
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        **{
            "HTTP_" + k.upper().replace("-", "_"): v
            for k, v in headers.items()
            if k != "Content-Type"
        },
    }


@contextlib.contextmanager
def balie(kind: str, workdir: Path, counts: Counts) -> Iterator[Any]:
    """Balie on a fresh database of `kind`, wired as the tests wire it; yields (wsgi, services)."""
    from bot.app import create_app
    from bot.policy import load_policy
    from bot.settings import load_settings
    from bot.transports.wsgi import SlackWsgi
    from bot.wiring import build_services
    from storage.db import make_engine

    # In a process of their own, as in bench.ack_bench: their CPU is not Balie's.
    fakes = Fakes(workdir)
    try:
        with database(kind, workdir) as url:
            settings = load_settings(
                slack_bot_token="xoxb-profile",
                slack_signing_secret=SIGNING_SECRET,
                slack_api_url=fakes.slack_api_url,
                database_url=url,
                smtp_url=fakes.smtp_url,
            )
            engine = make_engine(url)
            services = build_services(
                settings,
                policy=load_policy().with_roles(agents=USERS),
                engine=engine,
            )
            report = services.directory.import_file(CUSTOMERS)
            assert not report.problems, report.problems
            instrument(engine, counts)
            app = create_app(settings, services=services).app
            try:
                yield SlackWsgi(app, services), services
            finally:
                services.close()
    finally:
        fakes.close()


def _collect(status: list[str]) -> Any:
    return lambda line, _headers: status.append(line)


def registrations(wsgi: Any, seqs: Sequence[int], response_url: str) -> None:
    for seq in seqs:
        body = command_body(
            "/ticket", f"{TEXT} Profile ticket {seq}", USERS[seq % 8], seq, response_url
        )
        p = prepare(SIGNING_SECRET, seq, body)
        status: list[str] = []
        out = b"".join(wsgi(environ(p.body, p.headers), _collect(status)))
        if not status[0].startswith("200") or b"KOR-" not in out:
            raise RuntimeError(f"not registered: {status} {out[:300]!r}")


BLOCK = 50


def total(blocks: Sequence[Figures]) -> Figures:
    statements: Counter[str] = Counter()
    for b in blocks:
        statements.update(b.statements)
    return Figures(
        n=sum(b.n for b in blocks),
        cpu=sum(b.cpu for b in blocks),
        wall=sum(b.wall for b in blocks),
        statements=statements,
        flushes=sum(b.flushes for b in blocks),
        writes=[w for b in blocks for w in b.writes],
        server=sum(b.server for b in blocks),
        counter=[c for b in blocks for c in b.counter],
    )


def run_db(kind: str, n: int, profile: bool, drain: bool) -> None:
    counts = Counts()
    with tempfile.TemporaryDirectory() as tmp, balie(kind, Path(tmp), counts) as (wsgi, s):
        url = "https://hooks.slack.test/commands/profile"
        registrations(wsgi, range(1, 31), url)  # warm-up: imports, caches, pool, plans
        s.dispatcher.drain()
        # In blocks: on a shared machine the best block is the steadiest figure.
        blocks: list[Figures] = []
        text = ""
        for start in range(1000, 1000 + n, BLOCK):
            seqs = range(start, min(start + BLOCK, 1000 + n))
            block, text = measure(
                counts, len(seqs), lambda s=seqs: registrations(wsgi, s, url), profile
            )
            blocks.append(block)
        figures = total(blocks)
        # Python function calls per registration: a figure the neighbours' load cannot move.
        calls = cProfile.Profile()
        seqs = range(1000 + n, 1000 + n + BLOCK)
        calls.runcall(registrations, wsgi, seqs, url)
        per_call = pstats.Stats(calls).total_calls / BLOCK  # type: ignore[attr-defined]
        cpu = sorted(b.cpu / b.n * 1000 for b in blocks)
        print(f"{kind:10s} register: {figures.per()}")
        print(
            f"{'':10s} CPU per block of {BLOCK}: best {cpu[0]:.2f} ms, "
            f"median {cpu[len(cpu) // 2]:.2f} ms; {per_call:.0f} Python calls per item"
        )
        print(f"{'':10s} statements: {figures.kinds()}")
        print(f"{'':10s} {figures.write_hold()}")
        if text:
            print(text)
        if drain:
            delivered: list[int] = []
            figures, text = measure(
                counts, 1, lambda: delivered.append(s.dispatcher.drain(10_000)), profile
            )
            rows = delivered[0] or 1
            figures = dataclasses.replace(figures, n=rows)
            print(f"{kind:10s} deliver ({rows} rows): {figures.per()}")
            print(f"{'':10s} statements: {figures.kinds()}")
            print(f"{'':10s} {figures.write_hold()}")
            if text:
                print(text)


def run_threads(kind: str, threads: int, seconds: float) -> None:
    """Closed loop: `threads` threads of one process register as fast as they can. Shows what
    the interpreter lock does to the windows in which a registration holds a lock."""
    counts = Counts()
    with tempfile.TemporaryDirectory() as tmp, balie(kind, Path(tmp), counts) as (wsgi, _s):
        url = "https://hooks.slack.test/commands/profile"
        registrations(wsgi, range(1, 31), url)
        counts.reset()
        seq = itertools.count(1000)
        stop = time.monotonic() + seconds
        done: list[int] = []

        def loop() -> None:
            n = 0
            while time.monotonic() < stop:
                registrations(wsgi, [next(seq)], url)
                n += 1
            done.append(n)

        cpu0, wall0 = time.process_time(), time.perf_counter()
        pool = [threading.Thread(target=loop) for _ in range(threads)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        n = sum(done)
        print(
            f"{kind:10s} {threads:2d} threads: {n / wall:6.1f} registrations/s, "
            f"{cpu / wall:.2f} CPU; write transaction {_spread(counts.writes)}"
            + (f"; counter row locked {_spread(counts.counter)}" if counts.counter else "")
        )


def main(argv: Sequence[str] | None = None) -> int:
    if os.environ.get("BALIE_SWITCH"):
        sys.setswitchinterval(float(os.environ["BALIE_SWITCH"]))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300)
    parser.add_argument("--db", default="sqlite,postgresql")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--drain", action="store_true")
    parser.add_argument(
        "--threads", default="", help="e.g. 1,4,16: closed-loop throughput with that many threads"
    )
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args(argv)
    if args.threads:
        for kind in args.db.split(","):
            for t in args.threads.split(","):
                run_threads(kind, int(t), args.seconds)
        return 0
    for kind in args.db.split(","):
        run_db(kind, args.n, args.profile, args.drain)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
