"""/ticket new: registering in one line, and every way it refuses."""

from __future__ import annotations

import time

from sqlalchemy import func, select

from storage.models import OutboxItem, Ticket
from tests.conftest import ADMIN, AGENT, GROUP_AGENT, OUTSIDER, Balie
from tests.fakes.signed import sign

GOOD = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden'


def counts(balie: Balie) -> tuple[int, int]:
    """Tickets, and side effects other than the reply to the agent."""
    with balie.services.sessions() as s:
        return (
            s.execute(select(func.count()).select_from(Ticket)).scalar_one(),
            s.execute(
                select(func.count()).select_from(OutboxItem).where(OutboxItem.kind != "respond")
            ).scalar_one(),
        )


def test_registers_in_the_ack_then_posts_card_in_routed_line_and_mails_contact(
    balie: Balie,
) -> None:
    response = balie.command(f"new {GOOD} Printer op de 2e verdieping <!channel> doet niets")
    assert response.status == 200
    body = response.json()
    assert body["response_type"] == "ephemeral"
    # The answer to the command carries the number; Slack and SMTP come after it.
    assert body["text"].startswith("KOR-000001 is geregistreerd voor Acme Logistiek B.V.")
    assert "Jan Jansen krijgt een bevestiging per e-mail" in body["text"]
    assert {c.method for c in balie.fake.calls} == {"auth.test"}
    assert counts(balie) == (1, 3)  # card, thread, e-mail: committed with the ticket

    assert balie.drain() == 3
    card, reply = balie.fake.calls_to("chat.postMessage")
    assert card.args["channel"] == "#balie-2e-lijn"  # incident P2 -> 2nd line
    blocks = str(card.args["blocks"])
    assert "<!channel>" not in blocks and "&lt;!channel&gt;" in blocks
    for expected in ("KOR-000001", "Acme Logistiek", "Goud", "Jan Jansen", "P2", "Nieuw"):
        assert expected in blocks, expected
    assert "impact hoog × urgentie midden → P2 (Hoog)" in blocks
    assert "Nederland ICT Voorwaarden" in blocks  # contract from 2019
    assert reply.args["thread_ts"] == card.response["ts"]
    mail = balie.smtp.wait_for(1)[0]
    assert mail["Subject"] == "[KOR-000001] Printer op de 2e verdieping <!channel> doet niets"
    assert mail["To"] == "jan@acme.example"
    assert "KOR-000001" in mail.get_content()
    assert not balie.fake.calls_to("response_url")  # nothing followed up: the ack said it all


def test_a_replayed_command_registers_once(balie: Balie) -> None:
    """Slack retries, and an attacker may replay within the signature's 5 minutes: the same
    trigger_id gets the same ticket."""
    first = balie.command(f"new {GOOD} Printer stuk", trigger_id="13345224609.738474920.8088")
    again = balie.command(f"new {GOOD} Printer stuk", trigger_id="13345224609.738474920.8088")
    assert first.json()["text"] == again.json()["text"]
    assert "KOR-000001" in again.json()["text"]
    assert counts(balie) == (1, 3)
    other = balie.command(f"new {GOOD} Printer stuk", trigger_id="13345224609.738474920.9999")
    assert "KOR-000002" in other.json()["text"]


def test_question_goes_to_first_line_and_numbers_increase(balie: Balie) -> None:
    first = balie.register(
        "klant=CAFE contact=cor@cafe.example via=email type=question impact=laag urgentie=laag Hoe reset ik"
    )
    second = balie.register(
        "klant=BAKKER contact=Bert via=mail type=request impact=low urgency=medium Nieuwe laptop"
    )
    assert (first, second) == ("KOR-000001", "KOR-000002")
    balie.drain()
    channels = [
        c.args["channel"] for c in balie.fake.calls_to("chat.postMessage") if "blocks" in c.args
    ]
    assert channels == ["#balie-1e-lijn", "#balie-1e-lijn"]


def test_end_user_is_refused_and_sees_who_may_report(balie: Balie) -> None:
    text = balie.new(
        "klant=ACME contact=eva@acme.example via=telefoon type=incident impact=hoog urgentie=hoog Kapot"
    )
    assert "Eva Eindgebruiker is eindgebruiker bij Acme Logistiek B.V." in text
    assert "Jan Jansen" in text and "Ingrid IT" in text and "hoofdcontactpersoon" in text
    assert counts(balie) == (0, 0)


