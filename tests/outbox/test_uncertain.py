"""An unknown outcome is never posted twice: when an earlier attempt at a post may have reached
Slack, the retry finds that message by its metadata and adopts it."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta

import pytest
from slack_sdk import WebClient
from sqlalchemy import select

from bot.outbox.dispatcher import LEASE, Retry
from bot.wiring import Services, build_services
from storage import outbox
from storage.models import OutboxItem, Ticket
from tests.conftest import BOT_TOKEN, Balie, make_settings, test_policy

INCIDENT = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden'
LINE = "#balie-2e-lijn"  # where an incident of priority P2 goes


@pytest.fixture
def impatient(balie: Balie) -> Iterator[Services]:
    """A second worker, on the same database, that gives up on Slack after 0.3 s."""
    # Slack's clock is the test's, so a lookup's `oldest` and the messages' ts agree.
    balie.fake.set_clock(lambda: balie.clock.now().timestamp())
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


def cards(balie: Balie) -> list[dict[str, object]]:
    return [m for m in balie.fake.messages_in(LINE) if "thread_ts" not in m]


def row(balie: Balie, kind: str) -> OutboxItem:
    with balie.services.sessions() as s:
        return (
            s.execute(
                select(OutboxItem).where(OutboxItem.kind == kind).order_by(OutboxItem.id.desc())
            )
            .scalars()
            .first()
        )  # type: ignore[return-value]


def card_ts(balie: Balie) -> str | None:
    with balie.services.sessions() as s:
        return s.execute(select(Ticket.card_ts)).scalar_one()


def test_a_post_slack_never_answered_is_found_and_adopted(
    balie: Balie, impatient: Services
) -> None:
    assert balie.command(f"new {INCIDENT} Storing").status == 200
    balie.fake.slow("chat.postMessage", 1.0)
    impatient.dispatcher.drain()  # the card post times out, but Slack did post it
    balie.fake.slow("chat.postMessage", 0)
    card = row(balie, "card")
    assert card.uncertain and card.done_at is None and "Timeout" in (card.last_error or "")
    (posted,) = cards(balie)
    assert posted["metadata"] == {
        "event_type": "balie_card",
        "event_payload": {"outbox_id": card.id, "ticket": "KOR-000001"},
    }

    balie.clock.advance(timedelta(minutes=1))
    balie.drain()
    assert cards(balie) == [posted]  # adopted, not posted again
    assert card_ts(balie) == posted["ts"]
    (history,) = balie.fake.calls_to("conversations.history")
    assert history.args["include_all_metadata"] == "1"
    assert float(history.args["oldest"]) < card.created_at.timestamp()
    # The thread reply that waited for the card goes into the adopted card's thread.
    (reply,) = [m for m in balie.fake.messages_in(LINE) if "thread_ts" in m]
    assert reply["thread_ts"] == posted["ts"]
    assert reply["metadata"]["event_type"] == "balie_thread"  # type: ignore[index]


def test_a_holder_that_died_mid_post_leaves_a_row_that_adopts_its_card(
    balie: Balie, impatient: Services
) -> None:
    assert balie.command(f"new {INCIDENT} Storing").status == 200
    balie.fake.fail("chat.postMessage", status=429, retry_after=1)  # an answer: nothing posted
    balie.drain()
    card = row(balie, "card")
    assert not card.uncertain and card.attempts == 1
    balie.clock.advance(timedelta(seconds=1))

    # The impatient worker leases the card row, posts, and dies before it records anything.
    now = balie.clock.now()
    with balie.services.sessions.begin() as s:
        (leased,) = outbox.lease(session=s, ids=[card.id], now=now, duration=LEASE)
        s.expunge(leased)
    balie.fake.slow("chat.postMessage", 1.0)
    with pytest.raises(Retry):
        impatient.dispatcher.handlers["card"](impatient.sessions, leased)
    balie.fake.slow("chat.postMessage", 0)
    (posted,) = cards(balie)

    assert balie.drain() == 0  # its lease still holds
    balie.clock.advance(LEASE + timedelta(seconds=1))
    assert balie.drain() == 2  # the card (adopted) and the thread reply
    assert row(balie, "card").uncertain
    assert cards(balie) == [posted] and card_ts(balie) == posted["ts"]


def test_a_thread_reply_slack_never_answered_is_not_posted_twice(
    balie: Balie, impatient: Services
) -> None:
    number = balie.register(f"{INCIDENT} Storing")
    balie.drain()  # the card is there; only the reply is in doubt
    balie.command(f"notitie {number} klant belt terug om 14:00")
    balie.fake.slow("chat.postMessage", 1.0)
    impatient.dispatcher.drain()
    balie.fake.slow("chat.postMessage", 0)
    assert row(balie, "thread").uncertain
    balie.clock.advance(timedelta(minutes=1))
    balie.drain()
    notes = [m for m in balie.fake.messages_in(LINE) if "14:00" in str(m["text"])]
    assert len(notes) == 1 and notes[0]["thread_ts"] == card_ts(balie)
    assert balie.fake.calls_to("conversations.replies")
    assert row(balie, "thread").done_at is not None


def test_a_channel_balie_is_not_in_is_joined_before_it_is_read(
    balie: Balie, impatient: Services
) -> None:
    balie.fake.set_channel(LINE, "C0LIJN2000", member=False)
    assert balie.command(f"new {INCIDENT} Storing").status == 200
    balie.fake.slow("chat.postMessage", 1.0)
    impatient.dispatcher.drain()
    balie.fake.slow("chat.postMessage", 0)
    balie.clock.advance(timedelta(minutes=1))
    balie.drain()
    assert len(cards(balie)) == 1
    assert [c.method for c in balie.fake.calls if c.method.startswith("conversations.")] == [
        "conversations.list",  # the policy names the channel; history needs its id
        "conversations.history",  # not_in_channel
        "conversations.join",
        "conversations.history",
    ]
    assert balie.fake.calls_to("conversations.history")[0].response == {
        "ok": False,
        "error": "not_in_channel",
    }


def test_a_rate_limited_lookup_waits_and_never_posts_meanwhile(
    balie: Balie, impatient: Services
) -> None:
    assert balie.command(f"new {INCIDENT} Storing").status == 200
    balie.fake.slow("chat.postMessage", 1.0)
    impatient.dispatcher.drain()
    balie.fake.slow("chat.postMessage", 0)
    balie.fake.fail("conversations.history", status=429, retry_after=20)
    balie.clock.advance(timedelta(minutes=1))
    balie.drain()
    card = row(balie, "card")
    assert card.done_at is None and card.uncertain and "429" in (card.last_error or "")
    assert card.next_attempt_at == balie.clock.now() + timedelta(seconds=20)
    balie.clock.advance(timedelta(seconds=20))
    balie.drain()
    assert len(cards(balie)) == 1 and card_ts(balie) == cards(balie)[0]["ts"]


def test_when_balie_cannot_look_it_says_so_and_posts(
    balie: Balie, impatient: Services, caplog: pytest.LogCaptureFixture
) -> None:
    assert balie.command(f"new {INCIDENT} Storing").status == 200
    balie.fake.slow("chat.postMessage", 1.0)
    impatient.dispatcher.drain()
    balie.fake.slow("chat.postMessage", 0)
    balie.fake.error("conversations.list", "missing_scope")  # the app was not reinstalled
    balie.clock.advance(timedelta(minutes=1))
    with caplog.at_level(logging.WARNING, logger="bot.outbox.slack_lookup"):
        balie.drain()
    # A card shown twice is better than a card never shown.
    assert len(cards(balie)) == 2 and card_ts(balie) == cards(balie)[1]["ts"]
    assert any("missing_scope" in r.getMessage() for r in caplog.records)


def test_a_post_that_certainly_failed_does_not_look(balie: Balie) -> None:
    balie.fake.fail("chat.postMessage", status=429, retry_after=5)
    balie.register(f"{INCIDENT} Storing")
    balie.drain()  # refused with a 429: certainly not posted
    balie.clock.advance(timedelta(seconds=5))
    balie.drain()
    assert not row(balie, "card").uncertain
    assert not [c for c in balie.fake.calls if c.method.startswith("conversations.")]
    assert len(cards(balie)) == 1
