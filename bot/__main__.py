"""`python -m bot [run|console|migrate|import FILE|outbox]`."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from bot.settings import SettingsError, Transport, load_settings

_CANNOT_START = "Balie kan niet starten; controleer deze instellingen:"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot", description="Balie, Korton's service desk in Slack"
    )
    sub = parser.add_subparsers(dest="cmd")
    sub.add_parser("run", help="run Balie (HTTP, Socket Mode or console, from the environment)")
    sub.add_parser("console", help="run Balie in the terminal, whatever the environment says")
    sub.add_parser("migrate", help="bring the database schema up to date")
    sub.add_parser("worker", help="deliver the outbox and run the SLA monitor (no web server)")
    imp = sub.add_parser("import", help="import customers and contacts from a YAML or CSV file")
    imp.add_argument("file", type=Path)
    sub.add_parser("outbox", help="show side effects that failed for good")
    args = parser.parse_args(argv)
    # In the console, log lines would drown the conversation; warnings still show.
    quiet = args.cmd == "console" or (args.cmd in (None, "run") and _console_env())
    logging.basicConfig(
        level=logging.WARNING if quiet else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"{_CANNOT_START}\n{exc}", file=sys.stderr)
        return 2
    cmd = args.cmd or "run"
    if cmd == "migrate":
        from storage import migrate
        from storage.db import make_engine

        migrate.upgrade(make_engine(settings.database_url))
        print("database is up to date")
        return 0
    if cmd == "worker":
        from bot.transports.worker import run_worker

        if settings.smtp_url is None:
            print(f"{_CANNOT_START}\nSMTP_URL: required by the worker", file=sys.stderr)
            return 2
        return run_worker(settings)
    if cmd == "import":
        return _import(settings, args.file)
    if cmd == "outbox":
        return _outbox(settings)
    transport = Transport.CONSOLE if cmd == "console" else settings.transport
    if transport is not Transport.CONSOLE and settings.smtp_url is None:
        # Without SMTP the customers' confirmation e-mails would pile up unsent.
        print(
            f"{_CANNOT_START}\nSMTP_URL: required when Slack credentials are set", file=sys.stderr
        )
        return 2
    if transport is Transport.HTTP:
        from bot.transports.http import serve

        serve(settings)
        return 0
    if transport is Transport.SOCKET:
        from bot.transports.socket import serve as serve_socket

        serve_socket(settings)
        return 0
    from bot.transports.console import run_console

    return run_console(settings)


def _console_env() -> bool:
    try:
        return load_settings().transport is Transport.CONSOLE
    except SettingsError:
        return False


def _import(settings, path: Path) -> int:
    from bot.clock import SystemClock
    from bot.policy import load_policy
    from bot.services.directory import Directory
    from bot.services.roles import RoleResolver
    from storage import migrate
    from storage.db import make_engine, make_sessionmaker

    if not path.is_file():
        print(f"no such file: {path}", file=sys.stderr)
        return 2
    engine = make_engine(settings.database_url)
    migrate.upgrade(engine)
    directory = Directory(
        sessions=make_sessionmaker(engine),
        clock=SystemClock(),
        roles=RoleResolver(load_policy(settings.policy_file), lambda _g: []),
    )
    try:
        report = directory.import_file(path)
    except Exception as exc:  # a file we cannot even parse
        print(f"{path}: {exc}", file=sys.stderr)
        return 1
    if report.problems:
        print(f"{path}: nothing imported; fix these rows:", file=sys.stderr)
        for line in report.problems:
            print(f"  {line}", file=sys.stderr)
        return 1
    print(
        f"{path}: customers {report.customers_created} created, "
        f"{report.customers_updated} updated; "
        f"contacts {report.contacts_created} created, {report.contacts_updated} updated; "
        f"{report.unchanged} unchanged"
    )
    return 0


def _outbox(settings) -> int:
    from storage import outbox
    from storage.db import make_engine, make_sessionmaker

    sessions = make_sessionmaker(make_engine(settings.database_url))
    with sessions() as session:
        pending = outbox.pending_count(session=session)
        failed = outbox.failed_items(session=session)
    print(f"pending: {pending}")
    for item in failed:
        print(f"failed #{item.id} {item.kind} after {item.attempts} attempts: {item.last_error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
