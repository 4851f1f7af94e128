"""`/ticket tijd`: time on a ticket, decided by the rules and told to the agent; corrections
are new entries; bad input writes nothing and names every problem."""

from __future__ import annotations

from tests.billing.ledger_helpers import INCIDENT, QUESTION, decided, entries, say, totals
from tests.conftest import AGENT, AGENT2, Balie, amsterdam


def test_time_in_office_hours_is_free_and_the_agent_sees_why(balie: Balie) -> None:
    number = balie.register(f"{QUESTION} Hoe exporteer ik de orders?")
    answer = say(balie, f"tijd {number} 45m Uitgelegd hoe de export werkt")
    assert f"45 minuten geschreven op {number}" in answer
    assert (
        "*Gratis* (regel 1, melden is gratis): melding of vraag binnen de dienstverlening" in answer
    )
    assert f"Totaal op {number}: 45 minuten, waarvan 0 minuten doorbelast." in answer
    (e,) = entries(balie, number)
    assert decided(e) == (45, "support", False, "reporting_free", "in_service")
    assert (e.actor, e.actor_source, e.description) == (
        AGENT,
        "slack",
        "Uitgelegd hoe de export werkt",
    )
    assert e.worked_at == amsterdam(2026, 11, 24, 10, 0) == e.created_at
    assert e.after_hours is False and e.cancels_id is None and e.invoice_month is None


