"""The scheduled summaries reach Slack as Slack sees them: claimed, then posted once, each with
its chart uploaded through files_upload_v2's three calls and shown as an image block."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from slack_sdk import WebClient

from bot.wiring import build_services
from tests.conftest import BOT_TOKEN, Balie, amsterdam, make_settings, test_policy
from tests.fakes import slack_files
from tests.summaries.posting_helpers import (
    LEADS,
    LINES,
    chart_of,
    claims,
    images,
    png_size,
    posted_to,
    summaries,
    sweep,
)

INCIDENT = 'klant=ACME contact="Jan Jansen" via=telefoon type=incident impact=hoog urgentie=hoog'


def test_the_end_of_the_day_posts_each_line_and_the_team_leads_once(balie: Balie) -> None:
    balie.register(f"{INCIDENT} Storing <!channel>")
    # Tuesday 10:00, the first start: no catch-up of this morning's, Monday's day, the week.
    assert sweep(balie) == []
    balie.fake.clear()
    balie.clock.set(amsterdam(2026, 11, 24, 17, 29))
    assert sweep(balie) == []  # a minute early
    balie.clock.set(amsterdam(2026, 11, 24, 17, 30))
    claimed = sweep(balie)
    assert sorted((p.channel, p.line or 0) for p in claimed) == [
        (LINES[0], 1),
        (LINES[1], 2),
        (LINES[2], 3),
        (LEADS, 0),
    ]
    assert sorted(posted_to(balie)) == sorted([(c, "day") for c in (*LINES, LEADS)])
    # Each channel's claim: its scope, and the day since yesterday's closing.
    assert {(c.channel, c.scope) for c in claims(balie, "day")} == {
        (LINES[0], "line:1"),
        (LINES[1], "line:2"),
        (LINES[2], "line:3"),
        (LEADS, "desk"),
    }
    for claim in claims(balie, "day"):
        assert claim.period_start == amsterdam(2026, 11, 23, 17, 30)
        assert claim.period_end == amsterdam(2026, 11, 24, 17, 30)
    # Later sweeps, by this process or after a restart, post nothing more.
    balie.clock.set(amsterdam(2026, 11, 24, 17, 45))
    assert sweep(balie) == [] and len(summaries(balie)) == 4


def test_the_chart_is_uploaded_privately_and_shown_in_the_message(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 24, 17, 30))
    balie.fake.clear()
    sweep(balie)
    methods = [
        m
        for m in balie.fake.methods()
        if m.startswith("files.") or m in ("upload_url", "chat.postMessage")
    ]
    # files_upload_v2's three steps for each chart, before the message that shows it.
    assert (
        methods
        == [
            "files.getUploadURLExternal",
            "upload_url",
            "files.completeUploadExternal",
            "chat.postMessage",
        ]
        * 4
    )
    for done in balie.fake.calls_to("files.completeUploadExternal"):
        assert "channel_id" not in done.args  # private: shown only through the image block
    (leads,) = [p for p in summaries(balie) if p["channel"] == LEADS]
    (image,) = images(leads)
    chart = chart_of(balie, leads)
    assert chart["name"] == "balie-dag-2026-11-24-1730-desk-balie-teamleads.png"
    assert chart["channels"] == []
    width, height = png_size(chart["content"])
    assert (width, height) == (1000, 500)
    assert image["alt_text"] and image["alt_text"] == chart["alt_txt"]
    # Every post's chart is a file of its own, named for its channel and scope.
    names = {chart_of(balie, p)["name"] for p in summaries(balie)}
    assert "balie-dag-2026-11-24-1730-lijn-2-balie-2e-lijn.png" in names and len(names) == 4


def test_the_morning_tells_the_team_leads_what_happened_while_closed(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 24, 17, 30))
    sweep(balie)  # the day
    balie.fake.clear()
    balie.clock.set(amsterdam(2026, 11, 25, 8, 30))
    (claimed,) = sweep(balie)
    assert (claimed.summary, claimed.channel, claimed.line) == ("morning", LEADS, None)
    assert (claimed.start, claimed.end) == (
        amsterdam(2026, 11, 24, 17, 30),
        amsterdam(2026, 11, 25, 8, 30),
    )
    (morning,) = summaries(balie)
    # No chart in the morning: it lists the tickets and pages.
    assert images(morning) == [] and not balie.fake.calls_to("files.getUploadURLExternal")
    assert morning["text"] and morning["blocks"]


def test_monday_brings_the_week_and_the_first_business_day_the_month(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 30, 8, 30))
    claimed = sweep(balie)
    assert sorted((p.channel, p.summary.value) for p in claimed) == [
        (LEADS, "morning"),
        (LEADS, "week"),
    ]
    assert sorted(posted_to(balie)) == [(LEADS, "morning"), (LEADS, "week")]
    (week,) = [p for p in summaries(balie) if p["metadata"]["event_payload"]["summary"] == "week"]
    assert chart_of(balie, week)["name"] == "balie-week-2026-w48-desk-balie-teamleads.png"
    balie.fake.clear()
    balie.clock.set(amsterdam(2026, 12, 1, 8, 30))  # a Tuesday: the month's first business day
    sweep(balie)
    assert sorted(posted_to(balie)) == [(LEADS, "month"), (LEADS, "morning")]
    (month,) = [p for p in summaries(balie) if p["metadata"]["event_payload"]["summary"] == "month"]
    assert chart_of(balie, month)["name"] == "balie-maand-2026-11-desk-balie-teamleads.png"
    (claim,) = claims(balie, "month")
    assert (claim.period_start, claim.period_end) == (
        amsterdam(2026, 11, 1),
        amsterdam(2026, 12, 1),
    )


def test_nothing_on_a_closed_day(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 27, 17, 30))  # Friday's day
    sweep(balie)
    balie.fake.clear()
    for hour in (8, 12, 17, 20):
        for day in (28, 29):  # the weekend
            balie.clock.set(amsterdam(2026, 11, day, hour, 30))
            assert sweep(balie) == []
    assert summaries(balie) == []


def test_a_restarted_process_posts_nothing_again(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 24, 17, 30))
    assert len(sweep(balie)) == 4
    settings = make_settings(
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret="s",
        slack_api_url=balie.fake.api_url,
        database_url=balie.database.url,
        smtp_url=balie.smtp.url,
    )
    again = build_services(
        settings,
        policy=test_policy(),
        clock=balie.clock,
        engine=balie.database.engine,
        run_migrations=False,
    )
    try:
        assert again.summaries.poster.sweep() == []
        again.dispatcher.drain()
    finally:
        again.background.shutdown()
    assert len(summaries(balie)) == 4


def test_an_uncertain_post_is_adopted_not_posted_twice(balie: Balie) -> None:
    balie.fake.set_clock(lambda: balie.clock.now().timestamp())
    settings = make_settings(
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret="s",
        slack_api_url=balie.fake.api_url,
        database_url=balie.database.url,
        smtp_url=balie.smtp.url,
    )
    # A worker that gives up on Slack after 0.3 s: its post reaches Slack, the answer not.
    client = WebClient(token=BOT_TOKEN, base_url=balie.fake.api_url, timeout=0.3, retry_handlers=[])
    impatient = build_services(
        settings,
        policy=test_policy(),
        clock=balie.clock,
        client=client,
        engine=balie.database.engine,
        run_migrations=False,
    )
    try:
        balie.clock.set(amsterdam(2026, 11, 25, 8, 30))
        (claimed,) = impatient.summaries.poster.sweep()  # the morning: one post, no chart
        assert claimed.summary == "morning"
        balie.fake.slow("chat.postMessage", 1.0)
        impatient.dispatcher.drain()
        balie.fake.slow("chat.postMessage", 0)
    finally:
        impatient.background.shutdown()
    assert len(balie.fake.messages_in(LEADS)) == 1
    balie.clock.advance(timedelta(minutes=1))
    assert balie.drain() == 1  # delivered: adopted
    assert len(balie.fake.messages_in(LEADS)) == 1
    (history,) = balie.fake.calls_to("conversations.history")
    assert history.args["include_all_metadata"] == "1"


def test_a_refused_chart_still_gets_the_numbers_out(balie: Balie) -> None:
    balie.clock.set(amsterdam(2026, 11, 24, 17, 30))
    # Slack had not finished the image yet: the first post is refused.
    balie.fake.error("chat.postMessage", "invalid_blocks")
    sweep(balie)
    posts = summaries(balie)
    assert len(posts) == 4
    without: list[dict[str, Any]] = [p for p in posts if not images(p)]
    assert len(without) == 1 and without[0]["blocks"]


@pytest.mark.parametrize("enabled", ["day", "morning"])
def test_a_summary_the_policy_switches_off_is_not_posted(balie: Balie, enabled: str) -> None:
    policy = test_policy()
    off = {"day": "morning", "morning": "day"}[enabled]
    config = policy.summaries.model_copy(
        update={off: getattr(policy.summaries, off).model_copy(update={"enabled": False})}
    )
    settings = make_settings(
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret="s",
        slack_api_url=balie.fake.api_url,
        database_url=balie.database.url,
        smtp_url=balie.smtp.url,
    )
    services = build_services(
        settings,
        policy=policy.model_copy(update={"summaries": config}),
        clock=balie.clock,
        engine=balie.database.engine,
        run_migrations=False,
    )
    try:
        balie.clock.set(amsterdam(2026, 11, 24, 17, 30))
        day = services.summaries.poster.sweep()
        balie.clock.set(amsterdam(2026, 11, 25, 8, 30))
        morning = services.summaries.poster.sweep()
    finally:
        services.background.shutdown()
    assert bool(day) == (enabled == "day") and bool(morning) == (enabled == "morning")
    assert {c.kind for c in claims(balie)} == {enabled}


def test_a_chart_uploaded_before_a_failed_post_is_used_not_uploaded_again(balie: Balie) -> None:
    balie.fake.set_clock(lambda: balie.clock.now().timestamp())
    balie.clock.set(amsterdam(2026, 11, 24, 17, 30))
    # Slack answers 503 to the posts: each chart is up, its message may or may not be.
    balie.fake.fail("chat.postMessage", status=503, times=4)
    sweep(balie)
    assert summaries(balie) == []
    assert len(balie.fake.calls_to("files.completeUploadExternal")) == 4
    balie.clock.advance(timedelta(minutes=5))
    balie.drain()
    posts = summaries(balie)
    assert len(posts) == 4
    # No second upload: each retry found its chart by name and showed that one.
    assert len(balie.fake.calls_to("files.completeUploadExternal")) == 4
    shown = {images(p)[0]["slack_file"]["id"] for p in posts}
    assert shown == {f["id"] for f in slack_files.shared_files(balie.fake)}


def test_a_post_refused_with_429_is_retried_with_the_chart_already_uploaded(balie: Balie) -> None:
    balie.fake.set_clock(lambda: balie.clock.now().timestamp())
    policy = test_policy()
    # Only the team leads' day summary: one chart, one post.
    day = policy.summaries.day.model_copy(update={"to": ["team_leads"]})
    config = policy.summaries.model_copy(update={"day": day})
    settings = make_settings(
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret="s",
        slack_api_url=balie.fake.api_url,
        database_url=balie.database.url,
        smtp_url=balie.smtp.url,
    )
    services = build_services(
        settings,
        policy=policy.model_copy(update={"summaries": config}),
        clock=balie.clock,
        engine=balie.database.engine,
        run_migrations=False,
    )
    try:
        balie.clock.set(amsterdam(2026, 11, 24, 17, 30))
        # Rate limited: the chart is up, the message certainly not (not an uncertain retry).
        balie.fake.fail("chat.postMessage", status=429, retry_after=1)
        assert len(services.summaries.poster.sweep()) == 1
        services.dispatcher.drain()
        assert summaries(balie) == []
        balie.clock.advance(timedelta(minutes=1))
        services.dispatcher.drain()
    finally:
        services.background.shutdown()
    (post,) = summaries(balie)
    # One upload: the retry found the chart by its name and showed it.
    assert len(balie.fake.calls_to("files.getUploadURLExternal")) == 1
    (shared,) = slack_files.shared_files(balie.fake)
    assert images(post)[0]["slack_file"]["id"] == shared["id"]
    assert [c.failed for c in balie.fake.calls_to("chat.postMessage")] == [True, False]
