from __future__ import annotations

import shlex
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import InvalidInput
from bot.inputs import build, clean_text
from bot.parsing import parse_fields, tokenize
from bot.policy import load_policy
from bot.sla.grammar import sla_query
from bot.tickets.blocks.errors import error_text
from bot.tickets.grammar import (
    TICKET_KEYS,
    assignment,
    describe_filter,
    language,
    new_ticket,
    reclassification,
    split_subcommand,
    third_party_wait,
    ticket_filter,
    ticket_number,
    ticket_ref,
    user_mention,
)
from bot.tickets.inputs import NewTicket

POLICY = load_policy()
GOOD = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=midden'


def refusal(fn: Callable[[], Any], lang: str = "nl") -> tuple[InvalidInput, str]:
    """The InvalidInput `fn` raises, and the message the agent reads."""
    with pytest.raises(InvalidInput) as e:
        fn()
    return e.value, error_text(e.value, lang)


def test_key_values_anywhere_and_the_rest_is_the_subject() -> None:
    p = parse_fields('Printer klant=ACME contact="Jan Jansen" kapot urgency=high', TICKET_KEYS)
    assert p.fields == {"customer": "ACME", "contact": "Jan Jansen", "urgency": "high"}
    assert p.rest == "Printer kapot"


def test_curly_quotes_apostrophes_backslashes_and_slack_entities() -> None:
    assert tokenize("contact=“Jan de Vries” foto's C:\\temp &lt;!channel&gt; a&amp;b") == [
        "contact=Jan de Vries",
        "foto's",
        "C:\\temp",
        "<!channel>",
        "a&b",
    ]


def test_nul_characters_are_dropped() -> None:
    # PostgreSQL text cannot hold them; a pasted one must not fail the registration.
    assert tokenize("onder\x00werp klant=AC\x00ME") == ["onderwerp", "klant=ACME"]


def test_control_characters_go_but_tabs_and_newlines_stay() -> None:
    typed = "a\bb\x1b[31mrood\x1b[0m\x7f\x85\x9b\x01c\td\r\ne\rf"
    assert clean_text(typed) == "abroodc\td\ne\nf"
    assert tokenize("onder\bwerp \x1bklant=ACME\x7f") == ["onderwerp", "klant=ACME"]
    # Every text field of every model passes the same function, whoever builds it.
    data = {"customer": "ACME", "contact": "Jan", "via": "phone", "type": "incident"}
    model = build(
        NewTicket,
        data
        | {
            "impact": "high",
            "urgency": "low",
            "subject": "Print\ber\x1b",
            "description": "a\x9bb\nc",
        },
    )
    assert (model.subject, model.description) == ("Printer", "ab\nc")


def test_links_slack_made_of_what_was_typed_are_undone() -> None:
    p = parse_fields(
        "contact=<mailto:jan@acme.example|jan@acme.example> zie <https://acme.example/x|acme.example/x> <@U12|jan>",
        TICKET_KEYS,
    )
    assert p.fields == {"contact": "jan@acme.example"}
    assert p.words == ["zie", "acme.example/x", "<@U12|jan>"]


def shlex_tokens(text: str) -> list[str] | None:
    """The oracle: shlex, as the tokenizer was first written (None: unbalanced quotes)."""
    lexer = shlex.shlex(text, posix=True)
    lexer.whitespace_split = True
    lexer.quotes = '"'
    lexer.escape = ""
    lexer.commenters = ""
    try:
        return list(lexer)
    except ValueError:
        return None


@given(st.text(alphabet=st.sampled_from(list(" \t\n\r\"'=\\ab#é\xa0")), max_size=40))
def test_tokens_are_what_shlex_makes_of_the_text(text: str) -> None:
    expected = shlex_tokens(text)
    if expected is None:
        with pytest.raises(InvalidInput):
            tokenize(text)
    else:
        # Line ends within quotes are stored as \n: shlex's tokens, cleaned as all typed text.
        assert tokenize(text) == [clean_text(token) for token in expected]


