"""The ack bench's setting: a fresh database per run, the policy, and the environment the
servers start with."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from bench.processes import ROOT, Fakes

CUSTOMERS = ROOT / "tests" / "data" / "customers.yml"
SIGNING_SECRET = "bench-signing-secret"
BOT_TOKEN = "xoxb-bench"
PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def pg_base() -> str:
    return os.environ.get("BALIE_BENCH_POSTGRES") or os.environ.get(
        "BALIE_TEST_POSTGRES", PG_DEFAULT
    )


@contextlib.contextmanager
def database(kind: str, workdir: Path) -> Iterator[str]:
    """A fresh, empty database of `kind`; yields its URL."""
    if kind == "sqlite":
        path = workdir / f"balie-{uuid.uuid4().hex[:6]}.db"
        yield f"sqlite:///{path}"
        return
    from sqlalchemy import text

    from storage.db import make_engine

    base = pg_base()
    schema = f"balie_bench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = make_engine(base, pool_size=1, max_overflow=0)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def kinds(only: str | None = None) -> list[str]:
    """The databases to measure on: SQLite, and PostgreSQL when it is reachable (else a note
    says why it is skipped); `only`: just that one."""
    from storage.db import unreachable

    out = [k for k in ("sqlite", "postgresql") if only in (None, k)]
    if "postgresql" in out and (problem := unreachable(pg_base())) is not None:
        print(f"PostgreSQL skipped: not reachable at {pg_base()} ({problem})")
        out.remove("postgresql")
    return out


def amsterdam(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A moment on the desk's clock."""
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo("Europe/Amsterdam"))


def always_open(data: dict[str, Any]) -> dict[str, Any]:
    """A policy (as parsed YAML) whose desk never closes, and without scheduled summaries.

    Processes that run on the real clock measure and count the desk's work in office hours
    whatever the hour: at night a gold incident would also page the waakdienst (a post to the
    team leads that names the ticket), and a summary could fall due among the posts counted."""
    data["office_hours"]["days"] = dict.fromkeys(
        ("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "00:00-24:00"
    )
    data["office_hours"]["holidays"] = dict.fromkeys(data["office_hours"]["holidays"], "open")
    data["office_hours"]["extra_closed"] = []
    for summary in data["summaries"].values():
        summary["enabled"] = False
    return data


def write_policy(path: Path, users: list[str]) -> str:
    """The default policy with the bench users as agents, the desk always open; returns its
    ticket prefix."""
    from bot.policy import default_policy_text

    data = always_open(yaml.safe_load(default_policy_text()))
    data["roles"]["agents"]["users"] = users
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(data["ticket_prefix"])


def base_env(fakes: Fakes, policy: Path, workers: int, threads: int) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "DATABASE_", "SMTP_", "POLICY_", "HTTP_", "MAIL_"))
    }
    env.update(
        PYTHONPATH=str(ROOT),
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fakes.slack_api_url,
        SMTP_URL=fakes.smtp_url,
        POLICY_FILE=str(policy),
        HTTP_WORKERS=str(workers),
        HTTP_THREADS=str(threads),
    )
    return env


def import_customers(env: dict[str, str], workdir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "import", str(CUSTOMERS)],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,  # the failure is raised below with the command's output
    )
    if done.returncode != 0:
        raise RuntimeError(f"python -m bot import failed:\n{done.stdout}{done.stderr}")
