from __future__ import annotations

import string

import pytest

from bot.i18n import t
from bot.i18n.catalogue import MESSAGES


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_dutch_and_english_with_the_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert set(entry) == {"nl", "en"}
    assert _fields(entry["nl"]) == _fields(entry["en"])


def test_dutch_is_the_default_and_english_on_request() -> None:
    assert t("nl", "status.resolved") == "Opgelost"
    assert t("en", "status.resolved") == "Resolved"
