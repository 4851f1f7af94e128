"""The durable outbox: side effects are rows committed with the change that caused them."""

from __future__ import annotations

import contextlib
import functools
import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Executable,
    bindparam,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, aliased

from storage.models import OutboxItem, UtcDateTime


def enqueue(
    *,
    session: Session,
    kind: str,
    payload: dict[str, Any],
    now: datetime,
    ordering_key: str | None = None,
) -> OutboxItem:
    item = OutboxItem(
        kind=kind,
        payload=payload,
        ordering_key=ordering_key,
        created_at=now,
        next_attempt_at=now,
        attempts=0,
        failed=False,
    )
    session.add(item)
    return item


def enqueue_many(*, session: Session, rows: Sequence[dict[str, Any]], now: datetime) -> None:
    """Insert many rows in one statement; each dict has kind, payload and ordering_key."""
    if rows:
        # Core executemany, not the ORM's bulk path: no identity map, one round trip batch.
        session.connection().execute(
            insert(OutboxItem.__table__),  # type: ignore[arg-type]
            [
                {"created_at": now, "next_attempt_at": now, "attempts": 0, "failed": False, **row}
                for row in rows
            ],
        )


# PostgreSQL: one statement for any number of rows, prepared once per connection; a VALUES
# list would differ per count. The rows travel as one JSON text, which psycopg dumps in C
# (arrays for unnest cost it a regex substitution per element). It is sent through psycopg
# itself: on the ack path, SQLAlchemy's execution machinery cost more than the INSERT.
_PG_INSERT = (
    "INSERT INTO outbox"
    " (kind, payload, ordering_key, created_at, next_attempt_at, attempts, failed)"
    " SELECT r.kind, r.payload, r.ordering_key, r.at, r.at, 0, false"
    " FROM json_to_recordset(%s::json)"
    " AS r(kind text, payload json, ordering_key text, at timestamptz)"
)


@functools.cache
def _sqlite_insert(count: int) -> Executable:
    """SQLite: an INSERT of `count` rows (one object per count, at most GroupCommit's cap, so
    it is compiled once; SQLAlchemy does not cache Insert.values() with many rows)."""
    rows = ", ".join(
        f"(:kind_{i}, :payload_{i}, :key_{i}, :at_{i}, :at_{i}, 0, 0)" for i in range(count)
    )
    return text(
        "INSERT INTO outbox"
        " (kind, payload, ordering_key, created_at, next_attempt_at, attempts, failed)"
        f" VALUES {rows}"
    ).bindparams(*(bindparam(f"at_{i}", type_=UtcDateTime()) for i in range(count)))


# A NUL escaped in JSON text: \u0000 after an even number of backslashes (an odd number is an
# escaped backslash followed by the letters "u0000").
_NUL = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")


@dataclass(frozen=True)
class PreparedRow:
    """An outbox row checked and serialized by the thread that submits it, so a bad row fails
    its own request, not the batch it would have joined."""

    kind: str
    payload: str  # JSON, as SQLAlchemy's JSON type would write it
    ordering_key: str | None
    at: datetime  # UTC
    record: str  # the whole row as one JSON object, for PostgreSQL's json_to_recordset

    @classmethod
    def of(cls, row: dict[str, Any]) -> PreparedRow:
        kind, key, at, payload = row["kind"], row["ordering_key"], row["created_at"], row["payload"]
        if not isinstance(kind, str) or not (key is None or isinstance(key, str)):
            raise TypeError("kind and ordering_key must be text")
        if not isinstance(payload, dict):
            raise TypeError("an outbox payload is a JSON object")
        if not isinstance(at, datetime) or at.utcoffset() is None:
            raise ValueError("created_at must be an aware datetime")
        # NaN is not JSON, and PostgreSQL cannot hold a NUL character in text: either would
        # fail the whole batch this row joins.
        text = json.dumps(payload, allow_nan=False)
        if _NUL.search(text):
            raise ValueError("an outbox payload cannot hold a NUL character")
        at = at.astimezone(UTC)
        record = (
            f'{{"kind":{json.dumps(kind)},"payload":{text},'
            f'"ordering_key":{json.dumps(key)},"at":"{at.isoformat()}"}}'
        )
        return cls(kind, text, key, at, record)


