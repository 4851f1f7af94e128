"""`python -m bench.ack_profile` registers in-process and prints what a registration costs.

A smoke test, as for the ack bench: CPU and lock times depend on the machine, so only the
counts that do not (statements and flushes per registration) are checked for being there.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.ack_profile import _kind

ROOT = Path(__file__).resolve().parents[2]


def test_statements_are_told_apart_by_verb_and_table() -> None:
    assert _kind("INSERT INTO outbox (kind, payload) VALUES (?, ?)") == "INSERT outbox"
    assert _kind("UPDATE counters SET value=(counters.value + ?)") == "UPDATE counters"
    assert _kind("SELECT customers.id FROM customers LEFT OUTER JOIN contacts") == (
        "SELECT customers"
    )
    assert _kind("BEGIN IMMEDIATE") == "BEGIN"


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_the_profile_runs_and_prints_its_figures(kind: str, request: pytest.FixtureRequest) -> None:
    if kind == "postgresql":
        request.getfixturevalue("pg_url")  # skips, as every PostgreSQL test, when unreachable
    done = subprocess.run(
        [sys.executable, "-m", "bench.ack_profile", "-n", "20", "--db", kind, "--drain"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    out = done.stdout
    assert done.returncode == 0, f"status {done.returncode}\n{out}\n{done.stderr[-3000:]}"
    assert re.search(rf"^{kind} +register: +[\d.]+ ms CPU, .* [\d.]+ statements", out, re.M), out
    assert re.search(rf"^{kind} +deliver \(\d+ rows\):", out, re.M), out
    assert "counter row locked" in out
