"""/klant: admins manage the directory; agents may look; nobody else."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Contact, Customer
from tests.conftest import ADMIN, AGENT, OUTSIDER, Balie


def klant(balie: Balie, text: str, user: str = ADMIN) -> str:
    response = balie.command(text, user=user, command="/klant")
    assert response.status == 200
    return str(response.json()["text"])


def contacts_of(balie: Balie, code: str) -> list[tuple[str, str, str]]:
    with balie.services.sessions() as s:
        rows = s.execute(
            select(Contact.name, Contact.email, Contact.role)
            .join(Customer)
            .where(Customer.code == code)
            .order_by(Contact.email)
        ).all()
    return [tuple(r) for r in rows]


ACME_CONTACTS = [
    ("Eva Eindgebruiker", "eva@acme.example", "end_user"),
    ("Ingrid IT", "it@acme.example", "it"),
    ("Jan Jansen", "jan@acme.example", "main"),
]


def test_list_and_show_show_terms_and_contacts(balie: Balie) -> None:
    listed = klant(balie, "lijst", user=AGENT)
    assert "*ACME* · Acme Logistiek B.V. · SLA Goud · 3 contactpersonen" in listed
    assert "*BAKKER* · Bakkerij Brood &amp; Co · SLA Zilver · 1 contactpersoon" in listed
    shown = klant(balie, "toon BAKKER", user=AGENT)
    assert "Algemene Voorwaarden Korton" in shown  # contract of 2016
    assert "Bakkerij Brood &amp; Co" in shown and "Bert Bakker" in shown


def test_admin_sets_and_edits_a_customer_and_its_contacts(balie: Balie) -> None:
    text = klant(
        balie,
        'zet code=DELTA naam="Delta Zorg" sla=goud contract=2018-03-01 accountmanager="Kees Koster"',
    )
    assert "Klant DELTA (Delta Zorg) is aangemaakt" in text
    assert "niets veranderd" in klant(
        balie,
        'zet code=DELTA naam="Delta Zorg" sla=goud contract=2018-03-01 accountmanager="Kees Koster"',
    )
    assert klant(balie, "wijzig DELTA sla=zilver") == (
        "Klant DELTA (Delta Zorg) is bijgewerkt:\n• sla: Goud → Zilver"
    )
    assert klant(balie, 'contact DELTA naam="Dirk D" email=dirk@delta.example rol=hoofd') == (
        "Contactpersoon Dirk D (dirk@delta.example) is toegevoegd bij DELTA."
    )
    shown = klant(balie, "toon DELTA")
    assert "Zilver" in shown and "Dirk D" in shown and "Nederland ICT Voorwaarden" in shown
    # Dirk is DELTA's main contact: removing him would leave DELTA without one.
    assert "geen hoofdcontactpersoon meer" in klant(
        balie, "verwijder-contact DELTA dirk@delta.example"
    )
    klant(balie, 'contact DELTA naam="Els" email=els@delta.example rol=hoofd')
    assert "verwijderd" in klant(balie, "verwijder-contact DELTA DIRK@delta.example")
    # The removed contact can no longer report.
    number_text = balie.new(
        "klant=DELTA contact=dirk@delta.example via=telefoon type=incident impact=laag urgentie=laag X y"
    )
    assert "geen contactpersoon" in number_text


def test_set_on_an_existing_code_says_what_it_overwrote(balie: Balie) -> None:
    text = klant(
        balie,
        'zet code=acme naam="Acme B.V." sla=zilver contract=2019-04-01 accountmanager="Petra de Vries"',
    )
    assert text == (
        "Klant ACME (Acme B.V.) is bijgewerkt:\n"
        "• naam: Acme Logistiek B.V. → Acme B.V.\n"
        "• sla: Goud → Zilver"
    )


def test_new_with_an_existing_code_is_refused(balie: Balie) -> None:
    text = klant(
        balie,
        'nieuw code=ACME naam="Ander Bedrijf" sla=brons contract=2024-01-01 accountmanager=X',
    )
    assert "klant ACME bestaat al; pas hem aan met `/klant wijzig ACME …`" in text
    assert "Acme Logistiek B.V." in klant(balie, "toon ACME")


def test_unknown_subcommand_points_to_klant_help(balie: Balie) -> None:
    text = klant(balie, "foo")
    assert "'foo' is geen opdracht" in text
    assert "Typ `/klant help` voor alle opdrachten." in text and "/ticket help" not in text
    unbalanced = klant(balie, 'zet code=ACME naam="Acme')
    assert "afsluitend aanhalingsteken" in unbalanced and "`/klant help`" in unbalanced


def test_a_contact_in_another_case_is_the_same_contact_and_the_change_is_named(
    balie: Balie,
) -> None:
    text = klant(
        balie, 'contact ACME naam="Jan de Vries" email=JAN@Acme.example telefoon=06-1 rol=hoofd'
    )
    assert text == (
        "Contactpersoon jan@acme.example van ACME is bijgewerkt:\n"
        "• naam: Jan Jansen → Jan de Vries\n"
        "• telefoon: +31 20 555 0101 → 06-1"
    )
    assert len(contacts_of(balie, "ACME")) == 3
    # A new address, in capitals, is stored in lower case.
    klant(balie, 'contact ACME naam="Piet" email=Piet@ACME.example rol=it')
    assert ("Piet", "piet@acme.example", "it") in contacts_of(balie, "ACME")


def test_a_change_that_leaves_no_main_contact_is_refused(balie: Balie) -> None:
    text = klant(balie, 'contact ACME naam="Jan Jansen" email=Jan@acme.example rol=it')
    assert "Dat kan Balie niet verwerken, er is niets opgeslagen:" in text
    assert (
        "dan heeft ACME geen hoofdcontactpersoon meer; maak eerst iemand anders "
        "hoofdcontactpersoon (rol=hoofd)"
    ) in text
    assert "geen hoofdcontactpersoon meer" in klant(
        balie, "verwijder-contact ACME jan@acme.example"
    )
    assert contacts_of(balie, "ACME") == ACME_CONTACTS
    # With another main contact first, Jan may step down.
    klant(balie, 'contact ACME naam="Ingrid IT" email=it@acme.example rol=hoofd')
    assert "rol: hoofdcontactpersoon → IT-contactpersoon" in klant(
        balie, 'contact ACME naam="Jan Jansen" email=jan@acme.example rol=it'
    )
    # A customer that never had a main contact can change its contacts freely.
    assert "bijgewerkt" in klant(balie, 'contact CAFE naam="Cor" email=cor@cafe.example rol=it')


def test_in_english_every_reply_is_english(balie: Balie) -> None:
    balie.command("taal en", user=ADMIN)
    assert klant(balie, "edit ACME sla=silver") == (
        "Customer ACME (Acme Logistiek B.V.) was updated:\n• sla: Gold → Silver"
    )
    text = klant(balie, "foo")
    assert "'foo' is not a command" in text and "Type `/klant help` for every command." in text
    text = klant(balie, 'contact ACME name="Jan Jansen" email=jan@acme.example role=end_user')
    assert "ACME would then have no main contact; make someone else the main contact first" in text


def test_only_admins_change_and_bad_input_is_named(balie: Balie) -> None:
    assert "Dat mag alleen voor beheerders" in klant(balie, "wijzig ACME sla=brons", user=AGENT)
    balie.register(
        "klant=ACME contact=jan@acme.example via=telefoon type=incident impact=laag urgentie=laag Iets"
    )
    assert "blijft daarom bewaard" in klant(balie, "verwijder-contact ACME jan@acme.example")
    assert "Dat mag alleen" in klant(balie, "lijst", user=OUTSIDER)
    text = klant(balie, "zet code=X! naam=Y sla=platina contract=gisteren accountmanager=Z")
    assert "code" in text and "sla" in text and "contractdatum" in text
    assert "'platina'" in text
    assert "onbekende sleutel 'emial'" in klant(
        balie, "contact ACME naam=X emial=x@y.example rol=it"
    )
    assert "bestaat niet" in klant(balie, "toon NOPE")
