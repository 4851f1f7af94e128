"""Rule 5: excluded work only on a written order given beforehand. `/ticket opdracht NUMMER
<referentie> [datum] [door=naam]` registers who gave it and when, and shows which general terms
apply from the customer's contract date; the ledger reads order_for."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from storage.models import TicketEvent, WrittenOrder
from tests.billing.facts_helpers import order_for, said, ticket
from tests.conftest import AGENT, Balie, amsterdam

ACME = 'klant=ACME contact="Jan Jansen" via=telefoon type=aanvraag impact=laag urgentie=laag'
BAKKER = 'klant=BAKKER contact="Bert Bakker" via=telefoon type=aanvraag impact=laag urgentie=laag'


def orders(balie: Balie) -> list[WrittenOrder]:
    with balie.services.sessions() as s:
        return list(s.execute(select(WrittenOrder).order_by(WrittenOrder.id)).scalars())


def test_an_exclusion_without_then_with_a_written_order(balie: Balie) -> None:
    number = balie.register(f"{ACME} Server verhuizen naar de nieuwe serverruimte")
    said(balie, f"scope {number} uitsluiting:verplaatsing")
    assert order_for(balie, number) is None

    balie.clock.set(amsterdam(2026, 11, 24, 11, 0))
    reply = said(balie, f'opdracht {number} PO-2026-0042 20-11-2026 door="Ingrid IT"')

    assert reply == (
        f"Schriftelijke opdracht PO-2026-0042 voor {number} is geregistreerd: gegeven door "
        "Ingrid IT op 20-11-2026. Hierop zijn de Nederland ICT Voorwaarden (contract vanaf "
        "1 maart 2018) van toepassing.\nJe kunt nu tijd schrijven op dit uitgesloten werk; die wordt doorbelast."
    )
    (order,) = orders(balie)
    assert (order.ticket_id, order.reference, order.given_by) == (
        ticket(balie, number).id,
        "PO-2026-0042",
        "Ingrid IT",
    )
    assert order.given_on == date(2026, 11, 20) and order.terms == "nederland_ict"
    assert (order.registered_by, order.registered_at) == (AGENT, amsterdam(2026, 11, 24, 11, 0))
    assert order_for(balie, number) == order.id
    with balie.services.sessions() as s:
        notes = s.execute(
            select(TicketEvent.text).where(
                TicketEvent.ticket_id == order.ticket_id, TicketEvent.kind == "note"
            )
        ).scalars()
        assert list(notes) == [
            "schriftelijke opdracht PO-2026-0042 geregistreerd, gegeven door Ingrid IT op "
            "20-11-2026; hierop zijn de Nederland ICT Voorwaarden (contract vanaf 1 maart 2018) "
            "van toepassing."
        ]
    # The scope stays an exclusion with its order: the scope reply says so now.
    said(balie, f"scope {number} binnen")
    again = said(balie, f"scope {number} uitsluiting:verplaatsing")
    assert (
        "De schriftelijke opdracht is er al (PO-2026-0042); tijd hierop wordt doorbelast." in again
    )


def test_an_old_contract_falls_under_the_old_korton_terms_and_the_defaults(
    balie: Balie,
) -> None:
    number = balie.register(f"{BAKKER} Kassa verhuizen")

    reply = said(balie, f"opdracht {number} mail van 24-11")

    assert reply.startswith(
        f"Schriftelijke opdracht mail van 24-11 voor {number} is geregistreerd: gegeven door "
        "Bert Bakker op 24-11-2026. Hierop zijn de Algemene Voorwaarden Korton (contract vóór "
        "1 maart 2018) van toepassing."
    )
    # Registered before the ticket is one of the exclusions: the reply says what is missing.
    assert reply.endswith(
        f"{number} staat (nog) niet als uitsluiting; zet dat met `/ticket scope {number} uitsluiting:…`."
    )
    assert orders(balie)[0].terms == "korton"


def test_the_same_order_again_is_the_one_registered_before(balie: Balie) -> None:
    number = balie.register(f"{ACME} Server verhuizen")
    said(balie, f"opdracht {number} PO-7 2026-11-23")
    balie.clock.set(amsterdam(2026, 11, 25, 9, 0))

    reply = said(balie, f"opdracht {number} PO-7")

    assert reply.startswith(
        f"Schriftelijke opdracht PO-7 stond al bij {number} (gegeven door Jan Jansen op "
        f"23-11-2026, geregistreerd door <@{AGENT}> op 24-11-2026 10:00)."
    )
    assert len(orders(balie)) == 1


def test_bad_orders_are_refused_naming_every_problem_and_nothing_is_written(
    balie: Balie,
) -> None:
    number = balie.register(f"{ACME} Server verhuizen")

    future = said(balie, f"opdracht {number} PO-8 25-11-2026")
    assert (
        "de opdracht is vooraf gegeven, dus niet op een dag die nog moet komen (25-11-2026)"
        in future
    )
    everything = said(balie, f"opdracht {number} 31-02-2026 door=")
    assert "'31-02-2026' is geen datum" in everything
    assert "schrijf de referentie van de schriftelijke opdracht erbij" in everything
    assert "schrijf na door= wie de opdracht gaf" in everything
    twice = said(balie, f"opdracht {number} PO-9 20-11-2026 datum=21-11-2026")
    assert "geef één datum, niet meer" in twice
    assert said(balie, "opdracht KOR-999 PO-1") == "Ticket KOR-000999 bestaat niet."
    assert orders(balie) == []
