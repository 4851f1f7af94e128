"""The pieces every part of a summary's blocks is made of: sections and fields cut to Slack's
limits, titled lists over as many sections as they need, and the after-hours pages per
engineer (the overview and the morning both show them). Pure functions."""

from __future__ import annotations

from collections.abc import Sequence

from slack_sdk.models.blocks import Block, ContextBlock, MarkdownTextObject, SectionBlock

from bot.blocks.text import CONTEXT_TEXT, FIELD_TEXT, SECTION_TEXT, Raw, fit, mention, tr
from bot.i18n import t
from bot.summaries import wording as w
from bot.summaries.model import Summary


def context(text: str) -> ContextBlock:
    return ContextBlock(elements=[MarkdownTextObject(text=fit(text, CONTEXT_TEXT))])


def section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=fit(text, SECTION_TEXT)))


def fields(texts: Sequence[str]) -> SectionBlock:
    return SectionBlock(fields=[MarkdownTextObject(text=fit(x, FIELD_TEXT)) for x in texts[:10]])


def listed(lang: str, key: str, rows: Sequence[str]) -> list[Block]:
    """A titled list in as many sections as its length needs (3,000 characters each)."""
    if not rows:
        return [section(tr(lang, key, rows=Raw(t(lang, "summary.none"))))]
    sections: list[Block] = []
    chunk: list[str] = []
    for row in rows:
        candidate = "\n".join([*chunk, row])
        first = not sections
        text = tr(lang, key, rows=Raw(candidate)) if first else candidate
        if chunk and len(text) > SECTION_TEXT:
            done = "\n".join(chunk)
            sections.append(section(tr(lang, key, rows=Raw(done)) if first else done))
            chunk = [row]
        else:
            chunk.append(row)
    done = "\n".join(chunk)
    sections.append(section(tr(lang, key, rows=Raw(done)) if not sections else done))
    return sections


def engineers(summary: Summary, lang: str) -> list[Block]:
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
    return listed(lang, "summary.pages_by_engineer", rows)
