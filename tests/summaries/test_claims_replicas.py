"""Three Balie processes on one PostgreSQL database post each summary exactly once per
channel, through days, a weekend, a week's and a month's first business day and a catch-up."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from tests import replicas
from tests.conftest import Balie, amsterdam
from tests.summaries.posting_helpers import LEADS, LINES, claims, summaries

MOMENTS = [
    amsterdam(2026, 11, 24, 17, 30),  # Tuesday's day: four channels
    amsterdam(2026, 11, 25, 8, 30),  # Wednesday's morning
    amsterdam(2026, 11, 25, 17, 30),  # Wednesday's day
    # Nobody swept from Wednesday evening to Monday morning: one catch-up day (Thursday and
    # Friday), the morning since Wednesday's closing, and the week.
    amsterdam(2026, 11, 30, 8, 30),
    # Monday's day was missed too; Tuesday 1 December is the month's first business day.
    amsterdam(2026, 12, 1, 8, 30),
]


@pytest.mark.postgres_only
def test_three_processes_post_each_summary_once(balie: Balie, tmp_path: Path) -> None:
    if balie.database.kind != "postgresql":
        pytest.skip("several processes on one database is the PostgreSQL deployment")
    balie.fake.clear()
    sync = tmp_path / "sync"
    sync.mkdir()
    env = {
        "DATABASE_URL": balie.database.url,
        "SLACK_API_URL": balie.fake.api_url,
        "SMTP_URL": balie.smtp.url,
        "BALIE_TEST_TIMES": ",".join(m.isoformat() for m in MOMENTS),
        "BALIE_TEST_SYNC": str(sync),
        "BALIE_TEST_WORKERS": "3",
    }
    printed = replicas.outputs(replicas.start("tests.summaries.summary_worker", env), 240)
    # 4 + 1 + 4 + (4 + 1 + 1) + (4 + 1 + 1) summaries, each claimed by one process.
    assert sum(int(out.strip()) for out in printed) == 21
    posts = summaries(balie)
    kinds = collections.Counter(
        (p["channel"], p["metadata"]["event_payload"]["summary"]) for p in posts
    )
    assert kinds == {
        **{(line, "day"): 4 for line in LINES},
        (LEADS, "day"): 4,
        (LEADS, "morning"): 3,
        (LEADS, "week"): 1,
        (LEADS, "month"): 1,
    }
    # Exactly one post per summary and channel: no period was posted twice.
    per_summary = collections.Counter(
        (
            p["channel"],
            p["metadata"]["event_payload"]["summary"],
            p["metadata"]["event_payload"]["period_end"],
        )
        for p in posts
    )
    assert set(per_summary.values()) == {1}
    assert len(claims(balie)) == 21
    # Each chart uploaded once: one file per charted post.
    uploads = [c for c in balie.fake.calls_to("files.completeUploadExternal") if not c.failed]
    assert len(uploads) == 21 - 3  # the mornings have none