def test_unknown_contact_and_customer_are_refused(balie: Balie) -> None:
    text = balie.new(
        "klant=ACME contact=onbekend via=telefoon type=incident impact=hoog urgentie=hoog X y z"
    )
    assert "onbekend is geen contactpersoon van Acme Logistiek B.V." in text
    assert "Jan Jansen" in text
    text = balie.new(f"{GOOD.replace('ACME', 'NOPE')} Iets")
    assert "klant 'NOPE' bestaat niet" in text
    assert counts(balie) == (0, 0)


def test_missing_and_invalid_fields_are_all_named_in_dutch(balie: Balie) -> None:
    text = balie.command("new klant=ACME impact=extreem via=duif").json()["text"]
    assert text.startswith("Dat kan Balie niet verwerken, er is niets opgeslagen:")
    for expected in (
        "contact ontbreekt",
        "'extreem' is geen niveau",
        "via: 'duif' kan niet",
        "urgentie ontbreekt",
        "type ontbreekt",
        "onderwerp is te kort",
    ):
        assert expected in text, (expected, text)
    assert "Traceback" not in text
    assert counts(balie) == (0, 0)


def test_unknown_type_key_and_subcommand(balie: Balie) -> None:
    assert (
        "type: 'storing' bestaat niet"
        in balie.command(f"new {GOOD.replace('type=incident', 'type=storing')} Iets stuk").json()[
            "text"
        ]
    )
    assert (
        "onbekende sleutel 'kleur'" in balie.command(f"new {GOOD} kleur=rood Iets").json()["text"]
    )
    assert "'vlieg' is geen opdracht" in balie.command("vlieg KOR-1").json()["text"]
    assert counts(balie) == (0, 0)


def test_incomplete_report_waits_for_information_and_mails_what_is_missing(balie: Balie) -> None:
    number = balie.register(f'{GOOD} ontbreekt="foutmelding en tijdstip" VPN valt weg')
    balie.drain()
    with balie.services.sessions() as s:
        assert s.execute(select(Ticket.status)).scalar_one() == "waiting_info"
    mail = balie.smtp.wait_for(1)[0]
    assert number in mail["Subject"]
    assert "foutmelding en tijdstip" in mail.get_content()
    card = balie.fake.calls_to("chat.postMessage")[0]
    assert "Wacht op informatie" in str(card.args["blocks"])


def test_only_staff_may_register_but_user_group_members_may(balie: Balie) -> None:
    text = balie.command(f"new {GOOD} Iets", user=OUTSIDER).json()["text"]
    assert "Dat mag alleen voor agents, teamleiders of beheerders" in text
    assert counts(balie) == (0, 0)
    assert balie.register(f"{GOOD} Via de groep", user=GROUP_AGENT) == "KOR-000001"
    assert balie.fake.calls_to("usergroups.users.list")


def test_english_on_request(balie: Balie) -> None:
    assert "English" in balie.command("taal en", user=ADMIN).json()["text"]
    text = balie.new(f"{GOOD} Printer broken", user=ADMIN)
    assert "is registered for Acme Logistiek B.V." in text
    assert "in het Nederlands" in balie.command("lang nl", user=ADMIN).json()["text"]
    balie.drain()
    # The card stays in the desk's language.
    assert "Nieuw" in str(balie.fake.calls_to("chat.postMessage")[0].args["blocks"])


def test_bad_or_stale_signature_gets_401_and_writes_nothing(balie: Balie) -> None:
    body = f"command=/ticket&text=new+{GOOD}+X&user_id={AGENT}".encode()
    bad = sign("wrong-secret", body, int(time.time()))
    assert (
        balie.slack.raw(body, bad | {"Content-Type": "application/x-www-form-urlencoded"}).status
        == 401
    )
    stale = balie.command(f"new {GOOD} Oud verzoek", timestamp=int(time.time()) - 600)
    assert stale.status == 401
    assert counts(balie) == (0, 0)


def test_healthz(balie: Balie) -> None:
    import json
    import urllib.request

    with urllib.request.urlopen(f"{balie.url}/healthz") as resp:
        assert resp.status == 200
        assert json.loads(resp.read())["ok"] is True


def test_unknown_group_membership_is_a_failure_to_retry_not_a_refusal(balie: Balie) -> None:
    balie.fake.fail("usergroups.users.list", status=503, times=1)
    text = balie.command(f"new {GOOD} Via de groep", user=GROUP_AGENT).json()["text"]
    assert "Er ging iets mis" in text and "Dat mag alleen" not in text
    assert balie.register(f"{GOOD} Direct genoemd") == "KOR-000001"  # listed by user id
    assert balie.register(f"{GOOD} Groep weer bereikbaar", user=GROUP_AGENT) == "KOR-000002"
