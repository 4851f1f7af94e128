"""Billable work's facts in the ticket's thread and its e-mail: a referral mails the contact
once (its own e-mail, not the desk's "resolved" one as well); the thread tells a referral, a
link to one, a written order and a change of scope in proper lines, Dutch in the channel and in
the reader's language in `/ticket toon`."""

from __future__ import annotations

import json

from sqlalchemy import update

from storage.models import TicketEvent
from tests.billing.facts_helpers import (
    ACME_INCIDENT,
    ACME_QUESTION,
    body,
    mails_to,
    said,
    ticket,
)
from tests.conftest import AGENT, Balie

MANUAL = "https://docs.korton.example/handleiding/printen#dubbelzijdig"
ORDER = 'klant=ACME contact="Jan Jansen" via=telefoon type=aanvraag impact=laag urgentie=laag'


def thread_texts(balie: Balie) -> list[str]:
    balie.drain()
    return [
        str(c.args["text"])
        for c in balie.fake.calls_to("chat.postMessage")
        if "thread_ts" in c.args
    ]


def shown(balie: Balie, number: str) -> str:
    """`/ticket toon NUMMER` as the agent reads it (blocks and all)."""
    response = balie.command(f"toon {number}")
    assert response.status == 200, response.body
    return json.dumps(response.json(), ensure_ascii=False)


def test_a_referral_mails_the_contact_exactly_once_with_the_reference(balie: Balie) -> None:
    number = balie.register(f"{ACME_QUESTION} Hoe print ik dubbelzijdig?")
    balie.drain()
    before = len(mails_to(balie, "jan@acme.example"))  # the registration's e-mail

    said(balie, f"verwijs {number} {MANUAL}")
    balie.drain()

    (mail,) = mails_to(balie, "jan@acme.example")[before:]
    assert mail["Subject"] == f"[{number}] Hoe print ik dubbelzijdig?"
    assert MANUAL in body(mail)
    assert "handleiding of werkinstructie" in body(mail)


def test_an_ordinary_resolve_still_mails_the_contact(balie: Balie) -> None:
    number = balie.register(f"{ACME_QUESTION} Hoe print ik dubbelzijdig?")
    balie.drain()
    before = len(mails_to(balie, "jan@acme.example"))

    said(balie, f"los-op {number} Uitgelegd via de telefoon")
    balie.drain()

    (mail,) = mails_to(balie, "jan@acme.example")[before:]
    assert "Uitgelegd via de telefoon" in body(mail)
    assert "handleiding of werkinstructie" not in body(mail)


def test_the_thread_tells_the_referral_and_the_link_to_it(balie: Balie) -> None:
    first = balie.register(f"{ACME_QUESTION} Hoe print ik dubbelzijdig?")
    said(balie, f"verwijs {first} {MANUAL}")
    again = balie.register(f"{ACME_QUESTION} Dubbelzijdig printen lukt nog steeds niet")
    said(balie, f"koppel {again} {first}")
    said(balie, f"koppel {again} los")

    texts = thread_texts(balie)
    referred = next(t for t in texts if "verwezen naar" in t)
    assert referred.startswith(
        f"<@{AGENT}> heeft de klant verwezen naar een handleiding of werkinstructie: {MANUAL}. "
        "Het ticket is opgelost; meer ondersteuning hierop wordt doorbelast."
    )
    assert "Jan Jansen krijgt hierover een e-mail." in referred
    assert (
        f"<@{AGENT}> heeft dit ticket gekoppeld aan {first}, waar de klant is verwezen naar: "
        f"{MANUAL}. Tijd hierop wordt doorbelast."
    ) in texts
    assert (
        f"<@{AGENT}> heeft dit ticket losgekoppeld van {first}; voor tijd hierop gelden weer de "
        "gewone regels."
    ) in texts
    assert not any(t.startswith("Notitie van") for t in texts)

    said(balie, "taal en")
    english = shown(balie, again)
    assert f"linked this ticket to {first}, where the customer was referred to: {MANUAL}" in english
    assert f"unlinked this ticket from {first}; time on it follows the usual rules again" in english
    assert "referred the customer to a manual or work instruction" in shown(balie, first)


def test_the_thread_tells_a_written_order_with_its_terms(balie: Balie) -> None:
    number = balie.register(f"{ORDER} Server verhuizen naar de nieuwe serverruimte")
    said(balie, f'opdracht {number} PO-2026-0042 20-11-2026 door="Ingrid IT"')

    assert (
        f"<@{AGENT}> heeft schriftelijke opdracht PO-2026-0042 geregistreerd, gegeven door "
        "Ingrid IT op 20-11-2026. Van toepassing: Nederland ICT Voorwaarden (contract vanaf "
        "1 maart 2018)."
    ) in thread_texts(balie)
    said(balie, "taal en")
    assert (
        "registered written order PO-2026-0042, given by Ingrid IT on 20-11-2026. "
        "Applicable: Nederland ICT"
    ) in shown(balie, number)


def test_the_thread_tells_every_change_of_scope(balie: Balie) -> None:
    number = balie.register(f"{ACME_INCIDENT} Nieuwe vestiging inrichten")
    said(balie, f"scope {number} buiten-scope:inrichting")
    said(balie, f"scope {number} uitsluiting:verplaatsing")
    said(balie, f"herclassificeer {number} scope=binnen-scope")

    lines = [t for t in thread_texts(balie) if "• scope:" in t]
    assert [t.split("\n", 1)[1] for t in lines] == [
        "• scope: binnen scope → buiten scope: Inrichting of ondersteuning bij inrichting",
        "• scope: buiten scope: Inrichting of ondersteuning bij inrichting → "
        "uitsluiting: Verplaatsing, verhuizing of herinstallatie",
        "• scope: uitsluiting: Verplaatsing, verhuizing of herinstallatie → binnen scope",
    ]
    assert lines[0].startswith(f"<@{AGENT}> heeft het ticket geherclassificeerd.")

    said(balie, "taal en")
    english = shown(balie, number)
    assert "scope: in scope → out of scope: Setting up, or support with setting up" in english
    assert "exclusion: Moving, relocating or reinstalling → in scope" in english


def test_a_link_written_before_the_trail_kept_numbers_reads_as_its_note(balie: Balie) -> None:
    first = balie.register(f"{ACME_QUESTION} Hoe print ik dubbelzijdig?")
    said(balie, f"verwijs {first} {MANUAL}")
    again = balie.register(f"{ACME_QUESTION} Dubbelzijdig printen lukt nog steeds niet")
    said(balie, f"koppel {again} {first}")
    with balie.services.sessions.begin() as s:
        s.execute(
            update(TicketEvent)
            .where(TicketEvent.ticket_id == ticket(balie, again).id, TicketEvent.kind == "note")
            .values(changes={"linked_to": [None, ticket(balie, first).id]})
        )

    text = shown(balie, again)
    assert f"Notitie van <@{AGENT}>: gekoppeld aan {first} (verwezen naar: {MANUAL})" in text
