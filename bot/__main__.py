"""`python -m bot [run|console|migrate|import FILE|outbox|worker|facturatie MONTH]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.i18n import t, tn
from bot.settings import (
    Problem,
    Settings,
    SettingsError,
    Transport,
    load_settings,
    policy_file_from_env,
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot", description="Balie, Korton's service desk in Slack"
    )
    sub = parser.add_subparsers(dest="cmd")
    sub.add_parser("run", help="run Balie (HTTP, Socket Mode or console, from the environment)")
    sub.add_parser("console", help="run Balie in the terminal, whatever the environment says")
    sub.add_parser("migrate", help="bring the database schema up to date")
    sub.add_parser("worker", help="deliver the outbox and run the SLA monitor (no web server)")
    imp = sub.add_parser(
        "import",
        help="import customers and contacts (YAML, CSV) or the waakdienst's rota (YAML, iCalendar)",
    )
    imp.add_argument("file", type=Path)
    sub.add_parser("outbox", help="show side effects that failed for good")
    inv = sub.add_parser(
        "facturatie",
        help="close a month for invoicing and write its export (CSV and XLSX)",
    )
    inv.add_argument("month", help="the month, e.g. 2026-11")
    inv.add_argument("--klant", dest="customer", help="one customer's code only")
    inv.add_argument("--uit", dest="out", type=Path, default=Path("."), help="where to write")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings: Settings | None = None
    try:
        settings = load_settings()
        _configure_logging(args.cmd, settings)
        return _run(args, settings)
    except SettingsError as exc:
        print(exc.report(_language(settings)), file=sys.stderr)
        return 2


def _configure_logging(cmd: str | None, settings: Settings) -> None:
    # In the console, log lines would drown the conversation; warnings still show.
    console = cmd == "console" or (cmd in (None, "run") and settings.transport is Transport.CONSOLE)
    level = settings.log_level
    from bot import logs

    logs.configure(
        level="WARNING" if console and level != "DEBUG" else level,
        fmt="text" if console or settings.log_format == "text" else "json",
    )


def _language(settings: Settings | None) -> str:
    """The policy's language, for messages to the operator; Dutch when there is no policy."""
    from bot.policy import load_policy

    try:
        path = settings.policy_file if settings is not None else policy_file_from_env()
        return load_policy(path).language
    except Exception:  # the policy may be the very thing that is broken
        return "nl"


def _require(problems: list[Problem]) -> None:
    if problems:
        raise SettingsError(problems)


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.policy import PolicyError, load_policy
    from bot.transports import preflight

    try:
        lang = load_policy(settings.policy_file).language
    except PolicyError as exc:
        # Its text names the offending key in the file.
        problem = Problem("POLICY_FILE", "settings.policy_invalid", {"detail": exc})
        raise SettingsError([problem]) from None
    cmd = args.cmd or "run"
    # Every command needs the database; say so plainly when it cannot be reached.
    _require(preflight.database(settings))
    if cmd == "migrate":
        return _migrate(settings, lang)
    if cmd == "worker":
        from bot.transports.worker import run_worker

        if settings.smtp_url is None:
            raise SettingsError([Problem("SMTP_URL", "settings.smtp_required_worker")])
        return run_worker(settings)
    if cmd == "import":
        return _import(settings, args.file, lang)
    if cmd == "outbox":
        return _outbox(settings, lang)
    if cmd == "facturatie":
        from bot.invoicing.cli import export_month

        return export_month(settings, args.month, args.customer, args.out, lang)
    transport = Transport.CONSOLE if cmd == "console" else settings.transport
    if transport is not Transport.CONSOLE and settings.smtp_url is None:
        # Without SMTP the customers' confirmation e-mails would pile up unsent.
        raise SettingsError([Problem("SMTP_URL", "settings.smtp_required_slack")])
    if transport is Transport.HTTP:
        from bot.transports.http import serve

        serve(settings)  # checks Slack itself, before gunicorn forks
        return 0
    if transport is Transport.SOCKET:
        from bot.transports.socket import serve as serve_socket

        _require(preflight.slack(settings))
        preflight.phone(settings)
        serve_socket(settings)
        return 0
    from bot.transports.console import run_console

    return run_console(settings)


def _migrate(settings: Settings, lang: str) -> int:
    from storage import migrate
    from storage.db import make_engine

    engine = make_engine(settings.database_url)
    try:
        before, after = migrate.upgrade(engine)
    finally:
        engine.dispose()
    if before == after:
        print(t(lang, "cli.migrate_current", revision=after))
    else:
        print(t(lang, "cli.migrate_done", before=before or "-", after=after))
    return 0


def _import(settings: Settings, path: Path, lang: str) -> int:
    from bot.clock import SystemClock
    from bot.directory.service import Directory
    from bot.policy import load_policy
    from bot.roles import RoleResolver
    from storage import migrate
    from storage.db import make_engine, make_sessionmaker

    if not path.is_file():
        print(t(lang, "cli.no_such_file", path=str(path)), file=sys.stderr)
        return 2
    from bot.oncall.rota_files import is_rota_file

    if is_rota_file(path):
        return _import_rota(settings, path, lang)
    engine = make_engine(settings.database_url)
    migrate.upgrade(engine)
    directory = Directory(
        sessions=make_sessionmaker(engine),
        clock=SystemClock(),
        roles=RoleResolver(load_policy(settings.policy_file), lambda _g: []),
        lang=lang,
    )
    try:
        report = directory.import_file(path)
    finally:
        engine.dispose()
    if report.problems:
        print(t(lang, "import.failed", path=str(path)), file=sys.stderr)
        for line in report.problems:
            print(f"  {line}", file=sys.stderr)
        return 1
    print(
        t(
            lang,
            "import.done",
            path=str(path),
            customers_created=report.customers_created,
            customers_updated=report.customers_updated,
            contacts_created=report.contacts_created,
            contacts_updated=report.contacts_updated,
            unchanged=report.unchanged,
        )
    )
    for line in report.changes:
        print(f"  {line}")
    return 0


def _import_rota(settings: Settings, path: Path, lang: str) -> int:
    """A rota file (YAML) or the team's calendar (iCalendar): all or nothing."""
    from bot.clock import SystemClock
    from bot.oncall.rota_files import RotaImport, summary
    from bot.policy import load_policy
    from storage import migrate
    from storage.db import make_engine, make_sessionmaker

    engine = make_engine(settings.database_url)
    migrate.upgrade(engine)
    importer = RotaImport(
        sessions=make_sessionmaker(engine),
        clock=SystemClock(),
        policy=load_policy(settings.policy_file),
        lang=lang,
    )
    try:
        report = importer.import_file(path)
    finally:
        engine.dispose()
    if report.problems:
        print(t(lang, "rota.import.failed", path=str(path)), file=sys.stderr)
        for line in report.problems:
            print(f"  {line}", file=sys.stderr)
        return 1
    print(summary(report, str(path), lang))
    return 0


def _outbox(settings: Settings, lang: str) -> int:
    from storage import outbox
    from storage.db import make_engine, make_sessionmaker

    sessions = make_sessionmaker(make_engine(settings.database_url))
    with sessions() as session:
        pending = outbox.pending_count(session=session)
        failed = outbox.failed_items(session=session)
    print(tn(lang, "cli.outbox_pending", pending))
    for item in failed:
        print(
            t(
                lang,
                "cli.outbox_failed",
                id=item.id,
                kind=item.kind,
                attempts=item.attempts,
                error=item.last_error,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
