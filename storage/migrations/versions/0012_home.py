"""the App Home: who has opened it, and their pending republish

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "home_users",
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_event_id", sa.String(length=64), nullable=True),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("lead", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("stale_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_home_users")),
    )
    with op.batch_alter_table("home_users", schema=None) as batch_op:
        batch_op.create_index(
            "ix_home_users_stale_at",
            ["stale_at"],
            unique=False,
            postgresql_where=sa.text("stale_at IS NOT NULL"),
            sqlite_where=sa.text("stale_at IS NOT NULL"),
        )
    op.create_table(
        "home_pending",
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_home_pending")),
    )


def downgrade() -> None:
    op.drop_table("home_pending")
    with op.batch_alter_table("home_users", schema=None) as batch_op:
        batch_op.drop_index("ix_home_users_stale_at")
    op.drop_table("home_users")
