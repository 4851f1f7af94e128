"""Time to page: from a qualifying registration's commit to the engineer's DM and phone call.

    python -m bench.page_bench [--quick] [--db sqlite,postgresql] [--pages N] [--storm N]

Balie runs in this process as the worker runs it: build_services with its background threads
started (the page lane, the outbox loop and the periodic jobs), on a fresh database (a SQLite
file, or a fresh PostgreSQL schema), against a fake Slack, SMTP server and Twilio API in a
process of their own (bench/fakes.py), so they do not share Balie's interpreter lock. Its
clock is real time moved to a Tuesday 22:00 in Amsterdam: the desk is closed, the waakdienst
active. The rota has an engineer with a phone number (and a backup); ACME is gold.

Per database:

- **Time to page.** 200 gold P1 incidents (40 with --quick) are registered one at a time
  through the Registration use case, one every 75 ms. From the moment register() returns (its
  commit) the bench times the first page call the fakes saw for the ticket: the DM to the
  engineer (chat.postMessage to the DM that conversations.open gave) and the call (POST
  Calls.json). Beside it, in the same run, the outbox's own round trip for a plain message: the
  ticket's card in its line channel, from the same commit. p50 and p99 of each, and the ratio
  of time to page to the card's round trip.
- **A storm.** 100 of them (30 with --quick) registered by four threads within one second;
  then the time from the storm's start until the last ticket's first page (its DM and its
  call) arrived, and per ticket, whether it was paged exactly once: one DM, one call and one
  text (step 1 of its chain; the next step is five minutes away).

Targets, each printed as met or not met: p99 time to page (DM and call) at most 1 s; every
first page of the storm within 10 s of its start. Exit status: 0, or 2 when a target is
missed, or 1 when the run is invalid (a ticket not paged, or paged twice, or without its card).
The machine's other load counts: the figures come with the load average, and the ratios,
measured side by side in one run, say more than the absolute times.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.environment import BOT_TOKEN, CUSTOMERS, SIGNING_SECRET, database, pg_base
from bench.fakes import subject
from bench.open_loop import percentile
from bench.processes import Fakes, Pages
from bot.clock import AMSTERDAM
from bot.events import Actor
from bot.oncall.rota_files import RotaImport
from bot.policy import load_policy
from bot.settings import load_settings
from bot.tickets.inputs import NewTicket
from bot.wiring import Services, build_services
from storage.db import unreachable
from tests.fakes.twilio_api import ACCOUNT_SID, AUTH_TOKEN, FROM

# A Tuesday evening: the desk closed at 17:30, the waakdienst has it.
NIGHT = datetime(2026, 11, 24, 22, 0, tzinfo=AMSTERDAM)
AGENT, LEAD = "UBENCHAGENT", "UBENCHLEAD"
ENGINEER, BACKUP = "UBENCHENG1", "UBENCHENG2"
ROTA = {
    "engineers": [
        {"slack": ENGINEER, "name": "Bench Engineer", "phone": "+31612345001"},
        {"slack": BACKUP, "name": "Bench Backup", "phone": "+31612345002"},
    ],
    "rotations": {
        "primary": {"members": [ENGINEER], "start": "2026-11-16"},
        "backup": {"members": [BACKUP], "start": "2026-11-16"},
    },
}
PUBLIC_URL = "https://balie.bench.example"
PAGES, QUICK_PAGES = 200, 40
STORM, QUICK_STORM = 100, 30
SPACING = 0.075  # seconds between two registrations when they come one at a time
STORM_SECONDS, STORM_THREADS = 1.0, 4
WARMUP = 5
P99_TARGET, STORM_TARGET = 1.0, 10.0
# A page not there this long after its registration counts as missing; after the last one
# arrived, this long is left for a second one to show up.
GIVE_UP, SETTLE = 60.0, 2.0


class NightClock:
    """Real time, moved to `at`: it runs as the system clock does, from a closed evening."""

    def __init__(self, at: datetime) -> None:
        self._at = at.astimezone(UTC)
        self._start = time.monotonic()

    def now(self) -> datetime:
        return self._at + timedelta(seconds=time.monotonic() - self._start)


# --- Balie in this process -------------------------------------------------------------------


@contextlib.contextmanager
def balie(url: str, fakes: Fakes) -> Iterator[Services]:
    settings = load_settings(
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fakes.slack_api_url,
        smtp_url=fakes.smtp_url,
        database_url=url,
        twilio_account_sid=ACCOUNT_SID,
        twilio_auth_token=AUTH_TOKEN,
        twilio_from=FROM,
        twilio_api_url=fakes.twilio_api_url,
        public_url=PUBLIC_URL,
        heartbeat_url=None,
    )
    policy = load_policy().with_roles(agents=[AGENT], team_leads=[LEAD])
    clock = NightClock(NIGHT)
    services = build_services(settings, policy=policy, clock=clock)
    try:
        report = services.directory.import_file(CUSTOMERS)
        if report.problems:
            raise RuntimeError(f"customers: {report.problems}")
        rota = RotaImport(sessions=services.sessions, clock=clock, policy=policy, lang="en")
        problems = rota.import_data(ROTA, source="bench rota").problems
        if problems:
            raise RuntimeError(f"rota: {problems}")
        # The evening's desk handover is made before the first ticket, so none is paged by it.
        services.desk_handovers.sweep()
        services.background.start()
        yield services
    finally:
        services.close()


def register(services: Services, seq: int) -> float:
    """A gold P1 incident, registered by an agent; returns when it committed (unix time)."""
    services.registration.register(
        Actor.slack(AGENT),
        NewTicket(
            customer="ACME",
            contact="Jan Jansen",
            via="phone",
            type="incident",
            impact="high",
            urgency="high",
            subject=subject(seq),
            description="Alle scanners in het magazijn zijn offline.",
        ),
    )
    return time.time()


# --- what arrived ----------------------------------------------------------------------------


@dataclass
class Phase:
    """Tickets registered (their commit times), and what the fakes saw of their pages."""

    commits: dict[int, float] = field(default_factory=dict)
    started: float = 0.0  # unix time of the first registration's start
    registered: float = 0.0  # seconds from then until the last one committed
    got: Pages | None = None

    def firsts(self, kind: str) -> dict[int, float]:
        assert self.got is not None
        times: dict[int, list[float]] = getattr(self.got, kind)
        return {s: min(times[s]) for s in self.commits if times.get(s)}

    def latencies(self, kind: str) -> list[float]:
        return sorted(t - self.commits[s] for s, t in self.firsts(kind).items())

    def problems(self, kinds: Sequence[str]) -> list[str]:
        """Each ticket that has no DM, call or text, or two; or no card."""
        assert self.got is not None
        out = []
        for kind in kinds:
            times: dict[int, list[float]] = getattr(self.got, kind)
            counts = [len(times.get(s, [])) for s in self.commits]
            missing, doubled = counts.count(0), sum(c > 1 for c in counts)
            if missing or (doubled and kind != "cards"):
                out.append(f"{kind}: {missing} missing, {doubled} more than once")
        return out


def wait_for_pages(fakes: Fakes, phase: Phase, kinds: Sequence[str]) -> None:
    """Until every ticket of `phase` has each of `kinds` (or GIVE_UP), then SETTLE more."""
    first, last = min(phase.commits), max(phase.commits)
    deadline = time.monotonic() + GIVE_UP
    while True:
        got = fakes.pages(first, last, ENGINEER)
        if all(s in getattr(got, k) for s in phase.commits for k in kinds):
            break
        if time.monotonic() >= deadline:
            break
        time.sleep(0.25)
    time.sleep(SETTLE)
    phase.got = fakes.pages(first, last, ENGINEER)


def one_at_a_time(services: Services, seqs: range) -> Phase:
    """Registrations on a fixed schedule, one every SPACING seconds."""
    phase = Phase(started=time.time())
    start = time.monotonic()
    for i, seq in enumerate(seqs):
        delay = start + i * SPACING - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        phase.commits[seq] = register(services, seq)
    phase.registered = max(phase.commits.values()) - phase.started
    return phase


def storm(services: Services, seqs: range) -> Phase:
    """All of `seqs` within STORM_SECONDS, by STORM_THREADS threads, each on its schedule."""
    phase = Phase()
    step = STORM_SECONDS / len(seqs)
    lock = threading.Lock()
    errors: list[BaseException] = []
    gate = threading.Barrier(STORM_THREADS + 1)
    phase_start = [0.0]  # set just before the gate opens

    def worker(mine: list[tuple[int, int]]) -> None:
        gate.wait()
        start = phase_start[0]
        try:
            for i, seq in mine:
                delay = start + i * step - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                at = register(services, seq)
                with lock:
                    phase.commits[seq] = at
        except BaseException as exc:  # re-raised below, in the bench's thread
            errors.append(exc)

    work = list(enumerate(seqs))
    threads = [
        threading.Thread(target=worker, args=(work[n::STORM_THREADS],), name=f"storm-{n}")
        for n in range(STORM_THREADS)
    ]
    for thread in threads:
        thread.start()
    phase_start[0] = time.monotonic()
    phase.started = time.time()
    gate.wait()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    phase.registered = max(phase.commits.values()) - phase.started
    return phase


# --- a run -----------------------------------------------------------------------------------


@dataclass
class Run:
    kind: str
    skipped: str | None = None
    steady: Phase | None = None
    burst: Phase | None = None


PAGE_KINDS = ("dms", "calls", "texts")


def run_db(
    kind: str, fakes: Fakes, workdir: Path, pages: int, burst: int, seqs: Iterator[int]
) -> Run:
    run = Run(kind)
    if kind == "postgresql":
        problem = unreachable(pg_base())
        if problem is not None:
            run.skipped = f"PostgreSQL not reachable at {pg_base()} ({problem})"
            return run
    with database(kind, workdir) as url, balie(url, fakes) as services:
        print(f"[{kind}] warm-up ...", file=sys.stderr, flush=True)
        warm = one_at_a_time(services, _take(seqs, WARMUP))
        wait_for_pages(fakes, warm, (*PAGE_KINDS, "cards"))
        print(f"[{kind}] {pages} pages, one every {SPACING * 1000:.0f} ms ...", file=sys.stderr)
        run.steady = one_at_a_time(services, _take(seqs, pages))
        wait_for_pages(fakes, run.steady, (*PAGE_KINDS, "cards"))
        print(f"[{kind}] a storm of {burst} ...", file=sys.stderr, flush=True)
        run.burst = storm(services, _take(seqs, burst))
        wait_for_pages(fakes, run.burst, PAGE_KINDS)
    return run


def _take(seqs: Iterator[int], n: int) -> range:
    first = next(seqs)
    for _ in range(n - 1):
        next(seqs)
    return range(first, first + n)


# --- the report ------------------------------------------------------------------------------


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}"


def _ratio(a: float, b: float) -> str:
    return f"x{a / b:.2f}" if b > 0 else "-"


def _steady(kind: str, steady: Phase) -> tuple[list[str], bool]:
    """The one-at-a-time figures; True when the p99 target is met."""
    lines = [
        f"{kind}: {len(steady.commits)} pages, one every {SPACING * 1000:.0f} ms "
        f"(registered in {steady.registered:.1f} s); from each registration's commit, ms:",
        f"  {'':<22} {'p50':>7} {'p99':>7} {'max':>7}   p50 ratio  p99 ratio (to the card)",
    ]
    card = steady.latencies("cards")
    c50, c99 = percentile(card, 50), percentile(card, 99)
    met = True
    for label, what in (
        ("page: the DM", "dms"),
        ("page: the call", "calls"),
        ("plain: the card", "cards"),
    ):
        lat = steady.latencies(what)
        if not lat:
            lines.append(f"  {label:<22} (none arrived)")
            met = False
            continue
        p50, p99 = percentile(lat, 50), percentile(lat, 99)
        ratios = "" if what == "cards" else f"   {_ratio(p50, c50):>9}  {_ratio(p99, c99):>9}"
        lines.append(f"  {label:<22} {_ms(p50):>7} {_ms(p99):>7} {_ms(lat[-1]):>7}{ratios}")
        if what != "cards":
            met &= p99 <= P99_TARGET
    return lines, met


def _storm(kind: str, burst: Phase) -> tuple[str, bool]:
    """The storm's line; True when every ticket was paged exactly once within the target."""
    # The last ticket's first page (its DM and its call), from the storm's start.
    firsts = [burst.firsts(k) for k in ("dms", "calls")]
    paged = {s: max(f[s] for f in firsts) for s in burst.commits if all(s in f for f in firsts)}
    last = max(paged.values(), default=burst.started) - burst.started
    worst = max((t - burst.commits[s] for s, t in paged.items()), default=0.0)
    exact = not burst.problems(PAGE_KINDS)
    assert burst.got is not None
    counts = {k: sum(len(v) for v in getattr(burst.got, k).values()) for k in PAGE_KINDS}
    verdict = "each ticket paged exactly once" if exact else "NOT exactly once"
    line = (
        f"{kind}: storm of {len(burst.commits)} registered in {burst.registered:.2f} s by "
        f"{STORM_THREADS} threads; {counts['dms']} DMs, {counts['calls']} calls, "
        f"{counts['texts']} texts: {verdict}; the last first page {last:.2f} s after the "
        f"storm's start (the slowest ticket {worst:.2f} s after its commit)"
    )
    return line, exact and len(paged) == len(burst.commits) and last <= STORM_TARGET


