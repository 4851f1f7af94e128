"""`python -m bench.page_bench` with tiny numbers runs end to end: every ticket paged exactly once.

A smoke test: the figures depend on the machine, so nothing here asserts on timing (a missed
target is exit status 2 and fine here; status 1 means a page was missing or doubled).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_every_ticket_of_a_small_page_bench_is_paged_exactly_once(
    kind: str, request: pytest.FixtureRequest
) -> None:
    if kind == "postgresql":
        request.getfixturevalue("pg_url")  # skips, as every PostgreSQL test, when unreachable
    done = subprocess.run(
        [sys.executable, "-m", "bench.page_bench", "--pages", "8", "--storm", "8", "--db", kind],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,  # exit 2 (a target missed) is an outcome the test reads
    )
    out = done.stdout
    assert done.returncode in (0, 2), f"status {done.returncode}\n{out}\n{done.stderr[-3000:]}"
    assert "INVALID" not in out
    for label in ("page: the DM", "page: the call", "plain: the card"):
        assert re.search(rf"^  {label} +[\d,]+ +[\d,]+ +[\d,]+", out, re.M), out
    assert re.search(
        rf"{kind}: storm of 8 .*; 8 DMs, 8 calls, 8 texts: each ticket paged exactly once", out
    ), out
    assert f"{kind}: p99 time to page (DM and call) <= 1000 ms in one process: " in out
    assert f"{kind}: every page of the storm within 10 s: " in out
