"""Helpers for the scheduled summaries' tests: what reached the fake Slack."""

from __future__ import annotations

import struct
from typing import Any

from bot.summaries.payloads import SummaryPost
from storage import summary_claims
from storage.models import SummaryClaim
from tests.conftest import Balie
from tests.fakes import slack_files

LINES = ("#balie-1e-lijn", "#balie-2e-lijn", "#balie-3e-lijn")
LEADS = "#balie-teamleads"


def sweep(balie: Balie) -> list[SummaryPost]:
    """One sweep of the summaries, then the outbox delivers what it claimed."""
    claimed = balie.services.summaries.poster.sweep()
    balie.drain()
    return claimed


def summaries(balie: Balie) -> list[dict[str, Any]]:
    """The summaries posted (the messages with Balie's summary metadata), oldest first."""
    return [
        c.args
        for c in balie.fake.calls_to("chat.postMessage")
        if not c.failed and (c.args.get("metadata") or {}).get("event_type") == "balie_summary"
    ]


def posted_to(balie: Balie) -> list[tuple[str, str]]:
    """(channel, kind) of every summary posted."""
    return [(a["channel"], a["metadata"]["event_payload"]["summary"]) for a in summaries(balie)]


def images(post: dict[str, Any]) -> list[dict[str, Any]]:
    return [b for b in post["blocks"] if b["type"] == "image"]


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG's header (the IHDR chunk follows the signature)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", data[:8]
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def chart_of(balie: Balie, post: dict[str, Any]) -> dict[str, Any]:
    """The uploaded file an image block shows, with its bytes."""
    (image,) = images(post)
    file_id = image["slack_file"]["id"]
    (found,) = [f for f in slack_files.shared_files(balie.fake) if f["id"] == file_id]
    return found


def claims(balie: Balie, kind: str | None = None) -> list[SummaryClaim]:
    with balie.services.readers() as session:
        found = summary_claims.claims(session=session, kind=kind)
        session.expunge_all()
        return found
