"""One language per message: what Balie says in English holds no Dutch, and the other way round.

Checked on the catalogue itself and on what comes out: replies to slash commands (errors
included), settings errors, a broken policy and a broken customer file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.directory.files import parse_file
from bot.i18n import MESSAGES
from bot.i18n.entries import FORMS
from bot.policy import PolicyError, parse_policy
from bot.settings import Problem, SettingsError
from tests.conftest import ADMIN, AGENT, Balie

# Words that give away the other language; none is a word of both, or a name in the demo data.
DUTCH = frozenset(
    [
        "niet",
        "het",
        "klant",
        "klanten",
        "geen",
        "opgeslagen",
        "een",
        "van",
        "voor",
        "wordt",
        "bestaat",
        "kies",
        "ontbreekt",
        "je",
        "naar",
        "heeft",
        "mag",
        "alleen",
        "bij",
        "staat",
        "zijn",
        "moet",
    ]
)
ENGLISH = frozenset(
    [
        "not",
        "the",
        "nothing",
        "saved",
        "cannot",
        "does",
        "please",
        "with",
        "customer",
        "customers",
        "missing",
        "choose",
        "only",
        "has",
        "may",
        "must",
        "already",
        "been",
    ]
)
# Names that are the same in both languages.
NAMES = ("Customer Service Korton", "Korton Customer Service", "Nederland ICT")
# What is typed, not read: commands, keys, quoted values, placeholders, addresses.
_TYPED = re.compile(
    r"`[^`]*`"  # a command or example in backquotes
    r"|(?<!\w)'[^'\n]*'(?!\w)"  # a quoted value ('customers', 'klnt')
    r'|"[^"\n]*"'
    r"|\{[^}]*\}"  # a placeholder
    r"|(?<!\w)[/:][a-z?][\w-]*"  # /klant, :gebruiker
    r"|\S+=\S*"  # klant=ACME
    r"|\S+@\S+|https?://\S+|\S+\.(?:yml|csv|db)\b"
)


def words_of(text: str) -> set[str]:
    for name in NAMES:
        text = text.replace(name, "")
    return set(re.findall(r"[a-zà-ÿ]+", _TYPED.sub(" ", text).lower()))


def _texts() -> Iterator[tuple[str, str, str]]:
    for key, entry in MESSAGES.items():
        for lang, text in entry.items():
            for form in [text] if isinstance(text, str) else [text[f] for f in FORMS]:
                yield key, lang, form


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_catalogue_text_mixes_in_the_other_language(lang: str) -> None:
    other = DUTCH if lang == "en" else ENGLISH
    mixed = [
        (key, sorted(words_of(text) & other))
        for key, text_lang, text in _texts()
        if text_lang == lang and words_of(text) & other
    ]
    assert mixed == []


def test_the_word_lists_see_each_language() -> None:
    assert words_of(MESSAGES["error.generic"]["nl"]) & DUTCH
    assert words_of(MESSAGES["error.generic"]["en"]) & ENGLISH
    assert not words_of("Typ `/klant lijst` of kies 'klant'") & ENGLISH


# --- what comes out ------------------------------------------------------------------------------


def _strings(body: Any) -> Iterator[str]:
    if isinstance(body, str):
        yield body
    elif isinstance(body, dict):
        for key, value in body.items():
            if key in ("text", "blocks", "elements", "fields", "errors") or isinstance(value, dict):
                yield from _strings(value)
    elif isinstance(body, list):
        for item in body:
            yield from _strings(item)


def _replies(balie: Balie, user: str, commands: list[tuple[str, str]]) -> list[str]:
    out = []
    for command, text in commands:
        response = balie.command(text, user=user, command=command)
        assert response.status == 200, response.body
        out.append("\n".join(_strings(response.json())))
    return out


DEMO = "customer=ACME via=phone type=incident impact=high urgency=low"
DEMO_NL = "klant=ACME via=telefoon type=incident impact=hoog urgentie=laag"


def test_every_reply_in_english_is_wholly_english(balie: Balie) -> None:
    balie.command("lang en", user=ADMIN)
    number = balie.register(f"{DEMO_NL} contact=jan@acme.example Printer")
    replies = _replies(
        balie,
        ADMIN,
        [
            ("/ticket", "new via=phon type=incidnt impact=hihg custmer=X Printer"),
            ("/ticket", f"new {DEMO} contact=eva@acme.example Printer"),  # an end user
            ("/ticket", f"new {DEMO} contact=jan@acme.example ab"),  # subject too short
            (
                "/ticket",
                "new customer=NOPE contact=x via=phone type=incident impact=high urgency=low Iets",
            ),
            ("/ticket", "take KOR-999999"),
            ("/ticket", f"reopen {number} because"),
            ("/ticket", f"close {number} maybe"),
            ("/ticket", "list"),
            ("/ticket", f"show {number}"),
            ("/ticket", "help"),
            ("/ticket", "foo"),
            ("/sla", number),
            ("/sla", "all"),
            ("/klant", "show NOPE"),
            ("/klant", "remove-contact ACME nobody@acme.example"),
            ("/klant", "list"),
            ("/klant", "set code=X! name=Y sla=platinum contract=yesterday account_manager=Z"),
        ],
    )
    balie.command("lang en", user=AGENT)
    replies += _replies(balie, AGENT, [("/klant", "edit ACME sla=bronze")])
    for reply in replies:
        assert not words_of(reply) & DUTCH, reply
    # The replies are the ones meant: errors among them.
    joined = "\n".join(replies)
    for expected in (
        "Balie cannot process that",
        "may not report",
        "Ticket KOR-999999 does not exist.",
        "Customer NOPE does not exist.",
        "nobody@acme.example is not a contact of ACME.",
        "'reopen' is not possible in status New.",
        "Only admins may do that.",
        "1 ticket · open tickets",
        "subject is too short (at least 3 characters)",
    ):
        assert expected in joined, expected


def test_every_reply_in_dutch_is_wholly_dutch(balie: Balie) -> None:
    number = balie.register(f"{DEMO_NL} contact=jan@acme.example Printer")
    replies = _replies(
        balie,
        ADMIN,
        [
            ("/ticket", "nieuw via=telefon type=incidnt impact=hog klnt=X Printer"),
            ("/ticket", f"nieuw {DEMO_NL} contact=eva@acme.example Printer"),
            ("/ticket", f"nieuw {DEMO_NL} contact=jan@acme.example ab"),
            ("/ticket", "pak KOR-999999"),
            ("/ticket", f"heropen {number} daarom"),
            ("/ticket", "lijst"),
            ("/ticket", f"toon {number}"),
            ("/ticket", "help"),
            ("/sla", number),
            ("/klant", "toon NOPE"),
            ("/klant", "verwijder-contact ACME niemand@acme.example"),
            ("/klant", "lijst"),
        ],
    )
    replies += _replies(balie, AGENT, [("/klant", "wijzig ACME sla=brons")])
    for reply in replies:
        assert not words_of(reply) & ENGLISH, reply
    joined = "\n".join(replies)
    for expected in (
        "Ticket KOR-999999 bestaat niet.",
        "Klant NOPE bestaat niet.",
        "niemand@acme.example is geen contactpersoon van ACME.",
        "'heropenen' kan niet bij status Nieuw.",
        "onderwerp is te kort (minstens 3 tekens)",
        "1 ticket · open tickets",
        "3 contactpersonen",
        "1 contactpersoon",
    ):
        assert expected in joined, expected


BROKEN_POLICY = """\
language: klingon
ticket_prefix: kor
office_hours: {timezone: Mars/Olympus, days: {mon: "9-5"}}
"""


def test_settings_errors_and_a_broken_policy_are_in_one_language() -> None:
    with pytest.raises(PolicyError) as caught:
        parse_policy(BROKEN_POLICY, "policy.yml")
    policy = caught.value
    error = SettingsError(
        [
            Problem("SLACK_BOT_TOKEN", "settings.bot_token"),
            Problem("PORT", "settings.at_least", {"min": 1, "max": ""}),
            Problem("SLACK_API_URL", "settings.api_url"),
            Problem("POLICY_FILE", "settings.policy_invalid", {"detail": policy}),
        ]
    )
    dutch, english = error.report("nl"), error.report("en")
    assert not words_of(dutch) & ENGLISH, dutch
    assert not words_of(english) & DUTCH, english
    for line in ("language", "ticket_prefix", "office_hours.days.mon", "types", "sla"):
        assert line in english
    assert "office_hours.days.mon: '9-5' is geen tijdvak zoals '08:30-17:30'" in dutch
    assert "office_hours.days.mon: not an interval like '08:30-17:30': '9-5'" in english
    assert "language: kies uit: nl, en" in dutch
    assert "types: ontbreekt" in dutch and "types: missing" in english


def test_a_broken_customer_file_is_told_in_one_language(tmp_path: Path) -> None:
    broken = tmp_path / "klanten.yml"
    broken.write_text('customers:\n  - {code: ACME, name: "Acme\n', encoding="utf-8")
    bad_csv = tmp_path / "klanten.csv"
    bad_csv.write_text("code,name,kleur\nACME,Acme,rood,extra\n", encoding="utf-8")
    problems = [p for path in (broken, bad_csv) for p in parse_file(path).problems]
    assert problems
    for problem in problems:
        assert not words_of(problem.text("en")) & DUTCH, problem.text("en")
        assert not words_of(problem.text("nl")) & ENGLISH, problem.text("nl")
