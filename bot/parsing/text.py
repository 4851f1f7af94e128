"""Reading what agents type after a slash command: tokens, key=value pairs and free words.

Pure functions: text in, plain values out. Problems are collected, not raised one by one, so
the agent hears every mistake in a command at once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot import i18n
from bot.errors import InvalidInput
from bot.inputs import clean_text

# Slack clients turn straight quotes into curly ones as people type: read both.
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"'})
_KEY_VALUE = re.compile(r"^([A-Za-z_-]+)=(.*)$", re.S)
# What a near miss must resemble to be suggested (difflib's ratio; 'klnt' ~ 'klant' is 0.89).
_CLOSE = 0.6
# Long values are cut in messages: the agent knows what they typed.
_SHOWN = 50


class Problems:
    """Every problem with one input: field name -> (catalogue key, params), first one wins."""

    def __init__(self) -> None:
        self.fields: dict[str, tuple[str, dict[str, Any]]] = {}

    def add(self, name: str, key: str, /, **params: Any) -> None:
        if "value" in params:
            params["value"] = str(params["value"])[:_SHOWN]
        self.fields.setdefault(name, (key, params))

    def take(self, exc: InvalidInput) -> None:
        for name, (key, params) in exc.fields.items():
            self.fields.setdefault(name, (key, dict(params)))

    def __contains__(self, name: object) -> bool:
        return name in self.fields

    def check(self) -> None:
        if self.fields:
            raise InvalidInput(self.fields)


def one_of(items: Iterable[str], lang: str) -> str:
    """'a, b of c' / 'a, b or c'."""
    return i18n.one_of(lang, items)


def closest(value: str, candidates: Iterable[str], prefer: Iterable[str] = ()) -> str | None:
    """The candidate most like `value`, if any is alike enough; on a tie, one in `prefer`
    (the words of the agent's language)."""
    preferred = set(prefer)
    best: tuple[float, bool, str] | None = None
    matcher = difflib.SequenceMatcher(b=value)
    for candidate in candidates:
        matcher.set_seq1(candidate)
        score = matcher.ratio()
        if score >= _CLOSE and (best is None or (score, candidate in preferred) > best[:2]):
            best = (score, candidate in preferred, candidate)
    return best[2] if best else None


# --- Slack's markup ---------------------------------------------------------------------------

# With should_escape, Slack turns what it recognises as a link into markup: an e-mail address
# typed as jan@acme.nl arrives as <mailto:jan@acme.nl|jan@acme.nl>.
_LINK = re.compile(r"<(?:mailto:)?([^@#!|<>][^|<>]*)\|([^<>]*)>|<(?:mailto:)?([^@#!|<>][^|<>]*)>")


def _unlink(m: re.Match[str]) -> str:
    target, label, bare = m.groups()
    return label or target or bare


def unescape_slack(text: str) -> str:
    """Slack sends slash-command text with &, < and > as entities and links as markup; we
    store what was typed. User mentions (<@U…>) stay, for the commands that take a user."""
    text = _LINK.sub(_unlink, text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def typed(text: str) -> str:
    """Free text as the agent typed it: no control characters, no Slack markup."""
    return unescape_slack(clean_text(text))


# --- tokens -----------------------------------------------------------------------------------

# A token: runs of non-blank characters and double-quoted stretches, adjoining. What shlex does
# with whitespace_split, only double quotes and no escapes (tests/test_parsing.py holds shlex
# to it as the oracle), at a tenth of its cost on the ack path.
_TOKEN = re.compile(r'(?:[^ \t\r\n"]+|"[^"]*")+')


def _tokens(text: str) -> tuple[list[str], bool]:
    """The tokens, and whether the quotes were balanced (if not, the last quote runs to the
    end, so the rest of the command can still be checked)."""
    text = clean_text(text).translate(_QUOTES)
    balanced = text.count('"') % 2 == 0
    if not balanced:
        text += '"'
    return [unescape_slack(m.group().replace('"', "")) for m in _TOKEN.finditer(text)], balanced


def tokenize(text: str) -> list[str]:
    # Only double quotes group words: Dutch plurals such as "foto's" are full of apostrophes,
    # and Windows paths are full of backslashes.
    tokens, balanced = _tokens(text)
    if not balanced:
        raise InvalidInput.one("text", "field.unbalanced_quotes")
    return tokens


# --- keys -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Key:
    """One key of a command: its field, its Dutch and English name, and other spellings."""

    name: str
    nl: str
    en: str
    aliases: tuple[str, ...] = ()

    def shown(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


class Keys:
    def __init__(self, *keys: Key) -> None:
        self.keys = keys
        self._by_word = {w.lower(): k for k in keys for w in (k.name, k.nl, k.en, *k.aliases)}

    @classmethod
    def of(cls, mapping: Mapping[str, str] | Keys) -> Keys:
        """Keys from a plain {spelling: field} table; its first spelling is what is shown."""
        if isinstance(mapping, Keys):
            return mapping
        spellings: dict[str, list[str]] = {}
        for word, name in mapping.items():
            spellings.setdefault(name, []).append(word)
        return cls(*(Key(name, w[0], w[0], tuple(w[1:])) for name, w in spellings.items()))

    def get(self, word: str) -> Key | None:
        return self._by_word.get(word.lower())

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.lower() in self._by_word

    def names(self, lang: str) -> list[str]:
        return [k.shown(lang) for k in self.keys]

    def label(self, name: str, lang: str) -> str:
        """The key of field `name` as the agent types it in `lang`."""
        return next((k.shown(lang) for k in self.keys if k.name == name), name)

    def unknown(self, word: str, problems: Problems, lang: str) -> None:
        choices = one_of(self.names(lang), lang)
        near = closest(word.lower(), self._by_word, self.names(lang))
        if near is None:
            problems.add(word.lower(), "field.unknown_key_choices", value=word, choices=choices)
        else:
            problems.add(
                word.lower(),
                "field.unknown_key_suggest",
                value=word,
                suggestion=near,
                choices=choices,
            )


@dataclass(frozen=True)
class Parsed:
    fields: dict[str, str] = field(default_factory=dict)
    words: list[str] = field(default_factory=list)

    @property
    def rest(self) -> str:
        return " ".join(self.words).strip()


def scan(text: str, keys: Keys, lang: str, problems: Problems) -> Parsed:
    """key=value pairs anywhere (values may be quoted); other words are the free text."""
    tokens, balanced = _tokens(text)
    if not balanced:
        problems.add("text", "field.unbalanced_quotes")
    fields: dict[str, str] = {}
    words: list[str] = []
    for token in tokens:
        m = _KEY_VALUE.match(token)
        if m is None:
            words.append(token)
            continue
        raw_key, value = m.group(1), m.group(2).strip()
        key = keys.get(raw_key)
        if key is None:
            keys.unknown(raw_key, problems, lang)
        elif key.name in fields:
            problems.add(key.name, "field.duplicate_key", value=raw_key)
        else:
            fields[key.name] = value
    return Parsed(fields, words)


def parse_fields(text: str, keys: Mapping[str, str] | Keys, lang: str = "nl") -> Parsed:
    """`scan`, raising every problem at once."""
    problems = Problems()
    parsed = scan(text, Keys.of(keys), lang, problems)
    problems.check()
    return parsed
