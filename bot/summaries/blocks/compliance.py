"""The SLA compliance of a summary: per tier for every summary, per customer for the month.
Pure functions."""

from __future__ import annotations

from fractions import Fraction

from slack_sdk.models.blocks import Block

from bot.blocks.text import Raw, tr, trn
from bot.directory.words import tier_label
from bot.i18n import t
from bot.i18n.summaries import CLOCK_KEYS
from bot.summaries import wording as w
from bot.summaries.blocks.parts import context, listed
from bot.summaries.model import CLOCKS, ClockCounts, Summary

TIERS = ("gold", "silver", "bronze")
# A month names every customer up to this many; beyond it only those with a breach.
MAX_CUSTOMERS = 30


def clock_parts(
    counts: dict[str, ClockCounts], previous: dict[str, ClockCounts] | None, lang: str
) -> str:
    parts = []
    for clock in CLOCKS:
        now = counts.get(clock, ClockCounts())
        rate: str
        if previous is None:
            rate = w.percent(now.rate, lang)
        else:
            rate = w.percent_change(now.rate, previous.get(clock, ClockCounts()).rate, lang)
        parts.append(
            tr(
                lang,
                "summary.clock_part",
                clock=t(lang, CLOCK_KEYS[clock]),
                rate=rate,
                met=w.number(now.met, lang),
                breached=w.number(now.breached, lang),
                cancelled=w.number(now.cancelled, lang),
            )
        )
    return " · ".join(parts)


def compliance(summary: Summary, lang: str) -> list[Block]:
    now, before = summary.current, summary.previous
    tiers = [x for x in TIERS if x in now.compliance] + sorted(set(now.compliance) - set(TIERS))
    rows = [
        tr(
            lang,
            "summary.compliance_row",
            who=tier_label(tier, lang),
            clocks=Raw(clock_parts(now.compliance[tier], before.compliance.get(tier, {}), lang)),
        )
        for tier in tiers
    ]
    return listed(lang, "summary.compliance", rows)


def _worst_first(item: tuple[str, dict[str, ClockCounts]]) -> tuple[Fraction, str]:
    """The customers whose clocks broke most come first: the ones a lead must look at."""
    code, counts = item
    rates = [r for c in CLOCKS if (r := counts.get(c, ClockCounts()).rate) is not None]
    return (min(rates) if rates else Fraction(2), code)


def compliance_by_customer(summary: Summary, lang: str) -> list[Block]:
    """Every customer while they fit; for a big desk the ones with a breach, worst first (at
    most MAX_CUSTOMERS), and one line counting the others. The CSV has them all."""
    ranked = sorted(summary.current.compliance_by_customer.items(), key=_worst_first)
    shown, rest = ranked, 0
    if len(ranked) > MAX_CUSTOMERS:
        broken = [(code, c) for code, c in ranked if any(x.breached for x in c.values())]
        shown, rest = broken[:MAX_CUSTOMERS], len(ranked) - len(broken)
    rows = [
        tr(lang, "summary.compliance_row", who=code, clocks=Raw(clock_parts(counts, None, lang)))
        for code, counts in shown
    ]
    if rest:
        rows.append(trn(lang, "summary.customers_all_met", rest))
    blocks = listed(lang, "summary.compliance_by_customer", rows)
    if len(shown) + rest < len(ranked):
        blocks.append(context(t(lang, "summary.more")))
    return blocks
