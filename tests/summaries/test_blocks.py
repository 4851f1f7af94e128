"""A summary as Block Kit: every number in the message, against the period before, in the
reader's language, escaped, and within Slack's limits (the fake Slack refuses what Slack
refuses)."""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction
from typing import Any

from slack_sdk import WebClient

from bot.summaries import wording
from bot.summaries.blocks import summary_blocks, summary_text
from bot.summaries.model import ClockCounts, Scope, SummaryKind
from tests.conftest import test_policy
from tests.fakes.slack_api import FakeSlack, iter_blocks_text
from tests.summaries.sample import summary

POLICY = test_policy()


def texts(blocks: list[dict[str, Any]]) -> list[str]:
    return list(iter_blocks_text(blocks))


def field_texts(blocks: list[dict[str, Any]]) -> list[str]:
    return [f["text"] for b in blocks for f in b.get("fields", [])]


def test_the_week_in_dutch_every_figure_against_the_week_before() -> None:
    blocks = summary_blocks(summary(SummaryKind.WEEK), POLICY, "nl")
    assert blocks[0] == {
        "type": "header",
        "text": {
            "type": "plain_text",
            "text": "Weekoverzicht · hele desk · week 49 (30-11-2026 t/m 06-12-2026)",
        },
    }
    assert blocks[1]["type"] == "context"
    # Compared with the ISO week before, as the line says.
    assert blocks[1]["elements"][0]["text"] == (
        "30-11-2026 00:00 – 07-12-2026 00:00 · tussen haakjes het verschil met "
        "23-11-2026 00:00 – 30-11-2026 00:00"
    )
    fields = field_texts(blocks)
    # open 1 + 4 + 7 = 12 against 2; new 14 against 10; resolved 11 against 12.
    assert "*Open*\n12 (+10)" in fields
    assert "*Nieuw*\n14 (+4)" in fields
    assert "*Opgelost*\n11 (−1)" in fields
    assert "*Heropend*\n1 (+1)" in fields
    assert "*Dreigt te verlopen* (reactie · oplossing)\n1 (+1) · 2 (+2)" in fields
    assert "*Overschreden* (reactie · oplossing)\n0 (±0) · 3 (+2)" in fields
    by_priority = next(f for f in fields if f.startswith("*Open per prioriteit*"))
    assert by_priority.splitlines()[1:] == [
        "P1 Kritiek: 1 (+1)",
        "P2 Hoog: 4 (+2)",
        "P3 Normaal: 7 (+7)",
        "P4 Laag: 0 (±0)",
    ]
    by_line = next(f for f in fields if f.startswith("*Open per lijn*"))
    assert by_line.splitlines()[1:] == ["1e lijn: 3 (+3)", "2e lijn: 6 (+6)", "3e lijn: 3 (+3)"]
    all_text = "\n".join(texts(blocks))
    # gold response 37/40 = 92.5%, the week before 30/35 = 85.71%: +6.79 points.
    assert "Goud: reactie 92,5% (+6,8 %-punt), 37 / 3 / 0 · oplossing 90,9%, 20 / 2 / 1" in all_text
    assert "Brons: reactie 100%, 5 / 0 / 0 · oplossing n.v.t., 0 / 0 / 0" in all_text
    # 45 min against 30 min; 2h05 against 2h00; no resolution times the week before.
    assert "Eerste reactie: 0u45 (+0u15) · 2u05 (+0u05) (10 tickets)" in all_text
    assert "Oplossing: 6u00 · 30u00 (8 tickets)" in all_text
    assert (
        "*Reactie- en oplostijd* (mediaan · 90e percentiel, in kantooruren; 24x7 in gewone uren)"
        in all_text
    )
    assert "*Hoe lang tickets al openstaan* (werkdagen)" in all_text
    assert (
        "minder dan 1: 4 (+4)\n1 tot 3: 5 (+5)\n3 tot 5: 0 (±0)\n5 tot 10: 0 (±0)\n10 of meer: 3 (+3)"
        in all_text
    )
    # ACME had 4 the week before; CAFE was not in that top five.
    assert "1. Acme &lt;!channel&gt; &amp; Co (ACME): 6 (+2)\n2. Café (CAFE): 2" in all_text
    assert "<@UENG0001>: 3 (+2) · 2 (+1)" in all_text