def test_unbalanced_quote_and_unknown_or_duplicate_key() -> None:
    e, _ = refusal(lambda: tokenize('contact="Jan'))
    assert "text" in e.fields
    e, _ = refusal(lambda: parse_fields("kleur=rood", TICKET_KEYS))
    assert e.fields["kleur"][0] == "field.unknown_key_choices"
    e, _ = refusal(lambda: parse_fields("klant=A customer=B", TICKET_KEYS))
    assert e.fields["customer"][0] == "field.duplicate_key"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nieuw x", ("new", "x")),
        ("NEW x", ("new", "x")),
        ("los-op K-1 ok", ("resolve", "K-1 ok")),
        ("", ("", "")),
        ("\x1b\b", ("", "")),
    ],
)
def test_subcommands_in_dutch_and_english(text: str, expected: tuple[str, str]) -> None:
    assert split_subcommand(text) == expected


def test_a_mistyped_subcommand_gets_a_suggestion() -> None:
    _, text = refusal(lambda: split_subcommand("nieuww klant=ACME"))
    assert "'nieuww' is geen opdracht; bedoel je 'nieuw'?" in text
    assert "/ticket help" in text
    _, text = refusal(lambda: split_subcommand("vlieg KOR-1"))
    assert "'vlieg' is geen opdracht" in text and "bedoel je" not in text


# --- rough edge 2: the words on the card are input too --------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("incident", "incident"),
        ("Incident", "incident"),
        ("aanvraag", "request"),
        ("AANVRAAG", "request"),
        ("gebruikersvraag", "question"),
        ("vraag", "question"),
        ('"Service request"', "request"),
        ("service-request", "request"),
        ('"user question"', "question"),
        ("question", "question"),
        ("request", "request"),
    ],
)
def test_types_by_id_and_by_label_in_both_languages(typed: str, expected: str) -> None:
    rest = f"{GOOD.replace('type=incident', f'type={typed}')} Printer kapot"
    assert new_ticket(rest, POLICY, "nl").type == expected


def test_levels_and_via_by_label_alias_and_id() -> None:
    for typed, expected in (
        ("Hoog", "high"),
        ("midden", "medium"),
        ("LOW", "low"),
        ("m", "medium"),
    ):
        rest = f"{GOOD.replace('impact=hoog', f'impact={typed}')} Printer kapot"
        assert new_ticket(rest, POLICY, "nl").impact == expected
    for typed, expected in (("Telefoon", "phone"), ("e-mail", "email"), ("EMAIL", "email")):
        rest = f"{GOOD.replace('via=telefoon', f'via={typed}')} Printer kapot"
        assert new_ticket(rest, POLICY, "nl").via == expected


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("opgelost", "resolved"),
        ("Opgelost", "resolved"),
        ("resolved", "resolved"),
        ('"in behandeling"', "in_progress"),
        ("in_progress", "in_progress"),
        ('"Wacht op derde"', "waiting_third_party"),
        ('"waiting for customer"', "waiting_customer"),
        ("gesloten", "closed"),
        ("nieuw", "new"),
        ("alle", "all"),
        ("open", "open"),
    ],
)
def test_list_status_by_label_in_both_languages(typed: str, status: str) -> None:
    assert ticket_filter(f"status={typed}", POLICY, "nl").status == status


def test_lines_come_from_the_policy_by_number_or_label() -> None:
    assert ticket_filter("lijn=2", POLICY, "nl").line == 2
    assert ticket_filter('lijn="3e lijn"', POLICY, "nl").line == 3
    assert ticket_filter('line="1st line"', POLICY, "en").line == 1
    _, text = refusal(lambda: ticket_filter("lijn=4", POLICY, "nl"))
    assert "lijn: '4' kan niet; kies 1, 2 of 3" in text
    lines = dict(POLICY.routing.lines)
    lines[4] = lines[3].model_copy()
    four = POLICY.model_copy(update={"routing": POLICY.routing.model_copy(update={"lines": lines})})
    assert ticket_filter("lijn=4", four, "nl").line == 4


