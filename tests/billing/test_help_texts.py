"""The help of /ticket and /klant names billable work's subcommands, in both languages."""

from __future__ import annotations

from tests.billing.facts_helpers import said
from tests.conftest import Balie


def test_ticket_help_names_time_referrals_links_scope_and_orders(balie: Balie) -> None:
    dutch = said(balie, "help")
    for example in (
        "`/ticket tijd NUMMER 45m [omschrijving] [soort=…]`",
        "`/ticket tijd NUMMER corrigeer TIJDREGEL 30m`",
        "`/ticket verwijs NUMMER handleiding-of-link`",
        "`/ticket koppel NUMMER NUMMER-MET-VERWIJZING`",
        "`/ticket scope NUMMER buiten-scope:…|uitsluiting:…|binnen-scope`",
        "`/ticket opdracht NUMMER REFERENTIE [datum] [door=naam]`",
        "[urgentie=…] [scope=…]`",
    ):
        assert example in dutch, example
    said(balie, "taal en")
    english = said(balie, "help")
    for example in (
        "`/ticket time NUMBER 45m [description] [kind=…]`",
        "`/ticket refer NUMBER manual-or-link`",
        "`/ticket link NUMBER NUMBER-WITH-REFERRAL`",
        "`/ticket scope NUMBER out-of-scope:…|exclusion:…|in-scope`",
        "`/ticket order NUMBER REFERENCE [date] [by=name]`",
    ):
        assert example in english, example


def test_klant_help_names_knowledge_and_training(balie: Balie) -> None:
    dutch = said(balie, "help", command="/klant")
    assert "`/klant kennis CODE toelichting`" in dutch
    assert "`/klant training CODE gepland|gevolgd|afgewezen`" in dutch
    said(balie, "taal en")
    english = said(balie, "help", command="/klant")
    assert "`/klant knowledge CODE explanation`" in english
    assert "`/klant training CODE planned|taken|declined`" in english


def test_the_help_examples_do_what_they_say(balie: Balie) -> None:
    """The words in the help are the ones the commands take."""
    number = balie.register(
        'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=laag urgentie=laag '
        "Vestiging inrichten"
    )
    assert "buiten de scope" in said(balie, f"scope {number} buiten-scope:inrichting")
    assert "geschreven op" in said(balie, f"tijd {number} 45m Inrichten soort=herstel")
    said(balie, "taal en")
    assert "in scope again" in said(balie, f"scope {number} in-scope")
    assert "logged on" in said(balie, f"time {number} 30m kind=repair")
