"""Benchmark Balie's business calendar against the businesstimedelta package.

    python bench/calendar_bench.py [--cases N] [--seed S] [--btd-mode naive|aware] [--min-ratio R]

Runs the same seeded random cases (starts in 2024-2030, durations up to 200 business hours in
whole minutes or seconds) plus a few fixed edge cases through ``add`` and ``between`` of both,
checks that the results are identical, and prints throughput and the speed ratio.

businesstimedelta is configured like the default desk: WorkDayRule 08:30-17:30 Mon-Fri and a
HolidayRule with the very days BusinessCalendar.closed_days() gives. In the default "naive"
mode it gets naive Europe/Amsterdam wall-clock times (so it computes on the wall clock); that is
exact here because 08:30-17:30 never contains a DST switch, and a naive result always lies in
opening hours, which are unambiguous. "aware" mode gives it a pytz zone and aware datetimes.

A difference where businesstimedelta is demonstrably wrong, or defines an edge differently, is
listed with the reason; any other difference is reported as unexplained (exit status 1).
Exit status 2: a speed ratio below --min-ratio. The ratio is relative, so it does not depend on
how fast the machine is.
"""

from __future__ import annotations

import argparse
import random
import sys
import time as clock
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from bot.calendar import BusinessCalendar

AMS = ZoneInfo("Europe/Amsterdam")
FIRST_YEAR, LAST_YEAR = 2024, 2030
MAX_HOURS = 200


@dataclass(frozen=True)
class Result:
    op: str
    cases: int
    ours: float  # ops/s
    theirs: float
    same: int

    @property
    def ratio(self) -> float:
        return self.ours / self.theirs


@dataclass(frozen=True)
class Difference:
    op: str
    case: str
    ours: str
    theirs: str
    reason: str | None  # None: unexplained


def _local(t: datetime) -> str:
    return t.astimezone(AMS).isoformat(sep=" ", timespec="auto")


# -- cases -------------------------------------------------------------------------------------


def _random_start(rng: random.Random) -> datetime:
    lo = int(datetime(FIRST_YEAR, 1, 1, tzinfo=AMS).timestamp())
    hi = int(datetime(LAST_YEAR + 1, 1, 1, tzinfo=AMS).timestamp())
    start = datetime.fromtimestamp(rng.randrange(lo, hi), AMS)
    if rng.random() < 0.1:
        # Opening and closing times are where the two are most likely to disagree.
        start = start.replace(hour=rng.choice((8, 17)), minute=30, second=0)
    return start


def _random_duration(rng: random.Random) -> timedelta:
    if rng.random() < 0.5:
        return timedelta(minutes=rng.randrange(MAX_HOURS * 60 + 1))
    if rng.random() < 0.2:
        return timedelta(minutes=30 * rng.randrange(MAX_HOURS * 2 + 1))
    return timedelta(seconds=rng.randrange(MAX_HOURS * 3600 + 1))


def _ams(
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    second: int = 0,
    us: int = 0,
    *,
    fold: int = 0,
) -> datetime:
    return datetime(year, month, day, hour, minute, second, us, tzinfo=AMS, fold=fold)


H = timedelta(hours=1)

EDGE_ADDS: list[tuple[datetime, timedelta]] = [
    (_ams(2026, 6, 13, 11), timedelta(0)),  # zero, on a Saturday
    (_ams(2026, 6, 15, 7), timedelta(0)),  # zero, before opening
    (_ams(2026, 6, 15, 10), timedelta(0)),  # zero, while open
    (_ams(2026, 6, 15, 8, 30), 9 * H),  # ends exactly at closing time
    (_ams(2026, 6, 15, 17, 30), timedelta(minutes=1)),  # starts exactly at closing time
    (_ams(2026, 10, 23, 16, 30), 2 * H),  # over the autumn DST switch
    (_ams(2026, 10, 25, 2, 30, fold=1), H),  # from the repeated hour (second pass)
    (_ams(2027, 3, 26, 16, 30), 2 * H),  # Good Friday, spring switch, Easter Monday
    (_ams(2027, 4, 27, 10), H),  # on King's Day
    (_ams(2030, 12, 31, 17), 200 * H),  # into 2031
]
EDGE_BETWEENS: list[tuple[datetime, datetime]] = [
    (_ams(2026, 6, 12, 16), _ams(2026, 6, 15, 10)),  # a pause over a weekend
    (_ams(2026, 10, 23, 17), _ams(2026, 10, 26, 9)),  # over the autumn switch
    (_ams(2027, 3, 26, 17), _ams(2027, 3, 30, 9)),  # over the spring switch and Easter
    (_ams(2026, 6, 15, 10), _ams(2026, 6, 12, 16)),  # backwards
    (_ams(2026, 6, 15, 10, 0, 0, 500_000), _ams(2026, 6, 15, 10, 0, 1)),  # half a second
]


