"""The ack bench's figures: what a run measured, its targets and how they are printed."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from bench.open_loop import PhaseResult, summarize_failures

P99_RATE, P99_TARGET = 100.0, 0.300  # a tenth of the 3 s Slack waits for an ack
DELIVERY_RATE, DELIVERY_WINDOW = 20.0, 10.0
# The generator kept to its schedule when no request left later than this after its moment. A
# generator that falls behind lags more and more (its lag accumulates); scheduling jitter on a
# busy 2-core host stays at a few ms. A late send still counts from its scheduled moment, so
# it can only make the figures worse, never hide queueing.
LAG_LIMIT = 0.050


@dataclass(frozen=True)
class Config:
    rates: list[float]
    seconds: float
    warmup: float
    workers: int
    threads: int
    drain_timeout: float


@dataclass(frozen=True)
class Delivery:
    """How one kind of side effect (cards, e-mails) arrived for the tickets of a phase."""

    missing: int
    duplicates: int
    firsts: list[float]  # seconds after the phase's end of each ticket's first arrival, sorted

    @classmethod
    def of(cls, tickets: Iterable[int], times: dict[int, list[float]], end: float) -> Delivery:
        wanted = set(tickets)
        got = {s: sorted(times[s]) for s in wanted if times.get(s)}
        return cls(
            missing=len(wanted - got.keys()),
            duplicates=sum(len(t) > 1 for t in got.values()),
            firsts=sorted(t[0] - end for t in got.values()),
        )

    @property
    def last(self) -> float | None:
        return self.firsts[-1] if self.firsts else None

    def late(self, window: float) -> int:
        return sum(f > window for f in self.firsts)


@dataclass(frozen=True)
class Drain:
    tickets: int
    cards: Delivery
    mails: Delivery
    drained: float | None  # seconds after the phase's end; None: not within the timeout
    pending: int | None  # outbox rows left when the bench stopped waiting

    @property
    def exactly_once(self) -> bool:
        c, m = self.cards, self.mails
        return not (c.missing or m.missing or c.duplicates or m.duplicates)

    def within(self, window: float) -> bool:
        return self.exactly_once and not (self.cards.late(window) or self.mails.late(window))


@dataclass(frozen=True)
class RatePair:
    rate: float
    bare: PhaseResult
    balie: PhaseResult
    drain: Drain


@dataclass
class Run:
    kind: str
    pairs: list[RatePair] = field(default_factory=list)
    skipped: str | None = None
    warmup_failures: list[str] = field(default_factory=list)

    def at(self, rate: float) -> RatePair | None:
        return next((p for p in self.pairs if p.rate == rate), None)


def _ms(seconds: float) -> str:
    if math.isinf(seconds):
        return "failed"
    if math.isnan(seconds):
        return "-"
    ms = seconds * 1000
    return f"{ms:.2f} ms" if ms < 10 else f"{ms:.1f} ms" if ms < 100 else f"{ms:.0f} ms"


def _s(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds:.1f} s"


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(h.rjust(w) for h, w in zip(header, widths, strict=True))]
    lines += ["  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


HEADER = [
    "rate",
    "requests",
    "bare p50",
    "bare p99",
    "bare max",
    "balie p50",
    "balie p99",
    "balie max",
    "p99 ratio",
    "send lag p99",
    "send lag max",
    "senders",
]


def _row(p: RatePair) -> list[str]:
    bare, balie = p.bare, p.balie
    ratio = balie.latency(99) / bare.latency(99)
    phases = (bare, balie)
    return [
        f"{p.rate:g}/s",
        f"{balie.requests:,}",
        _ms(bare.latency(50)),
        _ms(bare.latency(99)),
        _ms(bare.max_latency),
        _ms(balie.latency(50)),
        _ms(balie.latency(99)),
        _ms(balie.max_latency),
        "-" if math.isnan(ratio) or math.isinf(ratio) else f"{ratio:.2f}x",
        _ms(max(ph.lag(99) for ph in phases)),
        _ms(max(ph.lag(100) for ph in phases)),
        str(max(ph.senders for ph in phases)),
    ]


def _delivery_line(p: RatePair) -> str:
    d = p.drain
    parts = [f"{p.rate:g}/s: {d.tickets:,} tickets"]
    for name, got in (("cards", d.cards), ("e-mails", d.mails)):
        delivered = d.tickets - got.missing
        extra = f", {got.duplicates:,} TWICE OR MORE" if got.duplicates else ""
        parts.append(f"{delivered:,} {name} (last {_s(got.last)} after the phase){extra}")
    if d.drained is not None:
        parts.append(f"outbox empty and everything there {_s(d.drained)} after the phase")
    else:
        parts.append(f"NOT DRAINED: {d.pending} outbox rows pending when the bench gave up")
    return "; ".join(parts)


def _invalid(run: Run) -> list[str]:
    problems = []
    if run.warmup_failures:
        problems.append(f"{len(run.warmup_failures)} warm-up request(s) failed")
    for p in run.pairs:
        for name, ph in (("bare", p.bare), ("balie", p.balie)):
            if ph.failures:
                problems.append(f"{name} {p.rate:g}/s: {len(ph.failures)} request(s) failed")
                problems.extend(f"  {line}" for line in summarize_failures(ph.failures))
        if not p.drain.exactly_once:
            problems.append(f"{p.rate:g}/s: a ticket without its card or e-mail, or with two")
    return problems


def _print_run(run: Run, cfg: Config) -> list[str]:
    print()
    if run.skipped:
        print(f"{run.kind}: skipped: {run.skipped}")
        return []
    print(
        f"{run.kind}: /ticket nieuw, open loop, {cfg.seconds:g} s per rate; gunicorn gthread, "
        f"{cfg.workers} worker(s) x {cfg.threads} threads (both apps)"
    )
    print(_table(HEADER, [_row(p) for p in run.pairs]))
    for p in run.pairs:
        print(f"  {_delivery_line(p)}")
    lag = max((ph.lag(100) for p in run.pairs for ph in (p.bare, p.balie)), default=0.0)
    kept = "kept to" if lag <= LAG_LIMIT else "FELL BEHIND"
    print(
        f"  the sender {kept} its schedule: no request left more than {_ms(lag)} after its "
        f"moment (limit {_ms(LAG_LIMIT)}); latencies count from that moment"
    )
    problems = _invalid(run)
    for line in problems:
        print(f"  INVALID: {line}")
    return problems


def _verdicts(run: Run) -> tuple[list[str], bool]:
    """The target lines of one database and whether all its targets were met."""
    if run.skipped:
        return [f"{run.kind}: skipped"], False
    lines, met = [], True
    fast = run.at(P99_RATE)
    if fast is None:
        lines.append(f"{run.kind}: p99 ack at {P99_RATE:g}/s: not measured at these rates")
        met = False
    else:
        p99 = fast.balie.latency(99)
        ok = p99 <= P99_TARGET
        met &= ok
        lines.append(
            f"{run.kind}: p99 ack at {P99_RATE:g}/s <= {_ms(P99_TARGET)}: "
            f"{'met' if ok else 'NOT met'} ({_ms(p99)})"
        )
    slow = run.at(DELIVERY_RATE)
    what = f"every card and e-mail at {DELIVERY_RATE:g}/s exactly once within {DELIVERY_WINDOW:g} s"
    if slow is None:
        lines.append(f"{run.kind}: {what}: not measured at these rates")
        met = False
    else:
        d = slow.drain
        ok = d.within(DELIVERY_WINDOW) and not slow.balie.failures
        met &= ok
        last = max(d.cards.last or 0.0, d.mails.last or 0.0)
        late = max(d.cards.late(DELIVERY_WINDOW), d.mails.late(DELIVERY_WINDOW))
        detail = f"the last after {_s(last)}" + (f", {late:,} late" if late else "")
        lines.append(f"{run.kind}: {what}: {'met' if ok else 'NOT met'} ({detail})")
    if fast is not None:
        lines.append(
            f"{run.kind}: the {P99_RATE:g}/s backlog drained "
            + (
                f"{_s(fast.drain.drained)} after the phase"
                if fast.drain.drained is not None
                else "NOT within the timeout"
            )
        )
    return lines, met


def report(runs: list[Run], cfg: Config) -> int:
    """Print every run and the targets; the exit status (0 met, 2 a target missed, 1 invalid)."""
    invalid = False
    for run in runs:
        invalid |= bool(_print_run(run, cfg))
    print()
    print("targets:")
    met_all = True
    for run in runs:
        lines, met = _verdicts(run)
        met_all &= met
        for line in lines:
            print(f"  {line}")
    if invalid:
        print("some requests or deliveries FAILED: the figures above are not valid (status 1)")
        return 1
    return 0 if met_all else 2
