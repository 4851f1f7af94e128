"""invoicing: closed months and their exports

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "invoice_closures",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("scope", sa.String(length=40), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_by_source", sa.String(length=16), nullable=False),
        sa.Column("closed_by", sa.String(length=320), nullable=False),
        sa.Column("csv", sa.LargeBinary(), nullable=False),
        sa.Column("xlsx", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("month", "scope", name=op.f("pk_invoice_closures")),
    )
    op.create_table(
        "invoice_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("customer_code", sa.String(length=32), nullable=False),
        sa.Column("customer_name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("counter", sa.Boolean(), nullable=False),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("work_month", sa.String(length=7), nullable=False),
        sa.Column("ticket", sa.String(length=32), nullable=False),
        sa.Column("worked_on", sa.Date(), nullable=False),
        sa.Column("work_kind", sa.String(length=32), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("rounded_minutes", sa.Integer(), nullable=False),
        sa.Column("rate_cents", sa.Integer(), nullable=False),
        sa.Column("surcharge_percent", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=48), nullable=False),
        sa.Column("reason", sa.String(length=48), nullable=False),
        sa.Column("order_reference", sa.String(length=200), nullable=True),
        sa.Column("terms", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_lines")),
        sa.UniqueConstraint("entry_id", "counter", name="uq_invoice_lines_entry_id_counter"),
    )
    op.create_index(
        "ix_invoice_lines_month_customer", "invoice_lines", ["month", "customer_id", "position"]
    )


def downgrade() -> None:
    op.drop_table("invoice_lines")
    op.drop_table("invoice_closures")
