"""`python -m bench.summary_bench --quick` runs end to end on both databases: the figures of a
period do not change when ten times the history is added before it.

A smoke test: the times depend on the machine, so nothing here asserts on them (a missed target
is exit status 2 and fine here); the figures with a tenth and with all of the history must be
the same.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_small_summary_bench_gives_the_same_figures_with_ten_times_the_history(
    kind: str, request: pytest.FixtureRequest
) -> None:
    if kind == "postgresql":
        request.getfixturevalue("pg_url")  # skips, as every PostgreSQL test, when unreachable
    done = subprocess.run(
        [sys.executable, "-m", "bench.summary_bench", "--quick", "--db", kind],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    out = done.stdout
    assert done.returncode in (0, 2), f"status {done.returncode}\n{out}\n{done.stderr[-3000:]}"
    for summary in ("day", "month"):
        assert re.search(
            rf"^{kind}: {summary}: [\d.]+ s with 20,000 closed, target <= \d s: (met|NOT met); "
            r"10x the history, the same period: x[\d.]+ against a tenth of it; "
            r"same figures: yes$",
            out,
            re.M,
        ), out
        # The period's tickets are there: new and resolved ones, the same in both runs.
        rows = re.findall(
            rf"^{kind} +{summary} +(?:1/10|full) .* ([\d,]+) +([\d,]+) +[\d.]+$", out, re.M
        )
        assert len(rows) == 2 and rows[0] == rows[1] and rows[0][0] != "0", out
