"""The App Home's tables: who opened it, and the republishes on their way."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Index, String, false, text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.core import Base

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