# -- businesstimedelta -------------------------------------------------------------------------


class Btd:
    """businesstimedelta set up like the default desk, in naive or aware mode."""

    def __init__(self, closed_days: set[date], mode: str) -> None:
        import businesstimedelta as btd
        import pytz

        tz_kwargs: dict[str, Any] = (
            {"tz": pytz.timezone("Europe/Amsterdam")} if mode == "aware" else {}
        )
        self.mode = mode
        self.rules = btd.Rules(
            [
                btd.WorkDayRule(
                    start_time=time(8, 30),
                    end_time=time(17, 30),
                    working_days=[0, 1, 2, 3, 4],
                    **tz_kwargs,
                ),
                btd.HolidayRule(closed_days, **tz_kwargs),
            ]
        )
        self.delta = btd.BusinessTimeDelta

    def to_input(self, t: datetime) -> datetime:
        # Naive mode: the wall clock. Its arithmetic then runs on wall-clock time, which is
        # real time within 08:30-17:30 as no DST switch happens in those hours.
        return t.astimezone(AMS).replace(tzinfo=None) if self.mode == "naive" else t

    def from_output(self, t: datetime) -> datetime:
        # Naive mode: it tags wall-clock results as UTC; they are Amsterdam times really.
        if self.mode == "naive":
            return t.replace(tzinfo=None).replace(tzinfo=AMS).astimezone(UTC)
        return t.astimezone(UTC)


# -- running -----------------------------------------------------------------------------------