class RowWriter:
    """Writes batches of outbox rows, all or none, over one connection of its own. For a single
    writer at a time (the leader of a storage.group_commit.GroupCommit).

    A batch is one statement: on PostgreSQL, in autocommit, one round trip and one commit (an
    executemany would send a statement per row, and in autocommit commit each on its own). The
    connection, kept open, spares a busy writer a pool checkout and a ping per batch; after
    `ping_after` seconds idle it is pinged first, and replaced if the server dropped it. A
    failed INSERT is never sent again: the server may have committed it before the connection
    broke, and the ack that fails tells the agent to try again."""

    def __init__(self, engine: Engine, *, ping_after: float = 1.0) -> None:
        self.engine = engine
        self.postgresql = engine.dialect.name == "postgresql"
        self.ping_after = ping_after
        self._conn: Connection | None = None
        self._used = 0.0

    def __call__(self, rows: Sequence[PreparedRow]) -> None:
        if not rows:
            return
        try:
            conn = self._connection()
            if self.postgresql:
                batch = "[" + ",".join(r.record for r in rows) + "]"
                psycopg_conn: Any = conn.connection.driver_connection
                psycopg_conn.execute(_PG_INSERT, (batch,), prepare=True)
            else:
                with conn.begin():
                    conn.execute(_sqlite_insert(len(rows)), _sqlite_params(rows))
        except BaseException:
            # Whatever broke, start again on a fresh connection.
            self.close(invalidate=True)
            raise
        self._used = time.monotonic()

    def _connection(self) -> Connection:
        idle = time.monotonic() - self._used
        # A SQLite file is not a server that drops connections; only PostgreSQL is pinged.
        if self._conn is not None and self.postgresql and idle > self.ping_after:
            try:
                self._conn.exec_driver_sql("SELECT 1")
            except DBAPIError:
                self.close()
        if self._conn is None:
            conn = self.engine.connect()
            if self.postgresql:
                conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            self._conn = conn
        return self._conn

    def close(self, *, invalidate: bool = False) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            with contextlib.suppress(Exception):
                if invalidate:
                    conn.invalidate()
                conn.close()


