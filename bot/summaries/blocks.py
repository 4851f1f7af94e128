"""Block Kit for a summary (stub: the rendering helper fills it). Pure functions."""

from __future__ import annotations

from typing import Any

from bot.policy import Policy
from bot.summaries.model import Summary


def summary_blocks(
    summary: Summary, policy: Policy, lang: str, *, chart_file: str | None = None, alt: str = ""
) -> list[dict[str, Any]]:
    """The summary as blocks, within Slack's limits; `chart_file` is the id of the uploaded
    chart (an image block with slack_file), None for none (an ephemeral /rapport)."""
    return [
        {"type": "section", "text": {"type": "mrkdwn", "text": summary_text(summary, policy, lang)}}
    ]


def summary_text(summary: Summary, policy: Policy, lang: str) -> str:
    """The notification text (and the fallback where blocks are not shown)."""
    return f"{summary.kind.value} {summary.period.start:%Y-%m-%d}"
