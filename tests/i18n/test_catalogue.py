"""The catalogue itself: both languages for every key, the same placeholders in each, real
plural forms, one owner per key, and texts that fill in without error."""

from __future__ import annotations

import re
import string
from pathlib import Path
from types import ModuleType

import pytest

from bot import i18n
from bot.i18n import MESSAGES, SURFACES, DuplicateKey, is_plural, merge, one_of, t, tn, word
from bot.i18n.entries import FORMS, LANGS, Text


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _forms(text: Text) -> list[str]:
    return [text] if isinstance(text, str) else [text[f] for f in FORMS]


def _placeholders(text: Text) -> set[str]:
    return set().union(*(_fields(form) for form in _forms(text)))


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_dutch_and_english_with_the_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert set(entry) == set(LANGS)
    assert _placeholders(entry["nl"]) == _placeholders(entry["en"])


@pytest.mark.parametrize("key", sorted(k for k, e in MESSAGES.items() if is_plural(e)))
def test_a_plural_has_both_forms_in_both_languages_and_shows_its_count(key: str) -> None:
    for lang in LANGS:
        text = MESSAGES[key][lang]
        assert isinstance(text, dict) and set(text) == set(FORMS), (key, lang)
        assert "count" in _fields(text["other"]), (key, lang)
        # The forms differ only in the words that go with the number.
        assert _fields(text["one"]) - {"count"} == _fields(text["other"]) - {"count"}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_text_fills_in(key: str) -> None:
    for lang in LANGS:
        for template in _forms(MESSAGES[key][lang]):
            # 1 fits every placeholder, including the `{m:02d}` of a duration.
            filled = template.format(**dict.fromkeys(_fields(template), 1))
            assert "{" not in filled.replace("{{", ""), (key, lang)


def test_no_text_hedges_its_plural_with_brackets() -> None:
    """'ticket(s)', 'contactperso(o)n(en)': Balie says '1 ticket' and '3 tickets'."""
    hedged = re.compile(r"\w\((?:s|en|o|e|n)\)")
    found = [
        (key, form)
        for key, entry in MESSAGES.items()
        for text in entry.values()
        for form in _forms(text)
        if hedged.search(form)
    ]
    assert found == []


def test_real_plural_forms() -> None:
    assert tn("nl", "list.header", 1, filter="open tickets") == "1 ticket · open tickets"
    assert tn("nl", "list.header", 3, filter="open tickets") == "3 tickets · open tickets"
    assert tn("en", "list.header", 0, filter="open tickets") == "0 tickets · open tickets"
    row = {"code": "ACME", "name": "Acme", "tier": "Goud"}
    assert tn("nl", "customer.list_row", 1, **row).endswith("· 1 contactpersoon")
    assert tn("nl", "customer.list_row", 3, **row).endswith("· 3 contactpersonen")
    assert tn("en", "customer.list_row", 1, **row).endswith("· 1 contact")
    assert tn("en", "customer.list_row", 2, **row).endswith("· 2 contacts")
    # A problem carries its count as a parameter; t picks the form from it.
    assert t("nl", "field.too_short", field="onderwerp", count=1).endswith("(minstens 1 teken)")
    assert t("nl", "field.too_short", field="onderwerp", count=3).endswith("(minstens 3 tekens)")


def test_dutch_is_the_default_and_english_on_request() -> None:
    assert t("nl", "status.resolved") == "Opgelost"
    assert t("en", "status.resolved") == "Resolved"
    assert t("de", "status.resolved") == "Opgelost"


def test_a_missing_key_shows_itself_rather_than_nothing() -> None:
    assert t("nl", "no.such.key") == "no.such.key"


def test_a_value_without_a_key_is_shown_as_it_is() -> None:
    keys = {"response": "sla.clock.response"}
    assert word("nl", keys, "response") == "reactietermijn"
    assert word("en", keys, "response") == "response time"
    assert word("nl", keys, "later") == "later"


def test_lists_end_with_or_in_the_readers_language() -> None:
    assert (
        one_of("nl", ["agents", "teamleiders", "beheerders"]) == "agents, teamleiders of beheerders"
    )
    assert one_of("en", ["agents", "admins"]) == "agents or admins"
    assert one_of("en", ["agents"]) == "agents"


def test_every_surface_owns_its_keys_and_a_key_defined_twice_stops_the_import() -> None:
    owners: dict[str, str] = {}
    for module in SURFACES:
        for key in module.MESSAGES:
            assert key not in owners, (key, owners.get(key), module.__name__)
            owners[key] = module.__name__
    assert set(owners) == set(MESSAGES)
    assert len(SURFACES) >= 8

    cards, mail = ModuleType("bot.i18n.cards"), ModuleType("bot.i18n.mail")
    cards.MESSAGES = {"card.title": {"nl": "Kaart", "en": "Card"}}  # type: ignore[attr-defined]
    mail.MESSAGES = {"card.title": {"nl": "Post", "en": "Mail"}}  # type: ignore[attr-defined]
    with pytest.raises(
        DuplicateKey, match=re.escape("'card.title' is defined in both cards and mail")
    ):
        merge([cards, mail])


def test_every_surface_module_is_merged() -> None:
    """A new module in bot/i18n that is not in SURFACES would be texts nobody can look up."""
    package = Path(i18n.__file__).parent
    modules = {p.stem for p in package.glob("*.py")} - {"__init__", "entries"}
    assert modules == {m.__name__.rsplit(".", 1)[-1] for m in SURFACES}
