"""`/klant` arguments go through the same parser as `/ticket`: every problem at once, with
choices, suggestions and the expected form, and the words people see are input."""

from __future__ import annotations

from tests.conftest import ADMIN, Balie


def klant(balie: Balie, text: str) -> str:
    response = balie.command(text, user=ADMIN, command="/klant")
    assert response.status == 200, response.body
    return str(response.json()["text"])


def test_every_problem_of_a_customer_at_once(balie: Balie) -> None:
    text = klant(balie, "zet code=X! nam=Delta sla=platina contract=gisteren Delta")
    for expected in (
        "onbekende sleutel 'nam'; bedoel je 'naam'?",
        "sla: 'platina' kan niet; kies brons, zilver of goud",
        "contractdatum: 'gisteren' is geen datum; schrijf JJJJ-MM-DD",
        "code: 'X!' kan niet; gebruik letters, cijfers, - en _",
        "accountmanager ontbreekt",
        "'Delta' begrijpt Balie hier niet; kies uit code=…, naam=…, sla=…",
    ):
        assert expected in text, (expected, text)
    assert "bestaat niet" in klant(balie, "toon DELTA")


def test_in_english_the_form_is_yyyy_mm_dd(balie: Balie) -> None:
    assert "English" in balie.command("lang en", user=ADMIN).json()["text"]
    text = klant(balie, "edit ACME contract=1-3-2020 sla=Zilvr")
    assert "contract date: '1-3-2020' is not a date; write YYYY-MM-DD" in text
    assert (
        "sla: 'Zilvr' is not possible; did you mean 'zilver'? Choose bronze, silver or gold" in text
    )


def test_the_labels_people_see_are_input(balie: Balie) -> None:
    assert "bijgewerkt" in klant(balie, "wijzig ACME sla=Zilver")
    saved = klant(balie, 'contact ACME naam="Dirk D" email=dirk@acme.example rol=IT-contactpersoon')
    assert "Dirk D (dirk@acme.example) is toegevoegd bij ACME" in saved
    text = klant(
        balie, 'contact ACME naam="Piet P" email=piet@acme.example rol=hoofdcontactpersoon'
    )
    assert "Piet P (piet@acme.example) is toegevoegd bij ACME" in text
    shown = klant(balie, "toon ACME")
    assert "Zilver" in shown
    assert "Dirk D · IT-contactpersoon" in shown and "Piet P · hoofdcontactpersoon" in shown
    text = klant(balie, "contact ACME naam=Q email=geen-adres rol=baas")
    assert "e-mail: 'geen-adres' is geen e-mailadres" in text
    assert "rol: 'baas' kan niet; kies hoofd, it of eindgebruiker" in text
