"""`python -m bench.invoicing_bench --quick` runs end to end on both databases and prints its
figures. A smoke test: timings depend on the machine, so a missed target (status 2) is fine
here; a crash, or an export that differed the second time, is not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_the_quick_invoicing_bench_runs_and_prints_its_figures(
    kind: str, request: pytest.FixtureRequest
) -> None:
    if kind == "postgresql":
        request.getfixturevalue("pg_url")  # skips, as every PostgreSQL test, when unreachable
    done = subprocess.run(
        [sys.executable, "-m", "bench.invoicing_bench", "--quick", "--db", kind],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,  # exit 2 (a target missed) is an outcome the test reads
    )
    out = done.stdout
    assert done.returncode in (0, 2), f"status {done.returncode}\n{out}\n{done.stderr[-3000:]}"
    assert "monthly export of 5,000 time entries for 50 customers" in out
    assert f"{kind}: close with the CSV" in out and "the same bytes" in out
