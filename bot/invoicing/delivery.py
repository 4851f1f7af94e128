"""The export's files to the requester's direct message, as they were stored when the month
was closed: CSV first (with the comment), then the workbook. Each file goes
through upload_once, so a retry after an attempt that may have uploaded it adopts the file in
the DM instead of sending it twice."""

from __future__ import annotations

from collections.abc import Callable

from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot.invoicing import blocks
from bot.invoicing.export import Invoicer
from bot.invoicing.files import month_label
from bot.invoicing.payloads import InvoiceFiles
from bot.invoicing.rules import Month
from bot.outbox.dispatcher import Deliver, Permanent
from bot.outbox.files import Upload, upload_once
from bot.outbox.slack_call import open_dm
from bot.policy import Policy
from storage.models import OutboxItem


class InvoiceDelivery:
    def __init__(
        self,
        *,
        client: WebClient,
        invoicer: Invoicer,
        policy: Policy,
        lang_of: Callable[[str], str],
    ) -> None:
        self.client = client
        self.invoicer = invoicer
        self.policy = policy
        self.lang_of = lang_of

    def handlers(self) -> dict[str, Deliver]:
        return {InvoiceFiles.kind: self.files}

    def files(self, sessions: sessionmaker[Session], item: OutboxItem) -> None:
        p = InvoiceFiles.of(item)
        month = Month.parse(p.month)
        if month is None:
            raise Permanent(f"not a month: {p.month!r}")
        closed = self.invoicer.exported(month, p.customer_id)
        if closed is None:
            raise Permanent(f"{p.month} is not closed")
        files = closed.files
        code = closed.customer.code if closed.customer else None
        lang = self.lang_of(p.user)
        comment = blocks.files_comment(
            month, code, closed.total, closed.customers, closed.closed_at, p.newly, lang
        )
        dm = open_dm(self.client, p.user)
        # An earlier attempt may have uploaded one file or both: look before uploading again.
        look = item.uncertain or item.attempts > 0
        title = month_label(month, self.policy.language)
        upload_once(
            self.client,
            Upload(
                filename=files.csv_name,
                content=files.csv,
                title=f"{title} (CSV)",
                channel=dm,
                initial_comment=comment,
            ),
            uncertain=look,
        )
        upload_once(
            self.client,
            Upload(
                filename=files.xlsx_name, content=files.xlsx, title=f"{title} (Excel)", channel=dm
            ),
            uncertain=look,
        )
