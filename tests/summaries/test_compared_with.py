"""Each figure against the right period, through Balie as Slack drives it (both databases):
`/rapport dag` at 10:00 against the business day before until 10:00, `/rapport week` on a
Wednesday against last week until Wednesday, Monday's scheduled day summary against Friday's;
and the message says which period it is compared with."""

from __future__ import annotations

from typing import Any

from tests.conftest import LEAD, Balie, amsterdam
from tests.fakes.slack_api import iter_blocks_text
from tests.summaries.posting_helpers import LEADS, summaries, sweep

INCIDENT = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden'


def register_at(balie: Balie, *at: int) -> str:
    balie.clock.set(amsterdam(*at))
    return balie.register(f"{INCIDENT} Printer op {at[2]}-{at[1]} om {at[3]}:00")


def rapport(balie: Balie, text: str) -> list[str]:
    """The ephemeral reply's texts, after the ack and the delivery."""
    balie.drain()
    balie.fake.clear()
    response = balie.command(text, user=LEAD, command="/rapport")
    assert response.status == 200, response.body
    balie.drain()
    (reply,) = [c.args for c in balie.fake.calls_to("response_url")]
    return list(iter_blocks_text(reply["blocks"]))


def test_the_day_so_far_at_ten_against_the_business_day_before_until_ten(balie: Balie) -> None:
    register_at(balie, 2026, 11, 27, 9, 0)  # Friday, before 10:00
    register_at(balie, 2026, 11, 27, 11, 0)  # Friday, after 10:00: not in the comparison
    register_at(balie, 2026, 11, 30, 9, 0)  # Monday
    balie.clock.set(amsterdam(2026, 11, 30, 10, 0))
    texts = rapport(balie, "dag")
    assert texts[0] == "Dagoverzicht · hele desk · 30-11-2026"
    assert texts[1] == (
        "30-11-2026 00:00 – 30-11-2026 10:00 · tussen haakjes het verschil met "
        "27-11-2026 00:00 – 27-11-2026 10:00"
    )
    # New: Monday's one against Friday 09:00's one (Sunday 14:00 to midnight had none).
    assert "*Nieuw*\n1 (±0)" in texts
    # Open at Monday 10:00: all three; at Friday 10:00: one.
    assert "*Open*\n3 (+2)" in texts


def test_the_week_so_far_on_wednesday_against_last_week_until_wednesday(balie: Balie) -> None:
    register_at(balie, 2026, 11, 24, 11, 0)  # last week's Tuesday: in the comparison
    register_at(balie, 2026, 11, 24, 12, 0)
    register_at(balie, 2026, 11, 27, 15, 0)  # last week's Friday afternoon: not
    register_at(balie, 2026, 12, 1, 11, 0)  # this week's Tuesday
    balie.clock.set(amsterdam(2026, 12, 2, 10, 0))  # Wednesday
    texts = rapport(balie, "week")
    assert texts[1] == (
        "30-11-2026 00:00 – 02-12-2026 10:00 · tussen haakjes het verschil met "
        "23-11-2026 00:00 – 25-11-2026 10:00"
    )
    # One this week against last week's two until Wednesday 10:00 (not Friday's one).
    assert "*Nieuw*\n1 (−1)" in texts


def leads_post(balie: Balie) -> dict[str, Any]:
    (post,) = [p for p in summaries(balie) if p["channel"] == LEADS]
    return post


def test_mondays_day_summary_against_fridays(balie: Balie) -> None:
    register_at(balie, 2026, 11, 25, 11, 0)  # Wednesday: neither period
    register_at(balie, 2026, 11, 26, 18, 0)  # Thursday evening and
    register_at(balie, 2026, 11, 27, 10, 0)  # Friday: Friday's day summary
    balie.clock.set(amsterdam(2026, 11, 27, 17, 30))
    assert sweep(balie)  # Friday's day, Thursday 17:30 to Friday 17:30
    register_at(balie, 2026, 11, 28, 11, 0)  # Saturday and
    register_at(balie, 2026, 11, 30, 9, 0)  # Monday: Monday's
    balie.fake.clear()
    balie.clock.set(amsterdam(2026, 11, 30, 17, 30))
    claimed = sweep(balie)
    (mine,) = [p for p in claimed if p.channel == LEADS]
    assert (mine.start, mine.end) == (
        amsterdam(2026, 11, 27, 17, 30),
        amsterdam(2026, 11, 30, 17, 30),
    )
    texts = list(iter_blocks_text(leads_post(balie)["blocks"]))
    assert texts[1] == (
        "27-11-2026 17:30 – 30-11-2026 17:30 · tussen haakjes het verschil met "
        "26-11-2026 17:30 – 27-11-2026 17:30"
    )
    # Two new against Friday's day's two (Tuesday to Friday would have had three).
    assert "*Nieuw*\n2 (±0)" in texts
