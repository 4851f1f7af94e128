from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.directory.service import Directory
from storage.models import Contact, Customer
from tests.conftest import DATA, Balie

HEADER = "code,name,sla_tier,contract_date,account_manager,contact_name,contact_email,contact_phone,contact_role\n"


def count(balie: Balie, model: type) -> int:
    with balie.services.sessions() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def contacts_of(balie: Balie, code: str) -> list[tuple[str, str, str]]:
    with balie.services.sessions() as s:
        rows = s.execute(
            select(Contact.name, Contact.email, Contact.role)
            .join(Customer)
            .where(Customer.code == code)
            .order_by(Contact.email)
        ).all()
    return [tuple(r) for r in rows]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def english(balie: Balie) -> Directory:
    d = balie.services.directory
    return Directory(sessions=d.sessions, clock=d.clock, roles=d.roles, lang="en")


def test_yaml_import_is_idempotent(balie: Balie) -> None:
    # The balie fixture imported tests/data/customers.yml once already.
    report = balie.services.directory.import_file(DATA / "customers.yml")
    assert report.changed == 0 and report.unchanged == 8 and not report.problems
    assert (count(balie, Customer), count(balie, Contact)) == (3, 5)


def test_csv_import_creates_updates_and_is_idempotent(balie: Balie, tmp_path: Path) -> None:
    csv = write(
        tmp_path,
        "klanten.csv",
        HEADER
        + "DELTA,Delta Zorg,gold,2018-03-01,Kees Koster,Dirk Delta,dirk@delta.example,+31 6 1,main\n"
        "DELTA,Delta Zorg,gold,2018-03-01,Kees Koster,Els IT,els@delta.example,,it\n"
        "CAFE,Café De Hoek,silver,2021-01-10,Petra de Vries,,,,\n",
    )
    report = balie.services.directory.import_file(csv)
    assert (report.customers_created, report.customers_updated, report.contacts_created) == (
        1,
        1,
        2,
    )
    # The update says what it changed.
    assert report.changes == ["regel 4 (CAFE): sla_tier: bronze → silver"]
    again = balie.services.directory.import_file(csv)
    assert again.changed == 0 and again.changes == []
    with balie.services.sessions() as s:
        assert (
            s.execute(select(Customer.sla_tier).where(Customer.code == "CAFE")).scalar_one()
            == "silver"
        )


def test_a_bad_row_imports_nothing_and_names_its_line(balie: Balie, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.yml",
        "customers:\n"
        "  - {code: NEW1, name: Nieuw, sla_tier: gold, contract_date: 2020-01-01, account_manager: X}\n"
        "  - {code: NEW2, name: Fout, sla_tier: platinum, contract_date: 2020-13-01, account_manager: X,\n"
        "     contacts: [{name: A, email: geen-mail, role: main}]}\n",
    )
    report = balie.services.directory.import_file(path)
    assert report.problems == [
        "regel 3 (NEW2): sla_tier: 'platinum' is geen geldige keuze",
        "regel 3 (NEW2): contract_date: '2020-13-01' is geen datum; schrijf JJJJ-MM-DD, zoals 2026-03-01",
        "regel 4 (NEW2, contactpersoon 1): email: 'geen-mail' is geen e-mailadres; schrijf naam@domein.nl",
    ]
    assert count(balie, Customer) == 3


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "customers:\n  - {code: A\n   name: x\n",
            "regel 3, kolom 8: hier ontbreekt een ',' of een sluitende '}' "
            "(geopend op regel 2, kolom 5)",
        ),
        (
            "customers: [ {code: A}\n  x: 1\n",
            "regel 2, kolom 3: hier ontbreekt een ',' of een sluitende ']' "
            "(geopend op regel 1, kolom 12)",
        ),
        (
            'customers:\n  - code: "A\\q"\n',
            "regel 2, kolom 14: '\\q' kan niet tussen dubbele aanhalingstekens; gebruik enkele",
        ),
        (
            "customers:\n  - code: A\n    name: Acme: Logistiek\n",
            "regel 3, kolom 15: hier mag geen ':' staan; zet tekst met een dubbele punt "
            "tussen aanhalingstekens",
        ),
        (
            "customers:\n\t- code: A\n",
            "regel 2, kolom 1: hier staat een tab; spring in met spaties",
        ),
        (
            "customers:\n  - code: A\n   name: x\n",
            "regel 3, kolom 4: de inspringing klopt hier niet",
        ),
        (
            "customers:\n  - code: 'A\n",
            "regel 3, kolom 1: het bestand houdt hier op terwijl er nog een aanhalingsteken "
            "of haakje open staat (geopend op regel 2, kolom 11)",
        ),
        (
            "customers:\n  - code: A\n    name: x\n    code: B\n",
            "regel 4, kolom 5: sleutel 'code' staat hier voor de tweede keer",
        ),
        ("klanten: []\n", "het bestand moet een lijst 'customers' bevatten"),
    ],
)
def test_broken_yaml_says_what_is_wrong_and_where(
    balie: Balie, tmp_path: Path, text: str, problem: str
) -> None:
    report = balie.services.directory.import_file(write(tmp_path, "broken.yml", text))
    assert report.problems == [problem]
    assert report.changed == 0 and count(balie, Customer) == 3


