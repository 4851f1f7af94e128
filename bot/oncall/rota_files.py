"""Importing the rota: a YAML rota file, or an iCalendar file from the team's shared calendar.

YAML (`engineers`, `rotations`, `overrides`; see README): engineers are added or updated,
each rotation given is set anew, each override is added unless the same one is there (so an
import run twice changes nothing the second time).

iCalendar: every event (recurring ones expanded, from now to a year ahead) that names one
engineer becomes a take-over of that engineer for the event's time. An event names an
engineer by an ATTENDEE whose mailto: is the engineer's e-mail address, or else by the
engineer's Slack id or name in its SUMMARY. SUMMARY or CATEGORIES with "achterwacht",
"reserve" or "backup" make it the backup rotation's, otherwise the primary's. Times with a
TZID keep it; floating times and all-day events are Europe/Amsterdam, and an all-day event
runs from the handover time (08:30) on its first day to the handover time on the day after
its last. Events that name nobody are skipped (and counted); an event that names several
engineers is a problem.

Both are all-or-nothing: every problem is named at once, and nothing is written on one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.directory.files import yaml_problem
from bot.i18n import t, tn
from bot.oncall import dates
from bot.oncall.grammar import phone_number, user_of
from bot.oncall.rota import load_schedule
from bot.oncall.rota_calendar import Span, read_calendar
from bot.oncall.rules.rota import Which
from bot.policy import Policy
from storage import rota as store

_ROTA_KEYS = re.compile(r"^(engineers|rotations|overrides)\s*:", re.M)
_WHICH = {
    **dict.fromkeys(("primary", "primair"), Which.PRIMARY),
    **dict.fromkeys(("backup", "achterwacht", "reserve"), Which.BACKUP),
}
_ENGINEER_KEYS = ("slack", "name", "phone", "email")
_OVERRIDE_KEYS = ("user", "from", "until", "rotation")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def is_rota_file(path: Path) -> bool:
    """An .ics file, or YAML with the rota's top-level keys (a customer file has none)."""
    if path.suffix.lower() in (".ics", ".ical", ".ifb"):
        return True
    try:
        return bool(_ROTA_KEYS.search(path.read_text(encoding="utf-8-sig")))
    except (OSError, UnicodeDecodeError):
        return False


@dataclass
class RotaImportReport:
    engineers: int = 0
    rotations: int = 0
    overrides_added: int = 0
    overrides_unchanged: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)


def summary(report: RotaImportReport, path: str, lang: str) -> str:
    """What an import did, each count in its plural form."""
    return t(
        lang,
        "rota.import.summary",
        path=path,
        engineers=tn(lang, "rota.import.engineers", report.engineers),
        rotations=tn(lang, "rota.import.rotations", report.rotations),
        added=tn(lang, "rota.import.added", report.overrides_added),
        unchanged=tn(lang, "rota.import.unchanged", report.overrides_unchanged),
        skipped=tn(lang, "rota.import.skipped", report.skipped),
    )


