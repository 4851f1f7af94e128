"""After downtime one catch-up per summary and channel covers the missed days: no pile of
them, no gap and no overlap with the next one."""

from __future__ import annotations

from collections import Counter

from tests.conftest import Balie, amsterdam
from tests.summaries.posting_helpers import LEADS, LINES, claims, posted_to, summaries, sweep


def _periods(balie: Balie, kind: str, channel: str) -> list[tuple[object, object]]:
    return [(c.period_start, c.period_end) for c in claims(balie, kind) if c.channel == channel]


def test_one_catch_up_covers_the_missed_days(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 24, 8, 30))
    sweep(balie)  # Tuesday's morning
    balie.clock.set(amsterdam(2026, 11, 24, 17, 30))
    sweep(balie)  # Tuesday's day
    balie.fake.clear()
    # Balie is down from Tuesday evening until Friday 10:00.
    balie.clock.set(amsterdam(2026, 11, 27, 10, 0))
    claimed = sweep(balie)
    assert Counter((p.summary.value, p.channel) for p in claimed) == Counter(
        [("day", c) for c in (*LINES, LEADS)] + [("morning", LEADS)]
    )
    assert len(summaries(balie)) == 5  # one each, not one per missed day
    # The day: Wednesday and Thursday, from Tuesday's closing to Thursday's.
    assert _periods(balie, "day", LINES[1])[-1] == (
        amsterdam(2026, 11, 24, 17, 30),
        amsterdam(2026, 11, 26, 17, 30),
    )
    # The morning: from the closing before the first missed morning to this one.
    assert _periods(balie, "morning", LEADS)[-1] == (
        amsterdam(2026, 11, 24, 17, 30),
        amsterdam(2026, 11, 27, 8, 30),
    )
    assert sweep(balie) == []
    # Friday's own day follows on from the catch-up.
    balie.clock.set(amsterdam(2026, 11, 27, 17, 30))
    assert len(sweep(balie)) == 4
    days = _periods(balie, "day", LEADS)
    assert days == [
        (amsterdam(2026, 11, 23, 17, 30), amsterdam(2026, 11, 24, 17, 30)),
        (amsterdam(2026, 11, 24, 17, 30), amsterdam(2026, 11, 26, 17, 30)),
        (amsterdam(2026, 11, 26, 17, 30), amsterdam(2026, 11, 27, 17, 30)),
    ]


def test_a_catch_up_missed_in_the_evening_waits_for_the_desk_to_open(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 26, 17, 30))
    sweep(balie)  # Thursday's day
    balie.fake.clear()
    # Down from Friday afternoon: back on Saturday, and again on Monday evening.
    for back in (amsterdam(2026, 11, 28, 11, 0), amsterdam(2026, 11, 30, 20, 0)):
        balie.clock.set(back)
        assert sweep(balie) == [], back
    assert summaries(balie) == []
    # Tuesday morning, the desk opens: Monday's day (Friday to Monday) and this morning.
    balie.clock.set(amsterdam(2026, 12, 1, 8, 30))
    claimed = sweep(balie)
    assert sorted(set(posted_to(balie))) == sorted(
        {("#balie-1e-lijn", "day"), ("#balie-2e-lijn", "day"), ("#balie-3e-lijn", "day")}
        | {(LEADS, "day"), (LEADS, "morning"), (LEADS, "month")}
    )
    assert len(claimed) == len(summaries(balie)) == 6
    assert _periods(balie, "day", LEADS)[-1] == (
        amsterdam(2026, 11, 26, 17, 30),
        amsterdam(2026, 11, 30, 17, 30),
    )


def test_a_week_missed_on_monday_comes_on_tuesday(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 23, 8, 30))
    sweep(balie)  # Monday's week (and morning)
    balie.fake.clear()
    # Down all of the next Monday.
    balie.clock.set(amsterdam(2026, 12, 1, 9, 0))
    sweep(balie)
    weeks = _periods(balie, "week", LEADS)
    assert weeks == [
        (amsterdam(2026, 11, 16), amsterdam(2026, 11, 23)),
        (amsterdam(2026, 11, 23), amsterdam(2026, 11, 30)),
    ]
    assert posted_to(balie).count((LEADS, "week")) == 1
