"""billable work: time entries and the scope of a ticket

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The ledger's totals on the ticket, and rule 3 as it stood at registration.
    op.add_column(
        "tickets", sa.Column("time_minutes", sa.Integer(), server_default="0", nullable=False)
    )
    op.add_column(
        "tickets",
        sa.Column("chargeable_minutes", sa.Integer(), server_default="0", nullable=False),
    )
    op.add_column(
        "tickets", sa.Column("questions_charged_since", sa.DateTime(timezone=True), nullable=True)
    )
    op.create_table(
        "time_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("description", sa.Text(), server_default="", nullable=False),
        sa.Column("actor_source", sa.String(length=16), server_default="slack", nullable=False),
        sa.Column("actor", sa.String(length=320), nullable=False),
        sa.Column("worked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("chargeable", sa.Boolean(), nullable=False),
        sa.Column("rule", sa.String(length=48), nullable=False),
        sa.Column("reason", sa.String(length=48), nullable=False),
        sa.Column("after_hours", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("referral_id", sa.Integer(), nullable=True),
        sa.Column("chargeable_item_id", sa.Integer(), nullable=True),
        sa.Column("cancels_id", sa.Integer(), nullable=True),
        sa.Column("invoice_month", sa.String(length=7), nullable=True),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_time_entries_ticket_id_tickets")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_time_entries_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["chargeable_item_id"],
            ["chargeable_items.id"],
            name=op.f("fk_time_entries_chargeable_item_id_chargeable_items"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["cancels_id"],
            ["time_entries.id"],
            name=op.f("fk_time_entries_cancels_id_time_entries"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_time_entries")),
        sa.UniqueConstraint("cancels_id", name=op.f("uq_time_entries_cancels_id")),
    )
    op.create_index("ix_time_entries_worked_at", "time_entries", ["worked_at"])
    op.create_index("ix_time_entries_ticket", "time_entries", ["ticket_id"])
    op.create_index(
        "ix_time_entries_customer_worked_at", "time_entries", ["customer_id", "worked_at"]
    )
    op.create_index(
        "ix_time_entries_uninvoiced",
        "time_entries",
        ["worked_at"],
        postgresql_where=sa.text("invoice_month IS NULL"),
        sqlite_where=sa.text("invoice_month IS NULL"),
    )


def downgrade() -> None:
    op.drop_table("time_entries")
    op.drop_column("tickets", "questions_charged_since")
    op.drop_column("tickets", "chargeable_minutes")
    op.drop_column("tickets", "time_minutes")
