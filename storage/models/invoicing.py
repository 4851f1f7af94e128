"""Invoicing's tables: the closed months and the lines of their exports."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.core import Base

# --- Invoicing: closed months and their exports. Migration 0015 (bot.invoicing). ------------


class InvoiceClosure(Base):
    """A month closed for invoicing, for the whole desk (`scope` "all") or one customer
    ("customer:<id>"): the claim that makes the export happen once. Exporting it again gives
    the files stored with it, so the file is the same."""

    __tablename__ = "invoice_closures"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    scope: Mapped[str] = mapped_column(String(40), primary_key=True)
    closed_at: Mapped[datetime]
    closed_by_source: Mapped[str] = mapped_column(String(16))
    closed_by: Mapped[str] = mapped_column(String(320))
    # The files of this closure's export, as they were first made: exporting the month again
    # returns them instead of building them again (seconds for a month of a large desk).
    csv: Mapped[bytes]
    xlsx: Mapped[bytes]


class InvoiceLine(Base):
    """One line of a closed month's export, as it was exported: priced, rounded and with the
    customer's name and terms as they were then, so a later change of rates, names or
    contract dates never changes a file that finance already has. A counter-entry
    (`counter`) reverses a line of an earlier month whose entry was corrected afterwards.

    No foreign keys: a line copies all it shows, and is written once, from the entries and
    customers read in the same transaction (which are never deleted). On PostgreSQL each key
    is a trigger per row, three of them doubled the time of storing a month's lines."""

    __tablename__ = "invoice_lines"
    __table_args__ = (
        UniqueConstraint("entry_id", "counter", name="uq_invoice_lines_entry_id_counter"),
        Index("ix_invoice_lines_month_customer", "month", "customer_id", "position"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[str] = mapped_column(String(7))
    customer_id: Mapped[int] = mapped_column(Integer)
    customer_code: Mapped[str] = mapped_column(String(32))
    customer_name: Mapped[str] = mapped_column(String(200))
    # The order of the customer's lines in the file.
    position: Mapped[int] = mapped_column(Integer)
    # The time entry it invoices; for a counter-entry, the entry that corrected the reversed
    # one (`reverses_id` is the reversed line).
    entry_id: Mapped[int] = mapped_column(Integer)
    counter: Mapped[bool] = mapped_column(default=False)
    reverses_id: Mapped[int | None] = mapped_column(Integer)
    # The month the work was done in: another than `month` for late work and counter-entries.
    work_month: Mapped[str] = mapped_column(String(7))
    ticket: Mapped[str] = mapped_column(String(32))
    worked_on: Mapped[date] = mapped_column(Date)
    work_kind: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text, default="")
    # Negative on a counter-entry.
    minutes: Mapped[int] = mapped_column(Integer)
    rounded_minutes: Mapped[int] = mapped_column(Integer)
    # Euro cents per hour (the rate on the day of the work), the after-hours surcharge in
    # percent, and the amount in cents.
    rate_cents: Mapped[int] = mapped_column(Integer)
    surcharge_percent: Mapped[int] = mapped_column(Integer, default=0)
    amount_cents: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(String(48))
    reason: Mapped[str] = mapped_column(String(48))
    order_reference: Mapped[str | None] = mapped_column(String(200))
    # Which general terms apply (bot.invoicing.rules.Terms), from the contract date.
    terms: Mapped[str] = mapped_column(String(32))
