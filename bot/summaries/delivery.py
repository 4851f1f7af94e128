"""A scheduled summary as an outbox delivery: figures, chart and message made when it goes out.

The chart is uploaded privately (files_upload_v2 without a channel) and shown in the message
as an image block by its Slack file id, so the numbers and the picture are one message. The
post carries the row's id in its metadata: a retry of an uncertain row (its holder died, or
Slack gave no answer) first looks for the post an earlier attempt made and adopts it. The post
is the last step, so nothing after it can fail and post it again.

Slack may refuse an image block whose file it has not finished processing (invalid_blocks,
"downloading image failed"); the summary then goes out without the picture rather than not at
all: the numbers are in the message itself.
"""

from __future__ import annotations

import logging
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot.outbox.dispatcher import Deliver, GiveUp
from bot.outbox.files import Upload, upload_once
from bot.outbox.slack_call import call
from bot.outbox.slack_lookup import CLOCK_SKEW, Lookup
from bot.policy import Policy
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
# Filenames: Dutch words, as the team leads see them in Slack's file list.
_WORDS = {
    SummaryKind.DAY: "dag",
    SummaryKind.MORNING: "ochtend",
    SummaryKind.WEEK: "week",
    SummaryKind.MONTH: "maand",
}


def chart_filename(post: SummaryPost, tz: ZoneInfo) -> str:
    """Unique per post (kind, period, scope, channel): balie-dag-2026-12-01-lijn-2-balie-2e-
    lijn.png. The week by its ISO week, the month by its month."""
    start = post.start.astimezone(tz).date()
    last = (post.end.astimezone(tz)).date()
    if post.summary is SummaryKind.WEEK:
        year, week, _ = start.isocalendar()
        label = f"{year}-w{week:02d}"
    elif post.summary is SummaryKind.MONTH:
        label = f"{start:%Y-%m}"
    else:
        label = f"{last:%Y-%m-%d}"
    scope = "desk" if post.line is None else f"lijn-{post.line}"
    channel = "".join(c if c.isalnum() or c in "-_" else "-" for c in post.channel.lstrip("#"))
    return f"balie-{_WORDS[post.summary]}-{label}-{scope}-{channel}.png"


class SummaryDelivery:
    def __init__(
        self, *, client: WebClient, figures: SummaryFigures, policy: Policy, lookup: Lookup
    ) -> None:
        self.client = client
        self.figures = figures
        self.policy = policy
        self.lookup = lookup
        self.tz = ZoneInfo(policy.office_hours.timezone)

    def handlers(self) -> dict[str, Deliver]:
        return {SummaryPost.kind: self.post}

    def post(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = SummaryPost.of(item)
        if item.uncertain:
            found = self.lookup.earlier(item=item, event_type=SUMMARY_EVENT, channel=p.channel)
            if found is not None:
                return
        summary = self.figures.summary(kind=p.summary, period=p.period, scope=p.scope)
        # A channel reads the desk's language.
        lang = self.policy.language
        text = summary_text(summary, self.policy, lang)
        chart_file, alt = None, ""
        if p.summary in CHARTED:
            chart = draw(summary, lang)
            alt = chart.alt
            # Private: shown through the image block only, never as a file of its own.
            upload = Upload(
                filename=chart_filename(p, self.tz),
                content=chart.png,
                title=chart.title or text,
                alt_txt=chart.alt or None,
            )
            chart_file = self._earlier_chart(item, upload.filename) if item.uncertain else None
            if chart_file is None:
                chart_file = upload_once(self.client, upload, uncertain=item.uncertain)
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
