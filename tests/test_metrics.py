"""GET /metrics over HTTP, read from the database: the figures an operator pages on."""

from __future__ import annotations

import urllib.request
from datetime import timedelta

from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import Balie, amsterdam

GOLD_P1 = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=hoog'


def scrape(balie: Balie) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    with urllib.request.urlopen(f"{balie.url}/metrics") as resp:
        assert resp.status == 200
        assert resp.headers["Content-Type"].startswith("text/plain; version=")
        text = resp.read().decode()
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def test_the_outbox_backlog_and_its_oldest_row_per_kind(balie: Balie) -> None:
    balie.register(f"{GOLD_P1} Alles ligt plat")
    balie.clock.advance(timedelta(seconds=42))
    figures = scrape(balie)
    assert figures[("balie_outbox_backlog", (("kind", "card"),))] == 1
    assert figures[("balie_outbox_backlog", (("kind", "mail"),))] == 1
    assert figures[("balie_outbox_oldest_seconds", (("kind", "card"),))] == 42
    balie.drain()
    figures = scrape(balie)
    assert ("balie_outbox_backlog", (("kind", "card"),)) not in figures


def test_failing_deliveries_are_counted_per_kind(balie: Balie) -> None:
    balie.fake.fail("chat.postMessage", status=503, times=5)
    balie.register(f"{GOLD_P1} Alles ligt plat")
    balie.drain()
    figures = scrape(balie)
    assert figures[("balie_outbox_retrying", (("kind", "card"),))] == 1
    assert ("balie_outbox_retrying", (("kind", "mail"),)) not in figures  # the e-mail went out


def test_sla_warnings_and_breaches(balie: Balie) -> None:
    balie.register(f"{GOLD_P1} Alles ligt plat")
    balie.clock.set(amsterdam(2026, 11, 24, 10, 14))  # past 75 % and 90 % of 15 minutes
    balie.services.monitor.sweep()
    balie.clock.set(amsterdam(2026, 11, 24, 10, 16))
    balie.services.monitor.sweep()
    figures = scrape(balie)
    # One message covered both warning thresholds; each counts.
    assert figures[("balie_sla_warnings_total", (("clock", "response"),))] == 2
    assert figures[("balie_sla_breaches_total", (("clock", "response"),))] == 1
