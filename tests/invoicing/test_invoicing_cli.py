"""`python -m bot facturatie MONTH [--klant CODE] [--uit DIR]` as an operator runs it: it
closes the month, writes the CSV and the workbook, and says what it did; again, the same
bytes; a bad month or directory, or an unknown customer, is one clear message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import Balie, amsterdam
from tests.invoicing.helpers import ACME, HEADER_NL, csv_rows, entry, months_of, sheets

ROOT = Path(__file__).resolve().parents[2]
DROPPED = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SMTP_URL", "POLICY_FILE")


def run(balie: Balie, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in DROPPED}
    env |= {"DATABASE_URL": balie.database.url, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "bot", "facturatie", *args],
        cwd=cwd,  # no stray .env from the repository
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,  # the tests assert on the exit status
    )


def october(balie: Balie) -> int:
    # October 2026 is over by the time this runs (the machine's clock, not the test's).
    balie.clock.set(amsterdam(2026, 10, 5, 9, 0))
    number = balie.register(f"{ACME} Koppeling inrichten")
    return entry(
        balie, number, 100, amsterdam(2026, 10, 6, 13, 0), kind="setup", description="Koppeling"
    )


def test_the_cli_closes_the_month_and_writes_both_files(balie: Balie, tmp_path: Path) -> None:
    done = october(balie)
    out = tmp_path / "uit"
    out.mkdir()
    first = run(balie, tmp_path, "2026-10", "--uit", str(out))
    assert first.returncode == 0, first.stderr
    csv_path = out / "balie-facturatie-2026-10.csv"
    xlsx_path = out / "balie-facturatie-2026-10.xlsx"
    # 100 min -> 105 at the engineer rate 122.50: 214.375, half up 214.38.
    assert first.stdout.strip() == (
        "Facturatie oktober 2026: 1 regel, € 214,38. "
        f"Geschreven: {csv_path} en {xlsx_path}. "
        "De maand is nu afgesloten: wat er later nog voor deze maand wordt geschreven, gaat mee in de volgende maand."
    )
    rows = csv_rows(csv_path.read_bytes())
    assert rows == [
        HEADER_NL,
        [
            "ACME", "Acme Logistiek B.V.", "KOR-000001", "2026-10-06", "Inrichting", "Koppeling",
            "100", "105", "122,50", "0", "214,38", "regel 4, buiten de dienstverlening",
            "Inrichting of ondersteuning bij inrichting", "",
            "Nederland ICT Voorwaarden", "regulier", "2026-10",
        ],
    ]  # fmt: skip
    assert list(sheets(xlsx_path.read_bytes())) == ["Overzicht", "ACME"]
    assert months_of(balie)[done] == "2026-10"
    before = (csv_path.read_bytes(), xlsx_path.read_bytes())
    again = run(balie, tmp_path, "2026-10", "--uit", str(out))
    assert again.returncode == 0, again.stderr
    assert "De maand was al afgesloten op" in again.stdout
    assert (csv_path.read_bytes(), xlsx_path.read_bytes()) == before


def test_one_customer_into_the_current_directory(balie: Balie, tmp_path: Path) -> None:
    october(balie)
    done = run(balie, tmp_path, "2026-10", "--klant", "acme")
    assert done.returncode == 0, done.stderr
    assert "Facturatie oktober 2026 voor ACME: 1 regel" in done.stdout
    assert (tmp_path / "balie-facturatie-2026-10-ACME.csv").is_file()


def test_bad_input_is_one_clear_message_and_nothing_is_closed(balie: Balie, tmp_path: Path) -> None:
    done = october(balie)
    bad = run(balie, tmp_path, "oktober", "--uit", str(tmp_path / "nergens"))
    assert bad.returncode == 2
    assert bad.stderr.splitlines() == [
        "'oktober' is geen maand; schrijf bijvoorbeeld 2026-11",
        f"De map {tmp_path / 'nergens'} bestaat niet.",
    ]
    unknown = run(balie, tmp_path, "2026-10", "--klant", "NOPE")
    assert (unknown.returncode, unknown.stderr.strip()) == (1, "klant 'NOPE' bestaat niet")
    assert months_of(balie)[done] is None
