"""after-hours service without entitlement: chargeable items, and once-only desk handovers

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UTC = storage.models.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "chargeable_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("rule", sa.String(length=48), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("actor_source", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=320), nullable=False),
        sa.Column("period_start", _UTC, nullable=False),
        sa.Column("started_at", _UTC, nullable=False),
        sa.Column("ended_at", _UTC, nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", _UTC, nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_chargeable_items_customer_id_customers"),
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_chargeable_items_ticket_id_tickets"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chargeable_items")),
        sa.UniqueConstraint(
            "ticket_id",
            "actor_source",
            "actor",
            "reason",
            "period_start",
            name="uq_chargeable_items_once_per_period",
        ),
    )
    op.create_index(
        op.f("ix_chargeable_items_customer_id"), "chargeable_items", ["customer_id"], unique=False
    )
    op.create_index(
        op.f("ix_chargeable_items_ticket_id"), "chargeable_items", ["ticket_id"], unique=False
    )
    op.create_index(
        "ix_chargeable_items_started_at", "chargeable_items", ["started_at"], unique=False
    )
    op.create_table(
        "desk_handovers",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("at", _UTC, nullable=False),
        sa.Column("claimed_at", _UTC, nullable=False),
        sa.Column("tickets", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "at", name=op.f("pk_desk_handovers")),
    )


def downgrade() -> None:
    op.drop_table("desk_handovers")
    op.drop_index("ix_chargeable_items_started_at", table_name="chargeable_items")
    op.drop_index(op.f("ix_chargeable_items_ticket_id"), table_name="chargeable_items")
    op.drop_index(op.f("ix_chargeable_items_customer_id"), table_name="chargeable_items")
    op.drop_table("chargeable_items")
