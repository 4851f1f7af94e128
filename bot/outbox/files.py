"""Uploading a file to Slack from the outbox, at most once.

files_upload_v2 is three calls (files.getUploadURLExternal, the bytes to the upload URL,
files.completeUploadExternal), and only the last one makes the file visible. A delivery that
died after it, or got no answer to it, is retried with the row marked uncertain; the file may
then be in the channel already. Filenames are made unique by the caller (a summary's period
and channel, an export's month), so an uncertain retry looks in files.list for its filename
first and adopts what it finds instead of posting the file twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk import WebClient

from bot.outbox.slack_call import call
from bot.outbox.slack_lookup import Lookup


@dataclass(frozen=True)
class Upload:
    filename: str
    content: bytes
    title: str
    # What the file shows, for screen readers and for anyone without the picture.
    alt_txt: str | None = None
    # None: a private upload (for an image block's slack_file), shared nowhere.
    channel: str | None = None
    initial_comment: str | None = None
    thread_ts: str | None = None


def upload_once(
    client: WebClient, upload: Upload, *, uncertain: bool = False, lookup: Lookup | None = None
) -> str:
    """Upload the file (unless an uncertain earlier attempt already did) and return its id.

    A DM is addressed by the conversation id (D…) that conversations.open gives, so that a
    retry can look in it; `lookup` resolves channel names."""
    if uncertain and upload.channel is not None:
        found = find(client, channel=upload.channel, filename=upload.filename, lookup=lookup)
        if found is not None:
            return found
    answer = call(
        client.files_upload_v2,
        filename=upload.filename,
        content=upload.content,
        title=upload.title,
        alt_txt=upload.alt_txt,
        channel=upload.channel,
        initial_comment=upload.initial_comment,
        thread_ts=upload.thread_ts,
    )
    return str(answer["file"]["id"])


def find(
    client: WebClient, *, channel: str, filename: str, lookup: Lookup | None = None
) -> str | None:
    """The id of the file of this name the bot shared in the channel, if there is one."""
    channel_id = (lookup or Lookup(client)).channel_id(channel) or channel
    answer = call(client.files_list, channel=channel_id, count=100)
    for file in answer.get("files", []):
        if file.get("name") == filename:
            return str(file["id"])
    return None
