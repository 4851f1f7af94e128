"""console.changes: a message update as what changed. Pure functions: blocks in, lines out."""

from __future__ import annotations

from typing import Any

from bot.transports.console import changes, render

LOOK = render.Look(names=render.Names(users={"U1": "agent"}))


def card(status: str, assignee: str, sla: str, *, extra: str | None = None) -> list[Any]:
    fields = [
        {"type": "mrkdwn", "text": "*Klant*\nAcme (ACME)"},
        {"type": "mrkdwn", "text": f"*Status*\n{status}"},
        {"type": "mrkdwn", "text": f"*Behandelaar*\n{assignee}"},
        {"type": "mrkdwn", "text": f"*SLA*\n{sla}"},
    ]
    blocks: list[Any] = [
        {"type": "header", "text": {"type": "plain_text", "text": "KOR-000001 · P2"}},
        {"type": "section", "text": {"type": "mrkdwn", "text": "*Printer stuk*"}},
        {"type": "section", "fields": fields},
    ]
    if extra:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": extra}})
    blocks.append(
        {
            "type": "actions",
            "elements": [
                {"type": "button", "text": {"type": "plain_text", "text": "Wacht op klant"}},
            ],
        }
    )
    return blocks


def diff(old: list[Any], new: list[Any]) -> list[str] | None:
    """The changes, with the glue that keeps words together shown as the spaces it becomes."""
    found = changes.changes(changes.entries(old, LOOK), changes.entries(new, LOOK), LOOK)
    return None if found is None else [line.replace(render.GLUE, " ") for line in found]


def test_only_the_changed_fields_are_named() -> None:
    before = card("Nieuw", "_niemand_", "reactietermijn: 10:30 · loopt")
    after = card("In behandeling", "<@U1>", ":white_check_mark: reactietermijn: 10:30 · gehaald")
    assert diff(before, after) == [
        "Status: Nieuw → In behandeling",
        "Behandelaar: niemand → @agent",
        # One stretch of words changed (the emoji does not count): said as "was".
        "SLA: ✅ reactietermijn: 10:30 · gehaald (was: loopt)",
    ]


def test_fields_that_come_and_go_and_a_header_change() -> None:
    before = card("Nieuw", "x", "y")
    after = card("Opgelost", "x", "y", extra=":white_check_mark: *Oplossing*\nprinter vervangen")
    after[0]["text"]["text"] = "KOR-000001 · P1"
    assert diff(before, after) == [
        "P2 → P1",
        "Status: Nieuw → Opgelost",
        "Oplossing: – → printer vervangen",
    ]
    assert diff(after, before) == [
        "P1 → P2",
        "Status: Opgelost → Nieuw",
        "Oplossing: printer vervangen → –",
    ]


def test_a_value_with_its_own_arrow_gets_was_instead_of_a_second_arrow() -> None:
    before = card("Nieuw", "x", "impact hoog × urgentie midden → P2 (Hoog)")
    after = card("Nieuw", "x", "impact laag × urgentie laag → P4 (Laag)")
    assert diff(before, after) == [
        "SLA: impact laag × urgentie laag → P4 (Laag) (was: impact hoog × urgentie midden → "
        "P2 (Hoog))"
    ]


def test_changed_buttons_are_shown_as_they_now_are_and_never_wrap_inside_one() -> None:
    before = card("Nieuw", "x", "y")
    after = card("Nieuw", "x", "y")
    after[-1]["elements"].append(
        {"type": "button", "text": {"type": "plain_text", "text": "Heel lange knop"}}
    )
    assert diff(before, after) == ["Knoppen nu: [Wacht op klant] [Heel lange knop]"]
    found = changes.changes(changes.entries(before, LOOK), changes.entries(after, LOOK), LOOK)
    assert found is not None
    shown = changes.show("KOR-000001", found, LOOK.narrower(44))
    assert shown.split("\n") == [
        "KOR-000001 · Knoppen nu: [Wacht op klant]",
        "               [Heel lange knop]",
    ]


def test_nothing_in_common_means_show_it_whole_and_no_change_says_so() -> None:
    pointer = [{"type": "section", "text": {"type": "mrkdwn", "text": ":arrow_right: verplaatst"}}]
    assert diff(card("Nieuw", "x", "y"), pointer) is None
    same = diff(card("Nieuw", "x", "y"), card("Nieuw", "x", "y"))
    assert same == []
    assert changes.show("KOR-000001", [], LOOK) == "KOR-000001: niets zichtbaars veranderd"
