"""The lifecycle, by button and by subcommand: the card updates in place and the thread
carries the audit trail."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from storage.models import Ticket, TicketEvent
from tests.conftest import AGENT, AGENT2, OUTSIDER, Balie
from tests.fakes.signed import block_actions_payload

QUESTION = "klant=CAFE contact=cor@cafe.example via=email type=question impact=laag urgentie=laag"
INCIDENT = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden'


def card_message(balie: Balie) -> dict[str, Any]:
    post = next(c for c in balie.fake.calls_to("chat.postMessage") if "blocks" in c.args)
    return {
        "channel": post.response["channel"],
        "ts": post.response["ts"],
        "blocks": post.args["blocks"],
    }


def press(balie: Balie, action_id: str, number: str, user: str = AGENT, **kw: Any) -> None:
    card = card_message(balie)
    payload = block_actions_payload(
        action_id,
        value=kw.pop("value", number),
        user_id=user,
        channel_id=card["channel"],
        message_ts=card["ts"],
        message={"ts": card["ts"], "blocks": card["blocks"], "text": ""},
        response_url=balie.fake.response_url("action"),
        **kw,
    )
    response = balie.slack.block_action(payload)
    assert response.status == 200, response.body


def ticket(balie: Balie, number: str) -> Ticket:
    with balie.services.sessions() as s:
        found = s.execute(select(Ticket).where(Ticket.number == number)).unique().scalar_one()
        return found


def thread_texts(balie: Balie) -> list[str]:
    return [
        c.args["text"] for c in balie.fake.calls_to("chat.postMessage") if "thread_ts" in c.args
    ]


def test_take_by_button_updates_the_card_in_place(balie: Balie) -> None:
    number = balie.register(f"{QUESTION} Wachtwoord vergeten")
    balie.drain()
    press(balie, "ticket_take", number)
    balie.drain()
    update = balie.fake.calls_to("chat.update")[-1]
    card = card_message(balie)
    assert (update.args["channel"], update.args["ts"]) == (card["channel"], card["ts"])
    assert f"<@{AGENT}>" in str(update.args["blocks"]) and "In behandeling" in str(
        update.args["blocks"]
    )
    assert any(
        "heeft het ticket opgepakt" in t and "Nieuw → In behandeling" in t
        for t in thread_texts(balie)
    )
    assert ticket(balie, number).assignee == AGENT


def test_assign_by_select_and_by_subcommand(balie: Balie) -> None:
    number = balie.register(f"{QUESTION} Printer")
    balie.drain()
    press(
        balie,
        "ticket_assign",
        number,
        value=None,
        action_type="users_select",
        action={"selected_user": AGENT2},
    )
    assert ticket(balie, number).assignee == AGENT2
    reply = balie.command(f"wijs-toe {number} <@{AGENT}|agent>").json()["text"]
    assert f"toegewezen aan <@{AGENT}>" in reply
    assert ticket(balie, number).assignee == AGENT


def test_only_staff_can_be_assigned(balie: Balie) -> None:
    number = balie.register(f"{QUESTION} Printer")
    reply = balie.command(f"wijs-toe {number} <@{OUTSIDER}|buiten>").json()["text"]
    assert "toewijzen kan alleen aan iemand van de servicedesk" in reply
    assert ticket(balie, number).assignee is None


def test_reclassify_derives_priority_and_reroutes(balie: Balie) -> None:
    number = balie.register(f"{QUESTION} Langzaam netwerk")
    balie.drain()
    old = card_message(balie)
    reply = balie.command(
        f"herclassificeer {number} type=incident impact=hoog urgentie=hoog"
    ).json()["text"]
    assert "P1 Kritiek" in reply and "2e lijn" in reply
    balie.drain()
    t = ticket(balie, number)
    assert (t.priority, t.line, t.type) == ("P1", 2, "incident")
    new_card = [c for c in balie.fake.calls_to("chat.postMessage") if "blocks" in c.args][-1]
    assert new_card.args["channel"] == "#balie-2e-lijn"
    stub = balie.fake.calls_to("chat.update")[-1]
    assert (stub.args["channel"], stub.args["ts"]) == (old["channel"], old["ts"])
    assert "verplaatst naar" in stub.args["text"]
    texts = thread_texts(balie)
    assert any("prioriteit: P4 Laag → P1 Kritiek" in t for t in texts), texts


def test_escalate_moves_the_card_and_the_thread_says_why(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Server plat")
    balie.drain()
    balie.command(f"pak {number}")
    reply = balie.command(f"escaleer {number} Database corrupt, DBA nodig").json()["text"]
    assert "geëscaleerd naar de 3e lijn" in reply
    balie.drain()
    t = ticket(balie, number)
    assert (t.line, t.assignee, t.status) == (3, None, "new")
    assert [c for c in balie.fake.calls_to("chat.postMessage") if "blocks" in c.args][-1].args[
        "channel"
    ] == "#balie-3e-lijn"
    assert any("Database corrupt, DBA nodig" in x for x in thread_texts(balie))
    refused = balie.command(f"escaleer {number} nog hoger").json()["text"]
    assert "al bij de 3e lijn" in refused
    # Reclassifying down does not route below the escalation.
    balie.command(f"herclassificeer {number} impact=laag urgentie=laag")
    assert ticket(balie, number).line == 3


def test_wait_resolve_close_reopen_note(balie: Balie) -> None:
    number = balie.register(f"{QUESTION} Export werkt niet")
    assert (
        "Cor de Hoek krijgt een e-mail"
        in balie.command(f"wacht {number} Stuur een schermafdruk").json()["text"]
    )
    assert ticket(balie, number).status == "waiting_customer"
    balie.command(f"los-op {number} Instelling aangepast")
    assert ticket(balie, number).status == "resolved"
    balie.command(f"sluit {number}")
    assert ticket(balie, number).status == "closed"
    balie.command(f"heropen {number} Klant meldt het opnieuw")
    assert ticket(balie, number).status == "new"
    balie.command(f"notitie {number} Belde klant <!here> terug")
    balie.drain()
    subjects = [m.get_content() for m in balie.smtp.wait_for(3)]
    assert "Stuur een schermafdruk" in subjects[1] and "Instelling aangepast" in subjects[2]
    texts = thread_texts(balie)
    assert any("&lt;!here&gt;" in t for t in texts) and not any("<!here>" in t for t in texts)
    with balie.services.sessions() as s:
        kinds = s.execute(select(TicketEvent.kind).order_by(TicketEvent.id)).scalars().all()
        changes = s.execute(
            select(TicketEvent.changes).where(TicketEvent.kind == "resolve")
        ).scalar_one()
    assert kinds == ["created", "wait", "resolve", "close", "reopen", "note"]
    assert changes["status"] == ["waiting_customer", "resolved"]


def test_invalid_transitions_get_a_clear_message(balie: Balie) -> None:
    number = balie.register(f"{QUESTION} Iets")
    text = balie.command(f"heropen {number} waarom").json()["text"]
    assert "'heropenen' kan niet bij status Nieuw" in text
    assert "bestaat niet" in balie.command("pak KOR-999999").json()["text"]
    assert "schrijf er een reden bij" in balie.command(f"escaleer {number}").json()["text"]


def test_button_error_reaches_the_agent_ephemerally(balie: Balie) -> None:
    number = balie.register(f"{QUESTION} Iets")
    balie.drain()
    balie.command(f"los-op {number} klaar")
    balie.drain()
    press(balie, "ticket_take", number)  # taking a resolved ticket is not possible
    balie.drain()
    posted = balie.fake.calls_to("response_url")
    assert posted and "kan niet bij status Opgelost" in posted[-1].args["text"]


def test_show_and_list(balie: Balie) -> None:
    a = balie.register(f"{QUESTION} Eerste")
    b = balie.register(f"{INCIDENT} Tweede")
    balie.command(f"pak {a}")
    shown = balie.command(f"toon {a}").json()
    assert a in shown["text"] and "heeft het ticket opgepakt" in str(shown["blocks"])
    listed = str(balie.command("lijst").json()["blocks"])
    assert listed.index(b) < listed.index(a)  # most urgent first
    assert b not in str(balie.command("lijst mijn").json())
    assert a not in str(balie.command("lijst lijn=2").json())
    assert a in str(balie.command("lijst klant=CAFE").json())
    balie.command(f"los-op {a} klaar")
    assert a not in str(balie.command("lijst").json())
    assert a in str(balie.command("lijst status=resolved").json())
    assert "Geen tickets gevonden" in balie.command("lijst klant=BAKKER").json()["text"]
