"""The monthly export's contents, cell by cell in the CSV and the workbook: rounding up to the
quarter, the rate that held on the day (it changes on 16 November), the after-hours
surcharge, free work left out, the terms by contract date. Exporting closes the month: the
same file again, late work and corrections go into the next month (counter-entries)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from bot.errors import InvalidInput, InvalidTransition
from bot.events import Actor
from bot.invoicing.files import build
from bot.invoicing.rules import Month
from tests.conftest import LEAD, Balie, amsterdam, test_policy
from tests.invoicing.helpers import (
    HEADER_NL,
    closures,
    csv_rows,
    entry,
    invoicer,
    months_of,
    november,
    rate_change_policy,
    sheets,
)

NOV, DEC = Month(2026, 11), Month(2026, 12)
POLICY = rate_change_policy(test_policy())
ICT, KORTON = "Nederland ICT Voorwaarden", "Algemene Voorwaarden Korton"
ACME_NAME = "Acme Logistiek B.V."
# The rule and the reason as the ledger says them (bot.billing.wording), from the codes it
# stores: "out_of_scope" and "scope:inrichting".
R4, INRICHTING = "regel 4, buiten de dienstverlening", "Inrichting of ondersteuning bij inrichting"

# fmt: off
ACME_ROWS = [
    # 20 min -> 30 (the quarter up) at 96.00: 48.00.
    ["ACME", ACME_NAME, "KOR-000001", "2026-11-03", "Ondersteuning", "Printer inrichten", "20", "30", "96,00", "0", "48,00", R4, INRICHTING, "", ICT, "regulier", "2026-11"],
    # 20 November, after the rate went to 100.00: 45 min stays 45, 100 x 0.75 = 75.00.
    ["ACME", ACME_NAME, "KOR-000001", "2026-11-20", "Ondersteuning", "Nog een vraag", "45", "45", "100,00", "0", "75,00", "regel 2, verwezen naar een handleiding", "de klant is al naar een handleiding verwezen", "", ICT, "regulier", "2026-11"],
    # Saturday night: 50 min -> 60 at the repair rate 122.50, +50%: 183.75.
    ["ACME", ACME_NAME, "KOR-000001", "2026-11-21", "Herstel", "Storing 's avonds", "50", "60", "122,50", "50", "183,75", "regel 6, buiten kantoortijd zonder waakdienst", "buiten kantoortijd gewerkt voor een klant zonder waakdienst", "", ICT, "regulier", "2026-11"],
]
BAKKER_ROWS = [
    # 61 min -> 75 at 122.50: 153.125, half up 153.13. Contract 2016: the old terms.
    ["BAKKER", "Bakkerij Brood & Co", "KOR-000002", "2026-11-10", "Wijziging", "Rooster aanpassen", "61", "75", "122,50", "0", "153,13", "regel 5, uitsluiting", "Wijziging van functionaliteit of inrichting", "", KORTON, "regulier", "2026-11"],
]
# fmt: on


def test_the_csv_has_every_chargeable_line_cell_by_cell(balie: Balie) -> None:
    ids = november(balie)
    closed = invoicer(balie, POLICY).close(Actor.slack(LEAD), NOV)
    files = closed.files
    assert files.csv_name == "balie-facturatie-2026-11.csv"
    assert csv_rows(files.csv) == [HEADER_NL, *ACME_ROWS, *BAKKER_ROWS]
    assert files.csv.count(b"\r\n") == 5
    # Closed: November's entries (the free one too) carry the month; December's does not.
    marked = months_of(balie)
    assert {k: marked[v] for k, v in ids.items()} == {
        "setup": "2026-11",
        "referred": "2026-11",
        "night": "2026-11",
        "analysis": "2026-11",
        "change": "2026-11",
        "december": None,
    }
    assert closures(balie) == {("2026-11", "all")}
    # 48.00 + 75.00 + 183.75 + 153.13
    assert closed.total.amount_cents == 45988 and closed.newly


def _n(value: object) -> object:
    """A cell as the test compares it: numbers exact, a date cell (naive in XLSX) its day."""
    if isinstance(value, datetime):
        return value.date()
    return (
        Decimal(str(value))
        if isinstance(value, float | int) and not isinstance(value, bool)
        else value
    )


def test_the_workbook_has_an_overview_and_a_sheet_per_customer_cell_by_cell(balie: Balie) -> None:
    november(balie)
    closed = invoicer(balie, POLICY).close(Actor.slack(LEAD), NOV)
    book = sheets(closed.files.xlsx)
    assert list(book) == ["Overzicht", "ACME", "BAKKER"]
    overview = [[_n(c) for c in row] for row in book["Overzicht"]]
    assert overview == [
        ["Facturatie november 2026", None, None, None, None, None],
        ["Klant", "Klantnaam", "Voorwaarden", "Regels", "Afgerond (min)", "Bedrag (EUR)"],
        ["ACME", ACME_NAME, ICT, 3, 135, Decimal("306.75")],
        ["BAKKER", "Bakkerij Brood & Co", KORTON, 1, 75, Decimal("153.13")],
        ["Totaal", None, None, 4, 210, Decimal("459.88")],
    ]
    acme = book["ACME"]
    assert acme[0] == HEADER_NL
    assert [_n(c) for c in acme[1]] == [
        "ACME",
        ACME_NAME,
        "KOR-000001",
        date(2026, 11, 3),
        "Ondersteuning",
        "Printer inrichten",
        20,
        30,
        Decimal("96"),
        0,
        Decimal("48"),
        R4,
        INRICHTING,
        None,
        ICT,
        "regulier",
        "2026-11",
    ]
    assert [_n(c) for c in acme[2]][3:11] == [
        date(2026, 11, 20),
        "Ondersteuning",
        "Nog een vraag",
        45,
        45,
        Decimal("100"),
        0,
        Decimal("75"),
    ]
    assert [_n(c) for c in acme[3]][7:11] == [60, Decimal("122.5"), 50, Decimal("183.75")]
    assert [_n(c) for c in acme[4]] == [
        "Totaal",
        None,
        None,
        None,
        None,
        None,
        115,
        135,
        None,
        None,
        Decimal("306.75"),
        None,
        None,
        None,
        None,
        None,
        None,
    ]
    assert [_n(c) for c in book["BAKKER"][1]][6:11] == [
        61,
        75,
        Decimal("122.5"),
        0,
        Decimal("153.13"),
    ]
    assert len(book["BAKKER"]) == 3


def test_exporting_again_gives_the_same_bytes_and_late_work_waits_for_december(
    balie: Balie,
) -> None:
    november(balie)
    service = invoicer(balie, POLICY)
    first = service.close(Actor.slack(LEAD), NOV)
    files = first.files
    # The stored lines are the export: built from them again, the files are the same bytes.
    rebuilt = build(NOV, service.lines(NOV, None), POLICY, None)
    assert (rebuilt.csv, rebuilt.xlsx) == (files.csv, files.xlsx)
    # Work on 28 November recorded on 2 December, after the close: not in November's file.
    balie.clock.set(amsterdam(2026, 12, 2, 9, 0))
    late = entry(
        balie,
        "KOR-000001",
        10,
        amsterdam(2026, 11, 28, 10, 0),
        description="Nagekomen",
        recorded_at=amsterdam(2026, 12, 2, 9, 0),
    )
    again = service.close(Actor.slack(LEAD), NOV)
    assert not again.newly and again.closed_at == first.closed_at
    assert (again.files.csv, again.files.xlsx) == (files.csv, files.xlsx)
    assert (again.total, again.customers) == (first.total, first.customers) == (first.total, 2)
    assert months_of(balie)[late] is None
    balie.clock.set(amsterdam(2027, 1, 4, 9, 0))
    december = service.close(Actor.slack(LEAD), DEC)
    rows = csv_rows(december.files.csv)[1:]
    assert [(r[0], r[3], r[7], r[10], r[15], r[16]) for r in rows] == [
        # 10 min -> 15 at November's 100.00: 25.00, booked late in December.
        ("ACME", "2026-11-28", "15", "25,00", "nagekomen", "2026-11"),
        # 15 min of change at 122.50: 30.625 -> 30.63.
        ("BAKKER", "2026-12-01", "15", "30,63", "regulier", "2026-12"),
    ]


def test_a_correction_after_the_month_was_closed_is_a_counter_entry_in_the_next(
    balie: Balie,
) -> None:
    ids = november(balie)
    service = invoicer(balie, POLICY)
    service.close(Actor.slack(LEAD), NOV)
    # On 3 December the 45 minutes of 20 November turn out to be 30.
    balie.clock.set(amsterdam(2026, 12, 3, 9, 0))
    fixed = entry(
        balie,
        "KOR-000001",
        30,
        amsterdam(2026, 11, 20, 14, 0),
        rule="manual_referral",
        reason="referred",
        description="Nog een vraag (gecorrigeerd)",
        cancels=ids["referred"],
        recorded_at=amsterdam(2026, 12, 3, 9, 0),
    )
    balie.clock.set(amsterdam(2027, 1, 4, 9, 0))
    december = service.close(Actor.slack(LEAD), DEC)
    rows = csv_rows(december.files.csv)[1:]
    acme = [r for r in rows if r[0] == "ACME"]
    assert [(r[3], r[5], r[6], r[7], r[8], r[10], r[15], r[16]) for r in acme] == [
        # November's line reversed exactly: -45 min, its rate 100.00, -75.00.
        (
            "2026-11-20",
            "Nog een vraag",
            "-45",
            "-45",
            "100,00",
            "-75,00",
            "tegenboeking",
            "2026-11",
        ),
        # The corrected 30 min at the rate of the day of the work (100.00): 50.00.
        (
            "2026-11-20",
            "Nog een vraag (gecorrigeerd)",
            "30",
            "30",
            "100,00",
            "50,00",
            "nagekomen",
            "2026-11",
        ),
    ]
    assert months_of(balie)[fixed] == "2026-12"
    # November's file is what it was.
    assert csv_rows(build(NOV, service.lines(NOV, None), POLICY, None).csv)[2] == ACME_ROWS[1]


def test_one_customer_first_then_the_desk_keeps_that_customers_lines(balie: Balie) -> None:
    november(balie)
    service = invoicer(balie, POLICY)
    bakker = service.close(Actor.slack(LEAD), NOV, "bakker")
    assert [r[0] for r in csv_rows(bakker.files.csv)[1:]] == ["BAKKER"]
    assert bakker.files.csv_name == "balie-facturatie-2026-11-BAKKER.csv"
    desk = service.close(Actor.slack(LEAD), NOV)
    # The desk's file has the whole month: BAKKER's lines closed before too.
    assert desk.newly and [r[0] for r in csv_rows(desk.files.csv)[1:]] == ["ACME"] * 3 + ["BAKKER"]
    assert (desk.total.lines, desk.customers) == (4, 2)
    assert bakker.customer is not None
    assert closures(balie) == {("2026-11", "all"), ("2026-11", f"customer:{bakker.customer.id}")}
    # Closed for the desk: a customer's export of it is its stored lines, not a new closing.
    acme = service.close(Actor.slack(LEAD), NOV, "ACME")
    assert not acme.newly and acme.files.csv_name == "balie-facturatie-2026-11-ACME.csv"
    assert csv_rows(acme.files.csv)[1:] == ACME_ROWS
    assert list(sheets(acme.files.xlsx)) == ["Overzicht", "ACME"]
    assert (acme.total.lines, acme.total.amount_cents, acme.customers) == (3, 30675, 1)
    # And each closure gives its own files again, byte for byte.
    again = service.close(Actor.slack(LEAD), NOV, "BAKKER"), service.close(Actor.slack(LEAD), NOV)
    assert [x.files for x in again] == [bakker.files, desk.files]


def test_a_month_before_a_closed_one_cannot_be_closed_on_its_own(balie: Balie) -> None:
    november(balie)
    balie.clock.set(amsterdam(2027, 1, 4, 9, 0))
    service = invoicer(balie, POLICY)
    service.close(Actor.slack(LEAD), DEC)
    with pytest.raises(InvalidTransition) as refused:
        service.close(Actor.slack(LEAD), NOV)
    assert refused.value.params == {"month": "2026-11", "later": "2026-12"}
    assert ("2026-11", "all") not in closures(balie)


def test_a_month_not_over_and_an_unknown_customer_are_named_at_once(balie: Balie) -> None:
    november(balie)
    with pytest.raises(InvalidInput) as bad:
        invoicer(balie, POLICY).close(Actor.slack(LEAD), DEC, "NOPE")
    assert bad.value.fields == {
        "month": ("invoicing.error.month_not_over", {"month": "2026-12"}),
        "customer": ("invoicing.error.unknown_customer", {"value": "NOPE"}),
    }
    assert closures(balie) == set()


def test_work_without_a_rate_stops_the_export_and_names_every_kind(balie: Balie) -> None:
    november(balie)
    entry(balie, "KOR-000001", 30, amsterdam(2026, 11, 12, 9, 0), kind="training")
    with pytest.raises(InvalidInput) as bad:
        invoicer(balie, POLICY).close(Actor.slack(LEAD), NOV)
    assert bad.value.fields == {
        "rate_training": ("invoicing.error.no_rate", {"kind": "training", "days": "2026-11-12"})
    }
    assert closures(balie) == set() and set(months_of(balie).values()) == {None}
