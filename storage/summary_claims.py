"""The scheduled summaries' claims: one row per kind, channel, scope and period end."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.db import upsert_insert
from storage.models import SummaryClaim


def claim(
    *,
    session: Session,
    kind: str,
    channel: str,
    scope: str,
    start: datetime,
    end: datetime,
    now: datetime,
) -> bool:
    """Claim the summary: True for the one process that made the claim. It commits with the
    outbox row that posts it, so the summary is posted once, or (rolled back) not at all."""
    stmt = (
        upsert_insert(session, SummaryClaim)
        .values(
            kind=kind,
            channel=channel,
            scope=scope,
            period_end=end,
            period_start=start,
            claimed_at=now,
        )
        .on_conflict_do_nothing()
        .returning(SummaryClaim.kind)
    )
    return session.execute(stmt).scalar_one_or_none() is not None


def last_ends(*, session: Session, kind: str) -> dict[tuple[str, str], datetime]:
    """(channel, scope) -> the end of the latest period claimed there for this kind."""
    rows = session.execute(
        select(SummaryClaim.channel, SummaryClaim.scope, func.max(SummaryClaim.period_end))
        .where(SummaryClaim.kind == kind)
        .group_by(SummaryClaim.channel, SummaryClaim.scope)
    )
    return {(channel, scope): end for channel, scope, end in rows}


def claims(*, session: Session, kind: str | None = None) -> list[SummaryClaim]:
    """Every claim (of a kind), oldest period first: for tests and the operator."""
    stmt = select(SummaryClaim).order_by(SummaryClaim.period_end, SummaryClaim.channel)
    if kind is not None:
        stmt = stmt.where(SummaryClaim.kind == kind)
    return list(session.execute(stmt).scalars())
