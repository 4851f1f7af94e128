from __future__ import annotations

import pytest

from storage.db import make_engine
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
