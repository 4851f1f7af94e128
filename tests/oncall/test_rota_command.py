"""`/waakdienst` driven as Slack drives it: signed requests, ephemeral answers."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.oncall import grammar
from bot.oncall.rules.rota import Which
from storage.models import RotaOverride, RotaRotation
from tests.conftest import ADMIN, AGENT, LEAD, Balie, amsterdam

A, B, C, X = "UENGA1", "UENGB2", "UENGC3", "UENGX9"


def waak(balie: Balie, text: str, user: str = LEAD) -> str:
    response = balie.command(text, user=user, command="/waakdienst")
    assert response.status == 200, response.body
    body = response.json()
    assert body["response_type"] == "ephemeral"
    return str(body["text"])


def rows(balie: Balie, model: type) -> int:
    with balie.services.sessions() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def test_a_lead_sets_the_rotation_and_everyone_sees_now_next_and_four_weeks(
    balie: Balie,
) -> None:
    # Tuesday 24 November 2026, 10:00: the rotation starts at the latest handover.
    answer = waak(balie, f"rotatie primair <@{A}> <@{B}|bert> <@{C}>")
    assert answer == (
        f"Rotatie primair: <@{A}> → <@{B}> → <@{C}>, elke 7 dagen, wissel op maandag om 08:30. "
        "De eerste dienst begint ma 23-11-2026 08:30."
    )
    waak(balie, f"rotation backup <@{C}> <@{A}> from=30-11", user=ADMIN)
    shown = waak(balie, "", user=AGENT)
    assert f"*Nu:* primair <@{A}> tot ma 30-11 08:30 · achterwacht _niemand_" in shown
    assert (
        f"*Daarna:* primair <@{B}> vanaf ma 30-11 08:30 · achterwacht <@{C}> vanaf ma 30-11 08:30"
        in shown
    )
    assert f"• di 24-11 10:00 – ma 30-11 08:30 · <@{A}>" in shown
    assert f"• ma 30-11 08:30 – ma 07-12 08:30 · <@{B}>" in shown
    assert f"• ma 14-12 08:30 – ma 21-12 08:30 · <@{A}>" in shown
    assert f"• ma 21-12 08:30 – di 22-12 10:00 · <@{B}>" in shown
    assert "• di 24-11 10:00 – ma 30-11 08:30 · _niemand_ :warning:" in shown  # the backup
    assert shown == waak(balie, "toon", user=AGENT) == waak(balie, "show", user=AGENT)


def test_a_take_over_across_a_handover_wins_in_the_overview_and_for_the_pager(
    balie: Balie,
) -> None:
    waak(balie, f"rotatie primair <@{A}> <@{B}>")
    answer = waak(balie, f"neem-over <@{X}> van=29-11 18:00 tot=di")
    assert answer == (
        f"<@{X}> neemt de waakdienst (primair) over van zo 29-11-2026 18:00 tot "
        f"di 01-12-2026 08:30 (ingeroosterd was <@{A}>)."
    )
    shown = waak(balie, "toon")
    assert f"• zo 29-11 18:00 – di 01-12 08:30 · <@{X}> _(neemt over van <@{A}>)_" in shown
    assert f"• di 01-12 08:30 – ma 07-12 08:30 · <@{B}>" in shown
    rota = balie.services.rota
    assert rota.targets(amsterdam(2026, 11, 30, 9)).primary == X
    assert rota.targets(amsterdam(2026, 12, 1, 9)).primary == B
    # Without @who the caller takes over, from now to the end of the shift.
    waak(balie, "neem-over")
    turn = rota.turn_at(Which.PRIMARY, balie.clock.now())
    assert turn is not None and turn.user == LEAD and turn.end == amsterdam(2026, 11, 29, 18)


def test_a_swap_gives_each_the_others_next_shift(balie: Balie) -> None:
    waak(balie, f"rotatie primair <@{A}> <@{B}> <@{C}>")
    answer = waak(balie, f"ruil <@{B}> <@{C}>")
    assert answer.splitlines() == [
        f"<@{B}> en <@{C}> ruilen van dienst:",
        f"• <@{C}> heeft de waakdienst van ma 30-11-2026 08:30 tot ma 07-12-2026 08:30",
        f"• <@{B}> heeft de waakdienst van ma 07-12-2026 08:30 tot ma 14-12-2026 08:30",
    ]
    shown = waak(balie, "toon")
    assert f"• ma 30-11 08:30 – ma 07-12 08:30 · <@{C}> _(geruild met <@{B}>)_" in shown
    assert f"• ma 07-12 08:30 – ma 14-12 08:30 · <@{B}> _(geruild met <@{C}>)_" in shown
    # From a week on: A's next shift is 14 December's.
    waak(balie, f"ruil <@{A}> <@{B}> week 51")
    assert balie.services.rota.targets(amsterdam(2026, 12, 15, 9)).primary == B


def test_phone_numbers_are_stored_in_e164(balie: Balie) -> None:
    assert waak(balie, f"telefoon <@{A}> 06 1234 5678") == (
        f"Het telefoonnummer van <@{A}> voor de waakdienst is nu +31612345678."
    )
    assert balie.services.rota.phone(A) == "+31612345678"
    assert balie.services.rota.phone(B) is None


def test_only_team_leads_and_admins_manage_the_rota(balie: Balie) -> None:
    for text in (
        f"rotatie primair <@{A}>",
        f"neem-over <@{A}> tot=morgen",
        f"telefoon <@{A}> +31612345678",
    ):
        assert waak(balie, text, user=AGENT).startswith("Dat mag alleen voor")
    assert rows(balie, RotaRotation) == rows(balie, RotaOverride) == 0
    assert balie.services.rota.phone(A) is None


def test_bad_input_names_every_problem_at_once_and_writes_nothing(balie: Balie) -> None:
    waak(balie, f"rotatie primair <@{A}> <@{B}>")
    answer = waak(balie, f"neem-over <@{A}> <@{B}> van=gisteravond tot=32-12 onzin")
    assert answer.splitlines() == [
        "Dat kan Balie niet verwerken, er is niets opgeslagen:",
        "• 'onzin' begrijp ik hier niet; noem mensen met @ en kies primair of achterwacht",
        "• noem hooguit één persoon",
        "• van: 'gisteravond' is geen moment; schrijf bijvoorbeeld 2026-12-24 18:00, "
        "24-12 18:00, ma 08:30 of morgen",
        "• tot: '32-12' is geen moment; schrijf bijvoorbeeld 2026-12-24 18:00, "
        "24-12 18:00, ma 08:30 of morgen",
    ]
    answer = waak(balie, 'rotatie <@bob> wissel="xx 08:30" elke=0d vanaf=morgen')
    assert "zeg welke rotatie: primair of achterwacht" in answer
    assert "noem de mensen in de rotatie met @, in hun volgorde" in answer
    assert "'<@bob>' begrijp ik hier niet" in answer.replace("&lt;", "<").replace("&gt;", ">")
    assert '"ma 08:30"' in answer and "7d of 2w" in answer
    assert "het einde ligt in het verleden" in waak(
        balie, f"neem-over <@{A}> van=23-11 tot=24-11 09:00"
    )
    assert "een afsluitend aanhalingsteken" in waak(balie, 'neem-over van="morgen')
    assert "geen telefoonnummer" in waak(balie, f"telefoon <@{A}> 12")
    assert "bedoel je 'ruil'" in waak(balie, "ruill")
    assert "`/waakdienst help`" in waak(balie, "ruill")
    assert rows(balie, RotaOverride) == 0


def test_english_aliases_and_help(balie: Balie) -> None:
    assert "/waakdienst" in waak(balie, "help") and waak(balie, "hulp") == waak(balie, "help")
    balie.command("taal en", user=LEAD)
    assert waak(balie, "help").startswith("*/waakdienst* (Dutch words work too)")
    answer = waak(balie, f'take-over <@{A}> backup from=tomorrow until="2026-11-27 18:00"')
    assert answer.startswith(
        f"<@{A}> takes over the on-call shift (backup) from Wed 25-11-2026 08:30"
    )


def test_every_subcommand_has_a_canonical_name_and_the_delegated_ones_are_known() -> None:
    assert grammar.split_subcommand("accepteer KOR-1") == ("ack", "KOR-1")
    assert grammar.split_subcommand("escaleer") == ("escalate", "")
    assert grammar.split_subcommand("roep-op 12") == ("page", "12")
    assert grammar.split_subcommand("") == ("show", "")
    assert set(grammar.SUBCOMMANDS.values()) == grammar.ROTA_SUBCOMMANDS | {
        "ack",
        "escalate",
        "page",
        "time",
    }
