"""Rule 3's messages go out once: the account manager's DM and the team leads' post carry
their outbox row, and a retry of an uncertain row looks before posting again; two agents
noting the same customer at the same moment start one period, not two."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
from slack_sdk import WebClient
from sqlalchemy import select, text

from bot.wiring import Services, build_services
from storage.models import OutboxItem, TrainingNotice
from tests.billing.facts_helpers import said
from tests.conftest import ADMIN, AGENT, AGENT2, BOT_TOKEN, Balie, make_settings, test_policy

PETRA = "UPETRA0001"


def klant(balie: Balie, words: str, user: str = AGENT) -> str:
    return said(balie, words, user=user, command="/klant")


def reachable_by_slack(balie: Balie) -> None:
    reply = klant(balie, f'wijzig ACME accountmanager="Petra de Vries <@{PETRA}>"', user=ADMIN)
    assert "ACME" in reply, reply


def row(balie: Balie, kind: str) -> OutboxItem:
    with balie.services.sessions() as s:
        return s.execute(select(OutboxItem).where(OutboxItem.kind == kind)).scalar_one()


@pytest.fixture
def impatient(balie: Balie) -> Iterator[Services]:
    """A second worker, on the same database, that gives up on Slack after 0.3 s."""
    settings = make_settings(
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret="s",
        slack_api_url=balie.fake.api_url,
        database_url=balie.database.url,
        smtp_url=balie.smtp.url,
    )
    client = WebClient(token=BOT_TOKEN, base_url=balie.fake.api_url, timeout=0.3, retry_handlers=[])
    services = build_services(
        settings, policy=test_policy(), clock=balie.clock, client=client, run_migrations=False
    )
    yield services
    services.close()


def test_a_dm_slack_answered_with_a_5xx_is_sent_once_on_the_retry(balie: Balie) -> None:
    # Slack's clock is the test's, so a look-up's `oldest` and the messages' ts agree.
    balie.fake.set_clock(lambda: balie.clock.now().timestamp())
    reachable_by_slack(balie)
    klant(balie, "kennis ACME kent het orderscherm niet")
    balie.fake.fail("chat.postMessage", status=503)

    balie.drain()
    dm = row(balie, "knowledge_dm")
    assert dm.uncertain and dm.done_at is None  # a 5xx: Slack may have posted it
    assert balie.fake.messages_in(PETRA) == []

    balie.clock.advance(timedelta(minutes=5))
    balie.drain()

    (message,) = balie.fake.messages_in(PETRA)
    assert message["text"].startswith("*Basiskennis ontbreekt bij Acme Logistiek B.V. (ACME)*")
    assert message["metadata"] == {
        "event_type": "balie_post",
        "event_payload": {"outbox_id": dm.id},
    }
    # Addressed to the DM's own id, which conversations.open gives (and a look-up can read).
    posts = balie.fake.calls_to("chat.postMessage")
    assert [p.args["channel"][:1] for p in posts] == ["D", "D"]
    assert row(balie, "knowledge_dm").done_at is not None
    balie.clock.advance(timedelta(minutes=5))
    assert balie.drain() == 0
    assert len(balie.fake.messages_in(PETRA)) == 1


def test_a_leads_post_slack_never_answered_is_found_not_posted_twice(
    balie: Balie, impatient: Services
) -> None:
    balie.fake.set_clock(lambda: balie.clock.now().timestamp())
    leads = balie.services.policy.channels.team_leads
    # Petra is known by name only: the team leads pass it on.
    klant(balie, "kennis ACME kent het orderscherm niet")
    balie.fake.slow("chat.postMessage", 1.0)
    impatient.dispatcher.drain()  # the post times out, but Slack did post it
    balie.fake.slow("chat.postMessage", 0)
    post = row(balie, "knowledge_leads")
    assert post.uncertain and post.done_at is None
    (posted,) = balie.fake.messages_in(leads)
    assert posted["metadata"]["event_payload"] == {"outbox_id": post.id}  # type: ignore[index]

    balie.clock.advance(timedelta(minutes=1))
    balie.drain()

    assert balie.fake.messages_in(leads) == [posted]  # adopted, not posted again
    assert row(balie, "knowledge_leads").done_at is not None
    (history,) = balie.fake.calls_to("conversations.history")
    assert history.args["include_all_metadata"] == "1"


def _waiting_on(balie: Balie, pid: int) -> int:
    """How many backends wait, directly or in the queue behind another, for `pid`'s locks."""
    with balie.database.engine.connect() as conn:
        rows = conn.execute(text("SELECT pid, pg_blocking_pids(pid) FROM pg_stat_activity")).all()
    blocked_by = {int(p): {int(b) for b in blockers or ()} for p, blockers in rows}
    waiting: set[int] = set()
    grew = True
    while grew:
        found = {p for p, bs in blocked_by.items() if bs & (waiting | {pid})} - waiting
        grew = bool(found)
        waiting |= found
    return len(waiting)


def test_two_first_notices_at_the_same_moment_start_one_period(balie: Balie) -> None:
    """On PostgreSQL the customer's row is held while both agents note, so both reach the
    moment of deciding together; SQLite has one writer at a time by itself."""
    replies: dict[str, str] = {}

    def note(user: str) -> None:
        replies[user] = klant(balie, f"kennis ACME gezien door {user}", user=user)

    threads = [threading.Thread(target=note, args=(u,)) for u in (AGENT, AGENT2)]
    if balie.database.kind == "postgresql":
        with balie.database.engine.connect() as holder:
            tx = holder.begin()
            pid = holder.execute(text("SELECT pg_backend_pid()")).scalar_one()
            holder.execute(text("SELECT id FROM customers WHERE code = 'ACME' FOR UPDATE"))
            for th in threads:
                th.start()
            deadline = time.monotonic() + 20
            while _waiting_on(balie, pid) < 2:
                assert time.monotonic() < deadline, "the two notices never met"
                time.sleep(0.05)
            tx.commit()
    else:
        for th in threads:
            th.start()
    for th in threads:
        th.join(30)

    again = [r for r in replies.values() if "Er loopt al een melding" in r]
    assert len(replies) == 2 and len(again) == 1, replies
    with balie.services.sessions() as s:
        notices = list(s.execute(select(TrainingNotice).order_by(TrainingNotice.id)).scalars())
    assert len(notices) == 2
    assert notices[0].due_at == notices[1].due_at
    # The second found the first: it says the period goes on.
    first = next(r for r in replies.values() if r not in again)
    assert first.startswith("Genoteerd: bij Acme Logistiek B.V. ontbreekt basiskennis.")
