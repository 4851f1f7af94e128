"""billable work: referrals, training notices and written orders

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("scope", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("linked_to", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_tickets_linked_to_tickets"),
            "tickets",
            ["linked_to"],
            ["id"],
            ondelete="SET NULL",
        )
    op.create_table(
        "referrals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("actor_source", sa.String(length=16), server_default="slack", nullable=False),
        sa.Column("actor", sa.String(length=320), nullable=False),
        sa.Column("referred_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_referrals_ticket_id_tickets"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_referrals_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    op.create_index(op.f("ix_referrals_ticket_id"), "referrals", ["ticket_id"])
    op.create_table(
        "training_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("noted_by", sa.String(length=320), nullable=False),
        sa.Column("noted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome_by", sa.String(length=320), nullable=True),
        sa.Column("outcome_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_training_notices_customer_id_customers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_notices")),
    )
    op.create_index(
        "ix_training_notices_customer_noted", "training_notices", ["customer_id", "noted_at"]
    )
    op.create_table(
        "written_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("given_by", sa.String(length=200), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("terms", sa.String(length=16), nullable=False),
        sa.Column("registered_by", sa.String(length=320), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_written_orders_ticket_id_tickets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_written_orders")),
        sa.UniqueConstraint("ticket_id", "reference", name="uq_written_orders_ticket_reference"),
    )


def downgrade() -> None:
    op.drop_table("written_orders")
    op.drop_table("training_notices")
    op.drop_table("referrals")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_tickets_linked_to_tickets"), type_="foreignkey")
        batch_op.drop_column("linked_to")
        batch_op.drop_column("scope")
