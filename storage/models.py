"""Balie's tables, as SQLAlchemy 2 typed models.

Every timestamp is stored in UTC (`UtcDateTime`); Europe/Amsterdam only appears at the edges.
"""

from __future__ import annotations

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
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


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


# --- The waakdienst: the rota (engineers, rotations, overrides). Migration 0006. ------------


class RotaEngineer(Base):
    """Someone who can be on the rota: their phone (E.164) for the pager, and the e-mail
    address the team's calendar invites them with (iCalendar imports match on it)."""

    __tablename__ = "rota_engineers"

    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    updated_at: Mapped[datetime]


class RotaRotation(Base):
    """The primary and the backup rotation: members in order, taking turns from the anchor."""

    __tablename__ = "rota_rotations"

    name: Mapped[str] = mapped_column(String(16), primary_key=True)  # primary | backup
    members: Mapped[list[str]] = mapped_column(JSON, default=list)
    period_days: Mapped[int] = mapped_column(Integer, default=7)
    handover_weekday: Mapped[int] = mapped_column(Integer, default=0)
    handover_time: Mapped[str] = mapped_column(String(5), default="08:30")  # wall time, HH:MM
    anchor: Mapped[date] = mapped_column(Date)
    updated_by: Mapped[str] = mapped_column(String(320))
    updated_at: Mapped[datetime]


