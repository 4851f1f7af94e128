"""/rapport's deliveries: the summary as an ephemeral reply through the command's
response_url, and the CSV of its tickets uploaded to the requester's DM.

The figures are read at delivery. The CSV goes to the DM that conversations.open gives (by
user id), under a filename unique to the outbox row, so an uncertain retry finds an upload
that did happen in that DM (bot.outbox.files.upload_once) instead of sending it twice. An
ephemeral reply that may have gone out is sent again: seeing it twice is harmless, never
seeing it is not.
"""

from __future__ import annotations

import urllib.error
from http.client import HTTPException

from slack_sdk import WebClient
from slack_sdk.webhook import WebhookClient
from sqlalchemy.orm import Session, sessionmaker

from bot.blocks.text import Raw, trn
from bot.i18n import t
from bot.outbox.dispatcher import Deliver, Permanent, Retry
from bot.outbox.files import Upload, upload_once
from bot.outbox.slack_call import open_dm
from bot.policy import Policy
from bot.summaries import csv_export
from bot.summaries import wording as w
from bot.summaries.blocks import summary_blocks, summary_text
from bot.summaries.figures import SummaryFigures
from bot.summaries.report_payloads import ReportCsv, ReportReply
from storage.models import OutboxItem


class ReportDelivery:
    def __init__(self, *, client: WebClient, figures: SummaryFigures, policy: Policy) -> None:
        self.client = client
        self.figures = figures
        self.policy = policy

    def handlers(self) -> dict[str, Deliver]:
        return {ReportReply.kind: self.reply, ReportCsv.kind: self.csv}

    def reply(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = ReportReply.of(item)
        summary = self.figures.summary(kind=p.summary, period=p.period, scope=p.scope)
        text = summary_text(summary, self.policy, p.lang)
        blocks = summary_blocks(summary, self.policy, p.lang)
        hook = WebhookClient(p.response_url, timeout=10)
        try:
            response = hook.send(
                text=text, blocks=blocks, response_type="ephemeral", replace_original=False
            )
        except (
            urllib.error.URLError,
            HTTPException,
            ConnectionError,
            TimeoutError,
            OSError,
        ) as exc:
            raise Retry(f"response_url unreachable: {exc}", uncertain=True) from None
        if response.status_code == 429 or response.status_code >= 500:
            raise Retry(f"response_url answered {response.status_code}", uncertain=True)
        if response.status_code >= 400:
            # response_urls expire after 30 minutes; nothing to retry then.
            raise Permanent(f"response_url answered {response.status_code}: {response.body}")

    def csv(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = ReportCsv.of(item)
        rows = self.figures.rows(period=p.period, scope=p.scope)
        title = w.title_of(p.summary, p.scope, p.period, self.policy, p.lang)
        content = csv_export.to_csv(rows, self.policy, p.lang)
        dm = open_dm(self.client, p.user)
        name = w.filename_of(p.summary, p.scope, p.period, p.lang, "csv", tail=str(item.id))
        upload = Upload(
            filename=name,
            content=content,
            title=t(p.lang, "report.csv_title", title=title),
            channel=dm,
            initial_comment=trn(p.lang, "report.csv_comment", len(rows), title=Raw(title)),
        )
        upload_once(self.client, upload, uncertain=item.uncertain)
