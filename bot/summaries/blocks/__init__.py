"""Block Kit for a summary: every number in the message itself, readable without the chart.

Pure functions. A header, the period and the one it is compared with, the flows as fields,
then one section per kind of figure, each figure against the period before ("12 (+3)"). Long
lists (the month's compliance per customer, the morning's tickets) are cut to Slack's limits
(50 blocks, 3,000 characters a section) with a line that says so and where the rest is
(`/rapport … csv`). The morning's lists are in .morning, the compliance in .compliance.
"""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import Block, DividerBlock, HeaderBlock, ImageBlock, PlainTextObject

from bot.blocks.text import HEADER_TEXT, MESSAGE_TEXT, Raw, esc, fit, tr, trn
from bot.i18n import t, tn
from bot.i18n.summaries import AGE_KEYS
from bot.policy import Policy
from bot.summaries import wording as w
from bot.summaries.blocks.compliance import compliance, compliance_by_customer
from bot.summaries.blocks.morning import morning
from bot.summaries.blocks.parts import context, engineers, fields, listed
from bot.summaries.model import AGE_BUCKETS, CLOCKS, Scope, Summary, SummaryKind
from bot.tickets.blocks import vocabulary as voc

MAX_BLOCKS = 50
IMAGE_ALT = 2000  # an image block's alt_text


def summary_blocks(
    summary: Summary, policy: Policy, lang: str, *, chart_file: str | None = None, alt: str = ""
) -> list[dict[str, Any]]:
    """The summary as blocks, within Slack's limits; `chart_file` is the id of the uploaded
    chart (an image block with slack_file), None for none (an ephemeral /rapport)."""
    head: list[Block] = [
        HeaderBlock(text=PlainTextObject(text=fit(w.title(summary, policy, lang), HEADER_TEXT))),
        context(_period_line(summary, lang)),
    ]
    if summary.kind is SummaryKind.MORNING:
        body = morning(summary, policy, lang)
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
        body = [*body[: room - 1], context(t(lang, "summary.more"))]
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


# --------------------------------------------------------------------------- the overview


def _period_line(summary: Summary, lang: str) -> str:
    """The period, and the one its figures are compared with (they differ per kind)."""
    moments = {
        "start": w.moment(summary.period.start),
        "end": w.moment(summary.period.end),
        "before_start": w.moment(summary.compared_with.start),
        "before_end": w.moment(summary.compared_with.end),
    }
    if summary.kind is SummaryKind.MORNING:
        return tr(lang, "summary.morning_period", **moments)
    return tr(lang, "summary.period", **moments)


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
    return listed(lang, "summary.top", rows)


def _overview(summary: Summary, policy: Policy, lang: str) -> list[Block]:
    blocks: list[Block] = [
        fields(_flows(summary, lang)),
        fields(_open_by(summary, policy, lang)),
        *compliance(summary, lang),
        fields([_times(summary, lang), _age(summary, lang)]),
        *_top(summary, lang),
        *engineers(summary, lang),
    ]
    if summary.kind is SummaryKind.MONTH:
        blocks += [DividerBlock(), *compliance_by_customer(summary, lang)]
    return blocks
