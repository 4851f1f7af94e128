"""The fake Slack's files and App Home behave as slack_sdk's files_upload_v2 and Slack expect."""

from __future__ import annotations

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from tests.fakes import slack_files
from tests.fakes.slack_api import FakeSlack


@pytest.fixture
def fake() -> FakeSlack:
    with FakeSlack() as slack:
        yield slack


def client(fake: FakeSlack) -> WebClient:
    return WebClient(token="xoxb-test", base_url=fake.api_url, retry_handlers=[])


def test_files_upload_v2_makes_the_three_calls_and_shares_the_file(fake: FakeSlack) -> None:
    answer = client(fake).files_upload_v2(
        channel="#balie-teamleads",
        content=b"\x89PNG fake",
        filename="week.png",
        title="De week",
        alt_txt="Backlog per dag",
        initial_comment="Hier is de week",
    )
    assert fake.methods() == [
        "files.getUploadURLExternal",
        "upload_url",
        "files.completeUploadExternal",
    ]
    file_id = answer["file"]["id"]
    assert slack_files.content(fake, file_id) == b"\x89PNG fake"
    (shared,) = slack_files.shared_files(fake)
    assert (shared["title"], shared["alt_txt"]) == ("De week", "Backlog per dag")
    channel = fake.channel_id("#balie-teamleads")
    (message,) = fake.messages_in(channel)
    assert message["text"] == "Hier is de week"
    assert message["files"][0]["id"] == file_id
    listed = client(fake).files_list(channel=channel)["files"]
    assert [f["id"] for f in listed] == [file_id]


def test_an_upload_without_a_channel_is_private_and_listed_nowhere(fake: FakeSlack) -> None:
    answer = client(fake).files_upload_v2(content=b"x" * 10, filename="a.png", title="a")
    assert answer["file"]["channels"] == []
    assert fake.messages_in(fake.channel_id("#elders")) == []


def test_completing_an_unknown_file_is_file_not_found(fake: FakeSlack) -> None:
    with pytest.raises(SlackApiError) as raised:
        client(fake).files_completeUploadExternal(files=[{"id": "FNOPE", "title": "x"}])
    assert raised.value.response["error"] == "file_not_found"


def test_an_empty_upload_is_refused(fake: FakeSlack) -> None:
    with pytest.raises(SlackApiError) as raised:
        client(fake).files_getUploadURLExternal(filename="a.csv", length=0)
    assert raised.value.response["error"] == "invalid_arguments"


def test_views_publish_keeps_the_users_home_and_checks_its_hash(fake: FakeSlack) -> None:
    home = {
        "type": "home",
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "a"}}],
    }
    first = client(fake).views_publish(user_id="U1", view=home)["view"]
    again = client(fake).views_publish(user_id="U1", view=home, hash=first["hash"])["view"]
    assert again["id"] == first["id"]
    assert slack_files.home_of(fake, "U1") == again
    with pytest.raises(SlackApiError) as raised:
        client(fake).views_publish(user_id="U1", view=home, hash=first["hash"])
    assert raised.value.response["error"] == "hash_conflict"
    with pytest.raises(SlackApiError) as modal:
        client(fake).views_publish(user_id="U1", view={"type": "modal", "blocks": []})
    assert modal.value.response["error"] == "invalid_arguments"


def test_conversations_open_gives_the_dm_a_post_to_the_user_lands_in(fake: FakeSlack) -> None:
    opened = client(fake).conversations_open(users="UAGENT1")
    channel = opened["channel"]["id"]
    assert channel.startswith("D")
    assert client(fake).conversations_open(users="UAGENT1")["channel"]["id"] == channel
    assert client(fake).conversations_open(users="UAGENT2")["channel"]["id"] != channel
    client(fake).chat_postMessage(channel="UAGENT1", text="hoi")
    client(fake).files_upload_v2(channel=channel, content=b"a,b\n", filename="r.csv", title="r")
    assert [m["text"] for m in fake.messages_in(channel)] == ["hoi", ""]
    listed = client(fake).files_list(channel=channel)["files"]
    assert [f["name"] for f in listed] == ["r.csv"]


def test_opened_dms_says_which_dm_each_user_was_given(fake: FakeSlack) -> None:
    assert fake.opened_dms() == {}
    with pytest.raises(SlackApiError):
        client(fake).conversations_open(users="#balie")
    short = client(fake).conversations_open(users="UENGA1")["channel"]["id"]
    slack_shaped = client(fake).conversations_open(users="UAGENT1")["channel"]["id"]
    assert fake.opened_dms() == {"UENGA1": short, "UAGENT1": slack_shaped}
    assert short.startswith("D") and short != slack_shaped
    client(fake).chat_postMessage(channel="UENGA1", text="hoi")
    assert [m["text"] for m in fake.messages_in(short)] == ["hoi"]


def test_conversations_open_refuses_a_missing_or_unknown_user(fake: FakeSlack) -> None:
    with pytest.raises(SlackApiError) as missing:
        client(fake).api_call("conversations.open", params={})
    assert missing.value.response["error"] == "users_list_not_supplied"
    with pytest.raises(SlackApiError) as unknown:
        client(fake).conversations_open(users="#balie")
    assert unknown.value.response["error"] == "user_not_found"
