"""The open-loop generator sends on its schedule whether or not earlier requests were answered,
and counts each latency from the moment the request was due."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.open_loop import prepare, run_open_loop

REQUESTS = 8
RATE = 8.0  # the generator starts with 4 senders at this rate: it must grow to 8


@pytest.fixture
def held_server() -> Iterator[int]:
    """Answers nothing until REQUESTS requests are waiting at once: a closed loop with fewer
    connections than that never gets an answer."""
    all_there = threading.Barrier(REQUESTS, timeout=20)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            try:
                all_there.wait()
                status = 200
            except threading.BrokenBarrierError:
                status = 503
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield int(server.server_address[1])
    server.shutdown()
    server.server_close()


def test_requests_go_out_on_schedule_while_earlier_ones_wait(held_server: int) -> None:
    requests = [prepare("secret", seq, f"n={seq}".encode()) for seq in range(REQUESTS)]
    result = run_open_loop(
        host="127.0.0.1",
        port=held_server,
        path="/",
        requests=requests,
        rate=RATE,
        check=lambda status, _body: None if status == 200 else f"HTTP {status}",
    )
    assert result.failures == []
    assert result.requests == REQUESTS and result.senders >= REQUESTS
    first = result.outcomes[0]
    # The first answer came only once the last request was due: its latency includes that wait.
    assert first.done - first.due >= (REQUESTS - 1) / RATE - 1e-9
    assert all(o.sent >= o.due for o in result.outcomes)
