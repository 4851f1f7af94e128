"""Whatever was typed (a customer's name, a description, an order's reference), the CSV reads
back as that text: separators, quotes and line breaks quoted as a CSV reader expects, a
formula guarded, in either language's dialect."""

from __future__ import annotations

import csv
import io
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.cells import text_cell
from bot.invoicing.files import build
from bot.invoicing.rules import Booking, Line, Month
from bot.policy import load_policy

# Every character that matters to a CSV or to a spreadsheet, and ordinary ones.
TYPED = st.text(alphabet=st.sampled_from(list(";,\"\r\n\t=+-@ 'aZé€")), max_size=12)


def _line(name: str, description: str, reference: str) -> Line:
    return Line(
        customer_id=1,
        entry_id=2,
        booking=Booking.REGULAR,
        work_month="2026-11",
        ticket="KOR-000002",
        worked_on=date(2026, 11, 4),
        work_kind="support",
        description=description,
        minutes=45,
        rounded_minutes=45,
        rate_cents=9600,
        surcharge_percent=0,
        amount_cents=7200,
        rule="out_of_scope",
        reason="scope:inrichting",
        order_reference=reference or None,
        customer_code="ACME",
        customer_name=name,
        terms="korton",
    )


@settings(max_examples=200, deadline=None)
@given(name=TYPED, description=TYPED, reference=TYPED, lang=st.sampled_from(["nl", "en"]))
def test_typed_text_reads_back_from_the_csv(
    name: str, description: str, reference: str, lang: str
) -> None:
    policy = load_policy()
    policy = policy.model_copy(update={"language": lang})
    files = build(Month(2026, 11), [_line(name, description, reference)], policy, None)
    text = files.csv.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if lang == "nl" else ","))
    assert len(rows) == 2 and len(rows[1]) == len(rows[0]) == 17
    row = rows[1]
    assert (row[1], row[5], row[13]) == (
        text_cell(name),
        text_cell(description),
        text_cell(reference),
    )
    # And written as the csv module writes it.
    expected = io.StringIO(newline="")
    csv.writer(expected, delimiter=";" if lang == "nl" else ",", lineterminator="\r\n").writerows(
        rows
    )
    assert text == expected.getvalue()
