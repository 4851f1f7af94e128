"""`python -m bench.ack_bench --quick` runs end to end and prints its figures.

A smoke test: the figures themselves depend on the machine, so nothing here asserts on timing
(a missed target is exit status 2 and fine here; status 1 means requests or deliveries failed).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_the_quick_ack_bench_runs_and_prints_its_figures(
    kind: str, request: pytest.FixtureRequest
) -> None:
    if kind == "postgresql":
        request.getfixturevalue("pg_url")  # skips, as every PostgreSQL test, when unreachable
    done = subprocess.run(
        [sys.executable, "-m", "bench.ack_bench", "--quick", "--db", kind],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,  # exit 2 (a target missed) is an outcome the test reads
    )
    out = done.stdout
    assert done.returncode in (0, 2), f"status {done.returncode}\n{out}\n{done.stderr[-3000:]}"
    assert "balie p99" in out and "bare p99" in out and "p99 ratio" in out
    for rate in ("20/s", "100/s"):
        assert re.search(rf"^ *{rate} +[\d,]+ +\d", out, re.M), f"no {rate} row:\n{out}"
        assert re.search(rf"{rate}: [\d,]+ tickets; [\d,]+ cards .*; [\d,]+ e-mails", out)
    assert f"{kind}: p99 ack at 100/s <= 300 ms: " in out
    assert f"{kind}: every card and e-mail at 20/s exactly once within 10 s: " in out
    assert f"{kind}: the 100/s backlog drained " in out
    assert "the sender" in out
