"""Parsing what agents type after a slash command: `/ticket new klant=ACME ... onderwerp`.

Pure functions: text in, plain values out, InvalidInput for anything we cannot read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.domain.errors import InvalidInput

# Slack clients turn straight quotes into curly ones as people type: read both. NUL characters
# go: PostgreSQL text cannot hold them, and nobody means to type one.
_TYPED = str.maketrans({"“": '"', "”": '"', "„": '"', "\x00": None})

SUBCOMMANDS: dict[str, str] = {
    **dict.fromkeys(("nieuw", "new", "registreer", "register"), "new"),
    **dict.fromkeys(("pak", "neem", "take"), "take"),
    **dict.fromkeys(("wijs-toe", "toewijzen", "wijs", "assign"), "assign"),
    **dict.fromkeys(("herclassificeer", "reclassify", "classify"), "reclassify"),
    **dict.fromkeys(("escaleer", "escalate"), "escalate"),
    **dict.fromkeys(("wacht", "wait"), "wait"),
    **dict.fromkeys(("derde", "wacht-derde", "third-party"), "third_party"),
    **dict.fromkeys(("los-op", "losop", "opgelost", "resolve"), "resolve"),
    **dict.fromkeys(("sluit", "close"), "close"),
    **dict.fromkeys(("heropen", "reopen"), "reopen"),
    **dict.fromkeys(("hervat", "resume"), "resume"),
    **dict.fromkeys(("notitie", "note"), "note"),
    **dict.fromkeys(("toon", "show"), "show"),
    **dict.fromkeys(("lijst", "list"), "list"),
    **dict.fromkeys(("taal", "lang", "language"), "lang"),
    **dict.fromkeys(("help", "hulp", "?"), "help"),
}

TICKET_KEYS: dict[str, str] = {
    **dict.fromkeys(("klant", "customer"), "customer"),
    **dict.fromkeys(("contact", "melder", "reporter"), "contact"),
    **dict.fromkeys(("via", "kanaal", "channel"), "via"),
    "type": "type",
    "impact": "impact",
    **dict.fromkeys(("urgentie", "urgency"), "urgency"),
    **dict.fromkeys(("omschrijving", "beschrijving", "description"), "description"),
    **dict.fromkeys(("ontbreekt", "missing"), "missing"),
}

LEVEL_WORDS: dict[str, str] = {
    **dict.fromkeys(("hoog", "high", "h"), "high"),
    **dict.fromkeys(("midden", "gemiddeld", "middel", "medium", "m"), "medium"),
    **dict.fromkeys(("laag", "low", "l"), "low"),
}

VIA_WORDS: dict[str, str] = {
    **dict.fromkeys(("telefoon", "tel", "phone", "telefonisch"), "phone"),
    **dict.fromkeys(("email", "e-mail", "mail"), "email"),
}

NUMBER = re.compile(r"^[A-Z][A-Z0-9-]{0,9}\d+$")
_KEY_VALUE = re.compile(r"^([A-Za-z_-]+)=(.*)$", re.S)
_MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$")


@dataclass(frozen=True)
class Parsed:
    fields: dict[str, str] = field(default_factory=dict)
    words: list[str] = field(default_factory=list)

    @property
    def rest(self) -> str:
        return " ".join(self.words).strip()


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


# A token: runs of non-blank characters and double-quoted stretches, adjoining. What shlex does
# with whitespace_split, only double quotes and no escapes (tests/test_parsing.py holds shlex
# to it as the oracle), at a tenth of its cost on the ack path.
_TOKEN = re.compile(r'(?:[^ \t\r\n"]+|"[^"]*")+')


def tokenize(text: str) -> list[str]:
    # Only double quotes group words: Dutch plurals such as "foto's" are full of apostrophes,
    # and Windows paths are full of backslashes.
    text = text.translate(_TYPED)
    if text.count('"') % 2:
        raise InvalidInput.one("text", "field.unbalanced_quotes")
    return [unescape_slack(m.group().replace('"', "")) for m in _TOKEN.finditer(text)]


def split_subcommand(text: str) -> tuple[str, str]:
    """('new', 'klant=ACME ...'); an empty text means 'open the modal'."""
    stripped = text.strip()
    if not stripped:
        return "", ""
    head, _, rest = stripped.partition(" ")
    name = SUBCOMMANDS.get(head.lower())
    if name is None:
        raise InvalidInput.one("subcommand", "field.unknown_subcommand", value=head)
    return name, rest.strip()


def parse_fields(text: str, keys: Mapping[str, str]) -> Parsed:
    """key=value pairs anywhere (values may be quoted); other words are the free text."""
    fields: dict[str, str] = {}
    words: list[str] = []
    for token in tokenize(text):
        m = _KEY_VALUE.match(token)
        if m is None:
            words.append(token)
            continue
        raw_key, value = m.group(1).lower(), m.group(2).strip()
        key = keys.get(raw_key)
        if key is None:
            raise InvalidInput.one(raw_key, "field.unknown_key", value=raw_key)
        if key in fields:
            raise InvalidInput.one(key, "field.duplicate_key", value=raw_key)
        fields[key] = value
    return Parsed(fields, words)


def level(value: str, field_name: str) -> str:
    found = LEVEL_WORDS.get(value.strip().lower())
    if found is None:
        raise InvalidInput.one(field_name, "field.level_invalid", value=value)
    return found


def via(value: str) -> str:
    found = VIA_WORDS.get(value.strip().lower())
    if found is None:
        raise InvalidInput.one("via", "field.via_invalid", value=value)
    return found


def ticket_number(value: str) -> str:
    number = value.strip().upper()
    if not NUMBER.match(number):
        raise InvalidInput.one("number", "field.number_invalid", value=value)
    return number


def user_mention(value: str) -> str:
    """A Slack user from '<@U123|name>' (as Slack escapes mentions) or a bare 'U123'."""
    v = value.strip()
    m = _MENTION.match(v)
    if m:
        return m.group(1)
    if re.fullmatch(r"[UW][A-Z0-9]{2,}", v):
        return v
    raise InvalidInput.one("user", "field.user_invalid", value=value)
