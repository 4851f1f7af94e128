"""The grammar of `/rapport`: `/rapport [dag|week|maand] [vorige] [lijn=N] [klant=CODE] [csv]`.

Dutch and English words both work (`day`, `month`, `previous`, `line=`, `customer=`). Every
problem is named at once, and nothing is asked of the database here.
"""

from __future__ import annotations

import re

from bot.inputs import build
from bot.parsing.choices import Choice, Choices
from bot.parsing.text import Keys, Problems, one_of, scan
from bot.policy import Policy
from bot.summaries.inputs import ReportQuery
from bot.tickets import words
from bot.tickets.grammar import CUSTOMER, LINE

REPORT_KEYS = Keys(LINE, CUSTOMER)
PERIODS = Choices(
    [
        Choice("day", {"nl": "dag", "en": "day"}, ("vandaag", "today")),
        Choice("week", {"nl": "week", "en": "week"}),
        Choice("month", {"nl": "maand", "en": "month"}),
    ]
)
FLAGS = Choices(
    [
        Choice("csv", {"nl": "csv", "en": "csv"}),
        Choice("previous", {"nl": "vorige", "en": "previous"}, ("vorig", "last")),
        Choice("help", {"nl": "help", "en": "help"}, ("hulp", "?")),
    ]
)
# Customer codes as the directory has them: letters, digits, - and _.
CODE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


def report_query(text: str, policy: Policy, lang: str) -> ReportQuery:
    problems = Problems()
    parsed = scan(text, REPORT_KEYS, lang, problems)
    period: str | None = None
    flags: set[str] = set()
    choices = [
        *(PERIODS.word(i, lang) for i in PERIODS.ids()),
        *(FLAGS.word(i, lang) for i in FLAGS.ids()),
        *(f"{name}=…" for name in REPORT_KEYS.names(lang)),
    ]
    for word in parsed.words:
        said_period, said_flag = PERIODS.get(word), FLAGS.get(word)
        if said_flag == "help":
            return ReportQuery(help=True)
        if said_period is not None:
            if period is not None and period != said_period:
                problems.add(
                    "subcommand", "report.two_periods", first=period_word(period, lang), second=word
                )
            period = said_period
        elif said_flag is not None:
            flags.add(said_flag)
        else:
            problems.add(
                word.lower(), "field.unknown_word", value=word, choices=one_of(choices, lang)
            )
    line = None
    if "line" in parsed.fields:
        label = REPORT_KEYS.label("line", lang)
        line = words.lines(policy).pick(
            parsed.fields["line"], problems, name="line", field=label, lang=lang
        )
    customer = parsed.fields.get("customer")
    if customer is not None and not CODE.match(customer):
        problems.add("customer", "report.bad_code", value=customer)
    problems.check()
    return build(
        ReportQuery,
        {
            "period": period or "day",
            "previous": "previous" in flags,
            "line": int(line) if line else None,
            "customer": customer.upper() if customer else None,
            "csv": "csv" in flags,
        },
    )


def period_word(period: str, lang: str) -> str:
    return PERIODS.word(period, lang)
