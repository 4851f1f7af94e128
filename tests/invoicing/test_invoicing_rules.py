"""The export's pure rules: months on the desk's clock, the terms by contract date, and which
lines a month gets (regular, late, counter-entries; corrected entries replaced)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.directory.rules.terms import Terms, terms_for
from bot.invoicing.rules import Booking, Entry, Line, Month, Priced, plan

AMS = ZoneInfo("Europe/Amsterdam")


def test_months_parse_step_and_bound_on_the_desks_clock() -> None:
    m = Month.parse("2026-11")
    assert m == Month(2026, 11) and str(Month.parse("2026-1")) == "2026-01"
    assert [Month.parse(x) for x in ("2026-13", "2026-00", "nov", "26-11", "1999-05")] == [None] * 5
    assert (m.next(), m.previous(), Month(2026, 12).next(), Month(2027, 1).previous()) == (
        Month(2026, 12),
        Month(2026, 10),
        Month(2027, 1),
        Month(2026, 12),
    )
    # November starts at midnight in Amsterdam (UTC+1): 23:00 UTC on 31 October.
    assert m.start(AMS) == datetime(2026, 10, 31, 23, 0, tzinfo=UTC)
    assert m.end(AMS) == datetime(2026, 11, 30, 23, 0, tzinfo=UTC)
    # April starts in summer time (UTC+2).
    assert Month(2026, 4).start(AMS) == datetime(2026, 3, 31, 22, 0, tzinfo=UTC)
    assert Month.of(datetime(2026, 11, 30, 23, 30, tzinfo=UTC), AMS) == Month(2026, 12)


def test_the_terms_follow_the_contract_date_and_have_a_column_label() -> None:
    from bot.i18n.invoicing import TERMS_KEYS

    assert terms_for(date(2018, 2, 28)) is Terms.KORTON
    assert terms_for(date(2018, 3, 1)) is Terms.NEDERLAND_ICT
    assert set(TERMS_KEYS) == {t.value for t in Terms}


def _entry(id: int, day: int, minutes: int = 30, **kw: object) -> Entry:
    base: dict[str, object] = {
        "id": id,
        "customer_id": 1,
        "ticket": f"KOR-{id:06d}",
        "worked_at": datetime(2026, 11, day, 9, 0, tzinfo=AMS),
        "minutes": minutes,
        "kind": "support",
        "description": "",
        "chargeable": True,
        "rule": "out_of_scope",
        "reason": "scope:inrichting",
        "after_hours": False,
        "order_reference": None,
        "order_terms": None,
        "cancels_id": None,
        "cancelled": False,
    }
    base.update(kw)
    return Entry(**base)  # type: ignore[arg-type]


def _price(e: Entry, _day: date) -> Priced:
    # 60.00 an hour, rounded up to 15 minutes.
    rounded = -(-e.minutes // 15) * 15
    return Priced(rounded, 6000, 0, rounded * 100)


def test_free_and_corrected_entries_get_no_line_and_the_correction_does() -> None:
    lines = plan(
        Month(2026, 11),
        [
            _entry(1, 3, chargeable=False),
            _entry(2, 4, cancelled=True),
            _entry(3, 4, minutes=20, cancels_id=2),
        ],
        {},
        _price,
        AMS,
    )
    (only,) = lines
    assert (only.entry_id, only.minutes, only.rounded_minutes, only.amount_cents) == (
        3,
        20,
        30,
        3000,
    )
    assert only.booking is Booking.REGULAR and only.work_month == "2026-11"


def _invoiced(**kw: object) -> Line:
    """A stored November line: entry 2's 45 minutes at 96.00 an hour."""
    base: dict[str, object] = {
        "customer_id": 1,
        "entry_id": 2,
        "booking": Booking.REGULAR,
        "work_month": "2026-11",
        "ticket": "KOR-000002",
        "worked_on": date(2026, 11, 4),
        "work_kind": "support",
        "description": "",
        "minutes": 45,
        "rounded_minutes": 45,
        "rate_cents": 9600,
        "surcharge_percent": 0,
        "amount_cents": 7200,
        "rule": "out_of_scope",
        "reason": "scope:inrichting",
        "order_reference": None,
        "id": 77,
    }
    base.update(kw)
    return Line(**base)  # type: ignore[arg-type]


def test_a_correction_of_an_invoiced_entry_reverses_its_line_then_adds_its_own() -> None:
    invoiced = _invoiced()
    correction = _entry(9, 4, minutes=30, cancels_id=2, ticket="KOR-000002")
    counter, own = plan(Month(2026, 12), [correction], {2: invoiced}, _price, AMS)
    # The counter-entry is the invoiced line negated, at its own (November) rate.
    assert counter.booking is Booking.COUNTER and counter.reverses_id == 77
    assert (counter.minutes, counter.rounded_minutes, counter.rate_cents, counter.amount_cents) == (
        -45,
        -45,
        9600,
        -7200,
    )
    assert own.booking is Booking.LATE and own.work_month == "2026-11"
    assert (own.minutes, own.amount_cents) == (30, 3000)


def test_a_counter_entry_lists_the_customer_as_it_is_now_under_the_reversed_lines_terms() -> None:
    invoiced = _invoiced(customer_code="ACME", customer_name="Acme B.V.", terms="korton")
    # Renamed since November, and a customer whose code sorts first.
    now = {1: ("ACME2", "Acme Groep B.V.", "nederland_ict"), 2: ("AAA", "Aaa", "korton")}
    entries = [
        _entry(9, 4, minutes=30, cancels_id=2, ticket="KOR-000002"),
        _entry(10, 2, customer_id=2),
    ]
    first, counter, own = plan(Month(2026, 12), entries, {2: invoiced}, _price, AMS, now)
    assert (first.customer_code, first.entry_id) == ("AAA", 10)
    assert (counter.customer_code, counter.customer_name, counter.terms) == (
        "ACME2",
        "Acme Groep B.V.",
        "korton",
    )
    assert (own.customer_code, own.terms, own.booking) == ("ACME2", "nederland_ict", Booking.LATE)


def test_a_chain_of_corrections_reverses_the_invoiced_one_once() -> None:
    invoiced = _invoiced(
        entry_id=1,
        ticket="KOR-000001",
        worked_on=date(2026, 11, 3),
        minutes=60,
        rounded_minutes=60,
        rate_cents=6000,
        amount_cents=6000,
        id=5,
    )
    # 2 corrects the invoiced 1 and is itself corrected by 3 before any export.
    entries = [
        _entry(2, 3, minutes=40, cancels_id=1, cancelled=True),
        _entry(3, 3, minutes=10, cancels_id=2),
    ]
    lines = plan(Month(2026, 12), entries, {1: invoiced}, _price, AMS)
    assert [(x.entry_id, x.booking, x.amount_cents) for x in lines] == [
        (2, Booking.COUNTER, -6000),
        (3, Booking.LATE, 1500),
    ]


@pytest.mark.parametrize("minutes", [0, -5])
def test_an_entry_without_time_of_its_own_gets_no_line(minutes: int) -> None:
    assert plan(Month(2026, 11), [_entry(1, 3, minutes=minutes)], {}, _price, AMS) == []
