"""Rules 4 and 5: `/ticket scope NUMMER …` puts a ticket's work out of scope or among the
exclusions (the kinds from the policy), or back in scope; the ledger reads scope_of."""

from __future__ import annotations

from sqlalchemy import select

from bot.billing import facts_grammar
from bot.errors import InvalidInput
from storage.models import TicketEvent
from tests.billing.facts_helpers import ACME_INCIDENT, order_for, said, scope_of, ticket
from tests.conftest import OUTSIDER, Balie, test_policy


def test_out_of_scope_work_is_charged_according_to_the_agreement(balie: Balie) -> None:
    number = balie.register(f"{ACME_INCIDENT} Nieuwe vestiging inrichten")

    reply = said(balie, f"scope {number} buiten-scope:inrichting")

    assert reply == (
        f"{number} valt nu buiten de scope: Inrichting of ondersteuning bij inrichting. "
        "Tijd hierop wordt doorbelast volgens de overeenkomst."
    )
    assert scope_of(balie, number) == "out_of_scope:inrichting"
    with balie.services.sessions() as s:
        (event,) = s.execute(
            select(TicketEvent).where(
                TicketEvent.ticket_id == ticket(balie, number).id, TicketEvent.kind == "reclassify"
            )
        ).scalars()
        assert event.changes == {"scope": [None, "out_of_scope:inrichting"]}


def test_an_exclusion_says_a_written_order_comes_first(balie: Balie) -> None:
    number = balie.register(f"{ACME_INCIDENT} Server moet naar de nieuwe serverruimte")

    reply = said(balie, f"scope {number} uitsluiting:verplaatsing")

    assert reply.startswith(
        f"{number} valt nu onder de uitsluitingen: Verplaatsing, verhuizing of herinstallatie. "
        "Dit werk doen we alleen op een schriftelijke opdracht die de klant vooraf gaf: "
        f"registreer die met `/ticket opdracht {number} REFERENTIE [datum] [door=naam]`."
    )
    assert (
        "Analyse van het domein waarin de storing ligt blijft gratis: schrijf die als soort=analyse."
        in reply
    )
    assert scope_of(balie, number) == "exclusion:verplaatsing"
    assert order_for(balie, number) is None


def test_the_kind_alone_the_english_words_and_back_in_scope(balie: Balie) -> None:
    number = balie.register(f"{ACME_INCIDENT} Andere kleuren in het menu")
    said(balie, f"scope {number} wijziging")
    assert scope_of(balie, number) == "exclusion:wijziging"
    said(balie, f"scope {number} out-of-scope:oneigenlijk-gebruik")
    assert scope_of(balie, number) == "out_of_scope:oneigenlijk-gebruik"
    assert (
        said(balie, f"scope {number} oneigenlijk-gebruik")
        == f"{number} stond al zo; er is niets veranderd."
    )

    reply = said(balie, f"scope {number} binnen-scope")

    assert reply == f"{number} valt weer binnen de scope; de gewone regels gelden."
    assert scope_of(balie, number) is None


def test_an_unknown_kind_is_refused_with_the_choices_and_nothing_changes(balie: Balie) -> None:
    number = balie.register(f"{ACME_INCIDENT} Koffie zetten")

    reply = said(balie, f"scope {number} buiten-scope:koffie")

    assert "scope: 'buiten-scope:koffie' kan niet" in reply
    assert "buiten-scope:inrichting" in reply and "uitsluiting:verplaatsing" in reply
    assert scope_of(balie, number) is None
    both = said(balie, "scope")
    assert "nummer" in both.lower() and "scope ontbreekt" in both


def test_only_staff_put_a_ticket_out_of_scope(balie: Balie) -> None:
    number = balie.register(f"{ACME_INCIDENT} Nieuwe vestiging inrichten")
    reply = said(balie, f"scope {number} inrichting", user=OUTSIDER)
    assert reply.startswith("Dat mag alleen voor")
    assert scope_of(balie, number) is None


def test_the_scopes_come_from_the_policy() -> None:
    policy = test_policy()
    exclusions = dict(policy.billing.exclusions)
    exclusions["kabels"] = exclusions["externe-schade"]
    billing = policy.billing.model_copy(update={"exclusions": exclusions})
    custom = policy.model_copy(update={"billing": billing})
    assert facts_grammar.scope("12 uitsluiting:kabels", custom, "nl").scope == "exclusion:kabels"
    try:
        facts_grammar.scope("12 uitsluiting:kabels", policy, "nl")
    except InvalidInput as exc:
        assert set(exc.fields) == {"scope"}
    else:
        raise AssertionError("an unknown kind was taken")


def test_herclassificeer_takes_the_scope_too(balie: Balie) -> None:
    number = balie.register(f"{ACME_INCIDENT} Nieuwe vestiging inrichten")

    reply = said(balie, f"herclassificeer {number} scope=buiten-scope:inrichting")

    assert reply.startswith(f"{number} is geherclassificeerd")
    assert scope_of(balie, number) == "out_of_scope:inrichting"
    said(balie, f"herclassificeer {number} urgentie=hoog")
    assert scope_of(balie, number) == "out_of_scope:inrichting"  # left as it was
    said(balie, f"herclassificeer {number} scope=binnen")
    assert scope_of(balie, number) is None
    refused = said(balie, f"herclassificeer {number} scope=koffie urgentie=hoogg")
    assert "scope: 'koffie' kan niet" in refused and "urgentie: 'hoogg'" in refused
