"""The policy's `summaries` section: when each scheduled summary goes out, and where
(bot.summaries.schedule reads it)."""

from __future__ import annotations

import re
from datetime import time
from typing import Annotated

from pydantic import BeforeValidator, Field

from bot.policy.base import Weekday, _bad, _Strict

# --- summaries (bot.summaries.schedule) -------------------------------------------------------

# When a summary goes out: when the desk opens or closes that business day (by the one
# calendar, so a shorter day closes earlier), or a wall-clock time on business days.
SUMMARY_MOMENTS = ("office_start", "office_end")
SUMMARY_TARGETS = ("lines", "team_leads")
_CHANNEL = re.compile(r"^(#[a-z0-9][a-z0-9._-]{0,79}|[CG][A-Z0-9]{8,})$")


def _summary_at(value: object) -> str:
    """'office_start', 'office_end' or a time of day ('17:30', kept as written: HH:MM)."""
    text = str(value).strip()
    if text in SUMMARY_MOMENTS:
        return text
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", text)
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        raise _bad("policy.summary_at", value=text)
    return f"{int(m[1]):02d}:{m[2]}"


def _summary_to(value: object) -> str:
    text = str(value).strip()
    if text not in SUMMARY_TARGETS and not _CHANNEL.match(text):
        raise _bad("policy.summary_to", value=text)
    return text


SummaryAt = Annotated[str, BeforeValidator(_summary_at)]
SummaryTo = Annotated[str, BeforeValidator(_summary_to)]


class SummaryPosts(_Strict):
    """One kind of summary: whether it runs, when, and where. `to` holds "lines" (each line's
    channel gets its own line's figures), "team_leads" (the team leads' channel gets the whole
    desk's) or a channel of its own (#name or id: the whole desk's)."""

    enabled: bool = True
    at: SummaryAt = "office_start"
    to: list[SummaryTo] = Field(default_factory=lambda: ["team_leads"])

    def clock_time(self) -> time | None:
        """The wall-clock time, or None for the desk's opening or closing."""
        if self.at in SUMMARY_MOMENTS:
            return None
        hours, minutes = self.at.split(":")
        return time(int(hours), int(minutes))


class WeekPosts(SummaryPosts):
    # The week's summary goes out on the first business day from this weekday on (a closed
    # Monday, Easter or Whit Monday, moves it to Tuesday), and covers the ISO week before.
    weekday: Weekday = "mon"


def _day_posts() -> SummaryPosts:
    return SummaryPosts(at="office_end", to=["lines", "team_leads"])


class Summaries(_Strict):
    """The scheduled summaries. A closed day has none; each covers the time since the last."""

    day: SummaryPosts = Field(default_factory=_day_posts)
    morning: SummaryPosts = SummaryPosts()
    week: WeekPosts = WeekPosts()
    month: SummaryPosts = SummaryPosts()
