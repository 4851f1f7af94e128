"""Ephemeral replies to the agent, within Slack's limits: the shape every surface answers in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import MarkdownTextObject, SectionBlock

from bot.blocks.text import (
    MESSAGE_TEXT,
    SECTION_TEXT,
    fit,
)

# Slack refuses a message with more blocks than this.
MAX_BLOCKS = 50


def reply(text: str, blocks: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The body of an ack or response_url post; ephemeral, so only the agent sees it."""
    body: dict[str, Any] = {"response_type": "ephemeral", "text": fit(text, MESSAGE_TEXT)}
    if blocks:
        body["blocks"] = blocks[:MAX_BLOCKS]
    return body


def md(text: str) -> dict[str, Any]:
    return SectionBlock(text=MarkdownTextObject(text=fit(text, SECTION_TEXT))).to_dict()


def sections(lines: Sequence[str]) -> list[dict[str, Any]]:
    """Lines of mrkdwn packed into as few sections as Slack's section limit allows."""
    chunks: list[list[str]] = []
    size = 0
    for line in (fit(line, SECTION_TEXT) for line in lines):
        if chunks and size + 1 + len(line) <= SECTION_TEXT:
            chunks[-1].append(line)
            size += 1 + len(line)
        else:
            chunks.append([line])
            size = len(line)
    return [md("\n".join(chunk)) for chunk in chunks]
