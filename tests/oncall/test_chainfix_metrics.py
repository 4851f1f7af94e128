"""Review #9, bug 5: the acknowledgement figures only grow, and the time to acknowledge runs
from a round's first page to its first acknowledgement."""

from __future__ import annotations

from bot.blocks.ids import ActionId
from bot.oncall.metrics import page_metrics
from tests.oncall.chain_support import PRIMARY, Night, night

__all__ = ["night"]


def figures(n: Night) -> dict[str, float]:
    with n.s.readers() as session:
        families = list(page_metrics(session, n.s.clock.now()))
    out: dict[str, float] = {}
    for family in families:
        for sample in family.samples:
            label = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
            out[f"{sample.name}{{{label}}}"] = sample.value
    return out


ACKED = "balie_pages_acknowledged_total{via=button}"
COUNT = "balie_page_time_to_acknowledge_seconds_count{}"
SUM = "balie_page_time_to_acknowledge_seconds_sum{}"


def test_acknowledgements_are_counted_once_each_and_never_taken_back(night: Night) -> None:
    number = night.ticket()
    night.request(number)
    night.run()  # the first page at 22:00
    night.at(2026, 11, 24, 22, 2)
    night.press(ActionId.PAGE_ACK, number, PRIMARY)
    assert (figures(night)[ACKED], figures(night)[COUNT], figures(night)[SUM]) == (1, 1, 120)
    night.at(2026, 11, 24, 22, 32)
    night.run()  # the stall reminder
    night.at(2026, 11, 24, 22, 33)
    night.press(ActionId.PAGE_ACK, number, PRIMARY)  # its answer: an acknowledgement too
    after = figures(night)
    # Still 2 minutes: the reminder's answer is not the round's first acknowledgement.
    assert (after[ACKED], after[COUNT], after[SUM]) == (2, 1, 120)
    # Escaleren clears who has it; the figures stay.
    night.at(2026, 11, 24, 22, 40)
    night.press(ActionId.PAGE_ESCALATE, number, PRIMARY)
    night.run()
    assert figures(night)[ACKED] == 2 and figures(night)[COUNT] == 1
