"""Self-tests of the fake's channel reading (conversations.*), driven by slack_sdk."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from tests.fakes.slack_api import RATE_LIMITS, FakeSlack

META = {"event_type": "balie_card", "event_payload": {"outbox_id": 7, "ticket": "KOR-000001"}}


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        fake.set_channel("#support", "C0SUPPORT1")
        yield fake


def client_for(fake: FakeSlack) -> WebClient:
    return WebClient(token="xoxb-test", base_url=fake.api_url, retry_handlers=[])


def error_of(call: Any) -> str:
    with pytest.raises(SlackApiError) as err:
        call()
    return str(err.value.response["error"])


def test_metadata_is_kept_and_returned_only_when_asked(slack: FakeSlack) -> None:
    client = client_for(slack)
    posted = client.chat_postMessage(channel="#support", text="kaart", metadata=META)
    assert posted["message"]["metadata"] == META
    client.chat_update(channel=posted["channel"], ts=posted["ts"], text="kaart 2")

    plain = client.conversations_history(channel="C0SUPPORT1")["messages"]
    assert [m["text"] for m in plain] == ["kaart 2"] and "metadata" not in plain[0]
    full = client.conversations_history(channel="C0SUPPORT1", include_all_metadata=True)
    assert full["messages"][0]["metadata"] == META  # an update without metadata keeps it

    bad = {"event_type": "balie_card", "event_payload": "7"}
    assert error_of(
        lambda: client.chat_postMessage(channel="#support", text="x", metadata=bad)
    ) == ("invalid_metadata_format")


def test_history_is_newest_first_and_paginates_by_cursor(slack: FakeSlack) -> None:
    client = client_for(slack)
    posted = [client.chat_postMessage(channel="#support", text=f"m{i}")["ts"] for i in range(5)]
    client.chat_postMessage(channel="#support", text="reply", thread_ts=posted[0])

    first = client.conversations_history(channel="C0SUPPORT1", limit=2)
    assert [m["text"] for m in first["messages"]] == ["m4", "m3"]
    assert first["has_more"] is True
    cursor = first["response_metadata"]["next_cursor"]
    second = client.conversations_history(channel="C0SUPPORT1", limit=2, cursor=cursor)
    assert [m["text"] for m in second["messages"]] == ["m2", "m1"]
    last = client.conversations_history(
        channel="C0SUPPORT1", limit=2, cursor=second["response_metadata"]["next_cursor"]
    )
    # Replies stay in their thread; the parent counts them.
    assert [m["text"] for m in last["messages"]] == ["m0"] and last["has_more"] is False
    assert last["messages"][0]["reply_count"] == 1

    # oldest and latest are exclusive unless inclusive.
    between = client.conversations_history(channel="C0SUPPORT1", oldest=posted[1], latest=posted[3])
    assert [m["text"] for m in between["messages"]] == ["m2"]
    both = client.conversations_history(
        channel="C0SUPPORT1", oldest=posted[1], latest=posted[3], inclusive=True
    )
    assert [m["text"] for m in both["messages"]] == ["m3", "m2", "m1"]
    bogus = "bm9wZTox"
    assert error_of(lambda: client.conversations_history(channel="C0SUPPORT1", cursor=bogus)) == (
        "invalid_cursor"
    )


def test_ts_follow_the_fakes_clock_and_stay_unique(slack: FakeSlack) -> None:
    client = client_for(slack)
    before = time.time()
    ts = client.chat_postMessage(channel="#support", text="nu")["ts"]
    assert before - 1 <= float(ts) <= time.time() + 1
    slack.set_clock(lambda: 1_800_000_000.0)
    a = client.chat_postMessage(channel="#support", text="a")["ts"]
    b = client.chat_postMessage(channel="#support", text="b")["ts"]
    assert a == "1800000000.000000" and b == "1800000000.000001"


def test_replies_give_the_parent_first_then_the_thread(slack: FakeSlack) -> None:
    client = client_for(slack)
    parent = client.chat_postMessage(channel="#support", text="kaart")["ts"]
    for i in range(3):
        client.chat_postMessage(channel="C0SUPPORT1", thread_ts=parent, text=f"r{i}", metadata=META)
    page = client.conversations_replies(
        channel="C0SUPPORT1", ts=parent, limit=3, include_all_metadata=True
    )
    assert [m["text"] for m in page["messages"]] == ["kaart", "r0", "r1"]
    assert page["messages"][1]["metadata"] == META and page["has_more"] is True
    rest = client.conversations_replies(
        channel="C0SUPPORT1", ts=parent, cursor=page["response_metadata"]["next_cursor"]
    )
    assert [m["text"] for m in rest["messages"]] == ["r2"]
    assert error_of(lambda: client.conversations_replies(channel="C0SUPPORT1", ts="1.2")) == (
        "thread_not_found"
    )


def test_reading_needs_an_id_and_membership(slack: FakeSlack) -> None:
    client = client_for(slack)
    slack.set_channel("#lijn", "C0LIJN0001", member=False)
    slack.set_channel("#geheim", "G0GEHEIM01", private=True, member=False)
    client.chat_postMessage(channel="#lijn", text="via chat:write.public")
    assert error_of(lambda: client.chat_postMessage(channel="#geheim", text="x")) == (
        "not_in_channel"
    )
    assert error_of(lambda: client.conversations_history(channel="#lijn")) == "channel_not_found"
    assert error_of(lambda: client.conversations_history(channel="C0NOPE0001")) == (
        "channel_not_found"
    )
    assert error_of(lambda: client.conversations_history(channel="C0LIJN0001")) == (
        "not_in_channel"
    )
    names = {
        c["name"]: c["is_member"]
        for c in client.conversations_list(types="public_channel,private_channel")["channels"]
    }
    assert names == {"support": True, "lijn": False}  # a private channel shows to members only

    assert error_of(lambda: client.conversations_join(channel="G0GEHEIM01")) == (
        "method_not_supported_for_channel_type"
    )
    joined = client.conversations_join(channel="C0LIJN0001")
    assert joined["channel"]["is_member"] is True
    assert [m["text"] for m in client.conversations_history(channel="C0LIJN0001")["messages"]] == [
        "via chat:write.public"
    ]


def test_list_paginates(slack: FakeSlack) -> None:
    client = client_for(slack)
    for i in range(4):
        slack.set_channel(f"#c{i}", f"C0CHAN000{i}")
    first = client.conversations_list(limit=3)
    assert len(first["channels"]) == 3
    cursor = first["response_metadata"]["next_cursor"]
    rest = client.conversations_list(limit=3, cursor=cursor)
    assert len(rest["channels"]) == 2 and rest["response_metadata"]["next_cursor"] == ""
    assert {c["name"] for c in first["channels"] + rest["channels"]} == {
        "c0",
        "c1",
        "c2",
        "c3",
        "support",
    }


def test_history_is_rate_limited_like_tier_3(slack: FakeSlack) -> None:
    client = client_for(slack)
    for _ in range(RATE_LIMITS["conversations.history"]):
        client.conversations_history(channel="C0SUPPORT1")
    with pytest.raises(SlackApiError) as err:
        client.conversations_history(channel="C0SUPPORT1")
    assert err.value.response.status_code == 429
    assert err.value.response["error"] == "ratelimited"
    assert 1 <= int(err.value.response.headers["Retry-After"]) <= 60
    assert client.chat_postMessage(channel="#support", text="posting is not limited by it")["ok"]


def test_slow_answers_after_doing_the_work(slack: FakeSlack) -> None:
    client = WebClient(token="x", base_url=slack.api_url, retry_handlers=[], timeout=0.2)
    slack.slow("chat.postMessage", 1.0)
    with pytest.raises(TimeoutError):
        client.chat_postMessage(channel="#support", text="te laat")
    # The caller gave up, but the message was posted.
    assert [m["text"] for m in slack.messages_in("#support")] == ["te laat"]
    slack.slow("chat.postMessage", 0)
    assert client.chat_postMessage(channel="#support", text="op tijd")["ok"]
