"""The morning's blocks: what happened while the desk was closed, with the new tickets, the
waakdienst's pages and who took them, and the breaches listed by name. Pure functions."""

from __future__ import annotations

from slack_sdk.models.blocks import Block

from bot.blocks.text import Raw, mention, tr
from bot.i18n import t
from bot.i18n.summaries import CLOCK_KEYS
from bot.policy import Policy
from bot.summaries import wording as w
from bot.summaries.blocks.parts import context, engineers, fields, listed
from bot.summaries.model import CLOCKS, RESOLUTION, RESPONSE, Summary
from bot.tickets.blocks import vocabulary as voc


def morning(summary: Summary, policy: Policy, lang: str) -> list[Block]:
    now, before = summary.current, summary.previous
    breached = {c: now.breached.get(c, 0) for c in CLOCKS}
    was = {c: before.breached.get(c, 0) for c in CLOCKS}
    counts = [
        tr(lang, "summary.field.new", value=w.count(now.new, before.new, lang)),
        tr(lang, "summary.field.open", value=w.count(now.open_total, before.open_total, lang)),
        tr(
            lang,
            "summary.field.breached",
            response=w.count(breached[RESPONSE], was[RESPONSE], lang),
            resolution=w.count(breached[RESOLUTION], was[RESOLUTION], lang),
        ),
    ]
    new_rows = [
        tr(
            lang,
            "summary.new_row",
            number=x.number,
            customer=x.customer,
            priority=voc.priority_label(policy, x.priority, lang),
            subject=x.subject,
        )
        for x in now.new_tickets
    ]
    page_rows = [
        tr(
            lang,
            "summary.page_row",
            number=p.number,
            customer=p.customer,
            priority=voc.priority_label(policy, p.priority, lang),
            at=w.moment(p.started_at),
            paged=Raw(", ".join(mention(u, lang) for u in p.paged) or t(lang, "summary.none")),
            taken=mention(p.taken_by, lang),
        )
        for p in now.pages
    ]
    breach_rows = [
        tr(
            lang,
            "summary.breach_row",
            number=b.number,
            customer=b.customer,
            priority=voc.priority_label(policy, b.priority, lang),
            clock=t(lang, CLOCK_KEYS[b.clock if b.clock in CLOCK_KEYS else RESOLUTION]),
        )
        for b in now.breaches
    ]
    blocks: list[Block] = [fields(counts), *listed(lang, "summary.new_tickets", new_rows)]
    if now.new > len(now.new_tickets):
        # The figures name a dozen at most; the rest is in the CSV.
        blocks.append(context(t(lang, "summary.more")))
    blocks += listed(lang, "summary.pages", page_rows)
    blocks += listed(lang, "summary.breaches", breach_rows)
    if sum(breached.values()) > len(now.breaches):
        blocks.append(context(t(lang, "summary.more")))
    if now.pages_by_engineer:
        blocks += engineers(summary, lang)
    return blocks
