"""request keys on tickets (replayed Slack requests register once); actors as (source, id)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        # Slack's trigger_id (a command) or view id (a modal submission) that registered the
        # ticket: the same request replayed finds its ticket instead of making a second one.
        batch_op.add_column(sa.Column("request_key", sa.String(length=120), nullable=True))
        batch_op.create_index("ix_tickets_request_key", ["request_key"], unique=True)
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        # Who acted: a Slack user, a customer's e-mail address, or the system.
        batch_op.add_column(
            sa.Column("actor_source", sa.String(length=16), nullable=False, server_default="slack")
        )
        batch_op.alter_column(
            "actor", existing_type=sa.String(length=32), type_=sa.String(length=320)
        )


def downgrade() -> None:
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.alter_column(
            "actor", existing_type=sa.String(length=320), type_=sa.String(length=32)
        )
        batch_op.drop_column("actor_source")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_tickets_request_key")
        batch_op.drop_column("request_key")