def test_the_same_week_in_english() -> None:
    all_text = "\n".join(texts(summary_blocks(summary(SummaryKind.WEEK), POLICY, "en")))
    assert "Week summary · whole desk · week 49 (30-11-2026 to 06-12-2026)" in all_text
    assert "*Open*\n12 (+10)" in all_text
    assert "Gold: response 92.5% (+6.8 pts), 37 / 3 / 0 · resolution 90.9%, 20 / 2 / 1" in all_text
    assert "First response: 0h45 (+0h15) · 2h05 (+0h05) (10 tickets)" in all_text
    assert "reactie" not in all_text and "Nieuw" not in all_text


def test_customer_text_is_escaped_so_it_pings_nobody() -> None:
    for kind in SummaryKind:
        blocks = summary_blocks(summary(kind), POLICY, "nl", chart_file="F1", alt="x")
        joined = "\n".join(texts(blocks))
        assert "<!channel>" not in joined and "<!here>" not in joined, kind
        assert "<b>" not in joined, kind


def test_the_chart_is_an_image_block_of_the_uploaded_file_and_none_without_it() -> None:
    with_chart = summary_blocks(
        summary(SummaryKind.DAY), POLICY, "nl", chart_file="F0CHART", alt="Grafiek: 12 open"
    )
    assert with_chart[-1] == {
        "type": "image",
        "slack_file": {"id": "F0CHART"},
        "alt_text": "Grafiek: 12 open",
    }
    without = summary_blocks(summary(SummaryKind.DAY), POLICY, "nl")
    assert [b for b in without if b["type"] == "image"] == []
    assert without == with_chart[:-1]


def test_the_day_of_a_line_names_the_line_and_leaves_out_the_other_lines() -> None:
    blocks = summary_blocks(summary(SummaryKind.DAY, Scope(line=2)), POLICY, "nl")
    assert blocks[0]["text"]["text"] == "Dagoverzicht · 2e lijn · 01-12-2026"
    assert not any(f.startswith("*Open per lijn*") for f in field_texts(blocks))


def test_a_customer_scope_is_named_in_the_header() -> None:
    blocks = summary_blocks(summary(SummaryKind.MONTH, Scope(customer="ACME")), POLICY, "en")
    assert blocks[0]["text"]["text"] == "Month summary · customer ACME · November 2026"


def test_the_month_lists_compliance_per_customer_worst_first() -> None:
    blocks = summary_blocks(summary(SummaryKind.MONTH), POLICY, "nl")
    assert blocks[0]["text"]["text"] == "Maandoverzicht · hele desk · november 2026"
    section = next(t for t in texts(blocks) if t.startswith("*SLA per klant*"))
    assert section.splitlines()[1:] == [
        "ACME: reactie 75%, 3 / 1 / 0 · oplossing n.v.t., 0 / 0 / 0",
        "BAKKER: reactie n.v.t., 0 / 0 / 0 · oplossing 100%, 2 / 0 / 0",
    ]


