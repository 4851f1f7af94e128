"""pages: escalation chains and their claimed steps

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "page_chains",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("reminders", sa.Integer(), nullable=False),
        sa.Column("reminded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("next_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=32), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_via", sa.String(length=16), nullable=True),
        sa.Column("last_update_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_why", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_page_chains_ticket_id_tickets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_page_chains")),
    )
    with op.batch_alter_table("page_chains", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_page_chains_ticket_id"), ["ticket_id"], unique=False)
        # The sweep reads only chains with something due.
        batch_op.create_index(
            "ix_page_chains_due",
            ["next_due_at"],
            unique=False,
            postgresql_where=sa.text("next_due_at IS NOT NULL"),
            sqlite_where=sa.text("next_due_at IS NOT NULL"),
        )
        # At most one running chain per ticket, on both databases.
        batch_op.create_index(
            "uq_page_chains_running",
            ["ticket_id"],
            unique=True,
            postgresql_where=sa.text("state <> 'ended'"),
            sqlite_where=sa.text("state <> 'ended'"),
        )
    op.create_table(
        "page_steps",
        sa.Column("chain_id", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("target", sa.String(length=32), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=True),
        sa.Column("ts", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["chain_id"],
            ["page_chains.id"],
            name=op.f("fk_page_steps_chain_id_page_chains"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("chain_id", "round", "step", name=op.f("pk_page_steps")),
    )


def downgrade() -> None:
    op.drop_table("page_steps")
    with op.batch_alter_table("page_chains", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_page_chains_running",
            postgresql_where=sa.text("state <> 'ended'"),
            sqlite_where=sa.text("state <> 'ended'"),
        )
        batch_op.drop_index(
            "ix_page_chains_due",
            postgresql_where=sa.text("next_due_at IS NOT NULL"),
            sqlite_where=sa.text("next_due_at IS NOT NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_page_chains_ticket_id"))
    op.drop_table("page_chains")
