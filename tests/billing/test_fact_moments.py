"""Rules 2 and 5 read the facts as they stood when the work was done: time recorded before a
referral stays free ("time recorded afterwards"), and excluded work done before the day its
written order was given is not covered by it ("an order given beforehand"), also when a
correction with another kind makes the rules decide again at the work's own moment."""

from __future__ import annotations

from datetime import date

from tests.billing.facts_helpers import order_for, referral_for
from tests.billing.ledger_helpers import INCIDENT, QUESTION, decided, entries, say, totals
from tests.conftest import Balie, amsterdam

MANUAL = "https://docs.korton.example/retour"


def test_time_before_a_referral_stays_free_also_after_a_correction(balie: Balie) -> None:
    number = balie.register(f"{QUESTION} Hoe maak ik een retourorder?")
    say(balie, f"tijd {number} 15m Vraag bekeken")  # 10:00, before the referral
    (before,) = entries(balie, number)
    balie.clock.set(amsterdam(2026, 11, 24, 10, 30))
    say(balie, f"verwijs {number} {MANUAL}")
    assert referral_for(balie, number, at=amsterdam(2026, 11, 24, 10, 0)) is None
    assert referral_for(balie, number) is not None

    # Another kind: the rules decide anew, at 10:00, when there was no referral yet.
    balie.clock.set(amsterdam(2026, 11, 24, 11, 0))
    answer = say(balie, f"tijd {number} corrigeer {before.id} 20m soort=herstel")

    assert "*Gratis* (regel 1, melden is gratis): melding of vraag binnen" in answer
    _, corrected = entries(balie, number)
    assert corrected.worked_at == amsterdam(2026, 11, 24, 10, 0)
    assert decided(corrected) == (20, "repair", False, "reporting_free", "in_service")
    assert corrected.referral_id is None
    # Time recorded afterwards is charged (rule 2) and carries the referral.
    after = say(balie, f"tijd {number} 10m Klant belde toch weer")
    assert "*Doorbelast* (regel 2, verwezen naar een handleiding)" in after
    assert entries(balie, number)[-1].referral_id is not None
    assert totals(balie, number) == (30, 10)


def test_excluded_work_before_the_orders_day_is_refused(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Server verhuizen naar nieuw pand")
    say(balie, f"scope {number} uitsluiting:verplaatsing")
    say(balie, f"tijd {number} 30m soort=analyse Gekeken wat er mee moet")  # 24 November
    (analysis,) = entries(balie, number)

    balie.clock.set(amsterdam(2026, 11, 25, 9, 0))
    say(balie, f"opdracht {number} PO-2026-118 25-11-2026 door=Jan")
    assert order_for(balie, number, on=date(2026, 11, 24)) is None
    assert order_for(balie, number, on=date(2026, 11, 25)) is not None

    # The analysis turned out to be moving work: on the 24th there was no order yet.
    refused = say(balie, f"tijd {number} corrigeer {analysis.id} 30m soort=relocation")

    assert "valt onder de uitsluitingen" in refused and "Er is niets geschreven" in refused
    assert [e.id for e in entries(balie, number)] == [analysis.id]
    # Work today, on the order's own day, is covered and charged.
    today = say(balie, f"tijd {number} 2u soort=relocation Server verhuisd")
    assert "*Doorbelast* (regel 5, uitsluiting): Verplaatsing" in today
    assert entries(balie, number)[-1].order_id is not None
    assert totals(balie, number) == (150, 120)


def test_an_order_given_on_an_earlier_day_covers_work_since(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Server verhuizen naar nieuw pand")
    say(balie, f"scope {number} uitsluiting:verplaatsing")
    say(balie, f"tijd {number} 30m soort=analyse")  # 24 November
    (analysis,) = entries(balie, number)
    balie.clock.set(amsterdam(2026, 11, 26, 9, 0))
    # Given by e-mail on the 23rd, registered only now: it was given beforehand.
    say(balie, f"opdracht {number} PO-2026-119 23-11-2026 door=Jan")

    answer = say(balie, f"tijd {number} corrigeer {analysis.id} 30m soort=relocation")

    assert "*Doorbelast* (regel 5, uitsluiting): Verplaatsing" in answer
    _, moved = entries(balie, number)
    assert decided(moved) == (30, "relocation", True, "exclusion", "scope:verplaatsing")
    assert moved.order_id is not None
