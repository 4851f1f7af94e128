"""Closing a ticket: a resolved one as before, one that was never resolved only with a reason,
and then its SLA clocks are cancelled: neither met nor breached."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from storage.models import Ticket, TicketEvent
from tests.conftest import AGENT, Balie, amsterdam
from tests.fakes.signed import block_actions_payload, option

QUESTION = "klant=CAFE contact=cor@cafe.example via=email type=question impact=laag urgentie=laag"
INCIDENT = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=hoog'


def ticket(balie: Balie, number: str) -> Ticket:
    with balie.services.sessions() as s:
        return s.execute(select(Ticket).where(Ticket.number == number)).unique().scalar_one()


def events(balie: Balie, number: str) -> list[TicketEvent]:
    with balie.services.sessions() as s:
        return list(
            s.execute(
                select(TicketEvent)
                .join(Ticket, Ticket.id == TicketEvent.ticket_id)
                .where(Ticket.number == number)
                .order_by(TicketEvent.id)
            ).scalars()
        )


def card(balie: Balie) -> dict[str, Any]:
    post = next(c for c in balie.fake.calls_to("chat.postMessage") if "blocks" in c.args)
    latest = [
        c for c in balie.fake.calls_to("chat.update") if c.args.get("ts") == post.response["ts"]
    ]
    blocks = (latest[-1] if latest else post).args["blocks"]
    return {"channel": post.response["channel"], "ts": post.response["ts"], "blocks": blocks}


def close_element(blocks: list[dict[str, Any]]) -> dict[str, Any]:
    actions = next(b for b in blocks if b["type"] == "actions")
    return next(e for e in actions["elements"] if e["action_id"] == "ticket_close")


def choose(balie: Balie, value: str, user: str = AGENT) -> None:
    shown = card(balie)
    payload = block_actions_payload(
        "ticket_close",
        selected_option=option(value),
        block_id="card_actions",
        user_id=user,
        channel_id=shown["channel"],
        message_ts=shown["ts"],
        message={"ts": shown["ts"], "blocks": shown["blocks"], "text": ""},
        response_url=balie.fake.response_url("close"),
    )
    response = balie.slack.block_action(payload)
    assert response.status == 200, response.body


def test_closing_an_unresolved_ticket_without_a_reason_is_refused(balie: Balie) -> None:
    number = balie.register(f"{QUESTION} Dubbel binnengekomen")
    text = balie.command(f"sluit {number}").json()["text"]
    assert "er is niets opgeslagen" in text
    assert "`/ticket sluit NUMMER dubbel|ingetrokken|buiten-scope`" in text
    assert ticket(balie, number).status == "new"
    assert [e.kind for e in events(balie, number)] == ["created"]


def test_an_unknown_reason_is_refused_with_the_choices(balie: Balie) -> None:
    number = balie.register(f"{QUESTION} Iets")
    text = balie.command(f"sluit {number} opgelost-denk-ik").json()["text"]
    assert "'opgelost-denk-ik' is geen reden om te sluiten" in text
    assert "dubbel, ingetrokken of buiten-scope" in text
    assert ticket(balie, number).status == "new"


def test_closing_with_a_reason_cancels_both_clocks(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Alles ligt plat")  # gold P1: 15 min to respond
    balie.drain()
    balie.clock.set(amsterdam(2026, 11, 24, 10, 5))
    text = balie.command(f"sluit {number} dubbel").json()["text"]
    assert text == (
        f"{number} is gesloten zonder oplossing (dubbel); lopende SLA-klokken zijn geannuleerd."
    )
    t = ticket(balie, number)
    assert t.status == "closed"
    assert (t.response_state, t.resolution_state) == ("cancelled", "cancelled")
    assert t.sla_next_check_at is None
    assert events(balie, number)[-1].changes["close_reason"] == [None, "duplicate"]
    balie.drain()
    # The card and the thread say so; /sla reports both clocks apart, as cancelled.
    shown = str(card(balie)["blocks"])
    assert "reactietermijn: 24-11-2026 10:15 · geannuleerd" in shown
    assert "oplostermijn: 24-11-2026 14:00 · geannuleerd" in shown
    thread = [
        c.args["text"] for c in balie.fake.calls_to("chat.postMessage") if "thread_ts" in c.args
    ]
    assert "reden van sluiten: – → dubbel" in thread[-1]
    detail = balie.command(number, command="/sla").json()["text"]
    assert detail.count("geannuleerd") == 2
    assert "gehaald" not in detail and "overschreden" not in detail
    # Long past both deadlines nothing is announced.
    balie.clock.set(amsterdam(2026, 11, 24, 18, 0))
    assert balie.services.monitor.sweep().alerts == ()


def test_every_spelling_of_a_reason_in_either_language(balie: Balie) -> None:
    for words, reason in (
        ("Buiten-Scope", "out_of_scope"),
        ("buiten scope", "out_of_scope"),
        ("out_of_scope", "out_of_scope"),
        ("INGETROKKEN", "withdrawn"),
        ("withdrawn", "withdrawn"),
        ("duplicate", "duplicate"),
    ):
        number = balie.register(f"{QUESTION} {words}")
        balie.command(f"close {number} {words}")
        assert ticket(balie, number).status == "closed", words
        assert events(balie, number)[-1].changes["close_reason"] == [None, reason]


def test_an_english_close_is_answered_in_english(balie: Balie) -> None:
    balie.command("taal en")
    number = balie.register(f"{QUESTION} Something")
    refused = balie.command(f"close {number}").json()["text"]
    assert "`/ticket close NUMBER duplicate|withdrawn|out-of-scope`" in refused
    done = balie.command(f"close {number} out-of-scope").json()["text"]
    assert (
        done
        == f"{number} is closed without a resolution (out of scope); running SLA clocks are cancelled."
    )


def test_a_resolved_ticket_closes_as_before(balie: Balie) -> None:
    number = balie.register(f"{QUESTION} Wachtwoord")
    balie.command(f"los-op {number} Nieuw wachtwoord gestuurd")
    refused = balie.command(f"sluit {number} dubbel").json()["text"]
    assert f"{number} is opgelost: dat sluit je zonder reden" in refused
    assert ticket(balie, number).status == "resolved"
    assert balie.command(f"sluit {number}").json()["text"] == f"{number} is gesloten."
    t = ticket(balie, number)
    assert (t.status, t.response_state, t.resolution_state) == ("closed", "met", "met")


def test_a_clock_met_before_the_close_stays_met(balie: Balie) -> None:
    number = balie.register(f"{QUESTION} Ingetrokken vraag")
    balie.command(f"pak {number}")
    balie.command(f"sluit {number} ingetrokken")
    t = ticket(balie, number)
    assert (t.response_state, t.resolution_state) == ("met", "cancelled")


def test_the_card_closes_an_unresolved_ticket_by_choosing_a_reason(balie: Balie) -> None:
    number = balie.register(f"{QUESTION} Buiten het contract")
    balie.drain()
    element = close_element(card(balie)["blocks"])
    assert element["type"] == "static_select"
    assert [(o["value"], o["text"]["text"]) for o in element["options"]] == [
        ("duplicate", "Dubbel"),
        ("withdrawn", "Ingetrokken"),
        ("out_of_scope", "Buiten scope"),
    ]
    assert element["confirm"]["title"]["text"] == "Sluiten zonder oplossing?"
    choose(balie, "out_of_scope")
    t = ticket(balie, number)
    assert (t.status, t.response_state, t.resolution_state) == ("closed", "cancelled", "cancelled")
    assert events(balie, number)[-1].changes["close_reason"] == [None, "out_of_scope"]
    balie.drain()
    # Closed, the card offers a reopen and no close.
    buttons = str(card(balie)["blocks"])
    assert "ticket_reopen" in buttons and "ticket_close" not in buttons


def test_the_card_refuses_a_reason_it_never_offered(balie: Balie) -> None:
    number = balie.register(f"{QUESTION} Iets")
    balie.drain()
    choose(balie, "omdat-het-kan")
    assert ticket(balie, number).status == "new"
    balie.drain()
    (notice,) = [c for c in balie.fake.calls_to("response_url") if c.args.get("_name") == "close"]
    assert "'omdat-het-kan' is geen reden om te sluiten" in notice.args["text"]


def test_a_resolved_tickets_card_keeps_its_plain_close_button(balie: Balie) -> None:
    number = balie.register(f"{QUESTION} Printer")
    balie.command(f"los-op {number} Driver vernieuwd")
    balie.drain()
    element = close_element(card(balie)["blocks"])
    assert element["type"] == "button" and element["value"] == number
    shown = card(balie)
    payload = block_actions_payload(
        "ticket_close",
        value=number,
        user_id=AGENT,
        channel_id=shown["channel"],
        message_ts=shown["ts"],
        message={"ts": shown["ts"], "blocks": shown["blocks"], "text": ""},
        response_url=balie.fake.response_url("close"),
    )
    assert balie.slack.block_action(payload).status == 200
    t = ticket(balie, number)
    assert (t.status, t.resolution_state) == ("closed", "met")
