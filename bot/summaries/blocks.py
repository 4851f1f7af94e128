"""Block Kit for a summary: every number in the message itself, readable without the chart.

Pure functions. A header, the period, the flows as fields, then one section per kind of
figure, each figure against the period before ("12 (+3)"). Long lists (the month's compliance
per customer, the morning's tickets) are cut to Slack's limits (50 blocks, 3,000 characters a
section) with a line that says so and where the rest is (`/rapport … csv`).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    ImageBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.blocks.text import (
    CONTEXT_TEXT,
    FIELD_TEXT,
    HEADER_TEXT,
    MESSAGE_TEXT,
    SECTION_TEXT,
    Raw,
    esc,
    fit,
    mention,
    tr,
    trn,
)
from bot.directory.words import tier_label
from bot.i18n import t, tn
from bot.i18n.summaries import AGE_KEYS, CLOCK_KEYS
from bot.policy import Policy
from bot.summaries import wording as w
from bot.summaries.model import (
    AGE_BUCKETS,
    CLOCKS,
    RESOLUTION,
    RESPONSE,
    ClockCounts,
    Scope,
    Summary,
    SummaryKind,
)
from bot.tickets.blocks import vocabulary as voc

MAX_BLOCKS = 50
IMAGE_ALT = 2000  # an image block's alt_text
TIERS = ("gold", "silver", "bronze")


def summary_blocks(
    summary: Summary, policy: Policy, lang: str, *, chart_file: str | None = None, alt: str = ""
) -> list[dict[str, Any]]:
    """The summary as blocks, within Slack's limits; `chart_file` is the id of the uploaded
    chart (an image block with slack_file), None for none (an ephemeral /rapport)."""
    head: list[Block] = [
        HeaderBlock(text=PlainTextObject(text=fit(w.title(summary, policy, lang), HEADER_TEXT))),
        _context(_period_line(summary, lang)),
    ]
    if summary.kind is SummaryKind.MORNING:
        body = _morning(summary, policy, lang)
    else:
        body = _overview(summary, policy, lang)
    tail: list[Block] = []
    if chart_file is not None:
        tail.append(
            ImageBlock(
                slack_file={"id": chart_file},
                alt_text=fit(alt or w.title(summary, policy, lang), IMAGE_ALT),
            )
        )
    room = MAX_BLOCKS - len(head) - len(tail)
    if len(body) > room:
        body = [*body[: room - 1], _context(t(lang, "summary.more"))]
    return [b.to_dict() for b in (*head, *body, *tail)]


def summary_text(summary: Summary, policy: Policy, lang: str) -> str:
    """The notification text (and the fallback where blocks are not shown)."""
    now = summary.current
    breached = sum(now.breached.get(c, 0) for c in CLOCKS)
    heading = w.title(summary, policy, lang)
    if summary.kind is SummaryKind.MORNING:
        text = tn(
            lang,
            "summary.text.morning",
            len(now.pages),
            title=heading,
            new=w.number(now.new, lang),
            breached=w.number(breached, lang),
        )
    else:
        text = t(
            lang,
            "summary.text",
            title=heading,
            open=w.number(now.open_total, lang),
            new=w.number(now.new, lang),
            resolved=w.number(now.resolved, lang),
            breached=w.number(breached, lang),
        )
    return fit(esc(text), MESSAGE_TEXT)


# --------------------------------------------------------------------------- the parts


def _context(text: str) -> ContextBlock:
    return ContextBlock(elements=[MarkdownTextObject(text=fit(text, CONTEXT_TEXT))])


def _section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=fit(text, SECTION_TEXT)))


def _fields(texts: Sequence[str]) -> SectionBlock:
    return SectionBlock(fields=[MarkdownTextObject(text=fit(x, FIELD_TEXT)) for x in texts[:10]])


def _period_line(summary: Summary, lang: str) -> str:
    start, end = w.moment(summary.period.start), w.moment(summary.period.end)
    if summary.kind is SummaryKind.MORNING:
        return tr(lang, "summary.morning_period", start=start, end=end)
    return tr(lang, "summary.period", start=start, end=end)


def _listed(lang: str, key: str, rows: Sequence[str]) -> list[Block]:
    """A titled list in as many sections as its length needs (3,000 characters each)."""
    if not rows:
        return [_section(tr(lang, key, rows=Raw(t(lang, "summary.none"))))]
    sections: list[Block] = []
    chunk: list[str] = []
    for row in rows:
        candidate = "\n".join([*chunk, row])
        first = not sections
        text = tr(lang, key, rows=Raw(candidate)) if first else candidate
        if chunk and len(text) > SECTION_TEXT:
            done = "\n".join(chunk)
            sections.append(_section(tr(lang, key, rows=Raw(done)) if first else done))
            chunk = [row]
        else:
            chunk.append(row)
    done = "\n".join(chunk)
    sections.append(_section(tr(lang, key, rows=Raw(done)) if not sections else done))
    return sections


def _flows(summary: Summary, lang: str) -> list[str]:
    now, before = summary.current, summary.previous

    def per_clock(figure: dict[str, int], previous: dict[str, int]) -> dict[str, str]:
        return {c: w.count(figure.get(c, 0), previous.get(c, 0), lang) for c in CLOCKS}

    return [
        tr(lang, "summary.field.open", value=w.count(now.open_total, before.open_total, lang)),
        tr(lang, "summary.field.new", value=w.count(now.new, before.new, lang)),
        tr(lang, "summary.field.resolved", value=w.count(now.resolved, before.resolved, lang)),
        tr(lang, "summary.field.reopened", value=w.count(now.reopened, before.reopened, lang)),
        tr(lang, "summary.field.at_risk", **per_clock(now.at_risk, before.at_risk)),
        tr(lang, "summary.field.breached", **per_clock(now.breached, before.breached)),
    ]


def _open_by(summary: Summary, policy: Policy, lang: str) -> list[str]:
    now, before = summary.current, summary.previous
    priorities = [p for p in policy.priority_order if p in policy.priorities]
    priorities += sorted(set(now.open_by_priority) - set(priorities))
    by_priority = [
        tr(
            lang,
            "summary.count_row",
            label=voc.priority_label(policy, p, lang),
            value=w.count(now.open_by_priority.get(p, 0), before.open_by_priority.get(p, 0), lang),
        )
        for p in priorities
    ]
    out = [tr(lang, "summary.by_priority", rows=Raw("\n".join(by_priority)))]
    if summary.scope.line is None:
        lines = sorted(set(policy.routing.lines) | set(now.open_by_line))
        by_line = [
            tr(
                lang,
                "summary.count_row",
                label=w.scope_label(Scope(line=n), policy, lang),
                value=w.count(now.open_by_line.get(n, 0), before.open_by_line.get(n, 0), lang),
            )
            for n in lines
        ]
        out.append(tr(lang, "summary.by_line", rows=Raw("\n".join(by_line))))
    return out


def _clock_parts(
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


def _compliance(summary: Summary, lang: str) -> list[Block]:
    now, before = summary.current, summary.previous
    tiers = [x for x in TIERS if x in now.compliance] + sorted(set(now.compliance) - set(TIERS))
    rows = [
        tr(
            lang,
            "summary.compliance_row",
            who=tier_label(tier, lang),
            clocks=Raw(_clock_parts(now.compliance[tier], before.compliance.get(tier, {}), lang)),
        )
        for tier in tiers
    ]
    return _listed(lang, "summary.compliance", rows)


def _worst_first(item: tuple[str, dict[str, ClockCounts]]) -> tuple[Fraction, str]:
    """The customers whose clocks broke most come first: the ones a lead must look at."""
    code, counts = item
    rates = [r for c in CLOCKS if (r := counts.get(c, ClockCounts()).rate) is not None]
    return (min(rates) if rates else Fraction(2), code)


def _compliance_by_customer(summary: Summary, lang: str) -> list[Block]:
    rows = [
        tr(
            lang,
            "summary.compliance_row",
            who=code,
            clocks=Raw(_clock_parts(counts, None, lang)),
        )
        for code, counts in sorted(summary.current.compliance_by_customer.items(), key=_worst_first)
    ]
    return _listed(lang, "summary.compliance_by_customer", rows)


def _times(summary: Summary, lang: str) -> str:
    now, before = summary.current, summary.previous
    rows = [
        trn(
            lang,
            "summary.times.response",
            now.response_time.count,
            median=w.duration_change(now.response_time.median, before.response_time.median, lang),
            p90=w.duration_change(now.response_time.p90, before.response_time.p90, lang),
        ),
        trn(
            lang,
            "summary.times.resolution",
            now.resolution_time.count,
            median=w.duration_change(
                now.resolution_time.median, before.resolution_time.median, lang
            ),
            p90=w.duration_change(now.resolution_time.p90, before.resolution_time.p90, lang),
        ),
    ]
    return tr(lang, "summary.times", rows=Raw("\n".join(rows)))


def _age(summary: Summary, lang: str) -> str:
    now, before = summary.current, summary.previous
    rows = [
        tr(
            lang,
            "summary.count_row",
            label=t(lang, AGE_KEYS[bucket]),
            value=w.count(now.backlog_age.get(bucket, 0), before.backlog_age.get(bucket, 0), lang),
        )
        for bucket in AGE_BUCKETS
    ]
    return tr(lang, "summary.age", rows=Raw("\n".join(rows)))


def _top(summary: Summary, lang: str) -> list[Block]:
    before = {c.code: c.tickets for c in summary.previous.top_customers}
    rows = [
        tr(
            lang,
            "summary.top_row",
            rank=rank,
            name=c.name,
            code=c.code,
            tickets=(
                w.count(c.tickets, before[c.code], lang)
                if c.code in before
                else w.number(c.tickets, lang)
            ),
        )
        for rank, c in enumerate(summary.current.top_customers[:5], start=1)
    ]
    return _listed(lang, "summary.top", rows)


def _engineers(summary: Summary, lang: str) -> list[Block]:
    now, before = summary.current.pages_by_engineer, summary.previous.pages_by_engineer
    # Most pages first; then by id, so the same figures always read the same.
    order = sorted(now, key=lambda user: (-now[user][0], user))
    rows = []
    for user in order:
        received, taken = now[user]
        was = before.get(user, (0, 0))
        rows.append(
            tr(
                lang,
                "summary.engineer_row",
                who=mention(user, lang),
                received=w.count(received, was[0], lang),
                taken=w.count(taken, was[1], lang),
            )
        )
    return _listed(lang, "summary.pages_by_engineer", rows)


def _overview(summary: Summary, policy: Policy, lang: str) -> list[Block]:
    blocks: list[Block] = [
        _fields(_flows(summary, lang)),
        _fields(_open_by(summary, policy, lang)),
        *_compliance(summary, lang),
        _fields([_times(summary, lang), _age(summary, lang)]),
        *_top(summary, lang),
        *_engineers(summary, lang),
    ]
    if summary.kind is SummaryKind.MONTH:
        blocks += [DividerBlock(), *_compliance_by_customer(summary, lang)]
    return blocks


# --------------------------------------------------------------------------- the morning


def _morning(summary: Summary, policy: Policy, lang: str) -> list[Block]:
    now, before = summary.current, summary.previous
    breached = {c: now.breached.get(c, 0) for c in CLOCKS}
    was = {c: before.breached.get(c, 0) for c in CLOCKS}
    fields = [
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
    blocks: list[Block] = [_fields(fields), *_listed(lang, "summary.new_tickets", new_rows)]
    if now.new > len(now.new_tickets):
        # The figures name a dozen at most; the rest is in the CSV.
        blocks.append(_context(t(lang, "summary.more")))
    blocks += _listed(lang, "summary.pages", page_rows)
    blocks += _listed(lang, "summary.breaches", breach_rows)
    if sum(breached.values()) > len(now.breaches):
        blocks.append(_context(t(lang, "summary.more")))
    if now.pages_by_engineer:
        blocks += _engineers(summary, lang)
    return blocks
