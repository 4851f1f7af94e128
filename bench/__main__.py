"""`python -m bench` (`make bench`): every benchmark, in order.

1. bench.calendar_bench: the business calendar against businesstimedelta.
2. bench.sweep_bench: one SLA monitor sweep, 100 vs 1,000 due, 10,000 vs 100,000 open.
3. bench.ack_bench: the ack of /ticket nieuw over HTTP under an open-loop load (20 and 100
   per second), against a bare Bolt app, and whether the outbox keeps up.
4. bench.page_bench: time to page at night (a registration's commit to the DM and the call),
   beside the card's round trip, and a storm of 100 pages, each exactly once.
5. bench.summary_bench: a daily and a monthly summary over 1,000,000 closed and 10,000 open
   tickets, against the same with a tenth of the history.
6. bench.invoicing_bench: the monthly export of 100,000 time entries for 500 customers
   (closing the month, the CSV, the XLSX, and the same export again).

Arguments after `--ack` go to the ack bench, e.g. `python -m bench --ack --quick`.
Speed targets that are missed are printed, not failed on. The exit status is non-zero when a
bench crashed or its measurement is invalid: the calendar gave an unexplained different answer
(its status 1), or requests or deliveries failed (the ack bench's status 1), or a page was
missing or doubled (the page bench's status 1).
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable, Sequence


def _run(name: str, fn: Callable[[], int], target_codes: frozenset[int]) -> bool:
    """Run one bench; True when it neither crashed nor reported an invalid measurement."""
    print(f"=== {name} ===", flush=True)
    t0 = time.monotonic()
    try:
        code = fn()
    except KeyboardInterrupt:
        raise
    except BaseException:
        traceback.print_exc()
        print(f"=== {name}: CRASHED after {time.monotonic() - t0:.0f}s ===\n", flush=True)
        return False
    took = time.monotonic() - t0
    if code == 0:
        print(f"=== {name}: done in {took:.0f}s ===\n", flush=True)
        return True
    if code in target_codes:
        print(f"=== {name}: done in {took:.0f}s; speed target NOT met ===\n", flush=True)
        return True
    print(f"=== {name}: FAILED (status {code}) after {took:.0f}s ===\n", flush=True)
    return False


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    ack_args = args[args.index("--ack") + 1 :] if "--ack" in args else []

    from bench import (
        ack_bench,
        calendar_bench,
        invoicing_bench,
        page_bench,
        summary_bench,
        sweep_bench,
    )

    ok = _run("calendar bench", lambda: calendar_bench.main([]), target_codes=frozenset({2}))
    ok &= _run("SLA sweep bench", lambda: sweep_bench.main([]), target_codes=frozenset({3}))
    ok &= _run("ack bench", lambda: ack_bench.main(ack_args), target_codes=frozenset({2}))
    ok &= _run("page bench", lambda: page_bench.main([]), target_codes=frozenset({2}))
    ok &= _run("summary bench", lambda: summary_bench.main([]), target_codes=frozenset({2}))
    ok &= _run("invoicing bench", lambda: invoicing_bench.main([]), target_codes=frozenset({2}))
    return 0 if ok else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\ninterrupted; servers stopped", file=sys.stderr)
        sys.exit(130)