def test_third_party_language_and_reclassify_take_labels() -> None:
    assert third_party_wait("KOR-1 Klant leverancier belt", POLICY, "nl").party == "customer"
    assert third_party_wait("KOR-1 korton ons netwerk", POLICY, "nl").party == "subcontractor"
    assert language("Nederlands", "en") == "nl" and language("EN", "nl") == "en"
    r = reclassification("kor-1 type=Gebruikersvraag urgentie=Laag", POLICY, "nl")
    assert (r.number, r.changes.type, r.changes.urgency) == ("KOR-000001", "question", "low")


# --- rough edge 3: every problem at once, with choices and suggestions --------------------------


def test_every_problem_of_a_new_ticket_at_once_with_suggestions() -> None:
    e, text = refusal(
        lambda: new_ticket("via=telefon type=incidnt impact=hog klnt=ACME Printer", POLICY, "nl")
    )
    assert set(e.fields) >= {"via", "type", "impact", "klnt", "contact", "urgency", "customer"}
    for expected in (
        "via: 'telefon' kan niet; bedoel je 'telefoon'? Kies telefoon of e-mail",
        "type: 'incidnt' bestaat niet; bedoel je 'incident'? Kies incident, aanvraag of gebruikersvraag",
        "impact: 'hog' is geen niveau; bedoel je 'hoog'? Kies hoog, midden of laag",
        "onbekende sleutel 'klnt'; bedoel je 'klant'? Kies uit klant, contact, via, type, impact, urgentie, omschrijving of ontbreekt",
        "urgentie ontbreekt; kies hoog, midden of laag",
        "contact ontbreekt",
    ):
        assert expected in text, (expected, text)


def test_the_same_problems_in_english() -> None:
    _, text = refusal(
        lambda: new_ticket("via=phon type=incidnt urgency=hihg custmer=ACME X", POLICY, "en"),
        "en",
    )
    for expected in (
        "via: 'phon' is not possible; did you mean 'phone'? Choose phone or e-mail",
        "type: 'incidnt' does not exist; did you mean 'incident'? Choose incident, \"service request\" or \"user question\"",
        "urgency: 'hihg' is not a level; did you mean 'high'? Choose high, medium or low",
        "unknown key 'custmer'; did you mean 'customer'? Choose from customer, contact, via, type, impact, urgency, description or missing",
        "impact is missing; choose high, medium or low",
        "subject is too short",
    ):
        assert expected in text, (expected, text)
    assert "kies" not in text and "ontbreekt" not in text


def test_far_misses_list_the_choices_without_a_guess() -> None:
    _, text = refusal(
        lambda: new_ticket(
            f"{GOOD.replace('type=incident', 'type=storing')} kleur=rood Printer", POLICY, "nl"
        )
    )
    assert "onbekende sleutel 'kleur'; kies uit klant, contact" in text
    assert "type: 'storing' bestaat niet; kies incident, aanvraag of gebruikersvraag" in text
    assert "bedoel je" not in text


def test_an_unbalanced_quote_does_not_hide_the_other_problems() -> None:
    e, text = refusal(lambda: new_ticket('impact=extreem omschrijving="nog open', POLICY, "nl"))
    assert {"text", "impact"} <= set(e.fields)
    assert "afsluitend aanhalingsteken" in text and "'extreem' is geen niveau" in text