def report_run(run: Run) -> tuple[list[str], list[str], bool]:
    """(lines, invalid, every target met)."""
    if run.skipped:
        return [f"{run.kind}: skipped: {run.skipped}"], [], True
    steady, burst = run.steady, run.burst
    assert steady is not None and burst is not None
    lines, met = _steady(run.kind, steady)
    storm_line, storm_met = _storm(run.kind, burst)
    lines.append(storm_line)
    invalid = [f"{run.kind} one at a time: {p}" for p in steady.problems((*PAGE_KINDS, "cards"))]
    invalid += [f"{run.kind} storm: {p}" for p in burst.problems(PAGE_KINDS)]
    lines.append(
        f"{run.kind}: p99 time to page (DM and call) <= {P99_TARGET * 1000:.0f} ms in one "
        f"process: {'met' if met else 'NOT met'}"
    )
    lines.append(
        f"{run.kind}: every page of the storm within {STORM_TARGET:.0f} s: "
        f"{'met' if storm_met else 'NOT met'}"
    )
    return lines, invalid, met and storm_met


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.page_bench",
        description="Time to page: from a qualifying registration to the DM and the call.",
    )
    parser.add_argument(
        "--quick", action="store_true", help=f"{QUICK_PAGES} pages, a storm of {QUICK_STORM}"
    )
    parser.add_argument("--pages", type=int, default=None, help="pages one at a time")
    parser.add_argument("--storm", type=int, default=None, help="tickets in the storm")
    parser.add_argument(
        "--db", default="sqlite,postgresql", help="sqlite, postgresql or both (comma-separated)"
    )
    args = parser.parse_args(argv)
    kinds = [k.strip() for k in args.db.split(",") if k.strip()]
    pages = args.pages or (QUICK_PAGES if args.quick else PAGES)
    burst = args.storm or (QUICK_STORM if args.quick else STORM)
    if set(kinds) - {"sqlite", "postgresql"} or not kinds or pages < 1 or burst < 1:
        parser.error(f"bad --db, --pages or --storm: {args.db!r} {pages} {burst}")
    print(
        f"page bench: time to page from a gold P1 registration at night, Balie in one process; "
        f"{pages} pages, a storm of {burst}; {os.cpu_count()} CPUs, load average {_load()}",
        flush=True,
    )
    workdir = Path(tempfile.mkdtemp(prefix="balie-pagebench-"))
    runs: list[Run] = []
    fakes: Fakes | None = None
    seqs = iter(range(1, 10**9))
    try:
        fakes = Fakes(workdir)
        for kind in kinds:
            runs.append(run_db(kind, fakes, workdir, pages, burst, seqs))
    finally:
        if fakes is not None:
            fakes.close()
        shutil.rmtree(workdir, ignore_errors=True)
    invalid: list[str] = []
    met = True
    for run in runs:
        lines, bad, ok = report_run(run)
        print("\n".join(lines))
        invalid += bad
        met &= ok
    print(f"load average at the end: {_load()}")
    if invalid:
        print("INVALID:\n  " + "\n  ".join(invalid))
        return 1
    return 0 if met else 2


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        sys.exit(130)
