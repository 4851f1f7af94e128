"""Review #9, bug 2: Escaleren goes to the next *different* target, and says whom it paged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.blocks.ids import ActionId
from bot.events import Actor
from bot.oncall.rules import chain as rules
from bot.oncall.rules.chain import Snapshot, Target
from tests.oncall.chain_support import BACKUP, LEADS_CHANNEL, PRIMARY, Night, empty_night, night

__all__ = ["empty_night", "night"]
T0 = datetime(2026, 11, 24, 21, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)
SNAP = Snapshot(wait=5 * MIN, pages=3, stall_after=30 * MIN, answer_within=5 * MIN)


def test_escalate_skips_the_rest_of_the_primarys_pages() -> None:
    first = rules.paged(rules.start(SNAP, T0), SNAP, T0)
    second = rules.paged(first, SNAP, T0 + 5 * MIN)
    for chain in (first, second, rules.acknowledged(second, SNAP, T0 + 6 * MIN)):
        moved = rules.escalated(chain, SNAP, T0 + 7 * MIN)
        assert moved is not None and rules.steps(SNAP)[moved.step].target is Target.BACKUP
    backup = rules.paged(rules.escalated(first, SNAP, T0 + MIN) or first, SNAP, T0 + MIN)
    moved = rules.escalated(backup, SNAP, T0 + 2 * MIN)
    assert moved is not None and rules.steps(SNAP)[moved.step].target is Target.LEADS


def test_the_primary_pressing_escaleren_is_not_paged_again(night: Night) -> None:
    number = night.ticket()
    night.request(number)
    night.run()
    night.at(2026, 11, 24, 22, 1)
    night.press(ActionId.PAGE_ESCALATE, number, PRIMARY)
    night.run()
    assert len(night.pages_to(PRIMARY)) == 1 and len(night.pages_to(BACKUP)) == 1


def test_an_engineer_who_accepted_and_asks_for_help_gets_the_backup(night: Night) -> None:
    number = night.ticket()
    night.request(number)
    night.run()
    night.press(ActionId.PAGE_ACK, number, PRIMARY)
    night.at(2026, 11, 24, 22, 10)
    done = night.s.pager.escalate(Actor.slack(PRIMARY), number)
    night.run()
    assert done.target is Target.BACKUP
    assert len(night.pages_to(PRIMARY)) == 1 and len(night.pages_to(BACKUP)) == 1


def test_escalated_names_the_leads_when_there_is_no_backup(empty_night: Night) -> None:
    night = empty_night
    night.staff(backup=())  # the team lead sets a primary rotation only: no achterwacht
    number = night.ticket()
    night.request(number)
    night.run()
    done = night.s.pager.escalate(Actor.slack(PRIMARY), number)
    night.run()
    # The backup step was skipped: Escalated names the step actually claimed.
    assert done.target is Target.LEADS
    assert [p["channel"] for p in night.leads_pages()] == [LEADS_CHANNEL]
    assert len(night.pages_to(PRIMARY)) == 1 and not night.pages_to(BACKUP)
