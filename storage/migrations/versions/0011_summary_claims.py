"""summaries claimed per period and channel, so each is posted once

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UTC = storage.models.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "summary_claims",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("channel", sa.String(length=80), nullable=False),
        sa.Column("scope", sa.String(length=40), nullable=False),
        sa.Column("period_end", _UTC, nullable=False),
        sa.Column("period_start", _UTC, nullable=False),
        sa.Column("claimed_at", _UTC, nullable=False),
        sa.PrimaryKeyConstraint(
            "kind", "channel", "scope", "period_end", name=op.f("pk_summary_claims")
        ),
    )


def downgrade() -> None:
    op.drop_table("summary_claims")
