"""Three Balie processes on one PostgreSQL database announce every threshold exactly once."""

from __future__ import annotations

import collections
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Balie, amsterdam

ROOT = Path(__file__).resolve().parents[2]
GOLD_P1 = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=hoog'


def test_three_processes_announce_each_threshold_once(balie: Balie, tmp_path: Path) -> None:
    if balie.database.kind != "postgresql":
        pytest.skip("several processes on one database is the PostgreSQL deployment")
    numbers = [balie.register(f"{GOLD_P1} Storing {i}") for i in range(30)]
    balie.drain()
    balie.fake.clear()
    go = tmp_path / "go"
    env = os.environ | {
        "DATABASE_URL": balie.database.url,
        "SLACK_API_URL": balie.fake.api_url,
        "SMTP_URL": balie.smtp.url,
        # Every ticket's response deadline (10:15) has just passed.
        "BALIE_TEST_NOW": amsterdam(2026, 11, 24, 10, 16).isoformat(),
        "BALIE_TEST_GO": str(go),
        "PYTHONPATH": str(ROOT),
    }
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.sla.sla_worker"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    go.touch()
    outputs = [w.communicate(timeout=120) for w in workers]
    assert [w.returncode for w in workers] == [0, 0, 0], [err[-2000:] for _, err in outputs]
    assert sum(int(out.strip()) for out, _ in outputs) == 30
    posted = [c for c in balie.fake.calls_to("chat.postMessage") if not c.failed]
    per_channel = collections.Counter(
        "thread" if "thread_ts" in c.args else c.args["channel"] for c in posted
    )
    assert per_channel == {"thread": 30, "#balie-2e-lijn": 30, "#balie-teamleads": 30}
    texts = [c.args["text"] for c in posted if c.args.get("channel") == "#balie-2e-lijn"]
    assert sorted(n for t in texts for n in numbers if n in t) == sorted(numbers)