def test_five_hundred_customers_stay_within_slacks_limits(fake_slack: FakeSlack) -> None:
    # Every 5th customer (i % 5 == 0: 100 of them) had a breach; the 40 worst are named.
    many = {
        f"KLANT{i:03d}": {
            "response": ClockCounts(i % 7, 1 if i % 5 == 0 else 0, 0),
            "resolution": ClockCounts(5, 0, 1),
        }
        for i in range(500)
    }
    s = summary(SummaryKind.MONTH, compliance_by_customer=many)
    blocks = summary_blocks(s, POLICY, "nl", chart_file="F1", alt="x")
    assert len(blocks) <= 50
    assert blocks[-1]["type"] == "image"
    assert all(len(b.get("text", {}).get("text", "")) <= 3000 for b in blocks)
    section = next(t for t in texts(blocks) if t.startswith("*SLA per klant*")).splitlines()
    # 30 of the 100 with a breach, worst first: i = 0, 35, 70, ... met 0 of 1 (0%).
    assert section[1] == "KLANT000: reactie 0%, 0 / 1 / 0 · oplossing 100%, 5 / 0 / 1"
    assert len(section) == 1 + 30 + 1
    assert section[-1] == "en 400 klanten zonder overschrijding"
    # 70 with a breach are left out: the message says so and where they are.
    assert "… en meer. Alle tickets van deze periode krijg je met `/rapport … csv`." in texts(
        blocks
    )
    client = WebClient(token="xoxb-test", base_url=fake_slack.api_url)
    answer = client.chat_postMessage(
        channel="#teamleiders", text=summary_text(s, POLICY, "nl"), blocks=blocks
    )
    assert answer["ok"] is True


def test_the_morning_lists_new_tickets_pages_with_who_took_them_and_breaches() -> None:
    blocks = summary_blocks(summary(SummaryKind.MORNING), POLICY, "nl")
    assert blocks[0]["text"]["text"] == "Ochtendoverzicht · hele desk · 27-11-2026 t/m 30-11-2026"
    assert blocks[1]["elements"][0]["text"] == (
        "Terwijl de desk dicht was: 27-11-2026 17:30 – 30-11-2026 08:30 · tussen haakjes het "
        "verschil met 26-11-2026 17:30 – 27-11-2026 08:30"
    )
    all_text = texts(blocks)
    assert (
        "*Nieuwe tickets*\n• *KOR-000101* Acme &lt;b&gt; · P1 Kritiek · Server &lt;!here&gt; plat\n"
        "• *KOR-000102* Café · P3 Normaal · Printer"
    ) in all_text
    assert (
        "*Oproepen van de waakdienst*\n"
        "• *KOR-000101* Acme &lt;b&gt; · P1 Kritiek · 28-11-2026 03:12: opgeroepen "
        "<@UENG0001>, <@UENG0002>; aangenomen door <@UENG0002>\n"
        "• *KOR-000103* Acme &lt;b&gt; · P2 Hoog · 29-11-2026 04:00: opgeroepen <@UENG0001>; "
        "aangenomen door _niemand_"
    ) in all_text
    assert (
        "*Overschrijdingen*\n• *KOR-000101* Acme &lt;b&gt; · P1 Kritiek: reactie overschreden"
        in all_text
    )
    assert "*Nieuw*\n2 (+2)" in field_texts(blocks)


def test_the_notification_text_carries_the_headline_figures() -> None:
    assert summary_text(summary(SummaryKind.DAY), POLICY, "nl") == (
        "Dagoverzicht · hele desk · 01-12-2026: 12 open, 14 nieuw, 11 opgelost, 3 overschreden"
    )
    assert summary_text(summary(SummaryKind.MORNING), POLICY, "en") == (
        "Morning summary · whole desk · 27-11-2026 to 30-11-2026: 2 new, 2 pages, 1 breached"
    )


def test_numbers_percentages_and_durations_read_dutch_or_english() -> None:
    assert wording.number(1234567, "nl") == "1.234.567"
    assert wording.number(1234567, "en") == "1,234,567"
    assert wording.count(3, 5, "nl") == "3 (−2)"
    assert wording.percent(Fraction(37, 40), "nl") == "92,5%"
    assert wording.percent(Fraction(1, 1), "nl") == "100%"
    assert wording.percent(Fraction(1, 3), "en") == "33.3%"
    assert wording.percent(None, "nl") == "n.v.t."
    assert wording.percent_change(Fraction(1, 2), Fraction(3, 4), "nl") == "50% (−25 %-punt)"
    assert wording.duration(timedelta(hours=26, minutes=5), "nl") == "26u05"
    assert wording.duration_change(timedelta(hours=1), timedelta(hours=2), "en") == "1h00 (−1h00)"
