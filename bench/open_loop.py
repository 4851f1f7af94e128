"""An open-loop load generator: signed slash commands sent on a fixed schedule.

Request i of a phase is due at start + i / rate, whether or not earlier requests were answered.
Its latency is measured from that scheduled moment to reading its whole answer, so time a
request spends waiting (in the server's queue, or for a free sender) is counted; a closed loop
would wait for the answer before sending the next and hide exactly that queueing (coordinated
omission).

Senders are threads, each with one keep-alive HTTP connection. One thread keeps the schedule
and hands each request to an idle sender; when none is idle it starts another, so the number of
requests in flight is never capped by the generator. Whether the generator kept to its schedule
is measured, not assumed: every request records its send lag (when it was written to the
socket minus when it was due), and the report prints its p99 and maximum.
"""

from __future__ import annotations

import http.client
import math
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from tests.fakes.signed import APP_ID, TEAM_DOMAIN, TEAM_ID, VERIFICATION_TOKEN, sign

# Checks one answer: returns a problem description, or None when the answer is right.
Check = Callable[[int, bytes], str | None]


def command_body(command: str, text: str, user_id: str, seq: int, response_url: str) -> bytes:
    """A slash command's form body, shaped like Slack's (as tests.fakes.signed sends it)."""
    fields = {
        "token": VERIFICATION_TOKEN,
        "team_id": TEAM_ID,
        "team_domain": TEAM_DOMAIN,
        "channel_id": "CBENCH",
        "channel_name": "support",
        "user_id": user_id,
        "user_name": user_id.lower(),
        "command": command,
        "text": text,
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        # Unique per request: Balie treats a repeated trigger_id as Slack replaying a request.
        "trigger_id": f"{int(time.time())}.{TEAM_ID[1:]}.{seq:032x}",
    }
    return urlencode(fields).encode("utf-8")


@dataclass(frozen=True)
class Prepared:
    """One request, signed before its phase starts: signing is Slack's work, not the app's."""

    seq: int
    body: bytes
    headers: dict[str, str]


def prepare(signing_secret: str, seq: int, body: bytes) -> Prepared:
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
        **sign(signing_secret, body, int(time.time())),
    }
    return Prepared(seq, body, headers)


@dataclass(frozen=True)
class Outcome:
    seq: int
    due: float  # perf_counter seconds
    sent: float
    done: float
    problem: str | None


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (nan for no values)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(1, math.ceil(p / 100 * len(ordered))) - 1]


@dataclass
class PhaseResult:
    rate: float
    seconds: float
    outcomes: list[Outcome] = field(default_factory=list)
    senders: int = 0  # sender threads the phase needed
    perf_start: float = 0.0
    wall_start: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.outcomes)

    @property
    def seqs(self) -> list[int]:
        return [o.seq for o in self.outcomes if o.problem is None]

    @property
    def latencies(self) -> list[float]:
        return [o.done - o.due for o in self.outcomes if o.problem is None]

    @property
    def lags(self) -> list[float]:
        return [o.sent - o.due for o in self.outcomes]

    @property
    def failures(self) -> list[str]:
        return [f"#{o.seq}: {o.problem}" for o in self.outcomes if o.problem is not None]

    def latency(self, p: float) -> float:
        """A failed request counts as an ack that never came (infinitely late)."""
        return percentile(self.latencies + [math.inf] * len(self.failures), p)

    def lag(self, p: float) -> float:
        return percentile(self.lags, p)

    @property
    def max_latency(self) -> float:
        return self.latency(100)

    @property
    def end_wall(self) -> float:
        """Wall-clock time of the phase's last answer: when the phase ended."""
        last = max((o.done for o in self.outcomes), default=self.perf_start)
        return self.wall_start + (last - self.perf_start)


_STOP = None


