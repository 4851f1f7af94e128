"""page acknowledgements, appended: what the time to acknowledge is measured from

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "page_acks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chain_id", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=32), nullable=False),
        sa.Column("via", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["chain_id"],
            ["page_chains.id"],
            name=op.f("fk_page_acks_chain_id_page_chains"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_page_acks")),
    )
    with op.batch_alter_table("page_acks", schema=None) as batch_op:
        batch_op.create_index("ix_page_acks_chain_round", ["chain_id", "round"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("page_acks", schema=None) as batch_op:
        batch_op.drop_index("ix_page_acks_chain_round")
    op.drop_table("page_acks")
