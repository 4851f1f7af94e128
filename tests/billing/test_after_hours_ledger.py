"""Rule 6 in the ledger: after-hours work for a customer without the waakdienst is charged,
with the surcharge; the waakdienst's items (`/waakdienst tijd`) appear in the same ledger,
linked to their item, and said again they are corrected, not added to."""

from __future__ import annotations

from decimal import Decimal

from bot.billing.pricing import Work, price_by_policy
from tests.billing.ledger_helpers import INCIDENT, SILVER_INCIDENT, decided, entries, say, totals
from tests.conftest import Balie, amsterdam
from tests.oncall.entitlement_helpers import items


def test_ticket_time_after_hours_without_entitlement_is_charged_with_the_surcharge(
    balie: Balie,
) -> None:
    number = balie.register(f"{SILVER_INCIDENT} Ovens reageren niet")  # Tuesday 10:00
    balie.clock.set(amsterdam(2026, 11, 24, 21, 0))
    answer = say(balie, f"tijd {number} 40m soort=herstel Oven gereset")
    assert "*Doorbelast* (regel 6, buiten kantoortijd zonder waakdienst)" in answer
    # 40 -> 45 minutes at the engineer rate 122.50, plus 50%: 0.75 x 122.50 x 1.5 = 137.81.
    assert (
        "Te factureren: 45 minuten à € 122,50 per uur plus 50% toeslag buiten kantoortijd = "
        "€ 137,81." in answer
    )
    (e,) = entries(balie, number)
    assert decided(e) == (40, "repair", True, "after_hours_without_entitlement", "not_entitled")
    (item,) = items(balie, number)  # the night's item, which `/waakdienst tijd` times too
    assert e.after_hours is True and e.chargeable_item_id == item.id
    assert totals(balie, number) == (40, 40)


def test_a_weekend_and_a_holiday_are_after_hours_too(balie: Balie) -> None:
    number = balie.register(f"{SILVER_INCIDENT} Ovens reageren niet")
    balie.clock.set(amsterdam(2026, 11, 28, 11, 0))  # Saturday
    say(balie, f"tijd {number} 15m")
    balie.clock.set(amsterdam(2026, 12, 25, 11, 0))  # Christmas Day, a Friday
    say(balie, f"tijd {number} 15m")
    assert [(e.rule, e.after_hours) for e in entries(balie, number)] == [
        ("after_hours_without_entitlement", True)
    ] * 2


def test_a_gold_customer_after_hours_is_free(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Scanner hapert")
    balie.clock.set(amsterdam(2026, 11, 24, 23, 0))
    answer = say(balie, f"tijd {number} 30m")
    assert "*Gratis* (regel 1, melden is gratis): de SLA van de klant omvat de waakdienst" in answer
    (e,) = entries(balie, number)
    assert (e.chargeable, e.reason, e.after_hours) == (False, "entitled", True)


def test_the_waakdienst_items_appear_in_the_ledger(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 24, 22, 0))
    number = balie.register(f"{SILVER_INCIDENT} Ovens reageren niet")
    (item,) = items(balie, number)
    assert entries(balie, number) == []  # no minutes said yet

    balie.clock.set(amsterdam(2026, 11, 24, 23, 40))
    say(balie, f"tijd {number} 1u30m Ovens gereset", command="/waakdienst")
    (e,) = entries(balie, number)
    assert decided(e) == (
        90, "repair", True, "after_hours_without_entitlement", "after_hours_work"
    )  # fmt: skip
    assert e.chargeable_item_id == item.id and e.after_hours is True
    assert e.worked_at == amsterdam(2026, 11, 24, 22, 0)  # the item's start
    assert e.description == "Ovens gereset"
    assert totals(balie, number) == (90, 90)

    # Said again: the item's entry is corrected (a new entry cancelling it), not added to.
    say(balie, f"tijd {number} 45m", command="/waakdienst")
    old, new = entries(balie, number)
    assert (new.minutes, new.cancels_id, new.chargeable_item_id) == (45, old.id, item.id)
    assert totals(balie, number) == (45, 45)
    # A retry with the same minutes writes nothing.
    say(balie, f"tijd {number} 45m", command="/waakdienst")
    assert len(entries(balie, number)) == 2

    # Priced like any chargeable entry: 0.75 h x 122.50 x 1.5 = 137.8125 -> 137.81.
    p = price_by_policy(
        balie.services.policy.billing, Work(new.kind, new.minutes, new.worked_at.date(), True)
    )
    assert p.amount == Decimal("137.81")

    # /ticket tijd shows both, the first struck through.
    listed = say(balie, f"tijd {number}")
    assert f"~`#{old.id}`" in listed and "regel 6" in listed
