"""Uploading from the outbox: files_upload_v2 through the fake Slack, once even when retried."""

from __future__ import annotations

import pytest
from slack_sdk import WebClient

from bot.outbox.dispatcher import Retry
from bot.outbox.files import Upload, upload_once
from tests.fakes import slack_files
from tests.fakes.slack_api import FakeSlack


@pytest.fixture
def fake() -> FakeSlack:
    with FakeSlack() as slack:
        yield slack


def test_an_uncertain_retry_adopts_the_file_it_finds(fake: FakeSlack) -> None:
    client = WebClient(token="xoxb-test", base_url=fake.api_url, retry_handlers=[])
    upload = Upload(
        filename="rapport-2026-48.csv", content=b"a;b\n", title="Week 48", channel="C0TEAMLEAD1"
    )
    first = upload_once(client, upload)
    again = upload_once(client, upload, uncertain=True)
    assert again == first
    assert len(slack_files.shared_files(fake)) == 1


def test_a_5xx_on_completing_is_an_uncertain_retry(fake: FakeSlack) -> None:
    client = WebClient(token="xoxb-test", base_url=fake.api_url, retry_handlers=[])
    fake.fail("files.completeUploadExternal", status=503)
    upload = Upload(filename="a.png", content=b"png", title="a", channel="C0TEAMLEAD1")
    with pytest.raises(Retry) as raised:
        upload_once(client, upload)
    assert raised.value.uncertain
    assert slack_files.shared_files(fake) == []
    assert upload_once(client, upload, uncertain=True)
    assert len(slack_files.shared_files(fake)) == 1
