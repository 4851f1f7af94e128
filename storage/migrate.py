"""Run Alembic migrations from Balie itself: on start, and through `python -m bot migrate`."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# Any constant works; it only has to be the same in every replica.
_ADVISORY_LOCK = 0x0BA11E


def alembic_config() -> Config:
    # Alembic logs at INFO while it is imported: quiet it first.
    _quiet_alembic()
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def _quiet_alembic() -> None:
    """Alembic says at INFO what it sets up and checks on every start and every import; only
    a debugging operator (LOG_LEVEL=DEBUG) wants to read that. A level set on purpose stays."""
    logger = logging.getLogger("alembic")
    if logger.level == logging.NOTSET and not logging.getLogger().isEnabledFor(logging.DEBUG):
        logger.setLevel(logging.WARNING)


def current(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Bring the schema to `revision`; returns the revisions before and after."""
    cfg = alembic_config()
    from alembic import command

    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            # Several replicas starting at once must not race each other's DDL.
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _ADVISORY_LOCK})
            conn.commit()
        try:
            before = current(conn)
            conn.commit()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            conn.commit()
            after = current(conn)
            conn.commit()
        finally:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _ADVISORY_LOCK})
                conn.commit()
    return before, after


def revision(engine: Engine, message: str) -> None:
    """Developer helper: autogenerate a migration against a database at head."""
    cfg = alembic_config()
    from alembic import command

    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.revision(cfg, message=message, autogenerate=True)
