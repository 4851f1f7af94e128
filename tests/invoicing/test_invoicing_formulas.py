"""A description or a customer name that reads as a formula reaches finance as text: in the
CSV with a `'` before it (as /rapport's CSV), in the workbook as an inline-string cell that no
spreadsheet evaluates."""

from __future__ import annotations

import io
import zipfile

from openpyxl import load_workbook
from sqlalchemy import update

from bot.events import Actor
from bot.invoicing.rules import Month
from storage.models import Customer
from tests.conftest import LEAD, Balie, amsterdam, test_policy
from tests.invoicing.helpers import ACME, csv_rows, entry, invoicer

LINK = '=HYPERLINK("http://x","klik")'


def test_a_formula_in_a_description_or_a_name_is_text_in_both_files(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 2, 9, 0))
    number = balie.register(f"{ACME} Printer doet het niet")
    with balie.services.sessions.begin() as s:
        s.execute(update(Customer).where(Customer.code == "ACME").values(name="@SUM(A1:A9)"))
    entry(balie, number, 20, amsterdam(2026, 11, 3, 10, 0), description=LINK)
    entry(balie, number, 15, amsterdam(2026, 11, 4, 10, 0), description="-2+3 uur extra")
    balie.clock.set(amsterdam(2026, 12, 1, 10, 0))
    files = invoicer(balie, test_policy()).close(Actor.slack(LEAD), Month(2026, 11)).files

    rows = csv_rows(files.csv)[1:]
    assert [(r[1], r[5]) for r in rows] == [
        ("'@SUM(A1:A9)", "'" + LINK),
        ("'@SUM(A1:A9)", "'-2+3 uur extra"),
    ]
    # Balie's own numbers are not guarded: they are numbers.
    assert [r[10] for r in rows] == ["48,00", "24,00"]

    sheet = zipfile.ZipFile(io.BytesIO(files.xlsx)).read("xl/worksheets/sheet2.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    # The description is an inline string, the one kind of cell Excel never evaluates.
    assert f'<c t="inlineStr"><is><t xml:space="preserve">{LINK}</t></is></c>' in sheet
    ws = load_workbook(io.BytesIO(files.xlsx))["ACME"]
    assert (ws["F2"].value, ws["F2"].data_type) == (LINK, "s")
    assert (ws["B2"].value, ws["B2"].data_type) == ("@SUM(A1:A9)", "s")
