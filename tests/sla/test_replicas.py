"""Three Balie processes on one PostgreSQL database announce every threshold exactly once."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from tests import replicas
from tests.conftest import Balie, amsterdam

GOLD_P1 = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=hoog'


def test_three_processes_announce_each_threshold_once(balie: Balie, tmp_path: Path) -> None:
    if balie.database.kind != "postgresql":
        pytest.skip("several processes on one database is the PostgreSQL deployment")
    numbers = [balie.register(f"{GOLD_P1} Storing {i}") for i in range(30)]
    balie.drain()
    balie.fake.clear()
    go = tmp_path / "go"
    env = {
        "DATABASE_URL": balie.database.url,
        "SLACK_API_URL": balie.fake.api_url,
        "SMTP_URL": balie.smtp.url,
        # Every ticket's response deadline (10:15) has just passed.
        "BALIE_TEST_NOW": amsterdam(2026, 11, 24, 10, 16).isoformat(),
        "BALIE_TEST_GO": str(go),
    }
    workers = replicas.start("tests.sla.sla_worker", env)
    go.touch()
    assert sum(int(out.strip()) for out in replicas.outputs(workers, 120)) == 30
    posted = [c for c in balie.fake.calls_to("chat.postMessage") if not c.failed]
    per_channel = collections.Counter(
        "thread" if "thread_ts" in c.args else c.args["channel"] for c in posted
    )
    assert per_channel == {"thread": 30, "#balie-2e-lijn": 30, "#balie-teamleads": 30}
    texts = [c.args["text"] for c in posted if c.args.get("channel") == "#balie-2e-lijn"]
    assert sorted(n for t in texts for n in numbers if n in t) == sorted(numbers)
