"""Billable work's tables: time entries, referrals, training notices and written orders."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, false, text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.core import Base

# --- Billable work: time entries, a ticket's scope. Migration 0013 (bot.billing). ----------


class TimeEntry(Base):
    """Time spent on a ticket, appended and never changed: a correction is a new entry that
    cancels an old one (`cancels_id`), with minutes of its own (0 when it only cancels).
    Whether it is charged is decided when it is recorded, by one of the service description's
    rules (bot.billing.rules.Rule), and stored with the reason. The invoicing export sets
    `invoice_month` when it closes the month the entry was exported in."""

    __tablename__ = "time_entries"
    __table_args__ = (
        Index("ix_time_entries_worked_at", "worked_at"),
        Index("ix_time_entries_ticket", "ticket_id"),
        Index("ix_time_entries_customer_worked_at", "customer_id", "worked_at"),
        Index(
            "ix_time_entries_uninvoiced",
            "worked_at",
            postgresql_where=text("invoice_month IS NULL"),
            sqlite_where=text("invoice_month IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    minutes: Mapped[int] = mapped_column(Integer)
    # The kind of work (the policy's billing.kinds: support, analysis, setup, ...).
    kind: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    actor_source: Mapped[str] = mapped_column(String(16), default="slack", server_default="slack")
    actor: Mapped[str] = mapped_column(String(320))
    # When the work was done (its day picks the rate) and when it was recorded.
    worked_at: Mapped[datetime]
    created_at: Mapped[datetime]
    chargeable: Mapped[bool] = mapped_column(default=False)
    rule: Mapped[str] = mapped_column(String(48))
    reason: Mapped[str] = mapped_column(String(48))
    # Outside office hours: a chargeable entry carries the policy's surcharge.
    after_hours: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The written order it was done under (rule 5), and the referral that made it chargeable
    # (rule 2): ids in the billing facts' tables (migration 0014), no foreign key across.
    order_id: Mapped[int | None] = mapped_column(Integer)
    referral_id: Mapped[int | None] = mapped_column(Integer)
    # The waakdienst's chargeable item it prices (rule 6).
    chargeable_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("chargeable_items.id", ondelete="SET NULL")
    )
    cancels_id: Mapped[int | None] = mapped_column(ForeignKey("time_entries.id"), unique=True)
    # "2026-11" once exported and closed; NULL while open.
    invoice_month: Mapped[str | None] = mapped_column(String(7))


# --- Billable work: referrals, training notices, written orders. Migration 0014. -----------


class Referral(Base):
    """Rule 2: a user question a manual or work instruction answers. The contact was sent the
    reference and the ticket resolved; more support on it (or on a question linked to it) is
    charged. Appended, never changed."""

    __tablename__ = "referrals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    # The manual, work instruction or link, as the agent gave it.
    reference: Mapped[str] = mapped_column(Text)
    actor_source: Mapped[str] = mapped_column(String(16), default="slack", server_default="slack")
    actor: Mapped[str] = mapped_column(String(320))
    referred_at: Mapped[datetime]


class TrainingNotice(Base):
    """Rule 3: the desk found that a customer's basic knowledge is missing and told the
    account manager, so a training can be offered. The latest notice of a customer counts.
    `due_at` is when a training not taken makes questions chargeable (noted_at plus the
    policy's period when it was noted: what the account manager was told)."""

    __tablename__ = "training_notices"
    __table_args__ = (Index("ix_training_notices_customer_noted", "customer_id", "noted_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    # open (nothing heard yet) | planned | taken | declined
    state: Mapped[str] = mapped_column(String(16), default="open")
    text: Mapped[str] = mapped_column(Text, default="")
    noted_by: Mapped[str] = mapped_column(String(320))
    noted_at: Mapped[datetime]
    due_at: Mapped[datetime]
    outcome_by: Mapped[str | None] = mapped_column(String(320))
    outcome_at: Mapped[datetime | None]


class WrittenOrder(Base):
    """Rule 5: the customer's written order, given beforehand, for excluded work: who gave it
    and on which day, who registered it and when, and the general terms that apply (from the
    customer's contract date, kept as they were at registration). Appended, never changed; a
    ticket's latest order counts."""

    __tablename__ = "written_orders"
    __table_args__ = (
        UniqueConstraint("ticket_id", "reference", name="uq_written_orders_ticket_reference"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    reference: Mapped[str] = mapped_column(String(200))
    given_by: Mapped[str] = mapped_column(String(200))
    given_on: Mapped[date] = mapped_column(Date)
    terms: Mapped[str] = mapped_column(String(16))
    registered_by: Mapped[str] = mapped_column(String(320))
    registered_at: Mapped[datetime]
