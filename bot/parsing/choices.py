"""Values chosen from a fixed set: the canonical id, or any word people see for it.

A value is read case-insensitively and without regard to spaces, hyphens, underscores or
accents ("E-mail", "email", "in behandeling", "in_progress"). A near miss gets a suggestion.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.parsing.text import Problems, closest, one_of

_SEPARATORS = re.compile(r"[\s_-]+")


def norm(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub("", bare)


@dataclass(frozen=True)
class Choice:
    """`shown` is the word listed (and echoed) per language; `also` are other words taken."""

    id: str
    shown: Mapping[str, str]
    also: tuple[str, ...] = ()


class Choices:
    def __init__(
        self,
        choices: Iterable[Choice],
        *,
        invalid: str = "field.choice_list",
        suggest: str = "field.choice_suggest",
    ) -> None:
        self.choices = tuple(choices)
        self.invalid, self.suggest = invalid, suggest
        self._ids: dict[str, str] = {}
        self._spelled: dict[str, str] = {}
        # Ids first: a label can never take the place of another choice's id.
        for rank in range(3):
            for c in self.choices:
                words = ((c.id,), tuple(c.shown.values()), c.also)[rank]
                for w in words:
                    self._ids.setdefault(norm(w), c.id)
                    self._spelled.setdefault(norm(w), w.lower())

    def ids(self) -> list[str]:
        return [c.id for c in self.choices]

    def get(self, value: str) -> str | None:
        return self._ids.get(norm(value))

    def near(self, value: str, lang: str = "nl") -> str | None:
        mine = [norm(c.shown[lang]) for c in self.choices if lang in c.shown]
        found = closest(norm(value), self._spelled, mine)
        return self._spelled[found] if found else None

    def word(self, choice_id: str, lang: str) -> str:
        """How `choice_id` is written in `lang`, quoted if it takes more than one word."""
        for c in self.choices:
            if c.id == choice_id:
                w = c.shown.get(lang) or c.id
                return f'"{w}"' if " " in w else w
        return choice_id

    def listed(self, lang: str) -> str:
        return one_of((self.word(c.id, lang) for c in self.choices), lang)

    def pick(
        self, value: str, problems: Problems, *, name: str, field: str, lang: str
    ) -> str | None:
        """The id `value` names, or None with the problem (and a suggestion) in `problems`."""
        found = self.get(value)
        if found is not None:
            return found
        near = self.near(value, lang)
        params = {"field": field, "value": value, "choices": self.listed(lang)}
        if near is None:
            problems.add(name, self.invalid, **params)
        else:
            problems.add(name, self.suggest, suggestion=near, **params)
        return None
