"""Escalation chains and their claimed steps (the waakdienst's pages)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.db import upsert_insert
from storage.models import PageAck, PageChain, PageStep


def start(*, session: Session, values: Mapping[str, Any]) -> PageChain | None:
    """A new chain for the ticket; None when one is already running (the partial unique index
    on running chains makes a concurrent start a no-op, not an error)."""
    stmt = upsert_insert(session, PageChain).values(**values).on_conflict_do_nothing()
    chain_id = session.execute(stmt.returning(PageChain.id)).scalar_one_or_none()
    return None if chain_id is None else session.get(PageChain, chain_id)


def running(*, session: Session, ticket_id: int, for_update: bool = False) -> PageChain | None:
    q = select(PageChain).where(PageChain.ticket_id == ticket_id, PageChain.state != "ended")
    if for_update:
        q = q.with_for_update()
    return session.execute(q).scalar_one_or_none()


def all_running(*, session: Session) -> Sequence[PageChain]:
    """Every chain not ended, locked (the desk's opening ends them; a sweep holding one
    finishes its step first, and this reads the chain as that step left it)."""
    q = select(PageChain).where(PageChain.state != "ended").order_by(PageChain.id)
    return session.execute(q.with_for_update()).scalars().all()


def get(*, session: Session, chain_id: int, for_update: bool = False) -> PageChain | None:
    q = select(PageChain).where(PageChain.id == chain_id)
    if for_update:
        q = q.with_for_update()
    return session.execute(q).scalar_one_or_none()


def due(*, session: Session, now: datetime, limit: int) -> Sequence[PageChain]:
    """Chains with something due, most overdue first; uses the partial index only."""
    q = (
        select(PageChain)
        .where(PageChain.next_due_at.is_not(None), PageChain.next_due_at <= now)
        .order_by(PageChain.next_due_at)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        # Replicas sweep side by side: each takes the chains the others are not holding.
        q = q.with_for_update(skip_locked=True)
    return session.execute(q).scalars().all()


def claim(
    *,
    session: Session,
    chain_id: int,
    round: int,
    step: int,
    kind: str,
    target: str | None,
    now: datetime,
) -> bool:
    """Record a step as claimed; False when it already was (another process got there first):
    the primary key makes each step of each round exactly-once."""
    stmt = (
        upsert_insert(session, PageStep)
        .values(chain_id=chain_id, round=round, step=step, kind=kind, target=target, claimed_at=now)
        .on_conflict_do_nothing()
        .returning(PageStep.step)
    )
    return session.execute(stmt).first() is not None


def advance(
    *, session: Session, row: PageChain, expected: Mapping[str, Any], values: Mapping[str, Any]
) -> bool:
    """Store the chain's new state if it is still the state it was read in (a conditional
    update on `expected`'s columns): False when another process moved it on meanwhile."""
    done = session.execute(
        update(PageChain)
        .where(PageChain.id == row.id, *(getattr(PageChain, k) == v for k, v in expected.items()))
        .values(**values)
        .returning(PageChain.id)
    ).first()
    if done is not None:
        session.refresh(row)
    return done is not None


def step(*, session: Session, chain_id: int, round: int, step: int) -> PageStep | None:
    return session.get(PageStep, (chain_id, round, step))


def paged(*, session: Session, chain_id: int) -> Sequence[PageStep]:
    """Every step this chain has claimed, in order."""
    return (
        session.execute(
            select(PageStep)
            .where(PageStep.chain_id == chain_id)
            .order_by(PageStep.round, PageStep.step)
        )
        .scalars()
        .all()
    )


def placed(
    *, session: Session, chain_id: int, round: int, step: int, channel: str, ts: str
) -> None:
    """Where a step's message went (so acknowledging can update it in place)."""
    session.execute(
        update(PageStep)
        .where(PageStep.chain_id == chain_id, PageStep.round == round, PageStep.step == step)
        .values(channel=channel, ts=ts)
    )


def night_watch(*, session: Session, ticket_id: int) -> tuple[PageChain, str | None] | None:
    """The ticket's running chain and whom it paged last, for the card."""
    chain = running(session=session, ticket_id=ticket_id)
    if chain is None:
        return None
    last = session.execute(
        select(PageStep.target)
        .where(
            PageStep.chain_id == chain.id,
            PageStep.round == chain.round,
            PageStep.target.is_not(None),
            PageStep.kind != "reminder",
        )
        .order_by(PageStep.step.desc())
        .limit(1)
    ).scalar_one_or_none()
    return chain, last


def oldest_due(*, session: Session) -> datetime | None:
    """The earliest moment a running chain has something due (the partial index's first row)."""
    return session.execute(
        select(PageChain.next_due_at)
        .where(PageChain.next_due_at.is_not(None))
        .order_by(PageChain.next_due_at)
        .limit(1)
    ).scalar_one_or_none()


def acknowledged(
    *, session: Session, chain_id: int, round: int, at: datetime, actor: str, via: str
) -> None:
    """Append an acknowledgement: rows are never changed, so the metrics only ever grow."""
    session.add(PageAck(chain_id=chain_id, round=round, at=at, actor=actor, via=via))
    session.flush()
