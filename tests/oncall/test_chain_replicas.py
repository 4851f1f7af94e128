"""Three Balie processes on one PostgreSQL database send each step of each chain exactly once,
and a restart mid-chain resumes at the step that was due."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.events import Actor
from bot.oncall.rules.chain import Via
from storage.models import PageStep
from tests import replicas
from tests.conftest import Database, amsterdam
from tests.fakes.slack_api import FakeSlack
from tests.fakes.smtp import SmtpServer
from tests.oncall.chain_support import (
    BACKUP,
    LEADS_CHANNEL,
    PHONES,
    PRIMARY,
    Night,
    night,
    night_services,
    start_night,
    twilio_environ,
)

__all__ = ["night"]


def restarted(n: Night, database: Database, smtp: SmtpServer) -> Night:
    """A new process on the same database: new services, the same rota, Slack and Twilio."""
    services = night_services(database, n.balie.fake, smtp, n.balie.clock, n.twilio)
    balie = type(n.balie)(**{**n.balie.__dict__, "services": services})
    return Night(balie, n.twilio)


def test_a_restart_mid_chain_resumes_at_the_due_step(
    night: Night, database: Database, smtp: SmtpServer
) -> None:
    number = night.ticket()
    night.request(number)
    night.run()  # page 1 at 22:00
    # The process stops here (its services are never used again).
    night.at(2026, 11, 24, 22, 12)  # it was down while page 2 fell due (22:05)
    after = restarted(night, database, smtp)
    try:
        after.run()
        assert len(night.pages_to(PRIMARY)) == 2  # page 2 now: not page 1 again, not page 3
        night.at(2026, 11, 24, 22, 16)
        after.run()
        assert len(night.pages_to(PRIMARY)) == 2  # page 3 waits a full wait after page 2
        night.at(2026, 11, 24, 22, 17)
        after.run()
        assert len(night.pages_to(PRIMARY)) == 3 and not night.pages_to(BACKUP)
    finally:
        after.s.background.shutdown()


def test_a_restart_after_an_acknowledgement_pages_nobody(
    night: Night, database: Database, smtp: SmtpServer
) -> None:
    number = night.ticket()
    night.request(number)
    night.s.pager.sweep()  # page 1 claimed and queued; the process stops before delivering
    night.s.pager.acknowledge(Actor.slack(PRIMARY), number, Via.COMMAND)
    night.at(2026, 11, 24, 22, 20)
    after = restarted(night, database, smtp)
    try:
        after.run()
        after.s.page_dispatcher.drain()
        assert night.notifications() == 0 and night.twilio.calls == []
    finally:
        after.s.background.shutdown()


@pytest.mark.postgres_only
def test_three_processes_send_each_step_exactly_once(
    database: Database, fake_slack: FakeSlack, smtp: SmtpServer, tmp_path: Path
) -> None:
    if database.kind != "postgresql":
        pytest.skip("several processes on one database is the PostgreSQL deployment")
    gen = start_night(database, fake_slack, smtp)
    n = next(gen)
    try:
        numbers = [n.ticket(f"Storing {i}") for i in range(12)]
        for number in numbers:
            n.request(number)
        fake_slack.clear()
        sync = tmp_path / "sync"
        sync.mkdir()
        times = [amsterdam(2026, 11, 24, 22, m).isoformat() for m in (0, 5, 10, 15, 20, 40)]
        env = {
            "DATABASE_URL": database.url,
            "SLACK_API_URL": fake_slack.api_url,
            "SMTP_URL": smtp.url,
            "BALIE_TEST_TIMES": ",".join(times),
            "BALIE_TEST_SYNC": str(sync),
            "BALIE_TEST_WORKERS": "3",
            # The workers ring and text through the same fake Twilio.
            **twilio_environ(n.twilio),
        }
        printed = replicas.outputs(replicas.start("tests.oncall.chain_worker", env), 180)
        # Five steps per chain (three pages, the backup, the leads), each claimed once.
        assert sum(int(out.strip()) for out in printed) == 12 * 5
        posted = [c for c in fake_slack.calls_to("chat.postMessage") if not c.failed]
        per_channel = collections.Counter(
            str(c.args["channel"]) for c in posted if "page_ack" in str(c.args.get("blocks"))
        )
        dm = fake_slack.opened_dms()
        assert per_channel == {dm[PRIMARY]: 12 * 3, dm[BACKUP]: 12, LEADS_CHANNEL: 12}
        rang = collections.Counter(str(c["to"]) for c in n.twilio.calls)
        texted = collections.Counter(str(m["to"]) for m in n.twilio.messages)
        assert rang == texted == {PHONES[PRIMARY]: 12 * 3, PHONES[BACKUP]: 12}
        with n.s.sessions() as session:
            steps = session.execute(select(PageStep.step)).scalars().all()
        assert collections.Counter(steps) == {i: 12 for i in range(5)}
    finally:
        gen.close()
