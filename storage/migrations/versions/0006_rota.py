"""the waakdienst's rota: engineers, rotations, overrides, and once-only rota notices

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rota_engineers",
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("phone", sa.String(20), nullable=True),
        sa.Column("email", sa.String(254), nullable=True),
        sa.Column("updated_at", storage.models.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_rota_engineers")),
    )
    op.create_table(
        "rota_rotations",
        sa.Column("name", sa.String(16), nullable=False),
        sa.Column("members", sa.JSON(), nullable=False),
        sa.Column("period_days", sa.Integer(), nullable=False),
        sa.Column("handover_weekday", sa.Integer(), nullable=False),
        sa.Column("handover_time", sa.String(5), nullable=False),
        sa.Column("anchor", sa.Date(), nullable=False),
        sa.Column("updated_by", sa.String(320), nullable=False),
        sa.Column("updated_at", storage.models.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_rota_rotations")),
    )
    op.create_table(
        "rota_overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rotation", sa.String(16), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("starts_at", storage.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", storage.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("replaces", sa.String(32), nullable=True),
        sa.Column("created_by", sa.String(320), nullable=False),
        sa.Column("created_at", storage.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("cancelled_at", storage.models.UtcDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rota_overrides")),
    )
    op.create_index(
        "ix_rota_overrides_rotation_ends", "rota_overrides", ["rotation", "ends_at"], unique=False
    )
    op.create_table(
        "rota_claims",
        sa.Column("key", sa.String(160), nullable=False),
        sa.Column("claimed_at", storage.models.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rota_claims")),
    )


def downgrade() -> None:
    op.drop_table("rota_claims")
    op.drop_index("ix_rota_overrides_rotation_ends", table_name="rota_overrides")
    op.drop_table("rota_overrides")
    op.drop_table("rota_rotations")
    op.drop_table("rota_engineers")
