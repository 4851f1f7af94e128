"""A crash costs seconds, not minutes, and never a duplicate: the real worker process is killed
with SIGKILL in the middle of its deliveries and started again.

30 tickets are registered through signed `/ticket nieuw` requests to Balie in this process;
`python -m bot worker` (DATABASE_URL, SLACK_API_URL at the fake Slack, SMTP_URL at the real
aiosmtpd server) delivers their cards, thread replies and e-mails. The fake Slack answers
chat.postMessage only after a pause, having already posted the message, and the worker is
killed the moment Slack has accepted its tenth post: the post it was waiting for reached
Slack, and its ts was never stored. Both databases: SQLite with the web side and the worker
in two processes on one file, and PostgreSQL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import pytest
from sqlalchemy import select

from bot.clock import ManualClock
from storage import outbox
from storage.models import OutboxItem, Ticket
from tests.conftest import AGENT, BOT_TOKEN, SIGNING_SECRET, Balie

ROOT = Path(__file__).resolve().parents[2]
# A low priority: on the real clock at night a high one would also page the waakdienst, more
# posts among those the test counts.
INCIDENT = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=laag urgentie=laag'
LINE = "#balie-1e-lijn"  # where a low-priority incident goes
LOOKUPS = ("conversations.history", "conversations.replies")
TICKETS = 30
DEADLINE = 15.0  # seconds from the restart until every row is delivered


@pytest.fixture
def clock() -> ManualClock:
    # The worker process runs on the real clock: the tickets are registered now, as there.
    return ManualClock(datetime.now(UTC))


def policy_file(folder: Path) -> Path:
    """The built-in policy, with the test's agent (the worker checks roles too, when it
    registers what `/ticket nieuw` queued) and without scheduled summaries."""
    text = (ROOT / "bot" / "default_policy.yml").read_text(encoding="utf-8")
    empty = "agents: {users: [], usergroups: []}"
    assert empty in text
    # The worker runs on the real clock: a summary falling due during the test would be one
    # more chat.postMessage among those the test counts.
    assert text.count("{enabled: true,") == 4
    text = text.replace("{enabled: true,", "{enabled: false,")
    path = folder / "policy.yml"
    path.write_text(text.replace(empty, f"agents: {{users: [{AGENT}], usergroups: []}}"))
    return path


class Worker:
    def __init__(self, balie: Balie, logs: Path) -> None:
        self.env = {
            **os.environ,
            "DATABASE_URL": balie.database.url,
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": balie.fake.api_url,
            "SMTP_URL": balie.smtp.url,
            "POLICY_FILE": str(policy_file(logs)),
            # Full speed on a shared machine: this test is about time.
            "WORKER_NICE": "0",
        }
        self.logs = logs
        self.procs: list[subprocess.Popen[bytes]] = []
        self._files: list[IO[bytes]] = []

    def start(self) -> subprocess.Popen[bytes]:
        log = (self.logs / f"worker-{len(self.procs) + 1}.log").open("wb")
        self._files.append(log)
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "worker"],
            env=self.env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.procs.append(proc)
        return proc

    def output(self) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-3000:]}"
            for path in sorted(self.logs.glob("worker-*.log"))
        )

    def close(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)
        for file in self._files:
            file.close()


@pytest.fixture
def worker(balie: Balie, tmp_path: Path) -> Iterator[Worker]:
    w = Worker(balie, tmp_path)
    yield w
    w.close()


def pending(balie: Balie) -> int:
    with balie.services.sessions() as s:
        return outbox.pending_count(session=s)


def test_a_killed_worker_costs_seconds_and_no_duplicates(balie: Balie, worker: Worker) -> None:
    balie.fake.slow("chat.postMessage", 0.15)
    first = worker.start()
    for n in range(TICKETS):
        response = balie.command(f"nieuw {INCIDENT} Storing {n + 1}")
        assert response.status == 200, response.body

    # Killed while it waits for Slack's answer to a post that Slack has already made.
    deadline = time.monotonic() + 60
    while len(balie.fake.calls_to("chat.postMessage")) < 10:
        assert first.poll() is None and time.monotonic() < deadline, worker.output()
        time.sleep(0.005)
    os.kill(first.pid, signal.SIGKILL)
    assert first.wait(10) == -signal.SIGKILL
    balie.fake.slow("chat.postMessage", 0)
    assert pending(balie) > 0, "the kill came too late to test anything"
    with balie.services.sessions() as s:
        held = s.execute(
            select(OutboxItem.id).where(
                OutboxItem.done_at.is_(None), OutboxItem.claimed_until.is_not(None)
            )
        ).all()
    assert held, "the dead worker held no rows"

    restarted_at = time.monotonic()
    second = worker.start()
    while pending(balie) and time.monotonic() - restarted_at < DEADLINE * 2:
        assert second.poll() is None, worker.output()
        time.sleep(0.1)
    took = time.monotonic() - restarted_at
    assert pending(balie) == 0, f"rows left after {took:.1f}s\n{worker.output()}"
    assert took <= DEADLINE, f"delivered {took:.1f}s after the restart\n{worker.output()}"

    second.send_signal(signal.SIGTERM)
    assert second.wait(30) == 0

    with balie.services.sessions() as s:
        assert outbox.failed_items(session=s) == []
        placed = {n: ts for n, ts in s.execute(select(Ticket.number, Ticket.card_ts))}
    assert len(placed) == TICKETS

    # Exactly one card per ticket, and it is the one the ticket points to.
    messages = balie.fake.messages_in(LINE)
    cards = [m for m in messages if (m.get("metadata") or {}).get("event_type") == "balie_card"]
    per_ticket = Counter(m["metadata"]["event_payload"]["ticket"] for m in cards)
    assert per_ticket == dict.fromkeys(placed, 1)
    assert {m["metadata"]["event_payload"]["ticket"]: m["ts"] for m in cards} == placed
    # No outbox row posted twice (card or thread reply), though one post was in flight.
    rows = Counter(m["metadata"]["event_payload"]["outbox_id"] for m in messages if "metadata" in m)
    assert max(rows.values()) == 1
    replies = [m for m in messages if m.get("thread_ts") and m["thread_ts"] != m["ts"]]
    assert {m["thread_ts"] for m in replies} == set(placed.values())
    # The post in flight at the kill was looked up, found and adopted.
    (in_flight,) = [c for c in balie.fake.calls_to("chat.postMessage")][9:10]
    lookups = [c for c in balie.fake.calls if c.method in LOOKUPS and not c.failed]
    assert lookups, "nothing was looked up"
    assert in_flight.response is not None and in_flight.response["ts"] in {
        m["ts"] for m in balie.fake.messages_in(in_flight.response["channel"])
    }
    print(f"delivered {took:.1f}s after the restart; {len(lookups)} lookups")

    # One e-mail per ticket: the SMTP server saw each Message-ID exactly once (not deduplicated).
    mails = balie.smtp.received
    message_ids = Counter(r.message["Message-ID"] for r in mails)
    assert len(message_ids) == TICKETS and max(message_ids.values()) == 1
    assert {r.message["X-Korton-Ticket"] for r in mails} == set(placed)
