"""Who watches the pager: /metrics after a night (scraped over HTTP as Prometheus does), and the
dead man's switch, which withholds its call while paging is behind."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from bot.blocks.ids import ActionId
from tests.conftest import Database
from tests.fakes.slack_api import FakeSlack
from tests.fakes.smtp import SmtpServer
from tests.oncall.chain_support import BACKUP, PHONES, PRIMARY, Monitor, Night, night, start_night

__all__ = ["night"]
SECOND = timedelta(seconds=1)


def test_metrics_after_a_night(night: Night) -> None:
    button, command, phone, nobody = (night.ticket(f"Storing {i}") for i in range(4))
    night.run()  # four first pages at 22:00
    night.at(2026, 11, 24, 22, 1)
    assert night.keypress(PHONES[PRIMARY], number=phone).status == 200  # after 60 s
    night.at(2026, 11, 24, 22, 2)
    night.press(ActionId.PAGE_ACK, button, PRIMARY)  # after 120 s
    night.walk((2026, 11, 24, 22, 5))  # page 2 of `command` and `nobody`
    night.at(2026, 11, 24, 22, 7)
    night.waak(f"accepteer {command}", user=PRIMARY)  # after 420 s
    night.walk(*((2026, 11, 24, 22, m) for m in (10, 15, 20, 25)))

    assert len(night.pages_to(BACKUP, nobody)) == 1 and not night.pages_to(BACKUP, command)
    figures = night.scrape()
    sent = {k[1][0][1]: v for k, v in figures.items() if k[0] == "balie_pages_sent_total"}
    # primary: 1 + 1 + 2 + 3 pages; `nobody` went on to the backup and the team leads.
    assert sent == {"primary": 7, "backup": 1, "leads": 1}
    assert figures[("balie_pages_escalated_total", ())] == 2
    acknowledged = {
        k[1][0][1]: v for k, v in figures.items() if k[0] == "balie_pages_acknowledged_total"
    }
    assert acknowledged == {"button": 1, "command": 1, "phone": 1}
    name = "balie_page_time_to_acknowledge_seconds"
    assert figures[(f"{name}_count", ())] == 3
    assert figures[(f"{name}_sum", ())] == 60 + 120 + 420
    buckets = {k[1][0][1]: v for k, v in figures.items() if k[0] == f"{name}_bucket"}
    assert (buckets["30.0"], buckets["60.0"], buckets["120.0"], buckets["300.0"]) == (0, 1, 2, 2)
    assert buckets["600.0"] == buckets["+Inf"] == 3


@pytest.fixture
def monitor() -> Iterator[Monitor]:
    m = Monitor()
    yield m
    m.stop()


@pytest.fixture
def watched(
    database: Database, fake_slack: FakeSlack, smtp: SmtpServer, monitor: Monitor
) -> Iterator[Night]:
    yield from start_night(database, fake_slack, smtp, heartbeat_url=monitor.url)


def test_the_heartbeat_is_withheld_while_paging_is_behind(watched: Night, monitor: Monitor) -> None:
    n = watched
    beat = n.s.heartbeat
    assert beat.beat()  # nothing to page: all is well
    n.ticket()  # the chain's first step is due now; nobody sweeps
    n.balie.clock.advance(59 * SECOND)
    assert beat.beat()
    n.balie.clock.advance(SECOND)
    assert not beat.beat()
    assert beat.problems() == ["a page step is 60 s overdue"]

    assert n.s.pager.sweep().sent == 1  # claimed and queued; the page lane does not deliver
    assert beat.beat()
    n.balie.clock.advance(60 * SECOND)
    assert not beat.beat()
    assert beat.problems() == ["an undelivered page is 60 s old"]

    n.s.page_dispatcher.drain()  # delivered: the DM, the call and the text
    assert len(n.pages_to(PRIMARY)) == 1 and len(n.calls(PHONES[PRIMARY])) == 1
    assert beat.beat()
    assert len(monitor.pings) == 4 and set(monitor.pings) == {"/ping/balie"}