class _Sender(threading.Thread):
    """One connection; sends what it is handed, then offers itself as idle again."""

    def __init__(self, pool: _Pool, index: int) -> None:
        super().__init__(name=f"sender-{index}", daemon=True)
        self.pool = pool
        self.inbox: queue.SimpleQueue[tuple[Prepared, float] | None] = queue.SimpleQueue()
        self.conn = http.client.HTTPConnection(pool.host, pool.port, timeout=pool.timeout)

    def run(self) -> None:
        try:
            self.conn.connect()
            self.pool.idle.put(self)
            while (job := self.inbox.get()) is not _STOP:
                self.pool.record(self._send(*job))
                self.pool.idle.put(self)
        except BaseException as exc:  # surfaced by the pool; never lose a thread silently
            self.pool.crashed.append(exc)
        finally:
            self.conn.close()

    def _send(self, req: Prepared, due: float) -> Outcome:
        sent = time.perf_counter()
        try:
            self.conn.request("POST", self.pool.path, body=req.body, headers=req.headers)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as exc:
            self.conn.close()  # reconnects on the next request
            return Outcome(req.seq, due, sent, time.perf_counter(), f"{type(exc).__name__}: {exc}")
        done = time.perf_counter()
        return Outcome(req.seq, due, sent, done, self.pool.check(response.status, data))


class _Pool:
    def __init__(self, host: str, port: int, path: str, check: Check, timeout: float) -> None:
        self.host, self.port, self.path, self.check, self.timeout = host, port, path, check, timeout
        self.idle: queue.SimpleQueue[_Sender] = queue.SimpleQueue()
        self.senders: list[_Sender] = []
        self.crashed: list[BaseException] = []
        self._lock = threading.Lock()
        self.outcomes: list[Outcome] = []

    def record(self, outcome: Outcome) -> None:
        with self._lock:
            self.outcomes.append(outcome)

    def grow(self) -> None:
        sender = _Sender(self, len(self.senders))
        self.senders.append(sender)
        sender.start()

    def take(self) -> _Sender:
        try:
            return self.idle.get_nowait()
        except queue.Empty:
            # Every sender is waiting for an answer: one more, so the schedule holds. The new
            # thread offers itself once connected; an older one freed meanwhile is as good.
            self.grow()
            return self.idle.get()

    def close(self) -> None:
        for sender in self.senders:
            sender.inbox.put(_STOP)
        for sender in self.senders:
            sender.join(self.timeout + 5)


def run_open_loop(
    *,
    host: str,
    port: int,
    path: str,
    requests: Sequence[Prepared],
    rate: float,
    check: Check,
    timeout: float = 30.0,
) -> PhaseResult:
    """Send `requests` at `rate` per second, request i due at start + i / rate."""
    pool = _Pool(host, port, path, check, timeout)
    # Enough connected senders for the expected concurrency (a quarter second of requests),
    # so connecting is not part of the first measured requests; more start when needed.
    for _ in range(max(4, math.ceil(rate / 4))):
        pool.grow()
    while pool.idle.qsize() < len(pool.senders) and not pool.crashed:
        time.sleep(0.01)
    seconds = len(requests) / rate
    result = PhaseResult(rate=rate, seconds=seconds)
    try:
        start = time.perf_counter() + 0.05
        result.perf_start, result.wall_start = start, time.time() + (start - time.perf_counter())
        for i, req in enumerate(requests):
            due = start + i / rate
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            pool.take().inbox.put((req, due))
            if pool.crashed:
                break
    finally:
        pool.close()
    if pool.crashed:
        raise RuntimeError(f"a sender thread crashed: {pool.crashed[0]!r}") from pool.crashed[0]
    result.outcomes = sorted(pool.outcomes, key=lambda o: o.due)
    result.senders = len(pool.senders)
    return result


def summarize_failures(failures: Sequence[str], limit: int = 5) -> list[str]:
    shown = list(failures[:limit])
    if len(failures) > limit:
        shown.append(f"... and {len(failures) - limit} more")
    return shown
