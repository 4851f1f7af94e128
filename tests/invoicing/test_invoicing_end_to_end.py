"""The export end to end, through signed requests only: agents record chargeable time with
`/ticket tijd` (out-of-scope work, and after-hours work for a bronze customer), a lead closes
November with `/facturatie 2026-11`, an agent corrects November's work afterwards with
`/ticket tijd … corrigeer`, and December's export carries the counter-entry: the CSV rows and
the workbook's cells as Balie writes them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from tests.billing.ledger_helpers import entries, say
from tests.conftest import LEAD, Balie, amsterdam
from tests.fakes import slack_files
from tests.invoicing.helpers import HEADER_NL, csv_rows, sheets, wait_for_outbox

CAFE = 'klant=CAFE contact="Cor de Hoek" via=telefoon type=incident impact=laag urgentie=laag'
ACME_Q = 'klant=ACME contact="Jan Jansen" via=telefoon type=question impact=laag urgentie=laag'
ICT = "Nederland ICT Voorwaarden"
R4 = "regel 4, buiten de dienstverlening"
INRICHTING = "Inrichting of ondersteuning bij inrichting"
R6 = "regel 6, buiten kantoortijd zonder waakdienst"
NOT_ENTITLED = "buiten kantoortijd, en de klant heeft geen recht op de waakdienst"


def export(balie: Balie, month: str, count: int) -> tuple[list[list[str]], dict[str, Any]]:
    """`/facturatie MONTH` by a lead: the CSV's rows and the workbook's sheets as uploaded."""
    response = balie.command(month, user=LEAD, command="/facturatie")
    assert response.status == 200, response.body
    assert "klaar" in response.json()["text"]
    wait_for_outbox(balie, "invoice_files", count=count)
    balie.drain()
    files = slack_files.shared_files(balie.fake)[-2:]
    assert [f["name"] for f in files] == [
        f"balie-facturatie-{month}.csv",
        f"balie-facturatie-{month}.xlsx",
    ]
    return csv_rows(files[0]["content"]), sheets(files[1]["content"])


def test_time_recorded_in_slack_is_exported_and_a_late_correction_is_a_counter_entry(
    balie: Balie,
) -> None:
    balie.clock.set(amsterdam(2026, 11, 2, 9, 0))
    acme = balie.register(f"{ACME_Q} Nieuwe printer")
    cafe = balie.register(f"{CAFE} Kassa valt uit")
    say(balie, f"herclassificeer {acme} scope=buiten-scope:inrichting")
    balie.clock.set(amsterdam(2026, 11, 3, 10, 0))
    said = say(balie, f"tijd {acme} 20m soort=inrichting Printer inrichten")
    assert "*Doorbelast* (regel 4, buiten de dienstverlening)" in said
    # Tuesday evening: bronze has no waakdienst in its SLA.
    balie.clock.set(amsterdam(2026, 11, 24, 21, 0))
    said = say(balie, f"tijd {cafe} 40m soort=herstel Kassa herstart")
    assert f"*Doorbelast* ({R6})" in said

    balie.clock.set(amsterdam(2026, 12, 1, 10, 0))
    rows, book = export(balie, "2026-11", 1)
    # fmt: off
    assert rows == [
        HEADER_NL,
        # 20 min -> 30 at the setup rate 122.50: 61.25.
        ["ACME", "Acme Logistiek B.V.", acme, "2026-11-03", "Inrichting", "Printer inrichten", "20", "30", "122,50", "0", "61,25", R4, INRICHTING, "", ICT, "regulier", "2026-11"],
        # 40 min -> 45 at the repair rate 122.50, +50% after hours: 137.8125 -> 137.81.
        ["CAFE", "Café De Hoek", cafe, "2026-11-24", "Herstel", "Kassa herstart", "40", "45", "122,50", "50", "137,81", R6, NOT_ENTITLED, "", ICT, "regulier", "2026-11"],
    ]
    # fmt: on
    assert list(book) == ["Overzicht", "ACME", "CAFE"]
    assert book["ACME"][1][:9] == [
        "ACME",
        "Acme Logistiek B.V.",
        acme,
        book["ACME"][1][3],
        "Inrichting",
        "Printer inrichten",
        20,
        30,
        122.5,
    ]
    assert book["ACME"][1][3].date() == date(2026, 11, 3)
    assert book["ACME"][1][10:] == [61.25, R4, INRICHTING, None, ICT, "regulier", "2026-11"]
    assert Decimal(str(book["CAFE"][1][10])) == Decimal("137.81")
    assert book["Overzicht"][-1][3:] == [2, 75, 199.06]

    # 3 December: the 20 minutes of 3 November were 50.
    balie.clock.set(amsterdam(2026, 12, 3, 9, 0))
    (first,) = entries(balie, acme)
    said = say(balie, f"tijd {acme} corrigeer {first.id} 50m")
    assert "50 minuten" in said
    # November's export is what it was.
    again, _ = export(balie, "2026-11", 2)
    assert again == rows

    balie.clock.set(amsterdam(2027, 1, 4, 9, 0))
    rows, book = export(balie, "2026-12", 3)
    # fmt: off
    assert rows[1:] == [
        # November's line reversed exactly, then the corrected 50 min -> 60 at 122.50.
        ["ACME", "Acme Logistiek B.V.", acme, "2026-11-03", "Inrichting", "Printer inrichten", "-20", "-30", "122,50", "0", "-61,25", R4, INRICHTING, "", ICT, "tegenboeking", "2026-11"],
        ["ACME", "Acme Logistiek B.V.", acme, "2026-11-03", "Inrichting", "Printer inrichten", "50", "60", "122,50", "0", "122,50", R4, INRICHTING, "", ICT, "nagekomen", "2026-11"],
    ]
    # fmt: on
    acme_sheet = book["ACME"]
    assert [r[6:11] for r in acme_sheet[1:3]] == [
        [-20, -30, 122.5, 0, -61.25],
        [50, 60, 122.5, 0, 122.5],
    ]
    assert acme_sheet[3][0] == "Totaal" and acme_sheet[3][6:11] == [30, 30, None, None, 61.25]
    assert [r[15] for r in acme_sheet[1:3]] == ["tegenboeking", "nagekomen"]
    assert list(book) == ["Overzicht", "ACME"]
