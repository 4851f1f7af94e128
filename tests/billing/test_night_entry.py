"""Rule 6: one night's work on a ticket by one person is one ledger entry, whichever command
says it. `/ticket tijd` after hours for a customer without the waakdienst books on the person's
chargeable item of that night (the waakdienst's, or a new one) and adds to the night's entry;
`/waakdienst tijd` says the night's total and corrects that entry. In either order the night
counts once."""

from __future__ import annotations

from storage.models import ChargeableItem, TimeEntry
from tests.billing.ledger_helpers import SILVER_INCIDENT, entries, say, totals
from tests.conftest import AGENT, AGENT2, Balie, amsterdam
from tests.oncall.entitlement_helpers import items

RULE6 = "after_hours_without_entitlement"


def active(balie: Balie, number: str) -> list[TimeEntry]:
    """The entries no later entry cancels: what the ticket's time consists of."""
    found = entries(balie, number)
    cancelled = {e.cancels_id for e in found}
    return [e for e in found if e.id not in cancelled]


def item_of(balie: Balie, number: str) -> ChargeableItem:
    (item,) = items(balie, number)
    return item


def test_ticket_time_then_waakdienst_time_is_one_entry(balie: Balie) -> None:
    number = balie.register(f"{SILVER_INCIDENT} Ovens reageren niet")  # Tuesday 10:00
    balie.clock.set(amsterdam(2026, 11, 24, 21, 0))

    say(balie, f"tijd {number} 40m soort=herstel Oven gereset")

    item = item_of(balie, number)  # recorded by /ticket tijd: after-hours work tonight
    assert (item.actor, item.reason, item.minutes) == (AGENT, "after_hours_work", 40)
    (first,) = entries(balie, number)
    assert (first.chargeable_item_id, first.rule, first.minutes) == (item.id, RULE6, 40)
    balie.drain()
    assert any(
        "buiten kantoortijd" in str(c.args.get("text", "")) and "thread_ts" in c.args
        for c in balie.fake.calls_to("chat.postMessage")
    ), "the chargeable item has its line in the thread"

    # The same work told to the waakdienst: its total corrects the night's entry.
    balie.clock.set(amsterdam(2026, 11, 24, 23, 0))
    answer = say(balie, f"tijd {number} 1u Oven gereset", command="/waakdienst")
    assert "1 uur" in answer
    (entry,) = active(balie, number)
    assert (entry.minutes, entry.cancels_id, entry.chargeable_item_id) == (60, first.id, item.id)
    assert (entry.kind, entry.rule) == ("repair", RULE6)
    assert len(entries(balie, number)) == 2
    assert totals(balie, number) == (60, 60)
    assert item_of(balie, number).minutes == 60


def test_waakdienst_time_then_ticket_time_is_one_entry(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 24, 22, 0))
    number = balie.register(f"{SILVER_INCIDENT} Ovens reageren niet")  # the item, after hours
    item = item_of(balie, number)
    balie.clock.set(amsterdam(2026, 11, 24, 23, 40))
    say(balie, f"tijd {number} 1u30m Ovens gereset", command="/waakdienst")
    (first,) = entries(balie, number)

    # More work that night, with /ticket tijd: it adds to the night's entry, not beside it.
    balie.clock.set(amsterdam(2026, 11, 25, 0, 30))
    answer = say(balie, f"tijd {number} 30m Koeling nagekeken")
    assert f"Tijdregel #{first.id} (1 uur 30 minuten) is vervangen door tijdregel #" in answer
    assert "*Doorbelast* (regel 6, " in answer
    (entry,) = active(balie, number)
    assert (entry.minutes, entry.cancels_id, entry.chargeable_item_id) == (120, first.id, item.id)
    assert entry.description == "Ovens gereset; Koeling nagekeken"
    assert entry.worked_at == first.worked_at == amsterdam(2026, 11, 24, 22, 0)
    assert totals(balie, number) == (120, 120)
    assert item_of(balie, number).minutes == 120

    # /waakdienst tijd says the night's total again: the entry is corrected, once more.
    say(balie, f"tijd {number} 1u30m", command="/waakdienst")
    (entry,) = active(balie, number)
    assert (entry.minutes, entry.chargeable_item_id) == (90, item.id)
    assert totals(balie, number) == (90, 90)
    # And said again with the same minutes, nothing is written.
    say(balie, f"tijd {number} 1u30m", command="/waakdienst")
    assert len(entries(balie, number)) == 3


def test_each_night_and_each_person_has_an_entry_of_its_own(balie: Balie) -> None:
    number = balie.register(f"{SILVER_INCIDENT} Ovens reageren niet")
    say(balie, f"tijd {number} 20m")  # office hours: rule 6 does not apply, no item
    assert items(balie, number) == []

    balie.clock.set(amsterdam(2026, 11, 24, 21, 0))
    say(balie, f"tijd {number} 40m")
    balie.clock.set(amsterdam(2026, 11, 24, 23, 0))
    say(balie, f"tijd {number} 20m")  # the same night: the night's entry grows
    say(balie, f"tijd {number} 15m", user=AGENT2)  # a colleague: their own
    balie.clock.set(amsterdam(2026, 11, 25, 20, 0))
    say(balie, f"tijd {number} 10m")  # the next night

    assert sorted((i.actor, i.minutes) for i in items(balie, number)) == [
        (AGENT, 10),
        (AGENT, 60),
        (AGENT2, 15),
    ]
    assert sorted(e.minutes for e in active(balie, number)) == [10, 15, 20, 60]
    assert totals(balie, number) == (105, 85)


def test_a_correction_of_the_night_entry_moves_the_item_too(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 24, 22, 0))
    number = balie.register(f"{SILVER_INCIDENT} Ovens reageren niet")
    say(balie, f"tijd {number} 45m")
    (first,) = entries(balie, number)

    say(balie, f"tijd {number} corrigeer {first.id} 30m")

    assert item_of(balie, number).minutes == 30
    (entry,) = active(balie, number)
    assert (entry.minutes, entry.chargeable_item_id) == (30, first.chargeable_item_id)
    # The waakdienst, told the same, writes nothing: the night is 30 minutes already.
    say(balie, f"tijd {number} 30m", command="/waakdienst")
    assert len(entries(balie, number)) == 2
    assert totals(balie, number) == (30, 30)
