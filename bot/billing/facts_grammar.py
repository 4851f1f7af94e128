"""What agents type for billable work's facts, read into plain inputs:

- `/ticket verwijs NUMMER <handleiding of link>` (rule 2)
- `/ticket koppel NUMMER NUMMER-VAN-DE-VERWIJZING` and `/ticket koppel NUMMER los`
- `/ticket opdracht NUMMER <referentie> [datum] [door=naam]` (rule 5)
- `/ticket scope NUMMER buiten-scope:inrichting|uitsluiting:wijziging|binnen-scope` (rules 4, 5)
- `/klant kennis CODE <toelichting>` and `/klant training CODE gepland|gevolgd|afgewezen`
  (rule 3)

Every problem of one command is told at once (bot.errors.InvalidInput).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.errors import InvalidInput
from bot.i18n import t
from bot.parsing.choices import Choice, Choices
from bot.parsing.text import Key, Keys, Problems, scan, typed
from bot.policy import Policy
from bot.tickets import grammar
from bot.tickets.inputs import IN_SCOPE
from storage.billing_facts import DECLINED, PLANNED, TAKEN

# The longest reference to a manual, link or order kept (a URL with a long query fits).
MAX_REFERENCE = 1000
MAX_ORDER_REFERENCE = 200
MAX_TEXT = 2000

BY = Key("given_by", "door", "by", ("gegeven-door", "given-by", "opdrachtgever"))
DATE = Key("given_on", "datum", "date")
ORDER_KEYS = Keys(BY, DATE)

OUTCOMES = Choices(
    [
        Choice(PLANNED, {"nl": "gepland", "en": "planned"}, ("ingepland", "scheduled")),
        Choice(TAKEN, {"nl": "gevolgd", "en": "taken"}, ("gedaan", "done", "attended")),
        Choice(DECLINED, {"nl": "afgewezen", "en": "declined"}, ("geweigerd", "refused", "nee")),
    ]
)
UNLINK = Choices([Choice("unlink", {"nl": "los", "en": "none"}, ("geen", "ontkoppel", "unlink"))])

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


@dataclass(frozen=True)
class Referral:
    number: str
    reference: str


@dataclass(frozen=True)
class Link:
    number: str
    # The ticket with the referral; None to undo a link.
    target: str | None


@dataclass(frozen=True)
class Order:
    number: str
    reference: str
    given_on: date | None
    given_by: str | None


@dataclass(frozen=True)
class Scope:
    number: str
    # "out_of_scope:<kind>", "exclusion:<kind>", or None: back in scope.
    scope: str | None


@dataclass(frozen=True)
class Knowledge:
    code: str
    text: str


@dataclass(frozen=True)
class Outcome:
    code: str
    state: str


def _split(text: str) -> tuple[str, str]:
    head, _, rest = text.strip().partition(" ")
    return head, rest.strip()


def _long(text: str, name: str, most: int, problems: Problems) -> None:
    if len(text) > most:
        problems.add(name, "field.too_long", count=most)


def referral(rest: str, policy: Policy, lang: str) -> Referral:
    problems = Problems()
    head, reference = _split(typed(rest))
    number = grammar.read_number(head, policy, problems)
    if not reference:
        problems.add("reference", "facts.field.reference_required")
    _long(reference, "reference", MAX_REFERENCE, problems)
    problems.check()
    return Referral(number, reference)


def link(rest: str, policy: Policy, lang: str) -> Link:
    problems = Problems()
    head, other = _split(typed(rest))
    number = grammar.read_number(head, policy, problems)
    target: str | None = None
    word, more = _split(other)
    if not word:
        problems.add(
            "target", "facts.field.link_target_required", example=f"{policy.ticket_prefix}12"
        )
    elif UNLINK.get(word) is None:
        target = grammar.read_number(word, policy, problems)
    if more:
        problems.add("text", "facts.field.link_extra", value=more)
    if target is not None and target == number:
        problems.add("target", "facts.field.link_self", number=number)
    problems.check()
    return Link(number, target)


def parse_date(value: str) -> date | None:
    """A day as agents write it: 20-11-2026, 20/11/2026, 2026-11-20. None if it is no date;
    ValueError if it looks like one but is not a day (31-02-2026)."""
    m = _ISO.match(value)
    if m:
        return date(int(m[1]), int(m[2]), int(m[3]))
    m = _DUTCH.match(value)
    if m:
        return date(int(m[3]), int(m[2]), int(m[1]))
    return None


def order(rest: str, policy: Policy, lang: str) -> Order:
    problems = Problems()
    head, text = _split(typed(rest))
    number = grammar.read_number(head, policy, problems)
    parsed = scan(text, ORDER_KEYS, lang, problems)
    given_on: date | None = None
    words: list[str] = []
    dated = [("given_on", parsed.fields["given_on"])] if "given_on" in parsed.fields else []
    for w in parsed.words:
        try:
            day = parse_date(w)
        except ValueError:
            problems.add("given_on", "facts.field.date_invalid", value=w)
            continue
        if day is None:
            words.append(w)
        else:
            dated.append(("given_on", w))
    if len(dated) > 1:
        problems.add("given_on", "facts.field.date_twice", value=" · ".join(v for _, v in dated))
    elif dated:
        try:
            given_on = parse_date(dated[0][1])
        except ValueError:
            given_on = None
        if given_on is None:
            problems.add("given_on", "facts.field.date_invalid", value=dated[0][1])
    reference = " ".join(words).strip()
    if not reference:
        problems.add("reference", "facts.field.order_reference_required")
    _long(reference, "reference", MAX_ORDER_REFERENCE, problems)
    given_by = parsed.fields.get("given_by") or None
    if "given_by" in parsed.fields and not given_by:
        problems.add("given_by", "facts.field.given_by_empty")
    if given_by:
        _long(given_by, "given_by", 200, problems)
    problems.check()
    return Order(number, reference, given_on, given_by)


def scope(rest: str, policy: Policy, lang: str) -> Scope:
    problems = Problems()
    head, word = _split(typed(rest))
    number = grammar.read_number(head, policy, problems)
    choices = grammar.scopes(policy)
    label = t(lang, "facts.label.scope")
    found: str | None = None
    if not word:
        problems.add("scope", "field.required_choice", field=label, choices=choices.listed(lang))
    else:
        found = choices.pick(word, problems, name="scope", field=label, lang=lang)
    problems.check()
    return Scope(number, None if found == IN_SCOPE else found)


def _code(rest: str, problems: Problems) -> tuple[str, str]:
    code, more = _split(typed(rest))
    if not code:
        problems.add("code", "field.required")
    return code.upper(), more


def knowledge(rest: str, lang: str) -> Knowledge:
    problems = Problems()
    code, text = _code(rest, problems)
    if not text:
        problems.add("text", "facts.field.knowledge_text_required")
    _long(text, "text", MAX_TEXT, problems)
    problems.check()
    return Knowledge(code, text)


def outcome(rest: str, lang: str) -> Outcome:
    problems = Problems()
    code, word = _code(rest, problems)
    label = t(lang, "facts.label.training")
    state: str | None = None
    if not word:
        problems.add("state", "field.required_choice", field=label, choices=OUTCOMES.listed(lang))
    else:
        state = OUTCOMES.pick(word, problems, name="state", field=label, lang=lang)
    problems.check()
    if state is None:  # pragma: no cover - check() raised
        raise InvalidInput.one("state", "field.required")
    return Outcome(code, state)
