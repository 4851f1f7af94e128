"""The card and `/ticket toon` show the ticket's total time and what of it is charged; the
card has a "Tijd schrijven" button; rule 3 is said at registration."""

from __future__ import annotations

from typing import Any

from tests.billing.ledger_helpers import INCIDENT, QUESTION, latest_card, say
from tests.conftest import ADMIN, Balie, amsterdam


def _texts(card: dict[str, Any]) -> str:
    return str(card["blocks"])


def _buttons(card: dict[str, Any]) -> list[str]:
    return [
        str(e.get("action_id"))
        for block in card["blocks"]
        if block["type"] == "actions"
        for e in block["elements"]
    ]


def test_the_card_shows_the_total_and_the_chargeable_time(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Scanner hapert")
    balie.drain()
    card = latest_card(balie, number)
    assert "*Tijd*: nog niets geschreven" in _texts(card)
    assert "billing_time" in _buttons(card)

    say(balie, f"tijd {number} 45m")
    balie.clock.set(amsterdam(2026, 11, 24, 19, 0))  # after hours; ACME is gold: still free
    say(balie, f"tijd {number} 30m")
    balie.drain()
    assert "*Tijd*: 1 uur 15 minuten, waarvan 0 minuten doorbelast" in _texts(
        latest_card(balie, number)
    )


def test_the_card_counts_after_hours_time_of_a_customer_without_the_waakdienst(
    balie: Balie,
) -> None:
    silver = (
        'klant=BAKKER contact="Bert Bakker" via=telefoon type=incident impact=laag urgentie=laag'
    )
    number = balie.register(f"{silver} Kassa traag")
    say(balie, f"tijd {number} 1u")
    balie.clock.set(amsterdam(2026, 11, 24, 18, 0))
    say(balie, f"tijd {number} 20m")
    balie.drain()
    assert "*Tijd*: 1 uur 20 minuten, waarvan 20 minuten doorbelast" in _texts(
        latest_card(balie, number)
    )

    # /ticket toon says the same.
    shown = say(balie, f"toon {number}")
    assert "1 uur 20 minuten, waarvan 20 minuten doorbelast" in shown


def test_a_resolved_ticket_still_takes_time(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Scanner hapert")
    say(balie, f"los-op {number} Driver bijgewerkt")
    balie.drain()
    assert "billing_time" in _buttons(latest_card(balie, number))
    assert "10 minuten geschreven" in say(balie, f"tijd {number} 10m")


def test_rule_3_is_said_at_registration(balie: Balie) -> None:
    # Through the facts' branch: a training declined makes the customer's questions charged.
    say(balie, "kennis ACME Weet niet hoe orders werken", command="/klant")
    say(balie, "training ACME afgewezen", user=ADMIN, command="/klant")
    balie.clock.set(amsterdam(2026, 11, 24, 11, 0))
    reply = balie.new(f"{QUESTION} Wat is een order?")
    assert "Vragen van deze klant worden sinds" in reply and "(regel 3)" in reply
    number = next(w for w in reply.split() if w.startswith("KOR-"))
    balie.drain()
    assert "Vragen van deze klant worden sinds" in _texts(latest_card(balie, number))
    # An incident of that customer is no question: its card says nothing of it.
    incident = balie.register(f"{INCIDENT} Scanner hapert")
    balie.drain()
    assert "Vragen van deze klant" not in _texts(latest_card(balie, incident))


def test_no_rule_3_line_while_the_customers_questions_are_free(balie: Balie) -> None:
    reply = balie.new(f"{QUESTION} Wat is een order?")
    assert "Vragen van deze klant" not in reply
    number = next(w for w in reply.split() if w.startswith("KOR-"))
    balie.drain()
    assert "Vragen van deze klant" not in _texts(latest_card(balie, number))
