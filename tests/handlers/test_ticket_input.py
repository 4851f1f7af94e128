"""How typed input is read, driven as Slack drives it: the words on the card are input, every
problem is named at once, ticket numbers are normalised, contacts are matched strictly, and
control characters never reach the database, Slack or the customer's e-mail."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from bot.blocks.ids import ActionId, BlockId, CallbackId
from bot.tickets.blocks import modal as ticket_modal
from storage.models import Contact, Ticket, TicketEvent
from tests.conftest import ADMIN, AGENT, Balie, test_policy
from tests.fakes.signed import (
    block_actions_payload,
    plain_text_input_state,
    select_state,
    view_submission_payload,
)

GOOD = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden'


def text_of(balie: Balie, text: str, user: str = AGENT, command: str = "/ticket") -> str:
    response = balie.command(text, user=user, command=command)
    assert response.status == 200, response.body
    return str(response.json()["text"])


def tickets(balie: Balie) -> list[Ticket]:
    with balie.services.sessions() as s:
        return list(s.execute(select(Ticket).order_by(Ticket.id)).unique().scalars())


def english(balie: Balie, user: str = ADMIN) -> None:
    assert "English" in text_of(balie, "taal engels", user=user)


# --- rough edge 2: the Dutch words on the card -----------------------------------------------


def test_the_type_words_on_the_card_register(balie: Balie) -> None:
    for word in ("vraag", "Aanvraag", "GEBRUIKERSVRAAG", '"Service request"'):
        balie.register(
            f"klant=CAFE contact=cor@cafe.example via=E-mail type={word} impact=Laag urgentie=laag Iets"
        )
    assert [t.type for t in tickets(balie)] == ["question", "request", "question", "request"]
    assert {t.via for t in tickets(balie)} == {"email"}


def test_status_opgelost_lists_the_resolved_tickets(balie: Balie) -> None:
    number = balie.register(f"{GOOD} Printer")
    balie.command(f"los-op {number} Toner vervangen")
    listed = balie.command("lijst status=opgelost").json()
    assert number in str(listed["blocks"]) and "status=opgelost" in listed["text"]
    assert number in str(balie.command('lijst status="Resolved"').json()["blocks"])
    assert number not in str(balie.command("lijst status=Nieuw").json())


def test_reclassify_takes_the_labels(balie: Balie) -> None:
    number = balie.register(f"{GOOD} Printer")
    balie.command(f"herclassificeer {number} type=Gebruikersvraag impact=Laag urgentie=LAAG")
    (t,) = tickets(balie)
    assert (t.type, t.impact, t.urgency, t.priority) == ("question", "low", "low", "P4")


def test_reclassify_without_a_key_names_every_key_it_takes(balie: Balie) -> None:
    number = balie.register(f"{GOOD} Printer")
    text = text_of(balie, f"herclassificeer {number}")
    assert "geef type=, impact=, urgentie= of scope= op" in text
    english(balie, user=AGENT)
    text = text_of(balie, f"reclassify {number}")
    assert "give type=, impact=, urgency= or scope=" in text
    assert tickets(balie)[0].scope is None


def test_reclassify_with_a_scope_names_the_scope(balie: Balie) -> None:
    number = balie.register(f"{GOOD} Nieuwe vestiging inrichten")
    text = text_of(balie, f"herclassificeer {number} scope=buiten-scope:inrichting")
    assert text == (
        f"{number} is geherclassificeerd: P2 Hoog, 2e lijn, buiten scope: Inrichting of "
        "ondersteuning bij inrichting."
    )
    # Without scope= the reply says nothing of it; back in scope it says so.
    assert "scope" not in text_of(balie, f"herclassificeer {number} urgentie=laag")
    back = text_of(balie, f"herclassificeer {number} scope=binnen")
    assert back.endswith(", binnen scope.")
    assert tickets(balie)[0].scope is None


# --- rough edge 3: every problem at once --------------------------------------------------------


def test_every_problem_of_a_command_in_one_answer(balie: Balie) -> None:
    text = text_of(balie, "nieuw klant=ACME via=telefon type=incidnt impact=hog klnt=X Printer")
    assert text.startswith("Dat kan Balie niet verwerken, er is niets opgeslagen:")
    for expected in (
        "via: 'telefon' kan niet; bedoel je 'telefoon'? Kies telefoon of e-mail",
        "type: 'incidnt' bestaat niet; bedoel je 'incident'? Kies incident, aanvraag of gebruikersvraag",
        "impact: 'hog' is geen niveau; bedoel je 'hoog'?",
        "onbekende sleutel 'klnt'; bedoel je 'klant'?",
        "urgentie ontbreekt; kies hoog, midden of laag",
        "contact ontbreekt",
    ):
        assert expected in text, (expected, text)
    assert tickets(balie) == []


def test_every_problem_in_english_on_request(balie: Balie) -> None:
    english(balie)
    text = text_of(balie, "new via=phon type=incidnt impact=hihg custmer=X Printer", user=ADMIN)
    for expected in (
        "Balie cannot process that, nothing was saved:",
        "via: 'phon' is not possible; did you mean 'phone'?",
        "type: 'incidnt' does not exist; did you mean 'incident'?",
        "impact: 'hihg' is not a level; did you mean 'high'?",
        "unknown key 'custmer'; did you mean 'customer'?",
        "urgency is missing; choose high, medium or low",
    ):
        assert expected in text, (expected, text)
    assert "kies" not in text and "ontbreekt" not in text


def test_reclassify_and_list_name_every_problem(balie: Balie) -> None:
    number = balie.register(f"{GOOD} Printer")
    text = text_of(balie, f"herclassificeer {number} type=incidnt urgentie=hoogg kleur=rood")
    assert "type: 'incidnt' bestaat niet; bedoel je 'incident'?" in text
    assert "urgentie: 'hoogg' is geen niveau; bedoel je 'hoog'?" in text
    assert "onbekende sleutel 'kleur'; kies uit type, impact, urgentie of scope" in text
    assert tickets(balie)[0].type == "incident"
    text = text_of(balie, "lijst lijn=5 status=opgelsot mjin")
    assert "lijn: '5' kan niet; kies 1, 2 of 3" in text
    assert "status: 'opgelsot' kan niet; bedoel je 'opgelost'?" in text
    assert "'mjin' begrijpt Balie hier niet; bedoel je 'mijn'?" in text


def test_klant_keys_get_suggestions_too(balie: Balie) -> None:
    text = text_of(
        balie, "zet code=DELTA nam=Delta sla=goud contrct=2020-01-01", ADMIN, "/klant"
    ).replace("\n", " ")
    assert "onbekende sleutel 'nam'; bedoel je 'naam'?" in text
    assert "onbekende sleutel 'contrct'; bedoel je 'contract'?" in text


def test_a_mistyped_subcommand_gets_a_suggestion(balie: Balie) -> None:
    text = text_of(balie, "herclasificeer KOR-1 impact=hoog")
    assert "'herclasificeer' is geen opdracht; bedoel je 'herclassificeer'?" in text


# --- rough edge 8: ticket numbers ----------------------------------------------------------------


def test_ticket_numbers_are_normalised(balie: Balie) -> None:
    number = balie.register(f"{GOOD} Printer")
    assert number == "KOR-000001"
    assert "KOR-000001" in text_of(balie, "pak kor-1")
    assert tickets(balie)[0].assignee == AGENT
    assert "KOR-000001" in text_of(balie, "toon 1")
    assert "KOR-000001" in text_of(balie, "notitie Kor-000001 Klant gebeld")
    assert "KOR-000001" in str(balie.command("1", command="/sla").json())
    text = text_of(balie, "pak KOR-X")
    assert "'KOR-X' is geen ticketnummer; schrijf bijvoorbeeld KOR-000012 of 12" in text


# --- rough edges 10 and 11: contacts ---------------------------------------------------------


def test_contacts_match_strictly_and_ambiguity_lists_the_candidates(balie: Balie) -> None:
    # Slack sends a typed < and > as entities.
    saved = 'contact ACME naam="Jan de &lt;Wit&gt;" email=jdw@acme.example rol=it'
    assert "is toegevoegd bij ACME" in text_of(balie, saved, ADMIN, "/klant")
    base = "klant=ACME via=telefoon type=incident impact=hoog urgentie=midden Printer"
    refused = balie.new(f"contact=j {base}")
    assert "j is geen contactpersoon van Acme Logistiek B.V." in refused
    ambiguous = balie.new(f"contact=jan {base}")
    assert "'jan' past bij meer contactpersonen van Acme Logistiek B.V.:" in ambiguous
    assert "Jan Jansen (jan@acme.example)" in ambiguous
    assert "Jan de &lt;Wit&gt; (jdw@acme.example)" in ambiguous and "<Wit>" not in ambiguous
    assert tickets(balie) == []
    assert balie.register(f"contact=JAN@ACME.EXAMPLE {base}") == "KOR-000001"
    assert balie.register(f"contact=jansen {base}") == "KOR-000002"
    assert balie.register(f'contact="jan de" {base}') == "KOR-000003"
    assert balie.register(f"contact=ingr {base}") == "KOR-000004"
    with balie.services.sessions() as s:
        reporters = s.execute(
            select(Contact.email).join(Ticket, Ticket.contact_id == Contact.id).order_by(Ticket.id)
        ).scalars()
        assert list(reporters) == [
            "jan@acme.example",
            "jan@acme.example",
            "jdw@acme.example",
            "it@acme.example",
        ]


def test_the_refusal_lists_only_who_may_report(balie: Balie) -> None:
    base = "klant=ACME via=telefoon type=incident impact=hoog urgentie=hoog Kapot"
    for contact in ("eva@acme.example", "onbekend"):
        text = balie.new(f"contact={contact} {base}")
        assert "Voor Acme Logistiek B.V. mogen melden:" in text
        assert "• Jan Jansen · jan@acme.example · hoofdcontactpersoon" in text
        assert "• Ingrid IT · it@acme.example · IT-contactpersoon" in text
        assert "eva@acme.example ·" not in text and "· eindgebruiker" not in text
    assert tickets(balie) == []


# --- rough edge 12: the filter echoed in the agent's language --------------------------------


def test_the_filter_is_echoed_in_the_agents_language(balie: Balie) -> None:
    text = text_of(balie, "lijst lijn=2 klant=ACME")
    assert "lijn=2 · klant=ACME" in text
    assert "line=" not in text and "customer=" not in text
    english(balie)
    text = text_of(balie, "list lijn=2 klant=ACME status=opgelost", user=ADMIN)
    assert "line=2 · customer=ACME · status=resolved" in text


# --- fuzz 6: control characters ---------------------------------------------------------------


CONTROLS = "\b\x1b[31m\x7f\x85\x9b\x01"


def test_control_characters_never_reach_the_database_slack_or_mail(balie: Balie) -> None:
    number = balie.register(
        f'{GOOD} omschrijving="Regel een{CONTROLS}\nRegel\ttwee" Prin{CONTROLS}ter'
    )
    balie.command(f"notitie {number} Belde{CONTROLS} terug")
    balie.drain()
    (t,) = tickets(balie)
    assert (t.subject, t.description) == ("Printer", "Regel een\nRegel\ttwee")
    with balie.services.sessions() as s:
        notes = s.execute(select(TicketEvent.text).where(TicketEvent.kind == "note")).scalars()
        assert list(notes) == ["Belde terug"]
    sent = json.dumps([c.args for c in balie.fake.calls], ensure_ascii=False)
    mail = balie.smtp.wait_for(1)[0]
    for control in "\b\x1b\x7f\x85\x9b\x01":
        assert control not in sent and control not in mail.as_string()
    assert "[31m" not in sent and mail["Subject"] == f"[{number}] Printer"


def test_control_characters_from_modals_are_dropped_too(balie: Balie) -> None:
    with balie.services.sessions() as s:
        jan = s.execute(select(Contact.id).where(Contact.email == "jan@acme.example")).scalar_one()
    values = {
        "customer": {ActionId.CUSTOMER.value: select_state("ACME", type="external_select")},
        "contact": {ActionId.CONTACT.value: select_state(str(jan), type="external_select")},
        "via": {ActionId.VIA.value: select_state("phone")},
        "subject": {ActionId.SUBJECT.value: plain_text_input_state(f"Mail{CONTROLS} stuk")},
        "description": {ActionId.DESCRIPTION.value: plain_text_input_state("a\x1bb\r\nc")},
        "type": {ActionId.TYPE.value: select_state("incident")},
        "impact": {ActionId.IMPACT.value: select_state("medium")},
        "urgency": {ActionId.URGENCY.value: select_state("high")},
        "missing": {ActionId.MISSING.value: plain_text_input_state(None)},
    }
    payload = view_submission_payload(
        CallbackId.NEW_TICKET.value,
        values,
        user_id=AGENT,
        blocks=ticket_modal.new_ticket(test_policy(), "nl")["blocks"],
        private_metadata="{}",
    )
    assert balie.slack.view_submission(payload).status == 200
    (t,) = tickets(balie)
    assert (t.subject, t.description) == ("Mail stuk", "ab\nc")
    balie.drain()
    card = next(c for c in balie.fake.calls_to("chat.postMessage") if "blocks" in c.args)
    # The note modal: its text is read from the same modal state.
    balie.slack.block_action(
        block_actions_payload(
            ActionId.NOTE.value,
            value=t.number,
            user_id=AGENT,
            message={"ts": card.response["ts"], "blocks": card.args["blocks"], "text": ""},
        )
    )
    view = balie.fake.wait_for("views.open")[0].args["view"]
    note = view_submission_payload(
        CallbackId.TICKET_ACTION.value,
        {BlockId.TEXT: {ActionId.TEXT: plain_text_input_state(f"Klant{CONTROLS} gebeld")}},
        private_metadata=view["private_metadata"],
        user_id=AGENT,
        blocks=view["blocks"],
    )
    assert balie.slack.view_submission(note).status == 200
    with balie.services.sessions() as s:
        texts = s.execute(select(TicketEvent.text).where(TicketEvent.kind == "note")).scalars()
        assert list(texts) == ["Klant gebeld"]
        assert s.execute(select(func.count()).select_from(Ticket)).scalar_one() == 1
