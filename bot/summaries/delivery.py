"""A scheduled summary as an outbox delivery: figures, chart and message made when it goes out.

The chart is uploaded privately (files_upload_v2 without a channel) and shown in the message
as an image block by its Slack file id, so the numbers and the picture are one message. The
post carries the row's id in its metadata: a retry of an uncertain row (its holder died, or
Slack gave no answer) first looks for the post an earlier attempt made and adopts it; every
retry (an uncertain one, or one after a 429 on the post) looks for the chart an earlier attempt
uploaded before uploading it again. The post is the last step, so nothing after it can fail and
post it again.

Slack may refuse an image block whose file it has not finished processing (invalid_blocks,
"downloading image failed"); the summary then goes out without the picture rather than not at
all: the numbers are in the message itself.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot.outbox.dispatcher import Deliver, GiveUp
from bot.outbox.files import Upload, upload_once
from bot.outbox.slack_call import call
from bot.outbox.slack_lookup import CLOCK_SKEW, Lookup
from bot.policy import Policy
from bot.summaries import wording as w
from bot.summaries.blocks import summary_blocks, summary_text
from bot.summaries.chart import draw
from bot.summaries.figures import SummaryFigures
from bot.summaries.model import SummaryKind
from bot.summaries.payloads import SummaryPost
from storage.models import OutboxItem

log = logging.getLogger(__name__)

SUMMARY_EVENT = "balie_summary"
# The morning lists tickets and pages; the others have a chart.
CHARTED = frozenset({SummaryKind.DAY, SummaryKind.WEEK, SummaryKind.MONTH})


def _channel_tail(channel: str) -> str:
    """The channel in the chart's filename, so that it is unique per post (one summary may go
    to two channels): "#balie-2e-lijn" -> "balie-2e-lijn"."""
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in channel.lstrip("#"))


class SummaryDelivery:
    def __init__(
        self, *, client: WebClient, figures: SummaryFigures, policy: Policy, lookup: Lookup
    ) -> None:
        self.client = client
        self.figures = figures
        self.policy = policy
        self.lookup = lookup

    def handlers(self) -> dict[str, Deliver]:
        return {SummaryPost.kind: self.post}

    def post(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = SummaryPost.of(item)
        if item.uncertain:
            found = self.lookup.earlier(item=item, event_type=SUMMARY_EVENT, channel=p.channel)
            if found is not None:
                return
        summary = self.figures.summary(
            kind=p.summary, period=p.period, scope=p.scope, previous=p.compared_with
        )
        # A channel reads the desk's language.
        lang = self.policy.language
        text = summary_text(summary, self.policy, lang)
        chart_file, alt = None, ""
        if p.summary in CHARTED:
            chart = draw(summary, lang)
            alt = chart.alt
            # Private: shown through the image block only, never as a file of its own.
            name = w.filename_of(
                p.summary, p.scope, p.period, lang, "png", tail=_channel_tail(p.channel)
            )
            upload = Upload(
                filename=name,
                content=chart.png,
                title=chart.title or text,
                alt_txt=chart.alt or None,
            )
            # Any earlier attempt may have uploaded it: an uncertain one, and one that failed
            # after the upload (a 429 on chat.postMessage, say).
            look = item.uncertain or item.attempts > 0
            chart_file = self._earlier_chart(item, upload.filename) if look else None
            if chart_file is None:
                chart_file = upload_once(self.client, upload, uncertain=look)
        blocks = summary_blocks(summary, self.policy, lang, chart_file=chart_file, alt=alt)
        try:
            self._send(item, p, text, blocks)
        except GiveUp as exc:
            if chart_file is None or "invalid_blocks" not in str(exc):
                raise
            log.warning(
                "outbox %s: Slack refused the summary's chart (%s); posting it without",
                item.id,
                exc,
            )
            plain = summary_blocks(summary, self.policy, lang, chart_file=None, alt=alt)
            self._send(item, p, text, plain)

    def _earlier_chart(self, item: OutboxItem, filename: str) -> str | None:
        """The chart an earlier attempt uploaded (privately, so upload_once cannot look in a
        channel for it): found in the bot's files by its name, which is unique per post."""
        since = int((item.created_at - CLOCK_SKEW).timestamp())
        answer = call(self.client.files_list, ts_from=since, count=100)
        for file in answer.get("files") or []:
            if file.get("name") == filename:
                return str(file["id"])
        return None

    def _send(
        self, item: OutboxItem, p: SummaryPost, text: str, blocks: list[dict[str, Any]]
    ) -> None:
        metadata = {
            "event_type": SUMMARY_EVENT,
            "event_payload": {
                "outbox_id": item.id,
                "summary": p.summary.value,
                "period_end": p.end.isoformat(),
            },
        }
        answer = call(
            self.client.chat_postMessage,
            channel=p.channel,
            text=text,
            blocks=blocks,
            metadata=metadata,
            unfurl_links=False,
            unfurl_media=False,
        )
        self.lookup.learn(p.channel, str(answer["channel"]))
