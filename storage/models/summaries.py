"""The summaries' tables and indexes: the scheduled posts, claimed once, and the indexes
that read a period's tickets and pages."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.core import Base, Ticket
from storage.models.oncall import PageAck, PageStep

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
