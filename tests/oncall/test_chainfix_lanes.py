"""Review #9, bug 7: the Slack pages and the phone's calls and texts go in lanes of their own,
so a slow Twilio never holds up a DM; settling page messages is no page and goes in the main
lane."""

from __future__ import annotations

from bot.blocks.ids import ActionId
from bot.oncall.page_payloads import PAGE_KINDS, PageCall, PageDm, PageSettle, PageText
from tests.oncall.chain_support import PRIMARY, Night, night

__all__ = ["night"]


def test_a_dm_goes_out_while_the_phone_lane_is_stuck(night: Night) -> None:
    slack_lane, phone_lane = night.s.page_dispatcher.dispatchers
    assert phone_lane.kinds == {PageCall.kind, PageText.kind}
    number = night.ticket()
    night.request(number)
    night.s.pager.sweep()
    # The phone lane is held up (a slow Twilio): the Slack lane delivers the DM all the same.
    assert slack_lane.drain() == 1
    assert len(night.pages_to(PRIMARY)) == 1 and night.calls() == []
    assert phone_lane.drain() == 2
    assert len(night.calls()) == 1 and len(night.texts()) == 1


def test_settling_the_page_messages_goes_in_the_main_lane(night: Night) -> None:
    assert PageSettle.kind not in PAGE_KINDS and PageDm.kind in PAGE_KINDS
    number = night.ticket()
    night.request(number)
    night.run()
    night.press(ActionId.PAGE_ACK, number, PRIMARY)
    assert night.s.page_dispatcher.drain() == 0  # nothing for the page lanes
    night.balie.drain()
    settled = [
        c
        for c in night.balie.fake.calls_to("chat.update")
        if c.args.get("channel") == PRIMARY or str(c.args.get("channel", "")).startswith("D")
    ]
    assert settled and "Geaccepteerd door" in str(settled[-1].args["blocks"])
