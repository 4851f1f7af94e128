from __future__ import annotations

import shlex

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.errors import InvalidInput
from bot.parsing import (
    TICKET_KEYS,
    level,
    parse_fields,
    split_subcommand,
    ticket_number,
    tokenize,
    user_mention,
    via,
)


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
        assert tokenize(text) == expected


def test_unbalanced_quote_and_unknown_or_duplicate_key() -> None:
    with pytest.raises(InvalidInput) as e:
        tokenize('contact="Jan')
    assert "text" in e.value.fields
    with pytest.raises(InvalidInput) as e:
        parse_fields("kleur=rood", TICKET_KEYS)
    assert e.value.fields["kleur"][0] == "field.unknown_key"
    with pytest.raises(InvalidInput) as e:
        parse_fields("klant=A customer=B", TICKET_KEYS)
    assert e.value.fields["customer"][0] == "field.duplicate_key"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nieuw x", ("new", "x")),
        ("NEW x", ("new", "x")),
        ("los-op K-1 ok", ("resolve", "K-1 ok")),
        ("", ("", "")),
    ],
)
def test_subcommands_in_dutch_and_english(text: str, expected: tuple[str, str]) -> None:
    assert split_subcommand(text) == expected


def test_values() -> None:
    assert [level(v, "impact") for v in ("Hoog", "midden", "LOW", "m")] == [
        "high",
        "medium",
        "low",
        "medium",
    ]
    assert via("Telefoon") == "phone" and via("e-mail") == "email"
    assert ticket_number(" kor-000012 ") == "KOR-000012"
    assert user_mention("<@U123ABC|jan>") == "U123ABC" and user_mention("U999") == "U999"
    for bad, fn in (
        ("extreem", lambda v: level(v, "impact")),
        ("duif", via),
        ("12", ticket_number),
        ("jan", user_mention),
    ):
        with pytest.raises(InvalidInput):
            fn(bad)
