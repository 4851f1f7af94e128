"""Engine and sessions for SQLite (embedded default) and PostgreSQL (replicated deployments)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

log = logging.getLogger(__name__)


def make_engine(url: str, **kwargs: Any) -> Engine:
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:" and not database.startswith("file:"):
            # A connection per thread of a web worker (HTTP_THREADS, 16 by default) stays in
            # the pool: past pool_size, each request would open one and pay its PRAGMAs.
            kwargs.setdefault("pool_size", 20)
            kwargs.setdefault("max_overflow", 20)
        engine = create_engine(
            url, connect_args={"timeout": 30, "check_same_thread": False}, **kwargs
        )
        _tune_sqlite(engine)
        return engine
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    kwargs.setdefault("pool_pre_ping", True)
    # A connection that a firewall or failover drops without a word would otherwise hang the
    # thread using it until TCP gives up (some 15 minutes). Keepalives find an idle one dead
    # within a minute, and tcp_user_timeout a busy one within 30 s.
    connect_args = {
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 10,
        "keepalives_count": 3,
        "tcp_user_timeout": 30_000,
        **kwargs.pop("connect_args", {}),
    }
    return create_engine(url, connect_args=connect_args, **kwargs)


def _tune_sqlite(engine: Engine) -> None:
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

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("readonly"):
            # Readers never block the one writer, nor each other, in WAL mode.
            conn.exec_driver_sql("BEGIN")
            return
        # A deferred transaction that reads and then writes fails with "database is locked"
        # at once when another writer got in between (the busy handler cannot help an
        # upgrade from reader to writer). Taking the write lock up front makes writers queue
        # in busy_timeout instead, so two writers never deadlock.
        conn.exec_driver_sql("BEGIN IMMEDIATE")


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


def upsert_insert(session: Session, table: Any) -> Any:
    """An INSERT that can say ON CONFLICT DO NOTHING: the claims (an SLA threshold, a page step,
    a rota notice, a handover) are rows whose primary key lets one process win, on both
    databases."""
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
