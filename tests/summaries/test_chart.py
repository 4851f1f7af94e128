"""The chart as a file: a PNG of 1000x500 px, drawn without a display (Agg, no pyplot state,
so threads can draw at once), with labels and alt text in the reader's language that say
what it shows with the numbers; uploaded through files_upload_v2's calls."""

from __future__ import annotations

import struct
from concurrent.futures import ThreadPoolExecutor

from slack_sdk import WebClient

from bot.outbox.files import Upload, upload_once
from bot.summaries.chart import draw
from bot.summaries.model import Scope, SummaryKind
from tests.fakes import slack_files
from tests.fakes.slack_api import FakeSlack
from tests.summaries.sample import summary

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == PNG_MAGIC
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_the_week_is_a_1000_by_500_png_of_backlog_and_breaches_per_day() -> None:
    chart = draw(summary(SummaryKind.WEEK), "nl")
    assert png_size(chart.png) == (1000, 500)
    assert 5_000 < len(chart.png) < 500_000
    assert chart.title == "Open tickets en overschrijdingen per dag"
    # The sample's days: backlog 10..16, breaches alternating 0 and 1.
    assert chart.alt == (
        "Grafiek van 30-11-2026 t/m 06-12-2026. Open aan het eind van elke dag: "
        "10, 11, 12, 13, 14, 15, 16. Overschrijdingen per dag: 0, 1, 0, 1, 0, 1, 0."
    )
    assert chart.filename == "balie-week-2026-w49-desk.png"


def test_in_english_for_an_english_reader() -> None:
    chart = draw(summary(SummaryKind.WEEK), "en")
    assert chart.title == "Open tickets and breaches per day"
    assert chart.alt.startswith(
        "Chart from 30-11-2026 to 06-12-2026. Open at the end of each day: 10,"
    )
    assert chart.filename == "balie-week-2026-w49-desk.png"


def test_a_single_day_shows_the_open_tickets_per_priority_against_the_day_before() -> None:
    one_day = summary(SummaryKind.DAY, days=summary().current.days[:1])
    chart = draw(one_day, "nl")
    assert png_size(chart.png) == (1000, 500)
    assert chart.title == "Open tickets per prioriteit"
    assert chart.alt == (
        "Staafdiagram: open tickets per prioriteit, aan het eind van deze periode en van de "
        "vorige: P1 1 (was 0), P2 4 (was 2), P3 7 (was 0)."
    )


def test_the_month_adds_compliance_per_tier() -> None:
    chart = draw(summary(SummaryKind.MONTH), "nl")
    assert png_size(chart.png) == (1000, 500)
    assert chart.title == "Open tickets en overschrijdingen per dag · SLA gehaald per tier"
    # gold 37/40 and 20/22; bronze 5/5 and no resolution clock decided.
    assert chart.alt.endswith(
        "Staafdiagram: percentage gehaalde SLA-termijnen per tier: "
        "Goud reactie 92,5%, oplossing 90,9%; Brons reactie 100%, oplossing n.v.t."
    )


def test_file_names_differ_per_kind_scope_and_period_end() -> None:
    names = {
        draw(summary(kind, scope), "nl").filename
        for kind in (SummaryKind.DAY, SummaryKind.WEEK, SummaryKind.MONTH)
        for scope in (Scope(), Scope(line=2), Scope(customer="ACME"))
    }
    assert len(names) == 9
    assert "balie-dag-2026-12-01-1730-lijn-2.png" in names


def test_threads_draw_at_once_and_the_same_figures_give_the_same_bytes() -> None:
    s = summary(SummaryKind.MONTH)
    with ThreadPoolExecutor(4) as pool:
        charts = list(pool.map(lambda _: draw(s, "nl"), range(8)))
    assert len({c.png for c in charts}) == 1
    assert png_size(charts[0].png) == (1000, 500)


def test_the_chart_reaches_slack_through_the_three_calls_of_files_upload_v2(
    fake_slack: FakeSlack,
) -> None:
    chart = draw(summary(SummaryKind.WEEK), "nl")
    client = WebClient(token="xoxb-test", base_url=fake_slack.api_url)
    file_id = upload_once(
        client,
        Upload(filename=chart.filename, content=chart.png, title=chart.title, alt_txt=chart.alt),
    )
    assert fake_slack.methods() == [
        "files.getUploadURLExternal",
        "upload_url",
        "files.completeUploadExternal",
    ]
    (ask,) = fake_slack.calls_to("files.getUploadURLExternal")
    assert ask.args["filename"] == chart.filename
    assert int(ask.args["length"]) == len(chart.png)
    assert slack_files.content(fake_slack, file_id) == chart.png
