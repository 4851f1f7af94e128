"""The outbox payload of the monthly export, delivered by bot.invoicing.delivery."""

from __future__ import annotations

from typing import ClassVar

from bot.outbox.payloads import Payload


class InvoiceFiles(Payload):
    """A closed month's export (one customer's, or the desk's when `customer_id` is None) as
    CSV and XLSX, uploaded to the requester's direct message: the files stored with the
    closure, so it is the same file however often it is sent."""

    kind: ClassVar[str] = "invoice_files"
    month: str
    customer_id: int | None
    user: str
    # Whether this request closed the month (else it was closed before: the same files).
    newly: bool


PAYLOADS: tuple[type[Payload], ...] = (InvoiceFiles,)
