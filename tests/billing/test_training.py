"""Rule 3: basic knowledge is missing. `/klant kennis` records it and tells the account
manager (e-mail, a DM where they are a Slack user, else the team leads pass it on); the
account manager or an admin records the training's outcome with `/klant training`. While it
is declined, or still not taken after the policy's period (30 days), the customer's user
questions are charged from then on (questions_charged_since, which the ledger reads)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.billing import account_manager
from storage.models import TrainingNotice
from tests.billing.facts_helpers import body, charged_since, mails_to, said
from tests.conftest import ADMIN, AGENT, LEAD, Balie, amsterdam

PETRA = "UPETRA0001"
MISSING = "Weet niet hoe je een nieuwe gebruiker aanmaakt; derde vraag hierover deze maand"


def klant(balie: Balie, text: str, user: str = AGENT) -> str:
    return said(balie, text, user=user, command="/klant")


def reachable_manager(balie: Balie) -> None:
    """Petra is a Slack user with an e-mail address (the directory's free-text field)."""
    reply = klant(
        balie,
        f'wijzig ACME accountmanager="Petra de Vries <petra@korton.example> <@{PETRA}>"',
        user=ADMIN,
    )
    assert "ACME" in reply, reply


def notices(balie: Balie) -> list[TrainingNotice]:
    with balie.services.sessions() as s:
        return list(s.execute(select(TrainingNotice).order_by(TrainingNotice.id)).scalars())


def test_the_account_manager_is_told_by_e_mail_and_dm(balie: Balie) -> None:
    reachable_manager(balie)

    reply = klant(balie, f"kennis ACME {MISSING}")

    assert reply == (
        "Genoteerd: bij Acme Logistiek B.V. ontbreekt basiskennis. Accountmanager Petra de Vries "
        "krijgt een e-mail en een bericht in Slack.\nWordt er vóór 24-12-2026 10:00 geen "
        "training gevolgd, of wijst de klant die af, dan worden de gebruikersvragen van "
        "Acme Logistiek B.V. vanaf dat moment doorbelast."
    )
    (notice,) = notices(balie)
    assert (notice.state, notice.text, notice.noted_by) == ("open", MISSING, AGENT)
    assert notice.noted_at == amsterdam(2026, 11, 24, 10, 0)
    assert notice.due_at == amsterdam(2026, 12, 24, 10, 0)  # 30 days, the policy's default

    balie.drain()
    (mail,) = mails_to(balie, "petra@korton.example")
    assert (
        mail["Subject"]
        == "Basiskennis ontbreekt bij Acme Logistiek B.V. (ACME): training aanbieden"
    )
    text = body(mail)
    assert text.startswith("Hoi Petra de Vries,")
    assert MISSING in text and "`/klant training ACME gepland|gevolgd|afgewezen`" in text
    assert "op 24-12-2026 10:00 nog geen training gevolgd" in text
    assert "Alleen een gevolgde training telt; een geplande nog niet." in text
    # In the DM conversations.open gives (D…), the channel an uncertain retry can read.
    (dm,) = balie.fake.messages_in(PETRA)
    (post,) = [
        c.args for c in balie.fake.calls_to("chat.postMessage") if c.args["text"] == dm["text"]
    ]
    assert post["channel"].startswith("D")
    assert dm["text"].startswith(
        "*Basiskennis ontbreekt bij Acme Logistiek B.V. (ACME)*: " + MISSING
    )


def test_a_manager_known_by_name_only_is_reached_through_the_team_leads(balie: Balie) -> None:
    reply = klant(balie, "kennis ACME <!channel> kent Windows niet")

    assert "Accountmanager Petra de Vries is niet via Balie te bereiken" in reply
    assert "de teamleiders krijgen het om door te geven" in reply
    balie.drain()
    leads = balie.fake.messages_in(balie.services.policy.channels.team_leads)
    (post,) = leads
    assert "&lt;!channel&gt; kent Windows niet" in post["text"]
    assert "Accountmanager Petra de Vries is niet via Balie te bereiken" in post["text"]
    assert mails_to(balie, "petra@korton.example") == []


def test_declined_then_questions_are_charged_from_the_decline(balie: Balie) -> None:
    reachable_manager(balie)
    klant(balie, f"kennis ACME {MISSING}")
    assert charged_since(balie, "ACME", amsterdam(2026, 11, 30, 9, 0)) is None

    balie.clock.set(amsterdam(2026, 12, 1, 14, 0))
    reply = klant(balie, "training ACME afgewezen", user=PETRA)

    assert reply == (
        "Training voor Acme Logistiek B.V.: afgewezen. De gebruikersvragen van "
        "Acme Logistiek B.V. worden vanaf nu doorbelast."
    )
    declined = amsterdam(2026, 12, 1, 14, 0)
    assert charged_since(balie, "ACME", amsterdam(2026, 12, 2, 9, 0)) == declined
    # As things stood before the decline, they were not.
    assert charged_since(balie, "ACME", amsterdam(2026, 11, 30, 9, 0)) is None
    # Other customers are not touched.
    assert charged_since(balie, "BAKKER", amsterdam(2026, 12, 2, 9, 0)) is None
    # Noting again while declined keeps it declined: noting never buys time.
    balie.clock.set(amsterdam(2026, 12, 3, 9, 0))
    again = klant(balie, "kennis ACME weer een vraag over gebruikers")
    assert "Er loopt al een melding (training: afgewezen); de termijn blijft" in again
    assert charged_since(balie, "ACME", amsterdam(2026, 12, 3, 9, 30)) == declined


def test_still_open_after_thirty_days_is_charged_from_the_thirtieth_day(balie: Balie) -> None:
    klant(balie, f"kennis ACME {MISSING}")
    due = amsterdam(2026, 12, 24, 10, 0)
    assert charged_since(balie, "ACME", due - timedelta(minutes=1)) is None
    assert charged_since(balie, "ACME", due) == due
    # Planned is not taken: the period runs on.
    balie.clock.set(amsterdam(2026, 12, 10, 9, 0))
    planned = klant(balie, "training ACME gepland", user=ADMIN)
    assert planned == (
        "Training voor Acme Logistiek B.V.: gepland. Wordt de training vóór 24-12-2026 10:00 "
        "gevolgd, dan blijven de gebruikersvragen gratis; anders worden ze vanaf "
        "24-12-2026 10:00 doorbelast."
    )
    assert charged_since(balie, "ACME", amsterdam(2027, 1, 5, 9, 0)) == due
    # Once taken, questions are free again.
    balie.clock.set(amsterdam(2027, 1, 6, 9, 0))
    taken = klant(balie, "training ACME gevolgd", user=ADMIN)
    assert taken == "Training voor Acme Logistiek B.V.: gevolgd. Gebruikersvragen zijn weer gratis."
    assert charged_since(balie, "ACME", amsterdam(2027, 1, 6, 9, 30)) is None
    # A new notice after a training taken starts a new period.
    klant(balie, "kennis ACME nieuwe collega's kennen het niet")
    assert notices(balie)[-1].due_at == amsterdam(2027, 2, 5, 9, 0)


def test_planned_after_the_period_says_questions_are_charged_already(balie: Balie) -> None:
    klant(balie, f"kennis ACME {MISSING}")
    balie.clock.set(amsterdam(2027, 1, 4, 9, 0))
    reply = klant(balie, "training ACME gepland", user=ADMIN)
    # Planned is not taken: the period is over, so the questions are charged (and the reply
    # does not promise a date already gone).
    assert reply == (
        "Training voor Acme Logistiek B.V.: gepland. De termijn is op 24-12-2026 10:00 verlopen: "
        "tot de training gevolgd is, worden gebruikersvragen doorbelast."
    )
    assert charged_since(balie, "ACME", amsterdam(2027, 1, 4, 9, 30)) == amsterdam(
        2026, 12, 24, 10, 0
    )


def test_noting_again_while_open_keeps_the_period(balie: Balie) -> None:
    klant(balie, f"kennis ACME {MISSING}")
    balie.clock.set(amsterdam(2026, 12, 20, 9, 0))
    reply = klant(balie, "kennis ACME nog steeds geen idee van gebruikersbeheer")
    assert (
        "Er loopt al een melding (training: nog geen uitkomst); de termijn blijft 24-12-2026 10:00."
        in reply
    )
    assert [n.due_at for n in notices(balie)] == [amsterdam(2026, 12, 24, 10, 0)] * 2


def test_only_the_account_manager_or_an_admin_records_the_outcome(balie: Balie) -> None:
    reachable_manager(balie)
    klant(balie, f"kennis ACME {MISSING}")

    for user in (AGENT, LEAD):
        reply = klant(balie, "training ACME afgewezen", user=user)
        assert reply == (
            "De uitkomst van de training van Acme Logistiek B.V. legt de accountmanager "
            "(Petra de Vries) of een beheerder vast."
        )
    assert notices(balie)[0].state == "open"
    assert klant(balie, "training ACME gevolgd", user=ADMIN).startswith("Training voor Acme")
    assert notices(balie)[0].state == "taken" and notices(balie)[0].outcome_by == ADMIN


def test_bad_input_names_every_problem_and_writes_nothing(balie: Balie) -> None:
    problems = klant(balie, "training ACME misschien")
    assert "training: 'misschien' kan niet; kies gepland, gevolgd of afgewezen" in problems
    no_notice = klant(balie, "training ACME gevolgd", user=ADMIN)
    assert no_notice == (
        "Voor ACME is nog niet gemeld dat basiskennis ontbreekt; doe dat eerst met "
        "`/klant kennis ACME TOELICHTING`."
    )
    assert "welke basiskennis ontbreekt" in klant(balie, "kennis ACME")
    assert klant(balie, "kennis NIEMAND kent niets") == "Klant NIEMAND bestaat niet."
    assert notices(balie) == []


def test_in_english_on_request(balie: Balie) -> None:
    said(balie, "taal en")
    reply = klant(balie, f"knowledge ACME {MISSING}")
    assert reply.startswith("Noted: Acme Logistiek B.V. lacks basic knowledge.")
    assert klant(balie, "training ACME maybe").count("choose planned, taken or declined") == 1


@pytest.mark.parametrize(
    ("field", "name", "email", "slack_id"),
    [
        ("Petra de Vries", "Petra de Vries", None, None),
        ("petra@korton.example", "petra@korton.example", "petra@korton.example", None),
        ("Petra de Vries <petra@korton.example>", "Petra de Vries", "petra@korton.example", None),
        ("<@UPETRA0001|petra>", "UPETRA0001", None, "UPETRA0001"),
        ("Petra (UPETRA0001)", "Petra", None, "UPETRA0001"),
        (
            "Petra de Vries <mailto:petra@korton.example|petra@korton.example> <@UPETRA0001>",
            "Petra de Vries",
            "petra@korton.example",
            "UPETRA0001",
        ),
    ],
)
def test_the_account_manager_field_is_read_as_written(
    field: str, name: str, email: str | None, slack_id: str | None
) -> None:
    m = account_manager.parse(field)
    assert (m.name, m.email, m.slack_id) == (name, email, slack_id)
    assert m.reachable is (email is not None or slack_id is not None)