class RotaOverride(Base):
    """Someone has it instead of the rotation for a stretch (a take-over, or half a swap)."""

    __tablename__ = "rota_overrides"
    __table_args__ = (Index("ix_rota_overrides_rotation_ends", "rotation", "ends_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rotation: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[str] = mapped_column(String(32))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(16))  # take_over | swap
    replaces: Mapped[str | None] = mapped_column(String(32))
    created_by: Mapped[str] = mapped_column(String(320))
    created_at: Mapped[datetime]
    cancelled_at: Mapped[datetime | None]


class RotaClaim(Base):
    """A rota notice sent once: a handover ("handover:primary:<start>:<user>"), a gap
    ("gap:<start>-<end>"), a day's gap report. The primary key makes it exactly-once across
    restarts and replicas."""

    __tablename__ = "rota_claims"

    key: Mapped[str] = mapped_column(String(160), primary_key=True)
    claimed_at: Mapped[datetime]


# --- The waakdienst: pages (escalation chains and their claimed steps). Migration 0007. -----


class PageChain(Base):
    """One escalation chain per ticket page, running from a snapshot of the policy taken when
    it started. At most one chain per ticket is not ended (a partial unique index)."""

    __tablename__ = "page_chains"
    __table_args__ = (
        Index(
            "ix_page_chains_due",
            "next_due_at",
            postgresql_where=text("next_due_at IS NOT NULL"),
            sqlite_where=text("next_due_at IS NOT NULL"),
        ),
        Index(
            "uq_page_chains_running",
            "ticket_id",
            unique=True,
            postgresql_where=text("state <> 'ended'"),
            sqlite_where=text("state <> 'ended'"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime]
    snapshot: Mapped[dict[str, Any]]
    state: Mapped[str] = mapped_column(String(16))  # paging | acknowledged | ended
    round: Mapped[int] = mapped_column(Integer, default=1)
    step: Mapped[int] = mapped_column(Integer, default=0)  # the next paging step of the round
    reminders: Mapped[int] = mapped_column(Integer, default=0)  # sent this round
    reminded_at: Mapped[datetime | None]  # a reminder awaits an answer since then
    next_due_at: Mapped[datetime | None]
    acknowledged_by: Mapped[str | None] = mapped_column(String(32))
    acknowledged_at: Mapped[datetime | None]
    acknowledged_via: Mapped[str | None] = mapped_column(String(16))  # button|command|phone|self
    last_update_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    ended_why: Mapped[str | None] = mapped_column(String(32))


class PageStep(Base):
    """A step of a chain, claimed before it is sent: the primary key makes each step of each
    round exactly-once, across restarts and replicas."""

    __tablename__ = "page_steps"

    chain_id: Mapped[int] = mapped_column(
        ForeignKey("page_chains.id", ondelete="CASCADE"), primary_key=True
    )
    round: Mapped[int] = mapped_column(Integer, primary_key=True)
    step: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # primary | backup | leads | reminder
    target: Mapped[str | None] = mapped_column(String(32))  # who was paged (a user id)
    claimed_at: Mapped[datetime]
    # Where its Slack message went, once delivered: acknowledging updates it in place.
    channel: Mapped[str | None] = mapped_column(String(32))
    ts: Mapped[str | None] = mapped_column(String(32))


class PageAck(Base):
    """Every acknowledgement of a chain, appended and never changed (migration 0009): the
    metrics count these, since a chain's own acknowledged_* columns are overwritten by a
    reminder's answer and cleared by a restart or an escalation."""

    __tablename__ = "page_acks"
    __table_args__ = (Index("ix_page_acks_chain_round", "chain_id", "round"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chain_id: Mapped[int] = mapped_column(ForeignKey("page_chains.id", ondelete="CASCADE"))
    round: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(32))
    via: Mapped[str] = mapped_column(String(16))  # button | command | phone | self


# --- The waakdienst: entitlement (chargeable items, desk handovers). Migration 0008. --------


class ChargeableItem(Base):
    """Work done for a customer that their contract does not cover, to be charged: who, when,
    why and for how long. The billing issue extends this table; `rule` is a stable code (the
    label is rendered), `reason` what the service was. One item per (ticket, actor, reason,
    period): a second action by the same person in the same closed stretch extends it."""

    __tablename__ = "chargeable_items"
    __table_args__ = (
        UniqueConstraint(
            "ticket_id",
            "actor_source",
            "actor",
            "reason",
            "period_start",
            name="uq_chargeable_items_once_per_period",
        ),
        Index("ix_chargeable_items_started_at", "started_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    ticket_id: Mapped[int | None] = mapped_column(
        ForeignKey("tickets.id", ondelete="SET NULL"), index=True
    )
    rule: Mapped[str] = mapped_column(String(48))
    reason: Mapped[str] = mapped_column(String(32))
    actor_source: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(320))
    # The closed stretch (evening, night, weekend, holiday) it fell in, by the moment it began.
    period_start: Mapped[datetime]
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    # Unknown until someone says (NULL); never guessed from the span between two actions.
    minutes: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime]


class DeskHandover(Base):
    """One row per handover between the desk and the waakdienst, keyed by its moment: the
    claim that makes it happen once across restarts and replicas. `tickets` are the ids it
    handed over (at the end of office hours) or back (at the start)."""

    __tablename__ = "desk_handovers"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    at: Mapped[datetime] = mapped_column(primary_key=True)
    claimed_at: Mapped[datetime]
    tickets: Mapped[list[int]] = mapped_column(JSON, default=list)


# --- Summaries: the scheduled posts, claimed once. Migration 0011 (bot.summaries.poster). ----


class SummaryClaim(Base):
    """One row per scheduled summary posted (or being posted) to a channel: the claim that
    makes it go out once across restarts and replicas. Keyed by kind, channel, scope ("desk",
    "line:2") and the end of the period it covers; the next one's period starts at the latest
    end (a catch-up after downtime covers everything since)."""

    __tablename__ = "summary_claims"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    channel: Mapped[str] = mapped_column(String(80), primary_key=True)
    scope: Mapped[str] = mapped_column(String(40), primary_key=True)
    period_end: Mapped[datetime] = mapped_column(primary_key=True)
    period_start: Mapped[datetime]
    claimed_at: Mapped[datetime]


# --- Summaries: stop times on tickets, claimed summaries. Migration 0010 (bot.summaries). ----

# The moments a summary's period is read by (storage.summaries): each index finds the period's
# tickets (or pages) only, so ten times the history costs the same. Declared here, not in the
# tables' own sections, because only the summaries read by them.
Index("ix_tickets_created_at", Ticket.created_at)
Index("ix_tickets_done_at", Ticket.done_at)
for _column in (
    Ticket.responded_at,
    Ticket.reopened_at,
    Ticket.response_breached_at,
    Ticket.resolution_breached_at,
):
    Index(
        f"ix_tickets_{_column.key}",
        _column,
        postgresql_where=_column.is_not(None),
        sqlite_where=_column.is_not(None),
    )
del _column
Index("ix_page_steps_claimed_at", PageStep.claimed_at)
Index("ix_page_acks_at", PageAck.at)


# --- The App Home: who opened it, pending republishes. Migration 0012 (bot.home). ----------


class HomeUser(Base):
    """Someone who opened Balie's Home tab: what their Home last showed, so a change to a
    ticket republishes only the Homes that can show it. `lines` are the lines whose tickets
    at risk it lists and `lead` whether it has the desk's totals (both as last published);
    `stale_at` when it goes out of date by time alone (the waakdienst hands over, the
    countdowns age)."""

    __tablename__ = "home_users"
    __table_args__ = (
        Index(
            "ix_home_users_stale_at",
            "stale_at",
            postgresql_where=text("stale_at IS NOT NULL"),
            sqlite_where=text("stale_at IS NOT NULL"),
        ),
    )

    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    opened_at: Mapped[datetime]
    # The Events API id of the last app_home_opened handled: Slack's retry carries the same.
    last_event_id: Mapped[str | None] = mapped_column(String(64))
    lines: Mapped[list[int]] = mapped_column(JSON, default=list)
    lead: Mapped[bool] = mapped_column(default=False, server_default=false())
    published_at: Mapped[datetime | None]
    stale_at: Mapped[datetime | None]


class HomePending(Base):
    """A republish of one user's Home that is on its way: the primary key keeps it to one
    per user, so a burst of changes is one views.publish. The delivery deletes it before it
    reads what to show, so a change after that asks for a new one."""

    __tablename__ = "home_pending"

    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    requested_at: Mapped[datetime]
    due_at: Mapped[datetime]


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