def _throughput(fn: Callable[[], object], n: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = clock.perf_counter()
        fn()
        best = min(best, clock.perf_counter() - t0)
    return n / best


def _explain_add(
    cal: BusinessCalendar, start: datetime, d: timedelta, theirs: datetime
) -> str | None:
    if d == timedelta(0) and not cal.is_open(start) and theirs == cal.next_open(start):
        return (
            "zero duration from a closed moment: btd returns the next opening, Balie returns s "
            "(add(s, d) is the earliest t >= s with between(s, t) == d)"
        )
    return None


def _explain_between(ours: timedelta, theirs: timedelta) -> str | None:
    whole = timedelta(seconds=abs(ours) // timedelta(seconds=1))
    if ours.microseconds and theirs == whole:
        return "btd is wrong: its difference() drops the fractions of a second"
    return None


def run(cases: int, seed: int, mode: str) -> tuple[list[Result], list[Difference], float]:
    from bot.calendar import BusinessCalendar

    cal = BusinessCalendar()
    closed: set[date] = set()
    for year in range(FIRST_YEAR - 1, LAST_YEAR + 3):
        closed |= set(cal.closed_days(year))
    btd = Btd(closed, mode)

    rng = random.Random(seed)
    adds = EDGE_ADDS + [(_random_start(rng), _random_duration(rng)) for _ in range(cases)]
    betweens = list(EDGE_BETWEENS)
    for _ in range(cases):
        a = _random_start(rng)
        span = timedelta(seconds=rng.randrange(-5 * 86400, 45 * 86400))
        # In UTC: aware + timedelta would add wall-clock time and could land in a skipped hour.
        betweens.append((a, (a.astimezone(UTC) + span).astimezone(AMS)))

    btd_adds = [(btd.to_input(s), btd.delta(btd.rules, timedelta=d)) for s, d in adds]
    btd_betweens = [(btd.to_input(a), btd.to_input(b)) for a, b in betweens]

    # Ours, first pass: cold, includes building the year tables.
    t0 = clock.perf_counter()
    ours_add = [cal.add(s, d) for s, d in adds]
    cold_add = len(adds) / (clock.perf_counter() - t0)
    ours_between = [cal.between(a, b) for a, b in betweens]

    def ours_add_pass() -> None:
        for s, d in adds:
            cal.add(s, d)

    def ours_between_pass() -> None:
        for a, b in betweens:
            cal.between(a, b)

    add_rate = _throughput(ours_add_pass, len(adds), 5)
    between_rate = _throughput(ours_between_pass, len(betweens), 5)

    # businesstimedelta: one pass each (it is slow), timed while collecting its results.
    t0 = clock.perf_counter()
    theirs_add_raw = [s + bd for s, bd in btd_adds]
    btd_add_rate = len(adds) / (clock.perf_counter() - t0)
    t0 = clock.perf_counter()
    theirs_between_raw = [btd.rules.difference(a, b).timedelta for a, b in btd_betweens]
    btd_between_rate = len(betweens) / (clock.perf_counter() - t0)

    diffs: list[Difference] = []
    same_add = 0
    for (s, d), ours, raw in zip(adds, ours_add, theirs_add_raw, strict=True):
        theirs = btd.from_output(raw)
        if theirs == ours:
            same_add += 1
            continue
        diffs.append(
            Difference(
                "add",
                f"{_local(s)} + {d}",
                _local(ours),
                _local(theirs),
                _explain_add(cal, s, d, theirs),
            )
        )
    same_between = 0
    for (a, b), ours_td, theirs_td in zip(betweens, ours_between, theirs_between_raw, strict=True):
        # businesstimedelta's difference() is never negative: it sorts its arguments.
        if abs(ours_td) == theirs_td:
            same_between += 1
            continue
        diffs.append(
            Difference(
                "between",
                f"{_local(a)} .. {_local(b)}",
                str(ours_td),
                str(theirs_td),
                _explain_between(ours_td, theirs_td),
            )
        )

    results = [
        Result("add", len(adds), add_rate, btd_add_rate, same_add),
        Result("between", len(betweens), between_rate, btd_between_rate, same_between),
    ]
    return results, diffs, cold_add


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for r in [header, *rows]:
        cells = [r[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cases", type=int, default=20_000, help="random cases per operation")
    parser.add_argument("--seed", type=int, default=20_240_101)
    parser.add_argument("--btd-mode", choices=("naive", "aware"), default="naive")
    parser.add_argument(
        "--min-ratio", type=float, default=10.0, help="exit 2 if ours is not this much faster"
    )
    args = parser.parse_args(argv)

    # Runnable as a plain script from anywhere: make the repository importable.
    root = str(Path(__file__).resolve().parents[1])
    if root not in sys.path:
        sys.path.insert(0, root)

    results, diffs, cold_add = run(args.cases, args.seed, args.btd_mode)
    print(
        f"business calendar vs businesstimedelta {version('businesstimedelta')} "
        f"({args.btd_mode} mode): {args.cases:,} random cases + edge cases, seed {args.seed}"
    )
    print()
    header = ["op", "cases", "ours ops/s", "btd ops/s", "ratio", "same", "explained", "unexpl."]
    rows = []
    for r in results:
        found = [x for x in diffs if x.op == r.op]
        explained = sum(1 for x in found if x.reason)
        rows.append(
            [
                r.op,
                f"{r.cases:,}",
                f"{r.ours:,.0f}",
                f"{r.theirs:,.0f}",
                f"{r.ratio:,.0f}x",
                f"{r.same:,}",
                f"{explained:,}",
                f"{len(found) - explained:,}",
            ]
        )
    print(_table(header, rows))
    print()
    print(
        f"ours on a cold first pass (building the year tables included): add {cold_add:,.0f} ops/s"
    )
    for title, wanted in (("explained", True), ("UNEXPLAINED", False)):
        found = [x for x in diffs if bool(x.reason) == wanted]
        if not found:
            continue
        print()
        print(f"{title} differences ({len(found)}):")
        for reason in dict.fromkeys(x.reason for x in found):
            print(f"  {reason or 'no known reason: a bug in one of them'}")
            for x in found:
                if x.reason == reason:
                    print(f"    {x.op:<7}  {x.case:<46}  ours {x.ours:<26}  btd {x.theirs}")

    if any(x.reason is None for x in diffs):
        return 1
    slowest = min(r.ratio for r in results)
    if slowest < args.min_ratio:
        print(f"\nspeed ratio {slowest:,.0f}x is below the target {args.min_ratio:g}x")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
