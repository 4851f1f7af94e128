"""A closed-loop load generator: N client threads, each with one keep-alive HTTP connection,
sending signed slash commands one after the other and timing each from send to full response.
"""

from __future__ import annotations

import http.client
import itertools
import math
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
        "trigger_id": f"{int(time.time())}.{TEAM_ID[1:]}.{seq:032x}",
    }
    return urlencode(fields).encode("utf-8")


@dataclass
class PhaseResult:
    clients: int
    latencies: list[float] = field(default_factory=list)  # seconds, one per answered request
    failures: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.latencies) + len(self.failures)

    @property
    def throughput(self) -> float:
        return self.requests / self.elapsed if self.elapsed else 0.0

    def merge(self, other: PhaseResult) -> None:
        """Add another round at the same concurrency to this one."""
        self.latencies.extend(other.latencies)
        self.failures.extend(other.failures)
        self.elapsed += other.elapsed

    def percentile(self, p: float) -> float:
        """Nearest-rank percentile of the latencies, in seconds (nan without any)."""
        if not self.latencies:
            return math.nan
        ordered = sorted(self.latencies)
        rank = max(1, math.ceil(p / 100 * len(ordered)))
        return ordered[rank - 1]


class _Counter:
    def __init__(self, total: int) -> None:
        self._it = itertools.count()
        self._total = total
        self._lock = threading.Lock()

    def take(self) -> int | None:
        with self._lock:
            n = next(self._it)
        return n if n < self._total else None


def run_phase(
    *,
    host: str,
    port: int,
    path: str,
    signing_secret: str,
    clients: int,
    total: int,
    body_for: Callable[[int, int], bytes],
    check: Check,
    timeout: float = 30.0,
) -> PhaseResult:
    """Send `total` requests from `clients` threads; body_for(seq, client) makes each body."""
    result = PhaseResult(clients=clients)
    lock = threading.Lock()
    counter = _Counter(total)
    start = threading.Barrier(clients + 1)
    crashed: list[BaseException] = []

    def client(index: int) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)
        latencies: list[float] = []
        failures: list[str] = []
        try:
            start.wait()
            while (seq := counter.take()) is not None:
                body = body_for(seq, index)
                # Signing is the sender's work (Slack's), so it happens before the clock starts.
                headers = {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
                    **sign(signing_secret, body, int(time.time())),
                }
                t0 = time.perf_counter()
                try:
                    conn.request("POST", path, body=body, headers=headers)
                    response = conn.getresponse()
                    data = response.read()
                except (OSError, http.client.HTTPException) as exc:
                    failures.append(f"#{seq}: {type(exc).__name__}: {exc}")
                    conn.close()  # reconnects on the next request
                    continue
                elapsed = time.perf_counter() - t0
                problem = check(response.status, data)
                if problem is None:
                    latencies.append(elapsed)
                else:
                    failures.append(f"#{seq}: {problem}")
        except BaseException as exc:  # surfaced by the caller; never lose a thread silently
            crashed.append(exc)
        finally:
            conn.close()
            with lock:
                result.latencies.extend(latencies)
                result.failures.extend(failures)

    threads = [
        threading.Thread(target=client, args=(i,), name=f"client-{i}", daemon=True)
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    start.wait()
    t0 = time.perf_counter()
    for thread in threads:
        thread.join()
    result.elapsed = time.perf_counter() - t0
    if crashed:
        raise RuntimeError(f"a client thread crashed: {crashed[0]!r}") from crashed[0]
    return result


def summarize_failures(failures: Sequence[str], limit: int = 5) -> list[str]:
    shown = list(failures[:limit])
    if len(failures) > limit:
        shown.append(f"... and {len(failures) - limit} more")
    return shown
