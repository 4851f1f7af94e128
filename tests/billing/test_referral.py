"""Rule 2: a user question a manual answers. `/ticket verwijs` records the referral, resolves
the question and e-mails the contact the reference; time afterwards on that ticket, or on a
new question linked to it with `/ticket koppel`, is charged (the ledger reads referral_for)."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Referral, TicketEvent
from tests.billing.facts_helpers import (
    ACME_INCIDENT,
    ACME_QUESTION,
    BAKKER_QUESTION,
    body,
    mails_to,
    referral_for,
    said,
    ticket,
)
from tests.conftest import AGENT, Balie, amsterdam

MANUAL = "https://docs.korton.example/handleiding/printen#dubbelzijdig"


def test_a_referral_resolves_the_question_and_mails_the_contact_the_reference(
    balie: Balie,
) -> None:
    number = balie.register(f"{ACME_QUESTION} Hoe print ik dubbelzijdig?")
    balie.clock.set(amsterdam(2026, 11, 24, 11, 15))

    reply = said(balie, f"verwijs {number} {MANUAL}")

    assert f"{number} is opgelost met een verwijzing naar: {MANUAL}" in reply
    assert "Jan Jansen krijgt die per e-mail" in reply
    assert f"`/ticket koppel NUMMER {number}`), wordt doorbelast" in reply
    t = ticket(balie, number)
    assert (t.status, t.resolution) == ("resolved", MANUAL)
    with balie.services.sessions() as s:
        (row,) = s.execute(select(Referral)).scalars()
        assert (row.ticket_id, row.reference, row.actor) == (t.id, MANUAL, AGENT)
        assert row.referred_at == amsterdam(2026, 11, 24, 11, 15)
    assert referral_for(balie, number) == row.id

    balie.drain()
    referral_mail = [
        m for m in mails_to(balie, "jan@acme.example") if "handleiding of werkinstructie" in body(m)
    ]
    (mail,) = referral_mail
    assert mail["Subject"] == f"[{number}] Hoe print ik dubbelzijdig?"
    text = body(mail)
    assert text.startswith("Beste Jan Jansen,")
    assert (
        f"Uw vraag {number} wordt beantwoord in deze handleiding of werkinstructie:\n\n{MANUAL}\n"
        in text
    )
    assert "brengen wij de tijd die wij eraan besteden in rekening" in text


def test_time_on_a_ticket_without_referral_is_not_referred(balie: Balie) -> None:
    number = balie.register(f"{ACME_QUESTION} Hoe print ik dubbelzijdig?")
    assert referral_for(balie, number) is None


def test_a_new_question_linked_to_the_referral_is_charged_like_it(balie: Balie) -> None:
    first = balie.register(f"{ACME_QUESTION} Hoe print ik dubbelzijdig?")
    said(balie, f"verwijs {first} {MANUAL}")
    again = balie.register(f"{ACME_QUESTION} Dubbelzijdig printen lukt nog steeds niet")

    reply = said(balie, f"koppel {again} {first}")

    assert reply == (
        f"{again} is gekoppeld aan {first} (verwezen naar: {MANUAL}). "
        f"Tijd die je op {again} schrijft, wordt doorbelast."
    )
    assert referral_for(balie, again) == referral_for(balie, first) is not None
    assert ticket(balie, again).linked_to == ticket(balie, first).id
    # The audit trail says so, in the thread and in /ticket toon.
    with balie.services.sessions() as s:
        notes = s.execute(
            select(TicketEvent.text).where(
                TicketEvent.ticket_id == ticket(balie, again).id, TicketEvent.kind == "note"
            )
        ).scalars()
        assert list(notes) == [
            f"gekoppeld aan {first} (verwezen naar: {MANUAL}); tijd hierop wordt doorbelast."
        ]
    # Said again, nothing changes; a third question linked to the second reaches the referral.
    assert said(balie, f"koppel {again} {first}") == f"{again} was al gekoppeld aan {first}."
    third = balie.register(f"{ACME_QUESTION} En nu de nietjes")
    assert f"{third} is gekoppeld aan {first}" in said(balie, f"koppel {third} {again}")


def test_a_link_is_undone_with_los(balie: Balie) -> None:
    first = balie.register(f"{ACME_QUESTION} Hoe print ik dubbelzijdig?")
    said(balie, f"verwijs {first} {MANUAL}")
    again = balie.register(f"{ACME_QUESTION} Iets heel anders eigenlijk")
    said(balie, f"koppel {again} {first}")

    assert (
        said(balie, f"koppel {again} los") == f"{again} is niet meer gekoppeld aan een verwijzing."
    )
    assert referral_for(balie, again) is None
    assert said(balie, f"koppel {again} los") == f"{again} was niet gekoppeld aan een verwijzing."


def test_linking_to_another_customers_referral_is_refused_with_the_reason(balie: Balie) -> None:
    first = balie.register(f"{ACME_QUESTION} Hoe print ik dubbelzijdig?")
    said(balie, f"verwijs {first} {MANUAL}")
    other = balie.register(f"{BAKKER_QUESTION} Hoe print ik dubbelzijdig?")

    reply = said(balie, f"koppel {other} {first}")

    assert reply == (
        f"{other} is van Bakkerij Brood &amp; Co en {first} van Acme Logistiek B.V.: "
        "koppelen kan alleen aan een verwijzing van dezelfde klant."
    )
    assert ticket(balie, other).linked_to is None and referral_for(balie, other) is None


def test_linking_to_a_ticket_without_referral_says_to_refer_first(balie: Balie) -> None:
    first = balie.register(f"{ACME_QUESTION} Hoe print ik dubbelzijdig?")
    again = balie.register(f"{ACME_QUESTION} Dubbelzijdig printen lukt niet")

    reply = said(balie, f"koppel {again} {first}")

    assert reply == (
        f"{first} heeft geen verwijzing naar een handleiding; verwijs eerst met "
        f"`/ticket verwijs {first} HANDLEIDING-OF-LINK`."
    )
    assert ticket(balie, again).linked_to is None


def test_only_a_user_question_is_referred_and_every_problem_is_told_at_once(
    balie: Balie,
) -> None:
    incident = balie.register(f"{ACME_INCIDENT} Printer brandt")
    reply = said(balie, f"verwijs {incident} {MANUAL}")
    assert reply.startswith(
        f"{incident} is een Incident; naar een handleiding verwijzen kan alleen bij een Gebruikersvraag."
    )
    assert ticket(balie, incident).status == "new"

    problems = said(balie, "verwijs")
    assert "ticketnummer" in problems.lower() or "nummer" in problems
    assert "naar welke handleiding of werkinstructie je verwijst" in problems
    selfish = said(balie, f"koppel {incident} {incident} extra")
    assert (
        "niet aan zichzelf koppelen" in selfish
        and "na de twee ticketnummers hoort niets meer" in selfish
    )
    with balie.services.sessions() as s:
        assert list(s.execute(select(Referral)).scalars()) == []


def test_the_agent_reads_it_in_english_and_the_contact_in_the_policys_language(
    balie: Balie,
) -> None:
    said(balie, "taal en")
    number = balie.register(f"{ACME_QUESTION} Hoe print ik dubbelzijdig?")
    reply = said(balie, f"refer {number} <!channel> {MANUAL}")
    assert reply.startswith(f"{number} is resolved with a referral to: &lt;!channel&gt; {MANUAL}")
    assert "is charged" in reply
    balie.drain()
    texts = [body(m) for m in mails_to(balie, "jan@acme.example")]
    assert any("Uw vraag" in text and "<!channel>" in text for text in texts)
