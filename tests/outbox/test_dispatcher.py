"""Failed side effects are retried from durable state: nothing is lost when Slack or SMTP is
down, rate-limited, or the process restarts."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.wiring import build_services
from storage.models import OutboxItem, Ticket
from tests.conftest import Balie, make_settings, test_policy

INCIDENT = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden'


def pending(balie: Balie) -> list[OutboxItem]:
    with balie.services.sessions() as s:
        return list(s.execute(select(OutboxItem).where(OutboxItem.done_at.is_(None))).scalars())


def test_rate_limit_is_retried_after_retry_after(balie: Balie) -> None:
    balie.fake.fail("chat.postMessage", status=429, retry_after=30)
    balie.register(f"{INCIDENT} Storing")
    balie.drain()
    (card,) = [i for i in pending(balie) if i.kind == "card"]
    assert card.attempts == 1 and "429" in (card.last_error or "")
    assert card.next_attempt_at == balie.clock.now() + timedelta(seconds=30)
    # The thread reply waits for its card; the e-mail does not.
    assert {i.kind for i in pending(balie)} == {"card", "thread"}
    balie.clock.advance(timedelta(seconds=29))
    assert balie.drain() == 0
    balie.clock.advance(timedelta(seconds=1))
    assert balie.drain() == 2
    assert pending(balie) == []
    ok_posts = [c for c in balie.fake.calls_to("chat.postMessage") if not c.failed]
    assert len(ok_posts) == 2 and ok_posts[1].args["thread_ts"] == ok_posts[0].response["ts"]


def test_server_errors_and_network_failures_back_off_and_recover(balie: Balie) -> None:
    balie.fake.fail("chat.postMessage", status=503, times=2)
    balie.register(f"{INCIDENT} Storing")
    for _ in range(2):
        balie.drain()
        balie.clock.advance(timedelta(minutes=1))
    balie.fake.down()
    balie.drain()
    assert any(i.kind == "card" for i in pending(balie))
    balie.fake.up()
    balie.clock.advance(timedelta(minutes=10))
    balie.drain()
    assert pending(balie) == []
    with balie.services.sessions() as s:
        assert s.execute(select(Ticket.card_ts)).scalar_one() is not None


def test_smtp_down_keeps_the_mail_until_it_is_back(balie: Balie) -> None:
    port = balie.smtp.port
    balie.smtp.stop()
    number = balie.register(f"{INCIDENT} Storing")
    balie.drain()
    (mail,) = [i for i in pending(balie) if i.kind == "mail"]
    assert "SMTP unreachable" in (mail.last_error or "")
    balie.smtp.start()
    assert balie.smtp.port == port
    balie.clock.advance(timedelta(minutes=5))
    balie.drain()
    assert number in balie.smtp.wait_for(1)[0]["Subject"]
    assert pending(balie) == []


def test_a_new_process_delivers_what_the_old_one_left(balie: Balie) -> None:
    # Acked and committed; the process "dies" before its outbox worker ran.
    assert balie.command(f"new {INCIDENT} Storing").status == 200
    settings = make_settings(
        slack_bot_token="xoxb-test-token",
        slack_signing_secret="s",
        slack_api_url=balie.fake.api_url,
        database_url=balie.database.url,
        smtp_url=balie.smtp.url,
    )
    restarted = build_services(
        settings, policy=test_policy(), clock=balie.clock, run_migrations=False
    )
    try:
        assert restarted.dispatcher.drain() == 5  # the intake, card, thread, e-mail, reply
    finally:
        restarted.close()
    assert len(balie.fake.calls_to("chat.postMessage")) == 2
    assert balie.smtp.wait_for(1)


def test_a_lease_of_a_crashed_delivery_expires(balie: Balie) -> None:
    assert balie.command(f"new {INCIDENT} Storing").status == 200
    with balie.services.sessions.begin() as s:
        for item in s.execute(select(OutboxItem)).scalars():
            item.claimed_until = balie.clock.now() + timedelta(seconds=60)  # claimed, then crashed
    assert balie.drain() == 0
    balie.clock.advance(timedelta(seconds=61))
    assert balie.drain() == 5
    with balie.services.sessions() as s:
        assert s.execute(select(Ticket.number)).scalars().all() == ["KOR-000001"]


def test_permanent_errors_give_up_after_a_while_and_unblock_the_ticket(balie: Balie) -> None:
    balie.fake.error("chat.postMessage", "channel_not_found", times=10)
    number = balie.register(f"{INCIDENT} Storing")
    for _ in range(12):
        balie.drain()
        balie.clock.advance(timedelta(minutes=15))
    with balie.services.sessions() as s:
        card = s.execute(select(OutboxItem).where(OutboxItem.kind == "card")).scalar_one()
        thread = s.execute(select(OutboxItem).where(OutboxItem.kind == "thread")).scalar_one()
    assert card.failed and card.done_at is not None
    assert "channel_not_found" in (card.last_error or "")
    assert card.attempts == 10  # an operator had about an hour to fix the channel
    # The thread reply cannot go anywhere without its card: it gives up at once, so the
    # ticket's later rows are not stuck behind it.
    assert thread.failed and thread.attempts == 1
    balie.command(f"pak {number}")
    balie.drain()
    card_posts = [c for c in balie.fake.calls_to("chat.postMessage") if "blocks" in c.args]
    assert not card_posts[-1].failed and card_posts[-1].args["channel"] == "#balie-2e-lijn"


def test_the_background_scheduler_delivers_right_after_commit(balie: Balie) -> None:
    balie.services.background.start()
    assert balie.command(f"new {INCIDENT} Storing").status == 200
    assert len(balie.fake.wait_for("chat.postMessage", count=2)) == 2
    assert balie.smtp.wait_for(1)


def test_an_intake_delivered_twice_registers_once(balie: Balie) -> None:
    # Two workers holding the same intake (a lease ran out while the first was still busy).
    assert balie.command(f"new {INCIDENT} Storing").status == 200
    with balie.services.sessions() as s:
        intake = s.execute(select(OutboxItem).where(OutboxItem.kind == "intake")).scalar_one()
        s.expunge(intake)
    deliver = balie.services.dispatcher.handlers["intake"]
    deliver(balie.services.sessions, intake)
    deliver(balie.services.sessions, intake)
    with balie.services.sessions() as s:
        assert s.execute(select(Ticket.number)).scalars().all() == ["KOR-000001"]
        replies = s.execute(select(OutboxItem).where(OutboxItem.kind == "respond")).all()
    assert len(replies) == 1