def test_durations_as_agents_write_them(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Scanner hapert")
    for text in ("1u30", "1:30", "90m", "1h30m", "1,5u", "90"):
        say(balie, f"tijd {number} {text}")
    assert [e.minutes for e in entries(balie, number)] == [90] * 6
    assert totals(balie, number) == (540, 0)
    assert "2 uur geschreven" in say(balie, f"time {number.lower()} 2u")


def test_a_kind_of_work_by_its_name_in_either_language(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Scanner hapert")
    say(balie, f"tijd {number} 20m soort=analyse Gekeken of het aan het netwerk ligt")
    say(balie, f"tijd {number} 20m kind=repair")
    say(balie, f"tijd {number} 20m soort=Herstel")
    assert [e.kind for e in entries(balie, number)] == ["analysis", "repair", "repair"]
    assert entries(balie, number)[0].reason == "analysis"


def test_every_problem_at_once_and_nothing_written(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Scanner hapert")
    answer = say(balie, f"tijd {number} lang soort=koffie")
    assert "'lang' is geen duur; schrijf bijvoorbeeld 45m, 1u30 of 1:30" in answer
    assert "koffie" in answer and "Ondersteuning" in answer  # the kinds to choose from
    answer = say(balie, "tijd XYZ 0m")
    assert "ticketnummer" in answer and "0 minuten schrijf je niet" in answer
    assert "meer dan 960 minuten" in say(balie, f"tijd {number} 1000m")
    assert "schrijf erbij hoe lang" in say(balie, f"tijd {number} soort=analyse")
    assert "is niet gevonden" in say(balie, "tijd KOR-999999 10m") or "KOR-999999" in say(
        balie, "tijd KOR-999999 10m"
    )
    assert entries(balie, number) == []
    assert totals(balie, number) == (0, 0)


def test_only_the_desk_records_time(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Scanner hapert")
    answer = say(balie, f"tijd {number} 10m", user="UOUTSIDER")
    assert "10 minuten geschreven" not in answer
    assert entries(balie, number) == []


def test_a_correction_is_a_new_entry_that_cancels_the_old_one(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Scanner hapert")
    say(balie, f"tijd {number} 45m Printer herstart")
    (first,) = entries(balie, number)
    balie.clock.set(amsterdam(2026, 11, 24, 14, 0))
    answer = say(balie, f"tijd {number} corrigeer {first.id} 30m", user=AGENT2)
    assert (
        f"Tijdregel #{first.id} (45 minuten) is vervangen door tijdregel #{first.id + 1}: 30 minuten."
        in answer
    )
    assert f"Totaal op {number}: 30 minuten" in answer
    old, new = entries(balie, number)
    assert (old.id, old.minutes, old.cancels_id) == (first.id, 45, None)  # untouched
    assert (new.minutes, new.cancels_id, new.actor) == (30, first.id, AGENT2)
    # The work keeps its day; the correction is recorded now, with the old description.
    assert new.worked_at == amsterdam(2026, 11, 24, 10, 0)
    assert new.created_at == amsterdam(2026, 11, 24, 14, 0)
    assert new.description == "Printer herstart"
    assert totals(balie, number) == (30, 0)

    # The cancelled entry cannot be corrected again; the correction can.
    assert f"al vervangen door #{new.id}" in say(balie, f"tijd {number} corrigeer {old.id} 10m")
    answer = say(balie, f"tijd {number} corrigeer #{new.id} 0m")
    assert f"Tijdregel #{new.id} (30 minuten) op {number} is geschrapt" in answer
    assert totals(balie, number) == (0, 0)
    assert len(entries(balie, number)) == 3


def test_a_correction_names_an_entry_of_that_ticket(balie: Balie) -> None:
    a = balie.register(f"{INCIDENT} Scanner hapert")
    b = balie.register(f"{INCIDENT} Printer hapert")
    say(balie, f"tijd {a} 45m")
    (entry,) = entries(balie, a)
    assert f"#{entry.id} is geen tijdregel van {b}" in say(
        balie, f"tijd {b} corrigeer {entry.id} 5m"
    )
    assert "zeg welke tijdregel je corrigeert" in say(balie, f"tijd {a} corrigeer 5m")
    assert len(entries(balie, a)) == 1 and entries(balie, b) == []


def test_the_tickets_time_lists_every_entry(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Scanner hapert")
    assert "Op " + number + " is nog geen tijd geschreven" in say(balie, f"tijd {number}")
    say(balie, f"tijd {number} 45m Printer <!channel> herstart")
    first = entries(balie, number)[0]
    say(balie, f"tijd {number} corrigeer {first.id} 30m")
    answer = say(balie, f"tijd {number}")
    assert f"*Tijd op {number}*" in answer
    assert f"~`#{first.id}`" in answer and "geschrapt" in answer
    assert f"vervangt #{first.id}" in answer
    assert "&lt;!channel&gt;" in answer and "<!channel>" not in answer
    assert f"Totaal op {number}: 30 minuten, waarvan 0 minuten doorbelast." in answer


def test_in_english_on_request(balie: Balie) -> None:
    say(balie, "taal en")
    number = balie.register(f"{QUESTION} How do I export?")
    answer = say(balie, f"time {number} 1h15 kind=analysis")
    assert f"1 hour 15 minutes logged on {number}" in answer
    assert "*Free* (rule 1, reporting is free): analysing in which domain the fault lies" in answer


# --- the facts (storage.billing_facts, filled by the facts' branch) ---------------------------


def test_a_referral_then_more_support_is_charged_and_the_agent_is_told(balie: Balie) -> None:
    number = balie.register(f"{QUESTION} Hoe maak ik een retourorder?")
    say(balie, f"tijd {number} 15m Vraag bekeken")
    say(balie, f"verwijs {number} https://docs.korton.example/retour")
    balie.clock.set(amsterdam(2026, 11, 24, 11, 0))
    answer = say(balie, f"tijd {number} 20m Klant belde toch weer")
    assert "*Doorbelast* (regel 2, verwezen naar een handleiding)" in answer
    # 20 minutes -> 30 at the 2026 desk rate of 96.00: 48.00.
    assert "Te factureren: 30 minuten à € 96,00 per uur = € 48,00." in answer
    before, after = entries(balie, number)
    assert decided(before) == (15, "support", False, "reporting_free", "in_service")
    assert decided(after) == (20, "support", True, "manual_referral", "referred")
    assert after.referral_id is not None
    assert totals(balie, number) == (35, 20)


def test_a_linked_question_on_the_same_subject_is_charged(balie: Balie) -> None:
    first = balie.register(f"{QUESTION} Hoe maak ik een retourorder?")
    say(balie, f"verwijs {first} https://docs.korton.example/retour")
    again = balie.register(f"{QUESTION} Retourorder lukt niet")
    say(balie, f"koppel {again} {first}")
    assert "regel 2, verwezen naar een handleiding" in say(balie, f"tijd {again} 10m")
    assert entries(balie, again)[0].chargeable


def test_a_training_declined_then_questions_are_charged(balie: Balie) -> None:
    from tests.conftest import ADMIN

    say(balie, "kennis ACME Weet niet hoe orders werken", command="/klant")
    say(balie, "training ACME afgewezen", user=ADMIN, command="/klant")
    balie.clock.set(amsterdam(2026, 11, 24, 11, 0))
    number = balie.register(f"{QUESTION} Wat is een order?")
    answer = say(balie, f"tijd {number} 10m")
    assert "*Doorbelast* (regel 3, basiskennis ontbreekt)" in answer
    incident = balie.register(f"{INCIDENT} Scanner hapert")
    assert "*Gratis*" in say(balie, f"tijd {incident} 10m")  # an incident is no question


def test_an_exclusion_without_an_order_is_refused_and_with_one_charged(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Server verhuizen naar nieuw pand")
    say(balie, f"scope {number} uitsluiting:verplaatsing")
    answer = say(balie, f"tijd {number} 2u Server verhuisd")
    assert "valt onder de uitsluitingen" in answer and "Er is niets geschreven" in answer
    assert f"/ticket opdracht {number}" in answer
    assert entries(balie, number) == []

    # Analysis of the domain stays free, order or not.
    assert "*Gratis* (regel 5, uitsluiting)" in say(balie, f"tijd {number} 30m soort=analyse")
    say(balie, f"opdracht {number} PO-2026-117 door=Jan")
    answer = say(balie, f"tijd {number} 2u soort=relocation")
    assert (
        "*Doorbelast* (regel 5, uitsluiting): Verplaatsing, verhuizing of herinstallatie" in answer
    )
    # 2 h at the 2026 relocation rate of 140.00.
    assert "Te factureren: 2 uur à € 140,00 per uur = € 280,00." in answer
    analysis, move = entries(balie, number)
    assert decided(analysis) == (30, "analysis", False, "exclusion", "analysis")
    assert decided(move) == (120, "relocation", True, "exclusion", "scope:verplaatsing")
    assert move.order_id is not None
    assert totals(balie, number) == (150, 120)


def test_out_of_scope_work_is_charged(balie: Balie) -> None:
    number = balie.register(f"{INCIDENT} Nieuwe gebruikers inrichten")
    say(balie, f"scope {number} buiten-scope:inrichting")
    answer = say(balie, f"tijd {number} 50m soort=inrichting")
    assert "*Doorbelast* (regel 4, buiten de dienstverlening): Inrichting" in answer
    # 50 -> 60 minutes at the engineer rate of 122.50.
    assert "€ 122,50" in answer
