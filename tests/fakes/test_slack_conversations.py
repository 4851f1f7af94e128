"""The fake Slack's conversations.open answers the DM that posts to the user land in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from tests.fakes.slack_api import FakeSlack


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as slack:
        yield slack


def client(fake: FakeSlack) -> WebClient:
    return WebClient(token="xoxb-test", base_url=fake.api_url, retry_handlers=[])


def test_open_gives_the_same_dm_as_posting_to_the_user(fake: FakeSlack) -> None:
    first = client(fake).conversations_open(users="ULEAD1")["channel"]["id"]
    again = client(fake).conversations_open(users="ULEAD1")["channel"]["id"]
    posted = client(fake).chat_postMessage(channel="ULEAD1", text="hoi")["channel"]
    assert first == again == posted and first.startswith("D")
    assert client(fake).conversations_open(users="UOTHER")["channel"]["id"] != first


def test_open_needs_exactly_one_user(fake: FakeSlack) -> None:
    with pytest.raises(SlackApiError) as none:
        client(fake).conversations_open(users="")
    with pytest.raises(SlackApiError) as two:
        client(fake).conversations_open(users="U1,U2")
    assert none.value.response["error"] == "users_list_not_supplied"
    assert two.value.response["error"] == "not_supported"