def test_reclassify_list_and_sla_name_every_problem() -> None:
    e, text = refusal(lambda: reclassification("kor-x type=incidnt klant=ACME hoog", POLICY, "nl"))
    assert set(e.fields) == {"number", "type", "klant", "hoog"}
    assert "'kor-x' is geen ticketnummer; schrijf bijvoorbeeld KOR-000012 of 12" in text
    assert "onbekende sleutel 'klant'; kies uit type, impact, urgentie of scope" in text
    assert (
        "'hoog' begrijpt Balie hier niet; kies uit type=…, impact=…, urgentie=… of scope=…" in text
    )
    _, text = refusal(lambda: reclassification("KOR-1", POLICY, "nl"))
    assert "geef type=, impact=, urgentie= of scope= op" in text
    e, text = refusal(lambda: ticket_filter("mjin lijn=9 status=opgelsot klnt=X", POLICY, "nl"))
    assert set(e.fields) == {"mjin", "line", "status", "klnt"}
    assert "'mjin' begrijpt Balie hier niet; bedoel je 'mijn'?" in text
    assert "status: 'opgelsot' kan niet; bedoel je 'opgelost'? Kies open, alle, nieuw," in text
    e, text = refusal(lambda: sla_query("KOR-1 extra lijn=7", POLICY, "nl"))
    assert set(e.fields) == {"extra", "line"}
    assert "kies uit NUMMER, alle, help of lijn=…" in text


def test_text_actions_name_the_missing_number_and_text_together() -> None:
    e, text = refusal(lambda: ticket_ref("resolve", "", POLICY, "nl"))
    assert set(e.fields) == {"number", "text"}
    assert "het ticketnummer ontbreekt; schrijf bijvoorbeeld KOR-000012 of 12" in text
    e, _ = refusal(lambda: third_party_wait("nummer buurman", POLICY, "nl"))
    assert set(e.fields) == {"number", "third_party", "text"}
    e, _ = refusal(lambda: assignment("x jan", POLICY, "nl"))
    assert set(e.fields) == {"number", "user"}
    _, text = refusal(lambda: language("frans", "en"), "en")
    assert "language: 'frans' is not possible; did you mean 'nl'" not in text
    assert "choose nl or en" in text


# --- rough edge 8: ticket numbers -------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["KOR-000003", "kor-000003", "kor-3", "KOR3", "3", " 003 ", "Kor-03"]
)
def test_ticket_numbers_are_normalised_with_the_policy_prefix(typed: str) -> None:
    assert ticket_number(typed, "KOR-") == "KOR-000003"
    assert ticket_ref("take", typed, POLICY, "nl").number == "KOR-000003"


def test_other_prefixes_and_long_numbers() -> None:
    assert ticket_number("12", "SD-") == "SD-000012"
    assert ticket_number("ABC-12", "KOR-") == "ABC-12"  # a number from before a prefix change
    assert ticket_number("1234567", "KOR-") == "KOR-1234567"
    for bad in ("x", "kor-", "KOR-1A", "1" * 13, "٣"):
        with pytest.raises(InvalidInput):
            ticket_number(bad, "KOR-")


# --- rough edge 12: the filter in the agent's language --------------------------------------


def test_filters_are_echoed_in_the_agents_language() -> None:
    f = ticket_filter("mijn lijn=2 klant=ACME status=opgelost", POLICY, "nl")
    assert describe_filter(f, "nl") == "van mij · lijn=2 · klant=ACME · status=opgelost"
    assert describe_filter(f, "en") == "mine · line=2 · customer=ACME · status=resolved"
    assert describe_filter(ticket_filter("", POLICY, "nl"), "nl") == "open tickets"
    waiting = ticket_filter('status="wacht op klant"', POLICY, "nl")
    assert describe_filter(waiting, "nl") == 'status="wacht op klant"'
    assert describe_filter(ticket_filter("alle", POLICY, "en"), "en") == "status=all"


def test_values() -> None:
    assert user_mention("<@U123ABC|jan>") == "U123ABC" and user_mention("U999") == "U999"
    with pytest.raises(InvalidInput):
        user_mention("jan")
    ref = ticket_ref("note", "KOR-1 Belde &lt;!here&gt; \x1bterug\b", POLICY, "nl")
    assert ref.text == "Belde <!here> terug"
