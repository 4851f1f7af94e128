"""The export's own SpreadsheetML writer, read back with openpyxl: values by type, the styles
(bold, dates, amounts), widths, the frozen header, the properties, user text that XML must
escape (or cannot hold), and the same bytes for the same rows."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from bot.invoicing import xlsx

AT = datetime(2026, 12, 1, tzinfo=UTC)
# openpyxl reads dates and the properties' moments as naive datetimes.
NAIVE_AT = AT.replace(tzinfo=None)
NOV_3 = datetime(2026, 11, 3, tzinfo=UTC).replace(tzinfo=None)


def _book() -> bytes:
    first = xlsx.Sheet("Overzicht & co", [12, 30])
    first.row(["Titel"], xlsx.BOLD)
    lines = xlsx.Sheet("K<1>", [10, 20, 12, 9], freeze_first_row=True)
    lines.row(["Klant", "Omschrijving", "Datum", "Bedrag"], xlsx.BOLD)
    lines.row(
        ["ACME", ' <b>"Tom & Jerry"</b>\x01\r\n ', date(2026, 11, 3), Decimal("-75.5")],
        [xlsx.PLAIN, xlsx.PLAIN, xlsx.DATE, xlsx.AMOUNT],
    )
    lines.row(["Totaal", None, "", 120, Decimal("1234.56")], [xlsx.BOLD] * 4 + [xlsx.AMOUNT_BOLD])
    return xlsx.workbook([first, lines], title="Facturatie & zo", creator="Balie", at=AT)


def test_a_workbook_reads_back_cell_by_cell_with_its_styles() -> None:
    data = _book()
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Overzicht & co", "K<1>"]
    first, lines = wb.worksheets
    assert first["A1"].value == "Titel" and first["A1"].font.b
    assert first.column_dimensions["B"].width == 30
    rows = [list(r) for r in lines.iter_rows(values_only=True)]
    assert rows == [
        ["Klant", "Omschrijving", "Datum", "Bedrag", None],
        # Escaped for XML and kept exactly, spaces and line break too; \x01 XML cannot hold.
        [
            "ACME",
            ' <b>"Tom & Jerry"</b>\r\n ',
            datetime(2026, 11, 3, tzinfo=UTC).replace(tzinfo=None),
            -75.5,
            None,
        ],
        ["Totaal", None, None, 120, 1234.56],
    ]
    assert lines["C2"].number_format == "yyyy-mm-dd"
    assert lines["D2"].number_format == "#,##0.00" and not lines["D2"].font.b
    assert lines["E3"].number_format == "#,##0.00" and lines["E3"].font.b
    assert lines["A1"].font.b and not lines["A2"].font.b
    assert lines.freeze_panes == "A2" and first.freeze_panes is None
    assert wb.properties.title == "Facturatie & zo" and wb.properties.creator == "Balie"
    assert wb.properties.created == NAIVE_AT and wb.properties.modified == NAIVE_AT


def test_the_same_rows_give_the_same_bytes() -> None:
    assert _book() == _book()


def test_a_value_of_another_type_is_refused_not_written_wrongly() -> None:
    sheet = xlsx.Sheet("x", [10])
    with pytest.raises(TypeError, match="float"):
        sheet.row([1.5])
    with pytest.raises(TypeError, match="datetime"):
        sheet.row([AT])


def test_a_layouts_rows_read_back_as_the_same_values_written_one_by_one() -> None:
    values = ["ACME", ' <b>"Tom & Jerry"</b>\x01\r\n ', "", date(2026, 11, 3), 45, "-75.50"]
    layout = xlsx.Layout([None, None, None, xlsx.DATE, xlsx.PLAIN, xlsx.AMOUNT])
    fast, slow = xlsx.Sheet("fast", [10]), xlsx.Sheet("slow", [10])
    for sheet in (fast, slow):
        sheet.row(["Kop"], xlsx.BOLD)
    fast.add(layout, (xlsx.text("ACME"), xlsx.text(values[1]), xlsx.text(""), 46329, 45, "-75.50"))
    slow.row(
        [*values[:5], Decimal("-75.50")],
        [xlsx.PLAIN, xlsx.PLAIN, xlsx.PLAIN, xlsx.DATE, xlsx.PLAIN, xlsx.AMOUNT],
    )
    data = xlsx.workbook([fast, slow], title="t", creator="Balie", at=AT)
    wb = load_workbook(io.BytesIO(data))
    got = [[list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets]
    assert got[0] == got[1]
    assert got[0][1] == [
        "ACME",
        ' <b>"Tom & Jerry"</b>\r\n ',
        None,
        NOV_3,
        45,
        -75.5,
    ]
    assert wb["fast"]["D2"].number_format == "yyyy-mm-dd"
    assert wb["fast"]["F2"].number_format == "#,##0.00"
    assert xlsx.serial(date(2026, 11, 3)) == 46329
