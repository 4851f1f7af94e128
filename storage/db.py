"""Engine and sessions for SQLite (embedded default) and PostgreSQL (replicated deployments)."""

from __future__ import annotations

import logging
import os
import re
import weakref
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from storage.sqlite_lock import WriterLock

log = logging.getLogger(__name__)


def make_engine(url: str, *, background: bool = False, **kwargs: Any) -> Engine:
    """An engine for `url`. `background` marks the worker process's engine: on SQLite its
    writers let waiting acks go first (storage.sqlite_lock)."""
    if url.startswith("sqlite"):
        # A connection per thread of a web worker (HTTP_THREADS, 16 by default) stays in the
        # pool: past pool_size, connections are opened and closed per request, and a SQLite
        # connection costs its PRAGMAs each time.
        if _lock_path_of(url) is not None:  # a file; in-memory SQLite has a pool per thread
            kwargs.setdefault("pool_size", 20)
            kwargs.setdefault("max_overflow", 20)
        engine = create_engine(
            url, connect_args={"timeout": 30, "check_same_thread": False}, **kwargs
        )
        _tune_sqlite(engine, background=background)
        return engine
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    kwargs.setdefault("pool_pre_ping", True)
    # A connection that a firewall or failover drops without a word would otherwise hang the
    # thread using it until TCP gives up (some 15 minutes): with the acks of a web worker
    # queued behind the intake writer. Keepalives find an idle one dead within a minute, and
    # tcp_user_timeout a busy one within 30 s.
    connect_args = {
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 10,
        "keepalives_count": 3,
        "tcp_user_timeout": 30_000,
        **kwargs.pop("connect_args", {}),
    }
    return create_engine(url, connect_args=connect_args, **kwargs)


def _tune_sqlite(engine: Engine, *, background: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin (see _on_begin).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        # WAL lets readers run beside the one writer; NORMAL sync is durable across crashes of
        # the process (not of the OS), the usual trade-off for WAL.
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    writer = WriterLock(_lock_path_of(engine.url), background=background)
    # Its lock files live as long as the engine (a test suite makes hundreds of engines).
    weakref.finalize(engine, writer.close)
    # Which connections hold the writer lock; weak, so a connection that is simply dropped
    # cannot keep an entry alive (its lock is then released by the next rollback or error).
    holders: weakref.WeakKeyDictionary[Any, bool] = weakref.WeakKeyDictionary()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("readonly"):
            # Readers never block the one writer, nor each other, in WAL mode.
            conn.exec_driver_sql("BEGIN")
            return
        if writer.acquire():
            holders[conn] = True
        try:
            # A deferred transaction that reads and then writes can fail with "database is
            # locked" without waiting; taking the write lock up front makes busy_timeout apply.
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except Exception:
            _release(conn)
            raise

    @event.listens_for(engine, "commit")
    def _on_commit(conn: Any) -> None:
        if conn in holders:
            # Commit here, so the lock is released after the COMMIT and not just before it
            # (this event runs before the driver commits; its commit is then a no-op). If the
            # COMMIT fails, the lock is released all the same and SQLAlchemy rolls back.
            try:
                conn.exec_driver_sql("COMMIT")
            finally:
                _release(conn)

    @event.listens_for(engine, "rollback")
    def _release(conn: Any) -> None:
        if holders.pop(conn, False):
            writer.release()

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> None:
        # A connection that is invalidated mid-transaction sees no rollback event.
        if context.is_disconnect and context.connection is not None:
            _release(context.connection)


def _lock_path_of(url: str | URL) -> str | None:
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return os.path.abspath(database) + ".writer-lock"


Kind = Literal["refused", "host", "auth", "database", "file", "timeout", "other"]


@dataclass(frozen=True)
class Unreachable:
    """Why a database cannot be used: a kind to explain to people, and the driver's words."""

    kind: Kind
    detail: str


# The driver's words for each kind (libpq's, psycopg's and SQLite's), tried in this order.
_KINDS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("refused", re.compile(r"connection refused", re.I)),
    ("host", re.compile(r"resolve host|translate host name|name or service not known", re.I)),
    ("database", re.compile(r'database "[^"]*" does not exist', re.I)),
    (
        "auth",
        re.compile(
            r'authentication failed|no password supplied|role "[^"]*" does not exist|'
            r"pg_hba\.conf",
            re.I,
        ),
    ),
    ("timeout", re.compile(r"timeout expired|timed out", re.I)),
    ("file", re.compile(r"unable to open database file", re.I)),
)


def probe(url: str, *, timeout: int = 5) -> Unreachable | None:
    """None when a connection to `url` works; otherwise why not. Never raises for a database
    that is down, so start-up can say so in one line instead of a stack trace."""
    connect_args: dict[str, Any] = {}
    if not url.startswith("sqlite"):
        connect_args["connect_timeout"] = timeout
    try:
        engine = create_engine(url, poolclass=NullPool, connect_args=connect_args)
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        finally:
            engine.dispose()
        return None
    except Exception as exc:
        first = str(exc).splitlines()[0] if str(exc) else ""
        detail = f"{type(exc).__name__}: {first}"
        kind: Kind = next((k for k, rx in _KINDS if rx.search(str(exc))), "other")
        return Unreachable(kind, detail)


def unreachable(url: str) -> str | None:
    """None when a connection to `url` works; otherwise why not, in one line."""
    problem = probe(url)
    return None if problem is None else problem.detail


def make_sessionmaker(engine: Engine, *, readonly: bool = False) -> sessionmaker[Session]:
    """Sessions for writing, or (readonly=True) for reading only: on SQLite those do not take
    the database's single write lock."""
    bind = engine.execution_options(readonly=True) if readonly else engine
    return sessionmaker(bind, expire_on_commit=False)
