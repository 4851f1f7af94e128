"""Twilio's errors during a page, as the fake Twilio answers them: a 429 waits for Retry-After
and rings once; an invalid number does not stop the Slack page, and the chain escalates."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from storage import rota
from storage.models import OutboxItem
from tests.oncall.chain_support import BACKUP, PHONES, PRIMARY, Night, night

__all__ = ["night"]


def call_posts(night: Night) -> list[tuple[int, object]]:
    """(status, Twilio's error code) of every POST to Calls.json."""
    return [
        (r.status, (r.body or {}).get("code"))
        for r in night.twilio.requests
        if r.method == "POST" and r.path.endswith("/Calls.json")
    ]


def test_a_429_is_retried_after_retry_after_and_the_call_goes_out_once(night: Night) -> None:
    night.twilio.fail("Calls", 429, retry_after=30)
    night.ticket()
    night.run()
    # The DM and the text went; the call waits as long as Twilio asked.
    assert len(night.pages_to(PRIMARY)) == 1 and len(night.texts(PHONES[PRIMARY])) == 1
    assert night.calls() == [] and call_posts(night) == [(429, 20429)]
    night.balie.clock.advance(timedelta(seconds=29))
    night.run()
    assert night.calls() == [] and len(call_posts(night)) == 1
    night.balie.clock.advance(timedelta(seconds=1))
    night.run()
    assert [c["to"] for c in night.calls()] == [PHONES[PRIMARY]]
    night.balie.clock.advance(timedelta(seconds=90))
    night.run()
    assert call_posts(night) == [(429, 20429), (201, None)]
    assert len(night.pages_to(PRIMARY)) == 1  # the page itself was not repeated


def test_an_invalid_number_does_not_stop_the_dm_and_the_chain_still_escalates(
    night: Night,
) -> None:
    # A number an older import stored as typed: Twilio refuses it with 21211.
    with night.s.sessions.begin() as session:
        rota.save_engineer(
            session=session, user_id=PRIMARY, phone="06 1234 5001", now=night.s.clock.now()
        )
    night.ticket()
    night.run()
    assert len(night.pages_to(PRIMARY)) == 1
    assert call_posts(night)[0] == (400, 21211) and night.calls() == []
    # Given up on at once, not retried for an hour: no page row waits (the heartbeat stays on).
    assert night.s.heartbeat.problems() == []
    with night.s.readers() as session:
        failed = session.execute(
            select(OutboxItem.kind).where(OutboxItem.failed.is_(True))
        ).scalars()
        assert sorted(failed) == ["page_call", "page_sms"]
    night.walk(*((2026, 11, 24, 22, m) for m in (5, 10, 15)))
    assert len(night.pages_to(PRIMARY)) == 3
    assert len(night.pages_to(BACKUP)) == 1
    # Every attempt on the bad number was refused; the backup's phone works: rung and
    # texted once.
    assert {post for post in call_posts(night)} == {(400, 21211), (201, None)}
    assert [c["to"] for c in night.calls()] == [PHONES[BACKUP]]
    assert [m["to"] for m in night.texts()] == [PHONES[BACKUP]]
    # A refused call of a step the chain has left is not tried again: it is over.
    night.at(2026, 11, 24, 22, 30)
    night.run()
    with night.s.readers() as session:
        left = session.execute(
            select(OutboxItem.kind).where(
                OutboxItem.done_at.is_(None), OutboxItem.kind.in_(("page_call", "page_sms"))
            )
        ).scalars()
        assert list(left) == []
