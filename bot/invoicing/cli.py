"""`python -m bot facturatie 2026-11 [--klant CODE] [--uit DIR]`: close the month (or read it,
when it is closed) and write its CSV and XLSX into DIR. For finance's scripts and the
operator: Balie itself is the actor, so no Slack role is needed at the machine."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.clock import SystemClock
from bot.errors import DomainError, InvalidInput
from bot.events import Actor
from bot.i18n import t, tn
from bot.invoicing import money
from bot.invoicing.export import Invoicer
from bot.invoicing.files import month_label
from bot.invoicing.rules import Month
from bot.policy import load_policy
from bot.roles import RoleResolver
from bot.settings import Settings
from storage import migrate
from storage.db import make_engine, make_sessionmaker


def export_month(
    settings: Settings, month_text: str, customer: str | None, out: Path, lang: str
) -> int:
    month = Month.parse(month_text)
    problems: list[str] = []
    if month is None:
        problems.append(t(lang, "invoicing.error.month_invalid", value=month_text))
    if not out.is_dir():
        problems.append(t(lang, "invoicing.cli.no_dir", path=str(out)))
    if problems or month is None:
        for line in problems:
            print(line, file=sys.stderr)
        return 2
    policy = load_policy(settings.policy_file)
    engine = make_engine(settings.database_url)
    migrate.upgrade(engine)
    invoicer = Invoicer(
        sessions=make_sessionmaker(engine),
        readers=make_sessionmaker(engine, readonly=True),
        policy=policy,
        clock=SystemClock(),
        roles=RoleResolver(policy, lambda _group: []),
    )
    try:
        closed = invoicer.close(Actor.system("cli"), month, customer.upper() if customer else None)
    except DomainError as exc:
        for line in _problems(exc, lang):
            print(line, file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    code = closed.customer.code if closed.customer else None
    files = closed.files
    csv_path, xlsx_path = out / files.csv_name, out / files.xlsx_name
    csv_path.write_bytes(files.csv)
    xlsx_path.write_bytes(files.xlsx)
    closed_text = (
        t(lang, "invoicing.closed_now")
        if closed.newly
        else t(
            lang,
            "invoicing.closed_before",
            date=closed.closed_at.astimezone(invoicer.tz).strftime("%d-%m-%Y %H:%M"),
        )
    )
    print(
        tn(
            lang,
            "invoicing.cli.written",
            closed.total.lines,
            month=month_label(month, lang),
            customer=t(lang, "invoicing.for_customer", code=code) if code else "",
            amount=money.euros(closed.total.amount_cents, lang),
            csv=str(csv_path),
            xlsx=str(xlsx_path),
            closed=closed_text,
        )
    )
    return 0


def _problems(exc: DomainError, lang: str) -> list[str]:
    if isinstance(exc, InvalidInput):
        return [t(lang, key, **params) for key, params in exc.fields.values()]
    return [t(lang, exc.key, **exc.params)]
