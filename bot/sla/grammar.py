"""The grammar of `/sla`: `/sla [NUMMER | alle | help] [lijn=…]`."""

from __future__ import annotations

from bot.i18n import t
from bot.inputs import build
from bot.parsing.choices import Choice, Choices
from bot.parsing.text import Keys, Problems, one_of, scan
from bot.policy import Policy
from bot.sla.inputs import SlaQuery
from bot.tickets import words
from bot.tickets.grammar import LINE, read_number

SLA_KEYS = Keys(LINE)
SLA_WORDS = Choices(
    [
        Choice("help", {"nl": "help", "en": "help"}, ("hulp", "?")),
        Choice("all", {"nl": "alle", "en": "all"}, ("alles",)),
    ]
)


def sla_query(text: str, policy: Policy, lang: str) -> SlaQuery:
    problems = Problems()
    parsed = scan(text, SLA_KEYS, lang, problems)
    first, *others = parsed.words or [""]
    said = SLA_WORDS.get(first) if first else None
    if said == "help":
        return SlaQuery(help=True)
    number = read_number(first, policy, problems) if first and said is None else None
    choices = [
        t(lang, "words.number"),
        *(SLA_WORDS.word(i, lang) for i in ("all", "help")),
        f"{SLA_KEYS.label('line', lang)}=…",
    ]
    for word in others:
        problems.add(word.lower(), "field.unknown_word", value=word, choices=one_of(choices, lang))
    line = None
    if "line" in parsed.fields:
        label = SLA_KEYS.label("line", lang)
        line = words.lines(policy).pick(
            parsed.fields["line"], problems, name="line", field=label, lang=lang
        )
    problems.check()
    return build(
        SlaQuery,
        {
            "number": number or None,
            "all_lines": said == "all",
            "line": int(line) if line else None,
        },
    )
