from __future__ import annotations

from tests.conftest import AGENT, Balie


def test_new_ticket_registers_posts_card_and_mails(balie: Balie) -> None:
    response = balie.command(
        'new klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden '
        "Printer op de 2e verdieping <!channel> doet niets"
    )
    assert response.status == 200
    body = response.json()
    assert body["response_type"] == "ephemeral"
    assert "KOR-000001" in body["text"]
    assert balie.fake.calls_to("chat.postMessage") == []  # nothing before the outbox runs

    assert balie.drain() == 3
    card = balie.fake.calls_to("chat.postMessage")[0]
    assert card.args["channel"] == "#balie-2e-lijn"
    rendered = str(card.args["blocks"])
    assert "<!channel>" not in rendered and "&lt;!channel&gt;" in rendered
    mail = balie.smtp.wait_for(1)[0]
    assert "KOR-000001" in mail["Subject"] and "Printer" in mail["Subject"]
    assert mail["To"] == "jan@acme.example"
    thread = balie.fake.calls_to("chat.postMessage")[1]
    assert thread.args["thread_ts"] == card.response["ts"] if card.response else True
    assert AGENT
