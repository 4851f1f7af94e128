"""The policy's summaries section: its defaults follow issue 10, and a broken edit names every
mistake with its key."""

from __future__ import annotations

from datetime import time

import pytest

from bot.policy import PolicyError, default_policy_text, load_policy, parse_policy


def test_the_defaults_follow_the_issue() -> None:
    s = load_policy().summaries
    # The end of the office day: each line's channel and the team leads.
    assert (s.day.enabled, s.day.at, s.day.to) == (True, "office_end", ["lines", "team_leads"])
    # The morning, the week (Monday) and the month, at the start of the day, for the team leads.
    assert (s.morning.at, s.morning.to) == ("office_start", ["team_leads"])
    assert (s.week.at, s.week.weekday, s.week.to) == ("office_start", "mon", ["team_leads"])
    assert (s.month.at, s.month.to) == ("office_start", ["team_leads"])
    assert s.day.clock_time() is None


def test_a_policy_without_the_section_gets_the_defaults() -> None:
    text = default_policy_text()
    cut = text[: text.index("\n# Summaries for the team leads")]
    assert parse_policy(cut).summaries == load_policy().summaries


def test_times_channels_and_which_run_come_from_the_policy() -> None:
    text = default_policy_text().replace(
        "day: {enabled: true, at: office_end, to: [lines, team_leads]}",
        'day: {enabled: true, at: "17:00", to: [lines, "#directie", C0MANAGEMENT1]}',
    )
    text = text.replace("week: {enabled: true,", "week: {enabled: false,")
    s = parse_policy(text).summaries
    assert s.day.clock_time() == time(17, 0)
    assert s.day.to == ["lines", "#directie", "C0MANAGEMENT1"]
    assert s.week.enabled is False


def test_every_mistake_is_named_at_once() -> None:
    text = default_policy_text().replace(
        "day: {enabled: true, at: office_end, to: [lines, team_leads]}",
        "day: {enabled: true, at: kwart over vijf, to: [lijnen, team_leads]}",
    )
    text = text.replace("weekday: mon,", "weekday: maandag,")
    with pytest.raises(PolicyError) as raised:
        parse_policy(text, "policy.yml")
    en, nl = raised.value.text("en"), raised.value.text("nl")
    assert "summaries.day.at: 'kwart over vijf' is not a moment" in en
    assert "summaries.day.to.0: 'lijnen' is not a destination" in en
    assert "summaries.week.weekday: choose one of: mon, tue" in en
    assert "summaries.day.at: 'kwart over vijf' is geen moment" in nl
    assert "summaries.day.to.0: 'lijnen' is geen bestemming" in nl


def test_an_unknown_key_is_refused() -> None:
    text = default_policy_text().replace("month: {enabled: true,", "month: {enabeld: true,")
    with pytest.raises(PolicyError) as raised:
        parse_policy(text, "policy.yml")
    assert "summaries.month.enabeld: unknown key" in raised.value.text("en")
