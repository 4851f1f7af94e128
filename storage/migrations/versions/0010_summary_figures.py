"""the summaries: when each ticket was resolved and closed, and what its clocks counted

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 15:00:00

Existing tickets are filled in from their status and audit trail: when they were resolved,
closed and reopened, and the breach moment of a clock already breached (its stored deadline).
What their clocks counted is not in the trail (it takes the calendar), so their times to
response and resolution stay unknown (NULL) and the summaries leave them out of the medians.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MOMENTS = ("responded_at", "reopened_at", "response_breached_at", "resolution_breached_at")


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        for name in ("done_at", "resolved_at", "closed_at", "reopened_at"):
            batch_op.add_column(sa.Column(name, sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("reopen_count", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("response_seconds", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("resolution_seconds", sa.Integer(), nullable=True))
        for name in ("response_breached_at", "resolution_breached_at"):
            batch_op.add_column(sa.Column(name, sa.DateTime(timezone=True), nullable=True))
    _backfill()
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index("ix_tickets_created_at", ["created_at"], unique=False)
        batch_op.create_index("ix_tickets_done_at", ["done_at"], unique=False)
        for name in _MOMENTS:
            batch_op.create_index(
                f"ix_tickets_{name}",
                [name],
                unique=False,
                postgresql_where=sa.text(f"{name} IS NOT NULL"),
                sqlite_where=sa.text(f"{name} IS NOT NULL"),
            )
    with op.batch_alter_table("page_steps", schema=None) as batch_op:
        batch_op.create_index("ix_page_steps_claimed_at", ["claimed_at"], unique=False)
    with op.batch_alter_table("page_acks", schema=None) as batch_op:
        batch_op.create_index("ix_page_acks_at", ["at"], unique=False)


def _last(kind: str) -> str:
    return (
        "(SELECT MAX(e.at) FROM ticket_events e "
        f"WHERE e.ticket_id = tickets.id AND e.kind = '{kind}')"
    )


def _backfill() -> None:
    """The moments of tickets that exist already, from their audit trail (portable SQL)."""
    reopen, resolve, close = _last("reopen"), _last("resolve"), _last("close")
    op.execute(
        "UPDATE tickets SET "
        f"reopened_at = {reopen}, "
        "reopen_count = (SELECT COUNT(*) FROM ticket_events e "
        "WHERE e.ticket_id = tickets.id AND e.kind = 'reopen')"
    )
    # A resolve counts only when no reopen came after it.
    op.execute(
        f"UPDATE tickets SET resolved_at = {resolve} "
        "WHERE status IN ('resolved', 'closed') "
        f"AND (reopened_at IS NULL OR {resolve} > reopened_at)"
    )
    op.execute(f"UPDATE tickets SET closed_at = {close} WHERE status = 'closed'")
    op.execute(
        "UPDATE tickets SET done_at = COALESCE(resolved_at, closed_at) "
        "WHERE status IN ('resolved', 'closed')"
    )
    for clock in ("response", "resolution"):
        op.execute(
            f"UPDATE tickets SET {clock}_breached_at = {clock}_due_at "
            f"WHERE {clock}_state = 'breached'"
        )


def downgrade() -> None:
    with op.batch_alter_table("page_acks", schema=None) as batch_op:
        batch_op.drop_index("ix_page_acks_at")
    with op.batch_alter_table("page_steps", schema=None) as batch_op:
        batch_op.drop_index("ix_page_steps_claimed_at")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        for name in reversed(_MOMENTS):
            batch_op.drop_index(f"ix_tickets_{name}")
        batch_op.drop_index("ix_tickets_done_at")
        batch_op.drop_index("ix_tickets_created_at")
        for name in (
            "resolution_breached_at",
            "response_breached_at",
            "resolution_seconds",
            "response_seconds",
            "reopen_count",
            "reopened_at",
            "closed_at",
            "resolved_at",
            "done_at",
        ):
            batch_op.drop_column(name)
