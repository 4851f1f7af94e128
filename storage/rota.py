"""The rota's tables: engineers, the two rotations, overrides, and once-only rota notices."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.db import upsert_insert
from storage.models import RotaClaim, RotaEngineer, RotaOverride, RotaRotation


def engineers(*, session: Session) -> Sequence[RotaEngineer]:
    return session.execute(select(RotaEngineer).order_by(RotaEngineer.user_id)).scalars().all()


def engineer(*, session: Session, user_id: str) -> RotaEngineer | None:
    return session.get(RotaEngineer, user_id)


def save_engineer(
    *,
    session: Session,
    user_id: str,
    now: datetime,
    name: str | None = None,
    phone: str | None = None,
    email: str | None = None,
) -> RotaEngineer:
    """Adds the engineer or updates the fields given (None leaves a field as it is)."""
    row = session.get(RotaEngineer, user_id)
    if row is None:
        row = RotaEngineer(user_id=user_id, updated_at=now)
        session.add(row)
    for name_, value in (("name", name), ("phone", phone), ("email", email)):
        if value is not None:
            setattr(row, name_, value)
    row.updated_at = now
    return row


def rotations(*, session: Session) -> Sequence[RotaRotation]:
    return session.execute(select(RotaRotation)).scalars().all()


def save_rotation(
    *,
    session: Session,
    name: str,
    members: Sequence[str],
    period_days: int,
    handover_weekday: int,
    handover_time: str,
    anchor: date,
    actor: str,
    now: datetime,
) -> RotaRotation:
    row = session.get(RotaRotation, name, with_for_update=True)
    if row is None:
        row = RotaRotation(name=name)
        session.add(row)
    row.members = list(members)
    row.period_days = period_days
    row.handover_weekday = handover_weekday
    row.handover_time = handover_time
    row.anchor = anchor
    row.updated_by = actor
    row.updated_at = now
    return row


def live_overrides(
    *, session: Session, after: datetime, before: datetime | None = None
) -> Sequence[RotaOverride]:
    """Overrides not cancelled that end after `after` (and start before `before`), oldest
    first: a later override wins over an earlier one where they overlap."""
    q = select(RotaOverride).where(
        RotaOverride.cancelled_at.is_(None), RotaOverride.ends_at > after
    )
    if before is not None:
        q = q.where(RotaOverride.starts_at < before)
    return session.execute(q.order_by(RotaOverride.id)).scalars().all()


def add_override(
    *,
    session: Session,
    rotation: str,
    user_id: str,
    starts_at: datetime,
    ends_at: datetime,
    kind: str,
    replaces: str | None,
    created_by: str,
    now: datetime,
) -> RotaOverride:
    row = RotaOverride(
        rotation=rotation,
        user_id=user_id,
        starts_at=starts_at,
        ends_at=ends_at,
        kind=kind,
        replaces=replaces,
        created_by=created_by,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row


def same_override(
    *, session: Session, rotation: str, user_id: str, starts_at: datetime, ends_at: datetime
) -> RotaOverride | None:
    """A live override for exactly this (an import run twice adds nothing the second time)."""
    return session.execute(
        select(RotaOverride).where(
            RotaOverride.cancelled_at.is_(None),
            RotaOverride.rotation == rotation,
            RotaOverride.user_id == user_id,
            RotaOverride.starts_at == starts_at,
            RotaOverride.ends_at == ends_at,
        )
    ).scalar_one_or_none()


def cancel_override(*, session: Session, override_id: int, now: datetime) -> bool:
    done = session.execute(
        update(RotaOverride)
        .where(RotaOverride.id == override_id, RotaOverride.cancelled_at.is_(None))
        .values(cancelled_at=now)
    )
    return bool(getattr(done, "rowcount", 0))


def claim(*, session: Session, keys: Collection[str], now: datetime) -> set[str]:
    """Claim these rota notices: the keys this call inserted. ON CONFLICT DO NOTHING makes
    another process's claim a no-op, so exactly one process sends each notice."""
    if not keys:
        return set()
    stmt = upsert_insert(session, RotaClaim).on_conflict_do_nothing().returning(RotaClaim.key)
    return set(
        session.execute(stmt, [{"key": k, "claimed_at": now} for k in sorted(keys)]).scalars()
    )


def claimed(*, session: Session, keys: Collection[str]) -> set[str]:
    if not keys:
        return set()
    rows = session.execute(select(RotaClaim.key).where(RotaClaim.key.in_(list(keys))))
    return set(rows.scalars())
