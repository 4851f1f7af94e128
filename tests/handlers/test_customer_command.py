"""/klant: admins manage the directory; agents may look; nobody else."""

from __future__ import annotations

from tests.conftest import ADMIN, AGENT, OUTSIDER, Balie


def klant(balie: Balie, text: str, user: str = ADMIN) -> str:
    response = balie.command(text, user=user, command="/klant")
    assert response.status == 200
    return str(response.json()["text"])


def test_list_and_show_show_terms_and_contacts(balie: Balie) -> None:
    assert "ACME" in klant(balie, "lijst", user=AGENT)
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
    assert "bijgewerkt" in klant(balie, "wijzig DELTA sla=zilver")
    assert "opgeslagen" in klant(
        balie, 'contact DELTA naam="Dirk D" email=dirk@delta.example rol=hoofd'
    )
    shown = klant(balie, "toon DELTA")
    assert "Zilver" in shown and "Dirk D" in shown and "Nederland ICT Voorwaarden" in shown
    assert "verwijderd" in klant(balie, "verwijder-contact DELTA dirk@delta.example")
    # The new contact can report... and after removal, cannot.
    number_text = balie.new(
        "klant=DELTA contact=dirk@delta.example via=telefoon type=incident impact=laag urgentie=laag X y"
    )
    assert "geen contactpersoon" in number_text


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
    assert "bestaat niet" in klant(balie, "toon NOPE")
