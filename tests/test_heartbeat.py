"""The dead man's switch calls HEARTBEAT_URL only while every check passes."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from bot.heartbeat import Heartbeat, outbox_fresh
from bot.settings import SettingsError, load_settings
from tests.conftest import Balie

GOLD_P1 = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=hoog'


class Monitor:
    """An outside monitor (healthchecks.io): counts the pings it gets."""

    def __init__(self) -> None:
        self.pings: list[str] = []
        monitor = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                monitor.pings.append(self.path)
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"OK")

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/ping/balie"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def monitor() -> Iterator[Monitor]:
    m = Monitor()
    yield m
    m.server.shutdown()
    m.server.server_close()


def heartbeat(balie: Balie, url: str) -> Heartbeat:
    # The card stands in for a page here: the check is the same for any kind.
    s = balie.services
    return Heartbeat(url=url, readers=s.readers, clock=s.clock, checks=[outbox_fresh({"card"})])


def test_it_calls_while_all_is_well(balie: Balie, monitor: Monitor) -> None:
    beat = heartbeat(balie, monitor.url)
    assert beat.beat() and beat.beat()
    assert monitor.pings == ["/ping/balie", "/ping/balie"]


def test_an_undelivered_row_older_than_a_minute_withholds_it(
    balie: Balie, monitor: Monitor
) -> None:
    beat = heartbeat(balie, monitor.url)
    balie.register(f"{GOLD_P1} Alles ligt plat")
    balie.clock.advance(timedelta(seconds=59))
    assert beat.beat()  # young enough
    balie.clock.advance(timedelta(seconds=1))
    assert not beat.beat()
    assert beat.problems() == ["an undelivered page is 60 s old"]
    balie.drain()
    assert beat.beat()
    assert len(monitor.pings) == 2


def test_an_unreachable_monitor_is_logged_not_raised(balie: Balie) -> None:
    beat = heartbeat(balie, "http://127.0.0.1:9/unreachable")
    assert beat.beat() is False


def test_the_url_must_be_http(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEARTBEAT_URL", "hc-ping.com/abc")
    with pytest.raises(SettingsError) as err:
        load_settings()
    assert "HEARTBEAT_URL" in err.value.report("nl") and "https-adres" in err.value.report("nl")