def _sqlite_params(rows: Sequence[PreparedRow]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for i, r in enumerate(rows):
        params |= {
            f"kind_{i}": r.kind,
            f"payload_{i}": r.payload,
            f"key_{i}": r.ordering_key,
            f"at_{i}": r.at,
        }
    return params


def has_later(*, session: Session, kind: str, ordering_key: str, after_id: int) -> bool:
    """Whether a newer undelivered row of this kind waits behind this one."""
    return session.execute(
        select(
            exists().where(
                OutboxItem.kind == kind,
                OutboxItem.ordering_key == ordering_key,
                OutboxItem.id > after_id,
                OutboxItem.done_at.is_(None),
            )
        )
    ).scalar_one()


def claimable(*, session: Session, now: datetime, limit: int) -> Sequence[int]:
    """Due rows whose predecessors (same ordering_key) are all delivered; a read, so on SQLite
    the search holds no write lock (`lease` checks again).

    The scan walks the partial index of undelivered rows in id order and stops once it has its
    rows; a row waiting for a predecessor costs one probe of the (ordering_key, id) index, so a
    long run of waiting rows slows a claim a little but never starves the rows behind it.
    """
    earlier = aliased(OutboxItem)
    free = (
        select(OutboxItem.id)
        .where(
            OutboxItem.done_at.is_(None),
            OutboxItem.next_attempt_at <= now,
            or_(OutboxItem.claimed_until.is_(None), OutboxItem.claimed_until < now),
            ~exists().where(
                earlier.ordering_key == OutboxItem.ordering_key,
                earlier.id < OutboxItem.id,
                earlier.done_at.is_(None),
            ),
        )
        .order_by(OutboxItem.id)
        .limit(limit)
    )
    return session.execute(free).scalars().all()


def lease(
    *, session: Session, ids: Sequence[int], now: datetime, duration: timedelta
) -> Sequence[OutboxItem]:
    """Lease these rows, as far as they are still free; returns the rows leased."""
    if not ids:
        return []
    if session.get_bind().dialect.name == "postgresql":
        # Replicas skip each other's rows instead of queueing behind their locks.
        locked = (
            select(OutboxItem.id).where(OutboxItem.id.in_(ids)).with_for_update(skip_locked=True)
        )
        ids = session.execute(locked).scalars().all()
        if not ids:
            return []
    # The WHERE is checked again on the locked rows, and RETURNING says which rows this claim
    # took: a row another process leased in the meantime is not ours. A lease still set here
    # has run out without its row being completed or retried: its holder died, perhaps in the
    # middle of delivering it, so the row becomes uncertain (SET reads the old values).
    taken = (
        session.execute(
            update(OutboxItem)
            .where(
                OutboxItem.id.in_(ids),
                OutboxItem.done_at.is_(None),
                or_(OutboxItem.claimed_until.is_(None), OutboxItem.claimed_until < now),
            )
            .values(
                claimed_until=now + duration,
                uncertain=or_(OutboxItem.uncertain, OutboxItem.claimed_until.is_not(None)),
            )
            .returning(OutboxItem.id)
        )
        .scalars()
        .all()
    )
    if not taken:
        return []
    return (
        session.execute(select(OutboxItem).where(OutboxItem.id.in_(taken)).order_by(OutboxItem.id))
        .scalars()
        .all()
    )


def renew(
    *, session: Session, ids: Sequence[int], held_until: datetime, until: datetime
) -> Sequence[int]:
    """Extend the leases this holder still has: rows not done whose lease is still the one it
    set (`held_until`). A new lease always ends later than the one it replaced, so a row that
    another process took over never matches. Returns the rows renewed."""
    if not ids:
        return []
    return (
        session.execute(
            update(OutboxItem)
            .where(
                OutboxItem.id.in_(list(ids)),
                OutboxItem.done_at.is_(None),
                OutboxItem.claimed_until == held_until,
            )
            .values(claimed_until=until)
            .returning(OutboxItem.id)
        )
        .scalars()
        .all()
    )


def finish(*, session: Session, item_id: int, now: datetime) -> bool:
    """Mark a row done; False if it already was (another process got there first). The row lock
    this takes makes a concurrent `finish` of the same row wait, then return False."""
    done = session.execute(
        update(OutboxItem)
        .where(OutboxItem.id == item_id, OutboxItem.done_at.is_(None))
        .values(done_at=now, claimed_until=None, attempts=OutboxItem.attempts + 1)
        .returning(OutboxItem.id)
    ).first()
    return done is not None


def retry_later(
    *, session: Session, item_id: int, at: datetime, error: str, uncertain: bool = False
) -> None:
    """Free the row until `at`; `uncertain` when this attempt may have taken effect."""
    values: dict[str, Any] = {
        "next_attempt_at": at,
        "claimed_until": None,
        "attempts": OutboxItem.attempts + 1,
        "last_error": error[:2000],
    }
    if uncertain:
        values["uncertain"] = True
    session.execute(update(OutboxItem).where(OutboxItem.id == item_id).values(**values))


def give_up(*, session: Session, item_id: int, now: datetime, error: str) -> None:
    session.execute(
        update(OutboxItem)
        .where(OutboxItem.id == item_id)
        .values(
            done_at=now,
            failed=True,
            claimed_until=None,
            attempts=OutboxItem.attempts + 1,
            last_error=error[:2000],
        )
    )


def pending_count(*, session: Session) -> int:
    return session.execute(
        select(func.count()).select_from(OutboxItem).where(OutboxItem.done_at.is_(None))
    ).scalar_one()


def failed_items(*, session: Session, limit: int = 20) -> Sequence[OutboxItem]:
    return (
        session.execute(
            select(OutboxItem)
            .where(OutboxItem.failed.is_(True))
            .order_by(OutboxItem.id.desc())
            .limit(limit)
        )
        .scalars()
        .all()
    )


def purge_delivered(*, session: Session, before: datetime) -> int:
    """Delivered rows are history; failed ones stay for an operator to read."""
    result = session.execute(
        delete(OutboxItem).where(
            OutboxItem.done_at.is_not(None),
            OutboxItem.done_at < before,
            OutboxItem.failed.is_(False),
        )
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