def test_broken_yaml_in_english_is_wholly_english(balie: Balie, tmp_path: Path) -> None:
    path = write(tmp_path, "broken.yml", "customers:\n  - {code: A\n   name: x\n")
    assert english(balie).import_file(path).problems == [
        "line 3, column 8: a ',' or a closing '}' is missing here (opened at line 2, column 5)"
    ]
    bad_row = write(
        tmp_path,
        "row.yml",
        "customers:\n  - {code: Z9, name: Z, sla_tier: platinum, contract_date: 2020-01-01, account_manager: X}\n",
    )
    assert english(balie).import_file(bad_row).problems == [
        "line 2 (Z9): sla_tier: 'platinum' is not a valid choice"
    ]


def test_csv_problems_are_named_by_line(balie: Balie, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.csv",
        HEADER + "DELTA,Delta Zorg,gold,2018-03-01,Kees,Dirk,dirk@delta.example,,main\n"
        "DELTA,Delta Zorg BV,gold,2018-03-01,Kees,Els,els@delta.example,,it\n"
        "DELTA,Delta Zorg,gold,2018-03-01,Kees,Piet,,+31 6 2,it\n"
        "EPS,Eps,platinum,2018-03-01,Kees,,,,\n"
        "EPS,Eps,platinum,2018-03-01,Kees,,,,,extra\n",
    )
    report = balie.services.directory.import_file(path)
    assert report.problems == [
        "regel 3: DELTA staat op regel 2 met andere gegevens (name); geef elke rij van een "
        "klant dezelfde klantgegevens",
        "regel 4: contact_email ontbreekt, terwijl er wel andere contactgegevens staan",
        "regel 6: deze rij heeft meer velden dan de kop kolommen",
    ]
    # Once the file reads as records, each record's problems are named by its line too.
    path.write_text(HEADER + "EPS,Eps,platinum,2018-03-01,Kees,,,,\n", encoding="utf-8")
    assert balie.services.directory.import_file(path).problems == [
        "regel 2 (EPS): sla_tier: 'platinum' is geen geldige keuze"
    ]
    assert count(balie, Customer) == 3


def test_a_misspelt_csv_column_is_named_not_ignored(balie: Balie, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "typo.csv",
        "code,name,sla_tier,contract_date,account_manager,contact_name,contact_emial,contact_role\n"
        "DELTA,Delta,gold,2018-03-01,Kees,Dirk,dirk@delta.example,main\n",
    )
    assert balie.services.directory.import_file(path).problems == [
        "regel 1: onbekende kolom 'contact_emial'"
    ]


def test_a_file_that_is_not_utf8_is_named(balie: Balie, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "CAFE,Café,bronze,2021-01-10,Petra,,,,\n").encode("latin-1"))
    assert balie.services.directory.import_file(path).problems == [
        "regel 2: dit is geen UTF-8; sla het bestand op als UTF-8"
    ]


