from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from storage.models import Contact, Customer
from tests.conftest import DATA, Balie


def count(balie: Balie, model: type) -> int:
    with balie.services.sessions() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_yaml_import_is_idempotent(balie: Balie) -> None:
    # The balie fixture imported tests/data/customers.yml once already.
    report = balie.services.directory.import_file(DATA / "customers.yml")
    assert report.changed == 0 and report.unchanged == 8 and not report.problems
    assert (count(balie, Customer), count(balie, Contact)) == (3, 5)


def test_csv_import_creates_updates_and_is_idempotent(balie: Balie, tmp_path: Path) -> None:
    csv = tmp_path / "klanten.csv"
    csv.write_text(
        "code,name,sla_tier,contract_date,account_manager,contact_name,contact_email,contact_phone,contact_role\n"
        "DELTA,Delta Zorg,gold,2018-03-01,Kees Koster,Dirk Delta,dirk@delta.example,+31 6 1,main\n"
        "DELTA,Delta Zorg,gold,2018-03-01,Kees Koster,Els IT,els@delta.example,,it\n"
        "CAFE,Café De Hoek,silver,2021-01-10,Petra de Vries,,,,\n",
        encoding="utf-8",
    )
    report = balie.services.directory.import_file(csv)
    assert (report.customers_created, report.customers_updated, report.contacts_created) == (
        1,
        1,
        2,
    )
    again = balie.services.directory.import_file(csv)
    assert again.changed == 0
    with balie.services.sessions() as s:
        assert (
            s.execute(select(Customer.sla_tier).where(Customer.code == "CAFE")).scalar_one()
            == "silver"
        )


def test_a_bad_row_imports_nothing_and_names_the_row(balie: Balie, tmp_path: Path) -> None:
    path = tmp_path / "bad.yml"
    path.write_text(
        "customers:\n"
        "  - {code: NEW1, name: Nieuw, sla_tier: gold, contract_date: 2020-01-01, account_manager: X}\n"
        "  - {code: NEW2, name: Fout, sla_tier: platinum, contract_date: 2020-13-01, account_manager: X,\n"
        "     contacts: [{name: A, email: geen-mail, role: main}]}\n",
        encoding="utf-8",
    )
    report = balie.services.directory.import_file(path)
    text = "\n".join(report.problems)
    assert (
        "#2 (NEW2)" in text and "sla_tier" in text and "contract_date" in text and "email" in text
    )
    assert count(balie, Customer) == 3
