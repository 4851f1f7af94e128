"""The waakdienst's tables: the rota, pages (escalation chains and their steps), and
entitlement (chargeable items, desk handovers)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.core import Base

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