def test_shape_problems_and_unknown_keys_are_named(balie: Balie, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "shape.yml",
        "customers:\n"
        "  - ACME\n"
        "  - {code: F1, name: F, sla_tier: gold, contract_date: 2020-01-01, account_manager: X, acount: y}\n"
        "  - {code: F2, name: F, sla_tier: gold, contract_date: 2020-01-01, account_manager: X, contacts: nee}\n"
        "  - code: F3\n"
        "    name: F\n"
        "    sla_tier: gold\n"
        "    contract_date: 2020-01-01\n"
        "    account_manager: X\n"
        "    contacts:\n"
        "      - Jan\n"
        "      - {name: Jan, email: jan@f3.example, role: main, telefoon: 1}\n",
    )
    assert balie.services.directory.import_file(path).problems == [
        "klant 1 (?): hier hoort een klant (code, name, sla_tier, contract_date, account_manager), niet 'ACME'",
        "regel 3 (F1): onbekende sleutel 'acount'",
        "regel 4 (F2): contacts moet een lijst contactpersonen zijn",
        "klant 4 (F3), contactpersoon 1: hier hoort een contactpersoon (name, email, phone, role), niet 'Jan'",
        "regel 12 (F3, contactpersoon 2): onbekende sleutel 'telefoon'",
    ]


def test_a_code_or_email_twice_in_any_case_is_refused(balie: Balie, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "twice.yml",
        "customers:\n"
        "  - {code: TWEE, name: T, sla_tier: gold, contract_date: 2020-01-01, account_manager: X,\n"
        "     contacts: [{name: A, email: a@twee.example, role: main},\n"
        "                {name: B, email: A@Twee.example, role: it}]}\n"
        "  - {code: twee, name: T, sla_tier: gold, contract_date: 2020-01-01, account_manager: X}\n",
    )
    assert balie.services.directory.import_file(path).problems == [
        "regel 4 (TWEE, contactpersoon 2): a@twee.example staat ook op regel 3 (TWEE, "
        "contactpersoon 1); een e-mailadres hoort bij één contactpersoon",
        "regel 5 (twee): klant twee staat ook op regel 2 (TWEE)",
    ]
    assert count(balie, Customer) == 3


def test_email_in_another_case_updates_the_same_contact(balie: Balie, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "case.yml",
        "customers:\n"
        "  - code: ACME\n"
        "    name: Acme Logistiek B.V.\n"
        "    sla_tier: gold\n"
        "    contract_date: 2019-04-01\n"
        "    account_manager: Petra de Vries\n"
        "    contacts:\n"
        "      - {name: Jan Jansen, email: Jan@ACME.example, phone: '+31 20 555 0199', role: main}\n"
        "      - {name: Nieuwe Collega, email: Nieuw@ACME.example, role: it}\n",
    )
    report = balie.services.directory.import_file(path)
    assert (report.contacts_created, report.contacts_updated) == (1, 1), report.problems
    assert report.changes == [
        "regel 8 (ACME, contactpersoon 1): phone: +31 20 555 0101 → +31 20 555 0199"
    ]
    assert contacts_of(balie, "ACME") == [
        ("Eva Eindgebruiker", "eva@acme.example", "end_user"),
        ("Ingrid IT", "it@acme.example", "it"),
        ("Jan Jansen", "jan@acme.example", "main"),
        ("Nieuwe Collega", "nieuw@acme.example", "it"),
    ]
    assert balie.services.directory.import_file(path).changed == 0


def test_an_import_that_leaves_no_main_contact_changes_nothing(
    balie: Balie, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "demote.yml",
        "customers:\n"
        "  - {code: NEW1, name: Nieuw, sla_tier: gold, contract_date: 2020-01-01, account_manager: X}\n"
        "  - code: BAKKER\n"
        "    name: Bakkerij Brood & Co\n"
        "    sla_tier: silver\n"
        "    contract_date: 2016-09-15\n"
        "    account_manager: Kees Koster\n"
        "    contacts:\n"
        "      - {name: Bert Bakker, email: bert@bakker.example, role: it}\n",
    )
    report = balie.services.directory.import_file(path)
    assert report.problems == [
        "regel 9 (BAKKER, contactpersoon 1): dan heeft BAKKER geen hoofdcontactpersoon meer; "
        "geef eerst een andere contactpersoon de rol main"
    ]
    assert report.changed == 0
    assert count(balie, Customer) == 3  # NEW1 was rolled back with the rest
    assert contacts_of(balie, "BAKKER") == [("Bert Bakker", "bert@bakker.example", "main")]
