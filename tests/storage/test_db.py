from __future__ import annotations

from pathlib import Path

import pytest

from storage.db import make_engine, unreachable
from tests.conftest import Database


def test_postgresql_connections_detect_a_silently_dropped_peer(database: Database) -> None:
    if database.kind != "postgresql":
        pytest.skip("TCP keepalives are a PostgreSQL matter")
    engine = make_engine(database.url, pool_size=1, max_overflow=0)
    try:
        with engine.connect() as conn:
            params = conn.connection.dbapi_connection.info.get_parameters()  # type: ignore[union-attr]
    finally:
        engine.dispose()
    assert params["keepalives"] == "1"
    assert int(params["keepalives_idle"]) <= 60
    assert int(params["tcp_user_timeout"]) > 0


def test_unreachable_says_why_in_one_line_and_none_when_it_connects(tmp_path: Path) -> None:
    assert unreachable(f"sqlite:///{tmp_path / 'ok.db'}") is None
    problem = unreachable("postgresql+psycopg://postgres@127.0.0.1:1/test")
    assert problem is not None and problem.startswith("OperationalError: ")
    assert "\n" not in problem
