"""Importing the rota: a YAML rota file and the team's iCalendar export, all or nothing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.clock import ManualClock
from bot.oncall.rota import Rota
from bot.oncall.rota_files import RotaImport, is_rota_file
from bot.oncall.rules.rota import Which
from bot.roles import RoleResolver
from storage.db import make_sessionmaker
from tests.conftest import Database, amsterdam, test_policy
from tests.test_main import run

ROTA_YAML = """\
engineers:
  - {slack: UPIET001, name: Piet Pieters, phone: "06 1234 5678", email: Piet@Korton.nl}
  - {slack: UANNA002, name: Anna de Wit, phone: "+31 6 8765 4321", email: anna@korton.nl}
  - {slack: UKEES003, name: Kees}
rotations:
  primary: {members: [UPIET001, anna@korton.nl], start: 2026-11-30, handover: "ma 08:30", every: 7d}
  backup: {members: [UKEES003], start: 2026-11-30}
overrides:
  - {user: UKEES003, from: "2026-12-24 18:00", until: "2026-12-27 08:30"}
"""

CALENDAR = """\
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Korton//Teamagenda//NL
BEGIN:VTIMEZONE
TZID:Europe/Amsterdam
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:weekend-piet@korton.nl
SUMMARY:Waakdienst weekend
ATTENDEE;CN=Piet:mailto:piet@korton.nl
DTSTART;TZID=Europe/Amsterdam:20261016T173000
DTEND;TZID=Europe/Amsterdam:20261019T083000
RRULE:FREQ=WEEKLY;COUNT=3
END:VEVENT
BEGIN:VEVENT
UID:kerst-anna@korton.nl
SUMMARY:Reserve Anna de Wit
DTSTART;VALUE=DATE:20261224
DTEND;VALUE=DATE:20261227
END:VEVENT
BEGIN:VEVENT
UID:uitje@korton.nl
SUMMARY:Teamuitje
DTSTART;VALUE=DATE:20261106
END:VEVENT
END:VCALENDAR
"""


def importer(database: Database, clock: ManualClock) -> tuple[RotaImport, Rota]:
    sessions = make_sessionmaker(database.engine)
    policy = test_policy()
    rota = Rota(
        sessions=sessions, policy=policy, clock=clock, roles=RoleResolver(policy, lambda _g: [])
    )
    return RotaImport(sessions=sessions, clock=clock, policy=policy, lang="nl"), rota


def test_a_yaml_rota_file_sets_engineers_rotations_and_overrides_once(
    database: Database, tmp_path: Path
) -> None:
    clock = ManualClock(amsterdam(2026, 11, 24, 10))
    imp, rota = importer(database, clock)
    path = tmp_path / "rooster.yml"
    path.write_text(ROTA_YAML, encoding="utf-8")
    assert is_rota_file(path)
    report = imp.import_file(path)
    assert report.problems == []
    assert (report.engineers, report.rotations, report.overrides_added) == (3, 2, 1)
    assert rota.phone("UPIET001") == "+31612345678" and rota.phone("UANNA002") == "+31687654321"
    assert rota.targets(amsterdam(2026, 12, 1, 12)).primary == "UPIET001"
    assert rota.targets(amsterdam(2026, 12, 8, 12)).primary == "UANNA002"
    christmas = rota.targets(amsterdam(2026, 12, 25, 12))
    assert (christmas.primary, christmas.backup) == ("UKEES003", "UKEES003")
    # Before the rotation starts on Monday 30 November nobody has it: a gap.
    assert rota.targets(clock.now()).primary is None
    again = imp.import_file(path)
    assert (again.overrides_added, again.overrides_unchanged) == (0, 1)


def test_a_bad_rota_file_names_every_problem_and_changes_nothing(
    database: Database, tmp_path: Path
) -> None:
    imp, rota = importer(database, ManualClock(amsterdam(2026, 11, 24, 10)))
    path = tmp_path / "rooster.yml"
    path.write_text(
        "engineers:\n"
        "  - {slack: UPIET001, phone: '12', email: geen-adres, kleur: blauw}\n"
        "  - {slack: piet}\n"
        "rotations:\n"
        "  primair: {members: [UPIET001, onbekend@korton.nl], start: morgenvroeg, every: 0d}\n"
        "  derde: {members: []}\n"
        "overrides:\n"
        "  - {user: UPIET001, from: '2026-12-24 18:00', until: '2026-12-20 08:30'}\n",
        encoding="utf-8",
    )
    report = imp.import_file(path)
    assert report.problems == [
        "engineers[1]: 'kleur' kent Balie hier niet",
        "engineers[1]: '12' is geen telefoonnummer; schrijf bijvoorbeeld +31612345678 of 06 12345678",
        "engineers[1]: email: 'geen-adres' is geen e-mailadres",
        "engineers[2]: slack: 'piet' is geen Slack-gebruikers-id (zoals U0123ABCD)",
        "rotations.primair.members[2]: 'onbekend@korton.nl' is geen engineer uit dit bestand of "
        "uit Balie; gebruik een Slack-id of het e-mailadres van een engineer",
        "rotations.primair: '0d' is geen periode; schrijf een aantal hele dagen of weken, zoals 7d of 2w",
        "rotations.primair: start: 'morgenvroeg' is geen datum; schrijf bijvoorbeeld 2026-11-30",
        "rotations.derde: 'derde' is geen rotatie; kies primary of backup",
        "overrides[1]: het einde ligt niet na het begin",
    ]
    assert rota.phone("UPIET001") is None
    assert rota.schedule(amsterdam(2026, 11, 24)).primary is None
    broken = tmp_path / "kapot.yml"
    broken.write_text("engineers:\n  - {slack: U1, name: 'x}\n", encoding="utf-8")
    (problem,) = imp.import_file(broken).problems
    assert problem.startswith("regel 3, kolom 1") and "geopend op regel 2" in problem


def test_an_icalendar_export_becomes_overrides_across_a_dst_switch(database: Database) -> None:
    clock = ManualClock(amsterdam(2026, 10, 1, 12))
    imp, rota = importer(database, clock)
    yaml_report = imp.import_data(
        {
            "engineers": [
                {"slack": "UPIET001", "name": "Piet", "email": "piet@korton.nl"},
                {"slack": "UANNA002", "name": "Anna de Wit"},
            ]
        }
    )
    assert yaml_report.problems == []
    report = imp.import_calendar(CALENDAR.encode(), source="team.ics")
    assert report.problems == []
    assert (report.overrides_added, report.skipped) == (4, 1)  # the team outing names nobody
    weekends = rota.turns(Which.PRIMARY, amsterdam(2026, 10, 16), amsterdam(2026, 11, 3))
    piet = [t for t in weekends if t.user == "UPIET001"]
    # 08:30 and 17:30 in Amsterdam every week, before and after DST ends on 25 October.
    assert [(t.start, t.end) for t in piet] == [
        (amsterdam(2026, 10, 16, 17, 30), amsterdam(2026, 10, 19, 8, 30)),
        (amsterdam(2026, 10, 23, 17, 30), amsterdam(2026, 10, 26, 8, 30)),
        (amsterdam(2026, 10, 30, 17, 30), amsterdam(2026, 11, 2, 8, 30)),
    ]
    assert piet[1].end - piet[1].start == timedelta(hours=64)  # 63 h of wall time + 1
    # All-day events run from handover to handover; "Reserve" makes it the backup's.
    assert rota.targets(amsterdam(2026, 12, 24, 8, 29)).backup is None
    assert rota.targets(amsterdam(2026, 12, 24, 8, 30)).backup == "UANNA002"
    assert rota.targets(amsterdam(2026, 12, 27, 8, 29)).backup == "UANNA002"
    assert rota.targets(amsterdam(2026, 12, 27, 8, 30)).backup is None
    assert imp.import_calendar(CALENDAR.encode()).overrides_unchanged == 4


def test_a_calendar_event_naming_two_engineers_is_refused(database: Database) -> None:
    imp, rota = importer(database, ManualClock(amsterdam(2026, 10, 1, 12)))
    imp.import_data(
        {
            "engineers": [
                {"slack": "UPIET001", "name": "Piet"},
                {"slack": "UKEES003", "name": "Kees"},
            ]
        }
    )
    two = CALENDAR.replace("SUMMARY:Teamuitje", "SUMMARY:Piet en Kees")
    report = imp.import_calendar(two.encode())
    assert report.problems == [
        "Piet en Kees (06-11-2026 08:30): deze afspraak noemt meer engineers (UKEES003, UPIET001); zet er één in"
    ]
    assert rota.turns(Which.PRIMARY, amsterdam(2026, 10, 1), amsterdam(2026, 12, 1))[0].user is None
    assert (
        imp.import_calendar(b"not a calendar").problems[0].startswith("calendar.ics: dit is geen")
    )


def test_python_m_bot_import_takes_a_rota_file(tmp_path: Path) -> None:
    path = tmp_path / "rooster.yml"
    path.write_text(ROTA_YAML, encoding="utf-8")
    done = run(tmp_path, "import", str(path))
    assert done.returncode == 0, done.stderr
    assert "3 engineers bijgewerkt, 2 rotaties ingesteld, 1 overname toegevoegd" in done.stdout
    bad = tmp_path / "fout.yml"
    bad.write_text("overrides:\n  - {user: UNIEMAND1, from: nu, until: morgen}\n", encoding="utf-8")
    failed = run(tmp_path, "import", str(bad))
    assert failed.returncode == 1
    assert (
        failed.stderr.splitlines()[0]
        == f"{bad} is niet ingelezen; er is niets veranderd. Dit moet anders:"
    )
