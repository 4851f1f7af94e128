"""The desk's core tables: customers and their contacts, tickets and their audit trail, SLA
announcements, the outbox, counters and user preferences; and what every table builds on
(`UtcDateTime`, the naming convention, `Base`).

Every timestamp is stored in UTC (`UtcDateTime`); Europe/Amsterdam only appears at the edges.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on SQLite (no tz support) and PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime stored; Balie stores aware UTC only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else _as_utc(value)

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], Any] | None:
        # SQLite keeps the text SQLAlchemy wrote ("2026-11-01 07:00:00.000000"). Its DateTime
        # parses that with a regular expression, and then process_result_value makes it
        # aware: two Python steps per value, a third of reading a month's time entries. One
        # C parse instead.
        if dialect.name == "sqlite":
            return _sqlite_utc
        return super().result_processor(dialect, coltype)


def _sqlite_utc(value: str | None) -> datetime | None:
    return None if value is None else _as_utc(datetime.fromisoformat(value))


def _as_utc(moment: datetime) -> datetime:
    # A naive value from the database is UTC: that is how Balie stores it.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UtcDateTime, dict[str, Any]: JSON}  # noqa: RUF012


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    sla_tier: Mapped[str] = mapped_column(String(16))
    contract_date: Mapped[date] = mapped_column(Date)
    account_manager: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="customer", order_by="Contact.name", cascade="all, delete-orphan"
    )


class Contact(Base):
    __tablename__ = "contacts"
    __table_args__ = (UniqueConstraint("customer_id", "email", name="uq_contacts_customer_email"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(40), default="")
    role: Mapped[str] = mapped_column(String(16))

    customer: Mapped[Customer] = relationship(back_populates="contacts")


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_status_line", "status", "line"),
        Index("ix_tickets_customer", "customer_id"),
        Index("ix_tickets_assignee", "assignee"),
        Index(
            "ix_tickets_sla_next_check",
            "sla_next_check_at",
            postgresql_where=text("sla_next_check_at IS NOT NULL"),
            sqlite_where=text("sla_next_check_at IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"))
    via: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    type: Mapped[str] = mapped_column(String(32))
    impact: Mapped[str] = mapped_column(String(16))
    urgency: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str] = mapped_column(String(16))
    line: Mapped[int] = mapped_column(Integer)
    escalated_to: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(24))
    assignee: Mapped[str | None] = mapped_column(String(32))
    missing_info: Mapped[str | None] = mapped_column(Text)
    resolution: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    # Where the ticket card lives in Slack; set by the outbox once chat.postMessage succeeded.
    card_channel: Mapped[str | None] = mapped_column(String(32))
    card_ts: Mapped[str | None] = mapped_column(String(32))
    card_line: Mapped[int | None] = mapped_column(Integer)
    # Whose third party the ticket waits on (customer | subcontractor); only the customer's
    # own third party pauses the SLA clocks.
    third_party: Mapped[str | None] = mapped_column(String(16))
    # SLA: the first agent action the customer noticed, and both clocks as last computed.
    responded_at: Mapped[datetime | None]
    response_due_at: Mapped[datetime | None]
    resolution_due_at: Mapped[datetime | None]
    response_state: Mapped[str] = mapped_column(
        String(16), default="running", server_default="running"
    )
    resolution_state: Mapped[str] = mapped_column(
        String(16), default="running", server_default="running"
    )
    # When the SLA monitor must look at this ticket next; NULL when nothing can happen (met,
    # paused, everything announced). The monitor reads only rows whose time has come.
    sla_next_check_at: Mapped[datetime | None]
    # The Slack request that registered it (trigger_id or view id): a replay finds this ticket.
    request_key: Mapped[str | None] = mapped_column(String(120), unique=True, index=True)
    # Summaries (migration 0010; indexes in the summaries section below). Written when it
    # happens (bot.sla.clocks), so a period's figures read the period's tickets, never history.
    # done_at: when it left the open statuses (resolved, or closed without a resolve); NULL
    # while open. resolved_at: the resolution clock's stop (a close keeps it, a reopen clears
    # it). closed_at: when it was closed (a reopen clears it).
    done_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    reopened_at: Mapped[datetime | None]  # the latest reopen
    reopen_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # What each clock counted when it was met (business seconds, or clock seconds for a 24x7
    # target; pauses excluded); NULL while not met or when cancelled.
    response_seconds: Mapped[int | None] = mapped_column(Integer)
    resolution_seconds: Mapped[int | None] = mapped_column(Integer)
    # The moment each clock breached (its deadline, once passed unmet); NULL when it did not.
    response_breached_at: Mapped[datetime | None]
    resolution_breached_at: Mapped[datetime | None]

    # Billable work (migration 0014, bot.billing.facts): the scope the desk put it in, None
    # for in scope, else "out_of_scope:<kind>" (rule 4) or "exclusion:<kind>" (rule 5); and
    # the earlier ticket with a referral (rule 2) that this question was linked to.
    scope: Mapped[str | None] = mapped_column(String(64))
    linked_to: Mapped[int | None] = mapped_column(ForeignKey("tickets.id", ondelete="SET NULL"))
    # Billable work (migration 0013, bot.billing): the ledger's totals (entries that are not
    # cancelled), kept with each entry so the card needs no sum; and since when the customer's
    # user questions were charged (rule 3) when this one was registered, for its card.
    time_minutes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    chargeable_minutes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    questions_charged_since: Mapped[datetime | None]

    customer: Mapped[Customer] = relationship(lazy="joined", innerjoin=True)
    contact: Mapped[Contact] = relationship(lazy="joined", innerjoin=True)


class TicketEvent(Base):
    """The audit trail: who did what when, and what changed from what to what."""

    __tablename__ = "ticket_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    # The actor is a (source, id) pair: a Slack user id, a customer's e-mail, or "system".
    actor_source: Mapped[str] = mapped_column(String(16), default="slack", server_default="slack")
    actor: Mapped[str] = mapped_column(String(320))
    kind: Mapped[str] = mapped_column(String(32))
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    text: Mapped[str] = mapped_column(Text, default="")


class SlaAnnouncement(Base):
    """One row per (ticket, clock, threshold) ever announced: the primary key makes every
    warning exactly-once, across restarts and across replicas."""

    __tablename__ = "sla_announcements"

    ticket_id: Mapped[int] = mapped_column(
        ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True
    )
    clock: Mapped[str] = mapped_column(String(16), primary_key=True)
    threshold: Mapped[int] = mapped_column(Integer, primary_key=True)
    announced_at: Mapped[datetime]


class OutboxItem(Base):
    """A side effect (Slack call or e-mail) committed with the change that caused it.

    Rows with the same ordering_key are delivered in id order, so a thread reply never
    overtakes the card it belongs to.
    """

    __tablename__ = "outbox"
    # Both indexes cover undelivered rows only, so delivered history never slows a claim.
    __table_args__ = (
        Index(
            "ix_outbox_pending",
            "id",
            postgresql_where=text("done_at IS NULL"),
            sqlite_where=text("done_at IS NULL"),
        ),
        Index(
            "ix_outbox_pending_key",
            "ordering_key",
            "id",
            postgresql_where=text("done_at IS NULL"),
            sqlite_where=text("done_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    ordering_key: Mapped[str | None] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    next_attempt_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_until: Mapped[datetime | None]
    done_at: Mapped[datetime | None]
    failed: Mapped[bool] = mapped_column(default=False)
    last_error: Mapped[str | None] = mapped_column(Text)
    # An earlier attempt may have taken effect without its outcome being recorded: its holder
    # died mid-delivery (the lease ran out), or the other side never answered. A delivery that
    # can look (a Slack post, by its metadata) looks before it sends again.
    uncertain: Mapped[bool] = mapped_column(default=False, server_default=false())


class Counter(Base):
    """Gap-free sequences that every replica shares (ticket numbers), and high-water marks (the
    SLA monitor's last caught-up sweep, in microseconds since the Unix epoch)."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class UserPreference(Base):
    __tablename__ = "user_preferences"

    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    lang: Mapped[str] = mapped_column(String(2))