class _Loader(yaml.SafeLoader):
    """Dates stay text: a bad date is then a named problem, not a crash."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class RotaImport:
    def __init__(
        self, *, sessions: sessionmaker[Session], clock: Clock, policy: Policy, lang: str
    ) -> None:
        self.sessions = sessions
        self.clock = clock
        self.policy = policy
        self.lang = lang

    def _bad(self, report: RotaImportReport, where: str, message: str, /, **params: Any) -> None:
        report.problems.append(f"{where}: {t(self.lang, message, **params)}")

    def import_file(self, path: Path) -> RotaImportReport:
        if path.suffix.lower() in (".ics", ".ical", ".ifb"):
            return self.import_calendar(path.read_bytes(), source=path.name)
        try:
            data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_Loader)
        except yaml.YAMLError as exc:
            return RotaImportReport(problems=[yaml_problem(exc).text(self.lang)])
        return self.import_data(data, source=path.name)

    # --- YAML -----------------------------------------------------------------------------

    def import_data(self, data: Any, source: str = "import") -> RotaImportReport:
        report = RotaImportReport()
        if not isinstance(data, dict):
            self._bad(report, source, "rota.import.shape")
            return report
        for key in data:
            if key not in ("engineers", "rotations", "overrides"):
                self._bad(report, str(key), "rota.import.unknown_key", value=str(key))
        engineers = self._engineers(report, data.get("engineers") or [])
        known = {e["user_id"] for e in engineers}
        by_email = {e["email"]: e["user_id"] for e in engineers if e.get("email")}
        with self.sessions() as session:
            for row in store.engineers(session=session):
                known.add(row.user_id)
                if row.email:
                    by_email.setdefault(row.email, row.user_id)
        rotations = self._rotations(report, data.get("rotations") or {}, known, by_email)
        spans = self._overrides(report, data.get("overrides") or [], known, by_email)
        if report.problems:
            return report
        self._write(report, engineers, rotations, spans, source)
        return report

    def _known_keys(
        self, report: RotaImportReport, where: str, item: dict[Any, Any], keys: tuple[str, ...]
    ) -> None:
        for key in item:
            if key not in keys:
                self._bad(report, where, "rota.import.unknown_key", value=str(key))

    def _mappings(
        self, report: RotaImportReport, items: Any, name: str, keys: tuple[str, ...]
    ) -> Iterator[tuple[str, dict[Any, Any]]]:
        """The items of the list `name`, each with its place in the file (`overrides[2]`). A
        list that is none, an item that is no mapping and a key not in `keys` are problems."""
        if not isinstance(items, list):
            self._bad(report, name, "rota.import.not_a_list")
            return
        for i, item in enumerate(items, start=1):
            where = f"{name}[{i}]"
            if not isinstance(item, dict):
                self._bad(report, where, "rota.import.not_a_mapping")
                continue
            self._known_keys(report, where, item, keys)
            yield where, item

    def _engineers(self, report: RotaImportReport, items: Any) -> list[dict[str, Any]]:
        out = []
        for where, item in self._mappings(report, items, "engineers", _ENGINEER_KEYS):
            user = user_of(str(item.get("slack", "")))
            if user is None:
                self._bad(report, where, "rota.import.slack_id", value=str(item.get("slack", "")))
                continue
            phone = None
            if item.get("phone") is not None:
                phone = phone_number(str(item["phone"]))
                if phone is None:
                    self._bad(report, where, "rota.phone_invalid", value=str(item["phone"]))
            email = str(item["email"]).strip().lower() if item.get("email") else None
            if email is not None and not _EMAIL.match(email):
                self._bad(report, where, "rota.import.email", value=email)
            name = str(item["name"]) if item.get("name") else None
            out.append({"user_id": user, "name": name, "phone": phone, "email": email})
        return out

    def _who(self, value: Any, known: set[str], by_email: dict[str, str]) -> str | None:
        text = str(value or "").strip()
        user = user_of(text)
        if user is not None and user in known:
            return user
        return by_email.get(text.lower())

    def _rotations(
        self, report: RotaImportReport, items: Any, known: set[str], by_email: dict[str, str]
    ) -> list[tuple[Which, list[str], date, tuple[int, time], int]]:
        if not isinstance(items, dict):
            self._bad(report, "rotations", "rota.import.not_a_mapping")
            return []
        defaults = self.policy.waakdienst.rotation
        out = []
        for name, spec in items.items():
            where = f"rotations.{name}"
            which = _WHICH.get(str(name).lower())
            if which is None or not isinstance(spec, dict):
                self._bad(report, where, "rota.import.rotation_name", value=str(name))
                continue
            self._known_keys(report, where, spec, ("members", "start", "handover", "every"))
            members = []
            for j, m in enumerate(spec.get("members") or [], start=1):
                user = self._who(m, known, by_email)
                if user is None:
                    self._bad(
                        report, f"{where}.members[{j}]", "rota.import.no_engineer", value=str(m)
                    )
                members.append(user or "")
            now = self.clock.now()
            handover = (
                dates.handover(str(spec["handover"])) if "handover" in spec else defaults.handover
            )
            if handover is None:
                self._bad(report, where, "rota.handover_invalid", value=str(spec["handover"]))
            every = (
                dates.period_days(str(spec["every"])) if "every" in spec else defaults.every.days
            )
            if every is None:
                self._bad(report, where, "rota.every_invalid", value=str(spec["every"]))
            start = dates.day(str(spec.get("start", "")), now) if "start" in spec else None
            if start is None:
                self._bad(report, where, "rota.import.start", value=str(spec.get("start", "")))
            if handover and every and start:
                out.append((which, members, start, handover, every))
        return out

    def _overrides(
        self, report: RotaImportReport, items: Any, known: set[str], by_email: dict[str, str]
    ) -> list[Span]:
        at = self.policy.waakdienst.rotation.handover[1]
        now = self.clock.now()
        out = []
        for where, item in self._mappings(report, items, "overrides", _OVERRIDE_KEYS):
            user = self._who(item.get("user"), known, by_email)
            if user is None:
                self._bad(report, where, "rota.import.no_engineer", value=str(item.get("user")))
            start = dates.moment(str(item.get("from", "")), now, at)
            end = dates.moment(str(item.get("until", "")), now, at, start)
            which = _WHICH.get(str(item.get("rotation", "primary")).lower())
            for key, value in (("from", start), ("until", end)):
                if value is None:
                    self._bad(
                        report, where, "rota.moment_invalid", key=key, value=str(item.get(key))
                    )
            if which is None:
                self._bad(report, where, "rota.import.rotation_name", value=str(item["rotation"]))
            if start and end and end <= start:
                self._bad(report, where, "rota.until_before_from")
            elif user and start and end and which:
                out.append(Span(where, which, user, start, end))
        return out

    def _write(
        self,
        report: RotaImportReport,
        engineers: list[dict[str, Any]],
        rotations: list[tuple[Which, list[str], date, tuple[int, time], int]],
        spans: list[Span],
        source: str,
    ) -> None:
        now = self.clock.now()
        actor = f"import:{source}"[:320]
        with self.sessions.begin() as session:
            for e in engineers:
                store.save_engineer(session=session, now=now, **e)
                report.engineers += 1
            for which, members, start, (weekday, at), every in rotations:
                store.save_rotation(
                    session=session,
                    name=which.value,
                    members=members,
                    period_days=every,
                    handover_weekday=weekday,
                    handover_time=at.strftime("%H:%M"),
                    anchor=start,
                    actor=actor,
                    now=now,
                )
                report.rotations += 1
            session.flush()
            self._add_spans(session, report, spans, actor, now)

    def _add_spans(
        self,
        session: Session,
        report: RotaImportReport,
        spans: list[Span],
        actor: str,
        now: datetime,
    ) -> None:
        schedule = load_schedule(session, now)
        for s in spans:
            same = store.same_override(
                session=session,
                rotation=s.which.value,
                user_id=s.user,
                starts_at=s.start,
                ends_at=s.end,
            )
            if same is not None:
                report.overrides_unchanged += 1
                continue
            planned = schedule.shifts(s.which, s.start, s.start + timedelta(seconds=1))
            store.add_override(
                session=session,
                rotation=s.which.value,
                user_id=s.user,
                starts_at=s.start,
                ends_at=s.end,
                kind="take_over",
                replaces=planned[0].user if planned else None,
                created_by=actor,
                now=now,
            )
            report.overrides_added += 1

    # --- iCalendar ------------------------------------------------------------------------

    def import_calendar(self, raw: bytes, source: str = "calendar.ics") -> RotaImportReport:
        report = RotaImportReport()
        with self.sessions() as session:
            engineers = [(e.user_id, e.name, e.email) for e in store.engineers(session=session)]
        now = self.clock.now()
        read = read_calendar(
            raw,
            engineers=engineers,
            now=now,
            at=self.policy.waakdienst.rotation.handover[1],
            source=source,
        )
        report.skipped = read.skipped
        for where, key, params in read.problems:
            self._bad(report, where, key, **params)
        if report.problems:
            return report
        with self.sessions.begin() as session:
            self._add_spans(session, report, read.spans, f"import:{source}"[:320], now)
        return report
